// The committed offline snapshot of real Kolada values (data/snapshot/), and the importer that makes it
// from ../shared/data (a 2024 scrape of Kolada, years ≤ 2022, plus the 2026 v3 KPI catalogue).
// The snapshot holds only the KPIs in src/pipeline/kpis.ts: municipality level + Riket, T and K/M.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseCsvRecords, toCsv } from "../csv";
import { ALL_KPIS, sourceOfKpi } from "../kpis";
import type { Gender, IndicatorMetaRow, ValueRow } from "../tables";
import { RIKET } from "../tables";
import { endedYearFromTitle } from "./kolada/normalise";

/** Older years are not used by the index (the survey starts 2012, continuity 2007): not kept. */
export const SNAPSHOT_FIRST_YEAR = 2007;
/** Date the ddf dump was scraped from Kolada (its datapackage.json "created"). */
export const SNAPSHOT_FETCHED_AT = "2024-08-31";
/** Wide on gender (T, K, M side by side) so the committed file stays compact; empty = no value. */
export const SNAPSHOT_VALUE_COLUMNS = ["kpi", "municipality", "year", "T", "K", "M"];
const GENDERS: Gender[] = ["T", "K", "M"];
export const SNAPSHOT_KPI_COLUMNS: (keyof IndicatorMetaRow)[] = [
  "kpi", "title", "description", "source", "has_ou_data", "is_divided_by_gender", "ended", "ended_year",
];

// Same rule for ended KPIs as the live client, so snapshot and live metadata agree.
export { endedYearFromTitle } from "./kolada/normalise";

export interface SharedPaths { ddf: string; catalog: string }
export function sharedPaths(sharedData: string): SharedPaths {
  return {
    ddf: path.join(sharedData, "kolada", "ddf-dump-2024"),
    catalog: path.join(sharedData, "kolada", "catalog-2026"),
  };
}

function geoToMunicipality(geo: string, known: Set<string>): string | null {
  if (geo === "0" || geo === "0000") return RIKET;
  return geo.length === 4 && known.has(geo) ? geo : null;
}

function parseNumber(text: string, file: string, row: number, field: string): number {
  const v = Number(text);
  if (text.trim() === "" || !Number.isFinite(v)) throw new Error(`${file}, row ${row}, field ${field}: expected a number, found "${text}"`);
  return v;
}

/** Read every listed KPI's total and K/M values for the known municipalities and Riket. */
export function importValuesFromShared(paths: SharedPaths, municipalities: Set<string>, kpis = ALL_KPIS): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const kpi of kpis) {
    const id = kpi.toLowerCase();
    const total = path.join(paths.ddf, "datapoints--by--geo--year", `ddf--datapoints--${id}--by--geo--year.csv`);
    const byGender = path.join(paths.ddf, "datapoints--by--geo--gender--year", `ddf--datapoints--${id}--by--geo--gender--year.csv`);
    const files: [string, boolean][] = [[total, false], [byGender, true]];
    for (const [file, gendered] of files) {
      if (!existsSync(file)) continue;
      parseCsvRecords(readFileSync(file, "utf8"), file).forEach((r, i) => {
        const municipality = geoToMunicipality(r.geo, municipalities);
        if (!municipality) return; // regions, DeSO etc. are not used
        if (Number(r.year) < SNAPSHOT_FIRST_YEAR) return;
        const gender: Gender = gendered ? (r.gender === "k" ? "K" : r.gender === "m" ? "M" : ("?" as Gender)) : "T";
        if (gender === ("?" as Gender)) throw new Error(`${file}, row ${i + 2}, field gender: expected k or m, found "${r.gender}"`);
        rows.push({
          kpi, municipality, gender,
          year: parseNumber(r.year, file, i + 2, "year"),
          value: parseNumber(r[id], file, i + 2, id),
          status: null, source: sourceOfKpi(kpi), fetched_at: SNAPSHOT_FETCHED_AT,
        });
      });
    }
  }
  return sortValues(rows);
}

