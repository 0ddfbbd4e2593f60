// Gathers one normalised data set from the chosen source: the committed snapshot (default), the shared
// reference data (remakes the snapshot), or Kolada live; then adds units (live/imported, else example
// units) and describes every source for the manifest.
import { readFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "./atomic";
import type { SourceEntry } from "./manifest";
import { generateExampleUnits } from "./sources/exampleUnits";
import { fetchLiveDataSet, type LiveOptions } from "./sources/kolada/live";
import {
  importIndicatorsFromShared, importValuesFromShared, indicatorsToSnapshotCsv, readSnapshot, sharedPaths,
  valuesToSnapshotCsv, SNAPSHOT_FETCHED_AT,
} from "./sources/koladaSnapshot";
import { readReferenceCsv, referenceFromShared, referenceToCsv } from "./sources/reference";
import type { DataSet, MunicipalityRow, UnitRow, UnitValueRow, ValueRow } from "./tables";
import { HEADLINE_SURVEY_KPI } from "./kpis";
import type { PublishedThrough } from "./manifest";
import { PUBLISHED_FILE, publishedFromCatalogue, publishedToJson, readPublished } from "./sources/koladaPublished";

export type SourceMode = "snapshot" | "shared" | "live";

export interface CollectOptions {
  root: string;
  source: SourceMode;
  sharedData: string;
  years?: number[]; // live only
  koladaBase?: string; // live only; default env KOLADA_BASE_URL or the public API
  imported?: ImportedData; // --import-sos: Socialstyrelsen unit files and Senior alert CSV exports
  /** Live only, optional: narrow or tune the fetch (fewer municipalities/KPIs, short timeouts in fault tests). */
  live?: LiveTuning;
  log: (line: string) => void;
}

export type LiveTuning = Partial<Pick<LiveOptions, "municipalities" | "kpis" | "totalTimeLimitMs" | "http">>;

export const KOLADA_CREDIT = "Källa: Kolada";

export interface ImportedData {
  label: string;
  units: UnitRow[];
  unitValues: UnitValueRow[];
  values: ValueRow[];
  quarantined: { file: string; row: number; field: string; reason: string }[];
}

function loadReference(opts: CollectOptions): MunicipalityRow[] {
  const refFile = path.join(opts.root, "data", "reference", "municipalities.csv");
  if (opts.source === "shared") {
    const sharedFile = path.join(opts.sharedData, "municipalities", "kommuner_290.csv");
    const rows = referenceFromShared(readFileSync(sharedFile, "utf8"), sharedFile);
    writeFileAtomic(refFile, referenceToCsv(rows));
    return rows;
  }
  return readReferenceCsv(readFileSync(refFile, "utf8"), refFile);
}

function yearSpan(rows: { year: number }[]): string {
  if (rows.length === 0) return "–";
  let lo = Infinity, hi = -Infinity;
  for (const r of rows) { lo = Math.min(lo, r.year); hi = Math.max(hi, r.year); }
  return `${lo}–${hi}`;
}

export async function collectDataSet(opts: CollectOptions): Promise<{ data: DataSet; sources: SourceEntry[] }> {
  const { log } = opts;
  const municipalities = loadReference(opts);
  log(`referens: ${municipalities.length} kommuner (data/reference/municipalities.csv)`);
  const codes = municipalities.map((m) => m.code);
  const snapshotDir = path.join(opts.root, "data", "snapshot");

  let data: DataSet;
  let published: PublishedThrough | undefined; // how far Kolada has published the survey (for the home page notice)
  let notices: string[] = [];
  if (opts.source === "live") {
    // No --years: DEFAULT_FIRST_YEAR through the newest year Kolada says it has published.
    const live = await fetchLiveDataSet({
      baseUrl: opts.koladaBase, years: opts.years,
      cacheDir: path.join(opts.root, "data", "cache", "kolada"), log, ...opts.live, municipalities: opts.live?.municipalities ?? codes,
    });
    data = { municipalities, indicators: live.indicators, values: live.values, units: live.units, unitValues: live.unitValues };
    const y = live.publishedThrough[HEADLINE_SURVEY_KPI];
    published = y === undefined ? undefined : { kpi: HEADLINE_SURVEY_KPI, year: y, basis: `Koladas KPI-metadata (/v3/kpi), hämtad ${live.fetchedAt}` };
    notices = live.notices;
  } else if (opts.source === "shared") {
    const paths = sharedPaths(opts.sharedData);
    const values = importValuesFromShared(paths, new Set(codes));
    const indicators = importIndicatorsFromShared(paths);
    writeFileAtomic(path.join(snapshotDir, "kolada_values.csv"), valuesToSnapshotCsv(values));
    writeFileAtomic(path.join(snapshotDir, "kolada_kpis.csv"), indicatorsToSnapshotCsv(indicators));
    data = { municipalities, indicators, values, units: [], unitValues: [] };
    published = publishedFromCatalogue(paths.catalog);
    writeFileAtomic(path.join(snapshotDir, PUBLISHED_FILE), publishedToJson(published));
  } else {
    data = { municipalities, ...readSnapshot(snapshotDir), units: [], unitValues: [] };
    published = readPublished(snapshotDir);
  }
  const kolada = data.values.filter((v) => v.source === "kolada");
  const seniorAlert = data.values.filter((v) => v.source === "senioralert");
  log(`kolada (${opts.source}): ${kolada.length} värden, ${new Set(kolada.map((v) => v.kpi)).size} KPI:er, år ${yearSpan(kolada)}`);
  log(`senior alert (via Kolada, ${opts.source}): ${seniorAlert.length} värden, år ${yearSpan(seniorAlert)}`);

  // Imported files: their values replace the same keys; real units replace example units per municipality.
  const imported = opts.imported;
  if (imported) {
    const key = (v: ValueRow) => `${v.kpi}|${v.municipality}|${v.year}|${v.gender}`;
    const replaced = new Set(imported.values.map(key));
    data.values = data.values.filter((v) => !replaced.has(key(v))).concat(imported.values);
    data.units = data.units.concat(imported.units);
    data.unitValues = data.unitValues.concat(imported.unitValues);
    log(`${imported.label}: ${imported.units.length} enheter, ${imported.unitValues.length} enhetsvärden, ${imported.values.length} värden, ${imported.quarantined.length} rader i karantän`);
  }
  const withRealUnits = new Set(data.units.map((u) => u.municipality));
  const example = generateExampleUnits({ municipalities: municipalities.filter((m) => !withRealUnits.has(m.code)), values: data.values });
  data.units = data.units.concat(example.units); // concat, not push(...): hundreds of thousands of rows
  data.unitValues = data.unitValues.concat(example.unitValues);
  log(`exempeldata: ${example.units.length} påhittade enheter i ${new Set(example.units.map((u) => u.municipality)).size} kommuner (märkta synthetic = true)`);

  const mode = opts.source === "live" ? "live" : "snapshot";
  const datesOf = (rows: { fetched_at: string }[]) => [...new Set(rows.map((v) => v.fetched_at))].sort();
  const sources: SourceEntry[] = [
    { id: "kolada", name: "Kolada (RKA), API v3", mode, licence: "Fri användning, även kommersiell; ange källa", credit: KOLADA_CREDIT,
      dates: datesOf(kolada), rows: { values: kolada.length, indicators: data.indicators.length },
      ...(published ? { published_through: published } : {}), ...(notices.length ? { notices } : {}) },
    { id: "senioralert", name: "Senior alert (via Kolada)", mode, licence: "Via Kolada: fri användning; ange källa",
      credit: "Källa: Senior alert via Kolada", dates: datesOf(seniorAlert), rows: { values: seniorAlert.length } },
    { id: "reference", name: "Kommunregister (SCB via sjbrg/swedish-geodata, CC0) med Koladas kommungrupper och liknande kommuner",
      mode: "reference", licence: "CC0 / Koladas villkor", credit: "Källa: SCB, Kolada", dates: [SNAPSHOT_FETCHED_AT], rows: { municipalities: municipalities.length } },
    { id: "exempeldata", name: "Exempelenheter (genererade, inte verkliga)", mode: "generated", licence: "–", credit: "Exempeldata",
      dates: [], rows: { units: example.units.length, unit_values: example.unitValues.length },
      note: "Deterministiska exempelenheter per kommun, kalibrerade så att deras svarsviktade medelvärde är kommunens verkliga värde." },
  ];
  if (imported) {
    sources.push({ id: "socialstyrelsen", name: "Socialstyrelsen (brukarundersökning per enhet, Enhetsundersökningen)", mode: "import",
      licence: "Öppna data; bearbetade uppgifter är inte officiell statistik", credit: "Källa: Socialstyrelsen", dates: [],
      rows: { units: imported.units.length, unit_values: imported.unitValues.length, values: imported.values.length } });
  }
  return { data, sources };
}
