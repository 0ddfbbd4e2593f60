// Pipeline benchmark: time from the committed snapshot to data/build, rows per table, and each Parquet
// file's size against the same table written as gzip CSV (the format people would otherwise download).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { toCsv } from "./csv";
import { readParquet } from "./parquet";
import { runPipeline } from "./run";

export interface PipelineBench {
  pipeline_ms: number;
  tables: Record<string, { rows: number; parquet_bytes: number; csv_gzip_bytes: number }>;
}

export async function benchPipeline(root: string): Promise<PipelineBench> {
  const outDir = mkdtempSync(path.join(tmpdir(), "htk-bench-"));
  try {
    const started = performance.now();
    await runPipeline({ root, source: "snapshot", outDir, log: () => undefined });
    const pipeline_ms = Math.round(performance.now() - started);
    const tables: PipelineBench["tables"] = {};
    for (const file of readdirSync(outDir).filter((f) => f.endsWith(".parquet")).sort()) {
      const rows = await readParquet<Record<string, unknown>>(path.join(outDir, file));
      const header = rows.length ? Object.keys(rows[0]) : [];
      const csv = toCsv(header, rows.map((r) => header.map((h) => r[h] as string | number | boolean | null)));
      tables[file.replace(".parquet", "")] = {
        rows: rows.length,
        parquet_bytes: statSync(path.join(outDir, file)).size,
        csv_gzip_bytes: gzipSync(Buffer.from(csv)).length,
      };
    }
    return { pipeline_ms, tables };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Sizes (raw and brotli) of the files under a folder matching a filter. */
export function folderBytes(dir: string, filter: (f: string) => boolean): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(p, filter);
    else if (filter(p)) total += readFileSync(p).length;
  }
  return total;
}
