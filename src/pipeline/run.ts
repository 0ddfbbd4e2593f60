// The data pipeline: read a source (committed snapshot by default, ../shared/data to remake the snapshot,
// or Kolada live), add units, validate, run the index model, and write data/build/ through a staging
// folder so a failed run never replaces the last good output.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic, stagingDir, swapDir } from "./atomic";
import { buildManifest, fileEntry, type SourceEntry } from "./manifest";
import { readParquet, writeParquet } from "./parquet";
import {
  importIndicatorsFromShared, importValuesFromShared, indicatorsToSnapshotCsv, readSnapshot, sharedPaths,
  valuesToSnapshotCsv, SNAPSHOT_FETCHED_AT,
} from "./sources/koladaSnapshot";
import { readReferenceCsv, referenceFromShared, referenceToCsv } from "./sources/reference";
import {
  indicatorsTable, municipalitiesTable, unitsTable, unitValuesTable, valuesTable,
  type DataSet, type TableSpec,
} from "./tables";
import { validateDataSet, type ValidationReport } from "./validate";

export type SourceMode = "snapshot" | "shared" | "live";

export interface PipelineOptions {
  root: string; // repository root
  source: SourceMode;
  sharedData?: string; // default ../shared/data beside the repo
  outDir?: string; // default data/build
  log?: (line: string) => void;
}

export interface PipelineResult { outDir: string; report: ValidationReport; rows: Record<string, number>; ms: number }

export const KOLADA_CREDIT = "Källa: Kolada";

function loadReference(opts: PipelineOptions, shared: string) {
  const refFile = path.join(opts.root, "data", "reference", "municipalities.csv");
  if (opts.source === "shared") {
    const sharedFile = path.join(shared, "municipalities", "kommuner_290.csv");
    const rows = referenceFromShared(readFileSync(sharedFile, "utf8"), sharedFile);
    writeFileAtomic(refFile, referenceToCsv(rows));
    return rows;
  }
  return readReferenceCsv(readFileSync(refFile, "utf8"), refFile);
}

/** Values and KPI metadata: from the committed snapshot, or remade from ../shared/data. */
function loadKolada(opts: PipelineOptions, shared: string, codes: Set<string>) {
  const snapshotDir = path.join(opts.root, "data", "snapshot");
  if (opts.source === "shared") {
    const paths = sharedPaths(shared);
    const values = importValuesFromShared(paths, codes);
    const indicators = importIndicatorsFromShared(paths);
    writeFileAtomic(path.join(snapshotDir, "kolada_values.csv"), valuesToSnapshotCsv(values));
    writeFileAtomic(path.join(snapshotDir, "kolada_kpis.csv"), indicatorsToSnapshotCsv(indicators));
    return { values, indicators };
  }
  return readSnapshot(snapshotDir);
}

async function writeTable<R extends object>(dir: string, spec: TableSpec<R>, rows: R[]) {
  const file = path.join(dir, `${spec.name}.parquet`);
  await writeParquet(spec, rows, file);
  const back = await readParquet(file);
  if (back.length !== rows.length) throw new Error(`${spec.name}.parquet: wrote ${rows.length} rows but read back ${back.length}`);
  return fileEntry(file, `${spec.name}.parquet`, rows.length);
}

function yearsOf(rows: { year: number }[]): string {
  if (rows.length === 0) return "–";
  let lo = Infinity, hi = -Infinity;
  for (const r of rows) { lo = Math.min(lo, r.year); hi = Math.max(hi, r.year); }
  return `${lo}–${hi}`;
}

export async function runPipeline(opts: PipelineOptions): Promise<PipelineResult> {
  const started = performance.now();
  const log = opts.log ?? ((line: string) => console.log(line));
  const shared = opts.sharedData ?? path.resolve(opts.root, "..", "shared", "data");
  const outDir = opts.outDir ?? path.join(opts.root, "data", "build");
  if (opts.source === "live") throw new Error("--source live is wired in by the Kolada client (see src/pipeline/sources/kolada/)");

  const municipalities = loadReference(opts, shared);
  log(`referens: ${municipalities.length} kommuner (data/reference/municipalities.csv)`);
  const { values, indicators } = loadKolada(opts, shared, new Set(municipalities.map((m) => m.code)));
  const kolada = values.filter((v) => v.source === "kolada");
  const seniorAlert = values.filter((v) => v.source === "senioralert");
  log(`kolada (${opts.source}): ${kolada.length} värden, ${new Set(kolada.map((v) => v.kpi)).size} KPI:er, år ${yearsOf(kolada)}`);
  log(`senior alert (via Kolada, ${opts.source}): ${seniorAlert.length} värden, år ${yearsOf(seniorAlert)}`);

  const data: DataSet = { municipalities, indicators, values, units: [], unitValues: [] };
  const { data: clean, report } = validateDataSet(data);
  log(`validering: ${report.quarantinedTotal} rader i karantän (se validation.json)`);

  const staging = stagingDir(outDir);
  const files = [
    await writeTable(staging, municipalitiesTable, clean.municipalities),
    await writeTable(staging, indicatorsTable, clean.indicators),
    await writeTable(staging, valuesTable, clean.values),
    await writeTable(staging, unitsTable, clean.units),
    await writeTable(staging, unitValuesTable, clean.unitValues),
  ];
  const mode = opts.source === "live" ? "live" : "snapshot";
  const sources: SourceEntry[] = [
    { id: "kolada", name: "Kolada (RKA), API v3", mode, licence: "Fri användning, även kommersiell; ange källa", credit: KOLADA_CREDIT,
      dates: [...new Set(kolada.map((v) => v.fetched_at))].sort(), rows: { values: kolada.length } },
    { id: "senioralert", name: "Senior alert (via Kolada)", mode, licence: "Via Kolada: fri användning; ange källa", credit: "Källa: Senior alert via Kolada",
      dates: [...new Set(seniorAlert.map((v) => v.fetched_at))].sort(), rows: { values: seniorAlert.length } },
    { id: "reference", name: "Kommunregister (SCB via sjbrg/swedish-geodata, CC0) och Koladas kommungrupper", mode: "reference",
      licence: "CC0 / Kolada", credit: "Källa: SCB, Kolada", dates: [SNAPSHOT_FETCHED_AT], rows: { municipalities: municipalities.length } },
  ];
  writeFileSync(path.join(staging, "validation.json"), JSON.stringify(report, null, 2) + "\n");
  const manifest = buildManifest(sources, files, null);
  writeFileSync(path.join(staging, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  swapDir(staging, outDir);
  const ms = performance.now() - started;
  log(`klart: ${files.map((f) => `${f.file} ${f.rows} rader`).join(", ")} på ${(ms / 1000).toFixed(1)} s → ${path.relative(opts.root, outDir)}`);
  return { outDir, report, rows: Object.fromEntries(files.map((f) => [f.file, f.rows ?? 0])), ms };
}

export function buildExists(root: string): boolean {
  return existsSync(path.join(root, "data", "build", "manifest.json"));
}
