// npm start: build the data if missing, build the pages, serve dist/ on 127.0.0.1 at once, then render the
// chart PNGs and the report packages in the background with progress in the terminal. Until a download is
// ready, the server answers its link with a Swedish "rapporten byggs" page (503, Retry-After) instead of a
// 404 (scripts/serve-static.ts). Embed snippets and canonical links name the address served here, unless
// SITE_URL is set. Exit with Ctrl+C.
import { execFileSync, execSync, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildExists } from "../src/pipeline/run";
import { serveStatic } from "./serve-static";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const host = "127.0.0.1";
const port = Number(process.env.PORT ?? 4321);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const siteUrl = process.env.SITE_URL ?? `http://${host}:${port}`;
const env = { ...process.env, SITE_URL: siteUrl, ASTRO_TELEMETRY_DISABLED: "1" };

if (!buildExists(root)) execSync("npm run data", { cwd: root, stdio: "inherit" });
// Pages first (no PNGs): they are what a visitor needs to see.
execFileSync("astro", ["build", "--outDir", dist], { cwd: root, stdio: "inherit", env: { ...env, HTK_CHART_PNG: "skip" } });

/** Downloads still on their way while the background build runs. */
let building = true;
const DOWNLOAD = /\.(pdf|pptx|xlsx|csv|png|txt|zip)$/i;
const { url } = await serveStatic(dist, port, host, { pending: (p) => building && DOWNLOAD.test(p) });
console.log(`\nHemtjänstkollen körs på ${url}/  (efter ${seconds()} s; avsluta med Ctrl+C)`);
console.log("Diagrambilder och rapportpaket byggs nu i bakgrunden; deras länkar säger \"Rapporten byggs\" tills de är klara.\n");

const runStep = (args: string[]) => new Promise<void>((resolve, reject) => {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: root, stdio: "inherit", env });
  child.on("error", reject);
  child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} avslutades med kod ${code}`))));
});

try {
  await runStep(["scripts/chart-png.ts", dist]);
  await runStep(["scripts/build-reports.ts", "--dist", dist]);
  building = false;
  console.log(`\nAllt klart efter ${seconds()} s: diagrambilder och alla rapportpaket finns på ${url}/`);
} catch (e) {
  building = false;
  console.error(`\nBakgrundsbygget misslyckades: ${(e as Error).message}. Sidorna serveras fortfarande; nedladdningar som saknas ger 404.`);
}
