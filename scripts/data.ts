// npm run data -- [--source snapshot|shared|live] [--years 2019-2025] [--kolada-base URL] [--import-sos <folder> [--import-date YYYY-MM-DD]]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runPipeline, type SourceMode } from "../src/pipeline/run";
import { importSosFolder } from "../src/pipeline/sources/importSosFolder";
import { readReferenceCsv } from "../src/pipeline/sources/reference";
import { readFileSync } from "node:fs";

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
  const sosFolder = arg("import-sos");
  let imported;
  if (sosFolder) {
    const refFile = path.join(root, "data", "reference", "municipalities.csv");
    const known = new Set(readReferenceCsv(readFileSync(refFile, "utf8"), refFile).map((m) => m.code));
    // Files that state no date of their own get the import date (pass --import-date to rebuild byte for byte).
    const fetchedAt = arg("import-date") ?? new Date().toISOString().slice(0, 10);
    imported = { label: `socialstyrelsen (${sosFolder})`, ...importSosFolder(path.resolve(sosFolder), { knownMunicipalities: known, fetchedAt }) };
  }
  await runPipeline({ root, source, years: years ? parseYears(years) : undefined, koladaBase: arg("kolada-base"), imported });
} catch (error) {
  console.error(`data: ${(error as Error).message}`);
  process.exit(1);
}
