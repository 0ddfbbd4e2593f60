// The data pipeline: collect a data set (snapshot, shared or live; plus units), validate it, run the
// index model, and write data/build/ through a staging folder so a failed run never replaces the last
// good output. One progress line per source.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stagingDir, swapDir } from "./atomic";
import { collectDataSet, type CollectOptions, type SourceMode } from "./collect";
import { compareBuilds, type Changes } from "./changes";
import { HEADLINE_SURVEY_KPI } from "./kpis";
import { buildManifest, fileEntry, type DataAge } from "./manifest";
import { readParquet, writeParquet } from "./parquet";
import { indicatorsTable, municipalitiesTable, unitsTable, unitValuesTable, valuesTable, type TableSpec, type UnitRow, type ValueRow } from "./tables";
import { validateDataSet, type ValidationReport } from "./validate";
import { runModel } from "../model";
import { indicatorScoresTable, rankChangesTable, scoresTable, unitScoresTable } from "../model/outputTables";

export type { SourceMode } from "./collect";

export interface PipelineOptions {
  root: string; // repository root
  source: SourceMode;
  sharedData?: string; // default ../shared/data beside the repo
  outDir?: string; // default data/build
  years?: number[];
  koladaBase?: string;
  imported?: CollectOptions["imported"];
  live?: CollectOptions["live"]; // live only: restrict/tune the fetch (see LiveTuning)
  log?: (line: string) => void;
  /** `npm run data:update`: compare with the build being replaced and write changes.json into the new one. */
  changes?: boolean;
}

export interface PipelineResult { outDir: string; report: ValidationReport; rows: Record<string, number>; ms: number; changes?: Changes }

/** The previous build's values and units, for changes.json (null when there is none or it is unreadable). */
async function readPrevious(outDir: string, log: (line: string) => void): Promise<Parameters<typeof compareBuilds>[0]> {
  if (!existsSync(path.join(outDir, "values.parquet")) || !existsSync(path.join(outDir, "units.parquet"))) return null;
  try {
    return { values: await readParquet<ValueRow>(path.join(outDir, "values.parquet")), units: await readParquet<UnitRow>(path.join(outDir, "units.parquet")) };
  } catch (error) {
    log(`förändringar: förra bygget gick inte att läsa (${(error as Error).message}); jämför mot inget`);
    return null;
  }
}

/** Newest survey year with a value in this build (the data age every page states). */
export function dataAgeOf(values: readonly ValueRow[]): DataAge {
  let newest: number | null = null;
  for (const v of values) if (v.kpi === HEADLINE_SURVEY_KPI && v.value !== null && (newest === null || v.year > newest)) newest = v.year;
  return { kpi: HEADLINE_SURVEY_KPI, survey_year: newest };
}

async function writeTable<R extends object>(dir: string, spec: TableSpec<R>, rows: readonly R[]) {
  const file = path.join(dir, `${spec.name}.parquet`);
  await writeParquet(spec, rows, file);
  const back = await readParquet(file);
  if (back.length !== rows.length) throw new Error(`${spec.name}.parquet: wrote ${rows.length} rows but read back ${back.length}`);
  return fileEntry(file, `${spec.name}.parquet`, rows.length);
}

export async function runPipeline(opts: PipelineOptions): Promise<PipelineResult> {
  const started = performance.now();
  const log = opts.log ?? ((line: string) => console.log(line));
  const outDir = opts.outDir ?? path.join(opts.root, "data", "build");
  const previous = opts.changes ? await readPrevious(outDir, log) : null;
  const { data, sources } = await collectDataSet({
    root: opts.root, source: opts.source, sharedData: opts.sharedData ?? path.resolve(opts.root, "..", "shared", "data"),
    years: opts.years, koladaBase: opts.koladaBase, imported: opts.imported, live: opts.live, log,
  });
  const { data: clean, report } = validateDataSet(data);
  for (const q of opts.imported?.quarantined ?? []) {
    report.other.push({ table: "unit_values", key: `${q.file}:${q.row}`, field: q.field, reason: q.reason, source: "socialstyrelsen" });
    report.quarantinedTotal++;
  }
  log(`validering: ${report.quarantinedTotal} rader i karantän (se validation.json)`);

  const staging = stagingDir(outDir);
  try {
    const files = [
      await writeTable(staging, municipalitiesTable, clean.municipalities),
      await writeTable(staging, indicatorsTable, clean.indicators),
      await writeTable(staging, valuesTable, clean.values),
      await writeTable(staging, unitsTable, clean.units),
      await writeTable(staging, unitValuesTable, clean.unitValues),
    ];
    const modelStarted = performance.now();
    const model = runModel(clean);
    log(`modell: ${model.publishedYears.length} publicerade år (${model.publishedYears.join(", ")}), ${model.scores.length} resultatrader, ${model.unitScores.length} enhetsrader på ${((performance.now() - modelStarted) / 1000).toFixed(1)} s`);
    files.push(
      await writeTable(staging, scoresTable, model.scores),
      await writeTable(staging, unitScoresTable, model.unitScores),
      await writeTable(staging, indicatorScoresTable, model.indicatorScores),
      await writeTable(staging, rankChangesTable, model.rankChanges),
    );
    for (const [name, doc] of [["weights.json", model.weights], ["method.json", model.method]] as const) {
      writeFileSync(path.join(staging, name), JSON.stringify(doc, null, 2) + "\n");
      files.push(fileEntry(path.join(staging, name), name, null));
    }
    writeFileSync(path.join(staging, "validation.json"), JSON.stringify(report, null, 2) + "\n");
    let changes: Changes | undefined;
    if (opts.changes) {
      changes = compareBuilds(previous, { values: clean.values, units: clean.units });
      writeFileSync(path.join(staging, "changes.json"), JSON.stringify(changes, null, 2) + "\n");
      files.push(fileEntry(path.join(staging, "changes.json"), "changes.json", null));
    }
    const manifest = buildManifest(sources, files, model.method.version, dataAgeOf(clean.values));
    writeFileSync(path.join(staging, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    swapDir(staging, outDir);
    const ms = performance.now() - started;
    log(`klart: ${files.map((f) => `${f.file} ${f.rows}`).join(", ")} på ${(ms / 1000).toFixed(1)} s → ${path.relative(opts.root, outDir) || outDir}`);
    return { outDir, report, rows: Object.fromEntries(files.map((f) => [f.file, f.rows ?? 0])), ms, changes };
  } catch (error) {
    const { rmSync } = await import("node:fs");
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

export function buildExists(root: string): boolean {
  return existsSync(path.join(root, "data", "build", "manifest.json"));
}
