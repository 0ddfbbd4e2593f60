// npm run data -- [--source snapshot|shared|live] [--years 2019-2025] [--kolada-base URL] [--import-sos <folder>]
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

/** "2019-2025" or "2019,2020,2022" → years. */
export function parseYears(text: string): number[] {
  const range = /^(\d{4})-(\d{4})$/.exec(text);
  const years = range
    ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i)
    : text.split(",").map((y) => Number(y.trim()));
  if (years.length === 0 || years.some((y) => !Number.isInteger(y) || y < 2000 || y > 2100)) {
    throw new Error(`--years must look like 2019-2025 or 2019,2020 (got "${text}")`);
  }
  return years;
}

try {
  const source = (arg("source") ?? "snapshot") as SourceMode;
  if (!["snapshot", "shared", "live"].includes(source)) throw new Error(`--source must be snapshot, shared or live (got "${source}")`);
  const years = arg("years");
  await runPipeline({ root, source, years: years ? parseYears(years) : undefined, koladaBase: arg("kolada-base") });
} catch (error) {
  console.error(`data: ${(error as Error).message}`);
  process.exit(1);
}
