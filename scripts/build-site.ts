// npm run build: build the static site from data/build (the pipeline's output) into dist/.
import { execSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildExists } from "../src/pipeline/run";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (!buildExists(root)) {
  console.error("build: data/build is missing; run `npm run data` first (npm start does both).");
  process.exit(1);
}
const started = performance.now();
execSync("astro build", { cwd: root, stdio: "inherit", env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" } });
console.log(`build: webbplatsen byggd på ${((performance.now() - started) / 1000).toFixed(1)} s → dist/`);
