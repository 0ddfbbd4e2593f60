// npm run data -- [--source snapshot|shared|live] [--years 2019-2025] [--kolada-base URL] [--import-sos <folder> [--import-date YYYY-MM-DD]]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDataArgs } from "../src/cli/dataArgs";
import { importedFromArgs } from "../src/cli/importSosArgs";
import { runPipeline } from "../src/pipeline/run";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

try {
  const args = parseDataArgs(process.argv.slice(2));
  const imported = importedFromArgs(root, args);
  await runPipeline({ root, source: args.source, years: args.years, koladaBase: args.koladaBase, imported });
} catch (error) {
  console.error(`data: ${(error as Error).message}`);
  process.exit(1);
}
