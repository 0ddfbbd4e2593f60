// npm run data -- [--source snapshot|shared|live] [--years 2019-2025] [--kolada-base URL] [--import-sos <folder> [--import-date YYYY-MM-DD]]
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDataArgs } from "../src/cli/dataArgs";
import { runPipeline } from "../src/pipeline/run";
import { importSosFolder } from "../src/pipeline/sources/importSosFolder";
import { readReferenceCsv } from "../src/pipeline/sources/reference";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

try {
  const args = parseDataArgs(process.argv.slice(2));
  let imported;
  if (args.importSos) {
    const refFile = path.join(root, "data", "reference", "municipalities.csv");
    const known = new Set(readReferenceCsv(readFileSync(refFile, "utf8"), refFile).map((m) => m.code));
    // Files that state no date of their own get the import date (pass --import-date to rebuild byte for byte).
    const fetchedAt = args.importDate ?? new Date().toISOString().slice(0, 10);
    imported = { label: `socialstyrelsen (${args.importSos})`, ...importSosFolder(path.resolve(args.importSos), { knownMunicipalities: known, fetchedAt }) };
  }
  await runPipeline({ root, source: args.source, years: args.years, koladaBase: args.koladaBase, imported });
} catch (error) {
  console.error(`data: ${(error as Error).message}`);
  process.exit(1);
}
