// npm run data:update [-- --years 2019-2025] [--kolada-base URL] [--import-sos <folder>]
// Refresh in one command: every KPI the model uses from Kolada v3, through the newest published year,
// into data/cache and data/build; prints what changed and writes data/build/changes.json. On any
// failure the last good data/build stays as it was (the pipeline writes through a staging folder).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDataArgs } from "../src/cli/dataArgs";
import { importedFromArgs } from "../src/cli/importSosArgs";
import { formatChanges } from "../src/pipeline/changes";
import { runPipeline } from "../src/pipeline/run";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

try {
  const args = parseDataArgs(process.argv.slice(2), false);
  const imported = importedFromArgs(root, args);
  const result = await runPipeline({ root, source: "live", years: args.years, koladaBase: args.koladaBase, imported, changes: true });
  for (const line of formatChanges(result.changes!)) console.log(line);
  console.log(`  → ${path.relative(root, path.join(result.outDir, "changes.json"))}`);
} catch (error) {
  console.error(`data:update: ${(error as Error).message}`);
  console.error("data:update: det senaste fungerande bygget i data/build är orört.");
  process.exit(1);
}
