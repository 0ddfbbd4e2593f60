// The data pipeline: collect a data set (snapshot, shared or live; plus units), validate it, run the
// index model, and write data/build/ through a staging folder so a failed run never replaces the last
// good output. One progress line per source.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stagingDir, swapDir } from "./atomic";
import { collectDataSet, type CollectOptions, type SourceMode } from "./collect";
import { buildManifest, fileEntry } from "./manifest";
import { readParquet, writeParquet } from "./parquet";
import { indicatorsTable, municipalitiesTable, unitsTable, unitValuesTable, valuesTable, type TableSpec } from "./tables";
import { validateDataSet, type ValidationReport } from "./validate";
import { runModel } from "../model";
import { indicatorScoresTable, scoresTable, unitScoresTable } from "../model/outputTables";

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
}

export interface PipelineResult { outDir: string; report: ValidationReport; rows: Record<string, number>; ms: number }

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
    );
    for (const [name, doc] of [["weights.json", model.weights], ["method.json", model.method]] as const) {
      writeFileSync(path.join(staging, name), JSON.stringify(doc, null, 2) + "\n");
      files.push(fileEntry(path.join(staging, name), name, null));
    }
    writeFileSync(path.join(staging, "validation.json"), JSON.stringify(report, null, 2) + "\n");
    const manifest = buildManifest(sources, files, model.method.version);
    writeFileSync(path.join(staging, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    swapDir(staging, outDir);
    const ms = performance.now() - started;
    log(`klart: ${files.map((f) => `${f.file} ${f.rows}`).join(", ")} på ${(ms / 1000).toFixed(1)} s → ${path.relative(opts.root, outDir) || outDir}`);
    return { outDir, report, rows: Object.fromEntries(files.map((f) => [f.file, f.rows ?? 0])), ms };
  } catch (error) {
    const { rmSync } = await import("node:fs");
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

export function buildExists(root: string): boolean {
  return existsSync(path.join(root, "data", "build", "manifest.json"));
}
