// npm run build: build the static site from data/build (the pipeline's output) into dist/.
// HTK_BUILD_DIR points the build at another data folder (read by src/site-data/load.ts) and HTK_DIST at
// another output folder (the reliability tests build into temp folders; every later build step must
// write under that folder too).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.resolve(process.env.HTK_BUILD_DIR ?? path.join(root, "data", "build"));
const distDir = path.resolve(process.env.HTK_DIST ?? path.join(root, "dist"));
if (!existsSync(path.join(dataDir, "manifest.json"))) {
  console.error(`build: ${path.relative(root, dataDir) || dataDir} is missing; run \`npm run data\` first (npm start does both).`);
  process.exit(1);
}
const started = performance.now();
execFileSync("astro", ["build", "--outDir", distDir], { cwd: root, stdio: "inherit", env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" } });
console.log(`build: webbplatsen byggd på ${((performance.now() - started) / 1000).toFixed(1)} s → ${path.relative(root, distDir) || distDir}/`);
// Report packages (issue 6): PDF, PPTX, XLSX, CSV and ZIP per municipality into the same dist (src/report/).
const { buildReports } = await import("../src/report/build");
await buildReports({ root, dist: distDir }).catch((e: Error) => { console.error(`build: ${e.message}`); process.exit(1); });
