// npm run bench: prints the numbers behind the budgets (DESIGN.md §7) and writes bench/results.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchPipeline } from "../src/pipeline/bench";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

const pipeline = await benchPipeline(root);
results.pipeline = pipeline;
console.log(`Datapipeline från snapshot: ${(pipeline.pipeline_ms / 1000).toFixed(2)} s (budget ≤ 30 s)`);
for (const [name, t] of Object.entries(pipeline.tables)) {
  console.log(`  ${name.padEnd(18)} ${String(t.rows).padStart(8)} rader  parquet ${kb(t.parquet_bytes).padStart(10)}  csv.gz ${kb(t.csv_gzip_bytes).padStart(10)}`);
}

mkdirSync(path.join(root, "bench"), { recursive: true });
writeFileSync(path.join(root, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
console.log("→ bench/results.json");