/** KPI metadata from the v3 catalogue; KPIs missing there (retired) fall back to the dump's concepts. */
export function importIndicatorsFromShared(paths: SharedPaths, kpis = ALL_KPIS): IndicatorMetaRow[] {
  const catalogFile = path.join(paths.catalog, "kolada_kpi_catalog.csv");
  const conceptsFile = path.join(paths.ddf, "kolada_aldreomsorg_kpis.csv");
  const catalog = new Map(parseCsvRecords(readFileSync(catalogFile, "utf8"), catalogFile).map((r) => [r.id, r]));
  const concepts = new Map(parseCsvRecords(readFileSync(conceptsFile, "utf8"), conceptsFile).map((r) => [r.kpi, r]));
  const out: IndicatorMetaRow[] = [];
  for (const kpi of kpis) {
    const c = catalog.get(kpi);
    const d = concepts.get(kpi);
    if (!c && !d) continue; // not in any offline source (e.g. Enhetsundersökningen items)
    const title = c?.title ?? d!.name;
    const ended = endedYearFromTitle(title);
    out.push({
      kpi, title,
      description: c?.description ?? d!.description,
      source: sourceOfKpi(kpi),
      has_ou_data: (c?.has_ou_data ?? d!.has_ou_data).toUpperCase() === "TRUE",
      is_divided_by_gender: (c?.is_divided_by_gender ?? d!.is_divided_by_gender).toUpperCase() === "TRUE",
      ended: ended !== null, ended_year: ended,
    });
  }
  return out.sort((a, b) => a.kpi.localeCompare(b.kpi));
}

export function sortValues(rows: ValueRow[]): ValueRow[] {
  const order = { T: 0, K: 1, M: 2 } as const;
  return rows.sort((a, b) =>
    a.kpi.localeCompare(b.kpi) || a.municipality.localeCompare(b.municipality) || a.year - b.year || order[a.gender] - order[b.gender]);
}

export function valuesToSnapshotCsv(rows: ValueRow[]): string {
  const wide = new Map<string, (string | number | null)[]>();
  for (const r of sortValues([...rows])) {
    const key = `${r.kpi}|${r.municipality}|${r.year}`;
    let line = wide.get(key);
    if (!line) wide.set(key, (line = [r.kpi, r.municipality, r.year, null, null, null]));
    line[3 + GENDERS.indexOf(r.gender)] = r.value;
  }
  return toCsv(SNAPSHOT_VALUE_COLUMNS, [...wide.values()]);
}

export function indicatorsToSnapshotCsv(rows: IndicatorMetaRow[]): string {
  return toCsv(SNAPSHOT_KPI_COLUMNS, rows.map((r) => SNAPSHOT_KPI_COLUMNS.map((c) => r[c])));
}

/** Read the committed snapshot (data/snapshot) back into typed rows. */
export function readSnapshot(dir: string): { values: ValueRow[]; indicators: IndicatorMetaRow[] } {
  const valuesFile = path.join(dir, "kolada_values.csv");
  const kpisFile = path.join(dir, "kolada_kpis.csv");
  for (const f of [valuesFile, kpisFile]) {
    if (!existsSync(f)) throw new Error(`Snapshot file missing: ${f}. Run "npm run data -- --source shared" next to ../shared/data, or restore it from git.`);
  }
  const values: ValueRow[] = [];
  parseCsvRecords(readFileSync(valuesFile, "utf8"), valuesFile).forEach((r, i) => {
    const year = parseNumber(r.year, valuesFile, i + 2, "year");
    for (const gender of GENDERS) {
      if (r[gender] === "") continue; // the dump only lists values that exist
      values.push({
        kpi: r.kpi, municipality: r.municipality, gender, year,
        value: parseNumber(r[gender], valuesFile, i + 2, gender), status: null,
        source: sourceOfKpi(r.kpi), fetched_at: SNAPSHOT_FETCHED_AT,
      });
    }
  });
  const indicators = parseCsvRecords(readFileSync(kpisFile, "utf8"), kpisFile).map((r): IndicatorMetaRow => ({
    kpi: r.kpi, title: r.title, description: r.description, source: r.source as IndicatorMetaRow["source"],
    has_ou_data: r.has_ou_data === "true", is_divided_by_gender: r.is_divided_by_gender === "true",
    ended: r.ended === "true", ended_year: r.ended_year === "" ? null : Number(r.ended_year),
  }));
  return { values, indicators };
}

/** Which listed KPIs the shared dump has files for (for the provenance note). */
export function kpisPresentInShared(paths: SharedPaths): Set<string> {
  const dir = path.join(paths.ddf, "datapoints--by--geo--year");
  return new Set(readdirSync(dir).map((f) => f.split("--")[2].toUpperCase()));
}
