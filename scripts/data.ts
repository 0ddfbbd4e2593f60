// npm run data -- [--source snapshot|shared|live] [--years 2019-2025] [--import-sos <folder>]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runPipeline, type SourceMode } from "../src/pipeline/run";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (!value || value.startsWith("--")) throw new Error(`--${name} needs a value`);
  return value;
}

try {
  const source = (arg("source") ?? "snapshot") as SourceMode;
  if (!["snapshot", "shared", "live"].includes(source)) throw new Error(`--source must be snapshot, shared or live (got "${source}")`);
  await runPipeline({ root, source });
} catch (error) {
  console.error(`data: ${(error as Error).message}`);
  process.exit(1);
}
