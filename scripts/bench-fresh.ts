// npm run bench -- fresh: the README's two commands on a fresh clone, as a new user with Node and npm only
// would run them: `git clone` of this repository's HEAD into a temp folder, `npm ci`, `npm start` with no
// system Chromium (CHROMIUM_PATH=bundled, and its own temp folder so the npm Chromium is unpacked anew).
// Reports the time to the first page served (budget ≤ 90 s after npm start), the time until every chart
// image and report package is built (budget ≤ 10 min), and dist/ by kind of file and file count.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { distStats, type DistStats } from "../src/deploy/distStats";

export interface FreshResult {
  npm_ci_s: number;
  first_page_s: number;
  all_packages_s: number;
  dist_bytes: number;
  dist_files: number;
  by_kind: DistStats["byKind"];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

export async function benchFresh(root: string, log: (line: string) => void, timeoutMs = 20 * 60_000): Promise<FreshResult> {
  const base = mkdtempSync(path.join(os.tmpdir(), "htk-fresh-"));
  const clone = path.join(base, "repo");
  const tmp = path.join(base, "tmp");
  mkdirSync(tmp);
  try {
    execFileSync("git", ["clone", "--quiet", root, clone], { stdio: "inherit" });
    log(`klon: ${clone} (${execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: clone, encoding: "utf8" }).trim()})`);
    const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: "bundled", TMPDIR: tmp, CI: "1" };
    delete env.HTK_DIST; delete env.HTK_BUILD_DIR; delete env.SITE_URL;
    let t = performance.now();
    execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: clone, stdio: "ignore", env });
    const npmCi = (performance.now() - t) / 1000;
    log(`npm ci: ${npmCi.toFixed(1)} s`);
    const port = await freePort();
    t = performance.now();
    const child = spawn("npm", ["start"], { cwd: clone, env: { ...env, PORT: String(port) }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const seconds = () => (performance.now() - t) / 1000;
    let firstPage = NaN;
    let output = "";
    try {
      const allDone = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start: inte klart efter ${timeoutMs / 1000} s`)), timeoutMs);
        const onData = (d: Buffer) => {
          output = (output + d.toString()).slice(-20_000);
          if (Number.isNaN(firstPage) && output.includes("Hemtjänstkollen körs på")) {
            firstPage = seconds();
            log(`första sidan serveras efter ${firstPage.toFixed(1)} s`);
            void fetch(`http://127.0.0.1:${port}/`).then((r) => log(`  GET / → ${r.status}`));
          }
          if (output.includes("Allt klart efter")) { clearTimeout(timer); resolve(seconds()); }
          if (output.includes("Bakgrundsbygget misslyckades")) { clearTimeout(timer); reject(new Error(output.slice(-2000))); }
        };
        child.stdout.on("data", onData);
        child.stderr.on("data", onData);
        child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`npm start avslutades (kod ${code}):\n${output.slice(-2000)}`)); });
      });
      log(`alla diagrambilder och rapportpaket klara efter ${allDone.toFixed(1)} s`);
      const stats = distStats(path.join(clone, "dist"));
      return { npm_ci_s: npmCi, first_page_s: firstPage, all_packages_s: allDone, dist_bytes: stats.bytes, dist_files: stats.files, by_kind: stats.byKind };
    } finally {
      child.removeAllListeners("exit");
      try { process.kill(-child.pid!, "SIGTERM"); } catch { /* already gone */ }
    }
  } finally {
    // HTK_FRESH_KEEP=1 keeps the clone (with its dist/) for a look or for running tests in it.
    if (process.env.HTK_FRESH_KEEP === "1") log(`behållen: ${clone}`);
    else rmSync(base, { recursive: true, force: true });
  }
}
