// Shared helpers for the reliability tests (issue 8): file-tree hashes, building data and site into temp
// folders by the same scripts `npm run data`/`npm run build` use, and a Chromium launcher whose pages
// record console errors, page errors, dialogs, Content-Security-Policy violations and every request
// (requests to any host other than 127.0.0.1 are aborted and recorded).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../src/browser/chromium";
import { serveStatic } from "../../scripts/serve-static";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = process.env.HTK_DIST ? path.resolve(process.env.HTK_DIST) : path.join(ROOT, "dist");
export const DATA_BUILD = path.join(ROOT, "data", "build");
/**
 * Temp builds live under test-output/ (git-ignored) inside the repository: Astro keeps its prerender
 * chunks in <outDir>/.prerender only when outDir is inside the project, otherwise in a shared .astro/
 * folder that two builds at once would overwrite.
 */
export const TMP = path.join(ROOT, "test-output", "reliability");

export function tempDir(name: string): string {
  const dir = path.join(TMP, `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function removeDir(dir: string | undefined): void {
  if (dir && !process.env.HTK_KEEP_TEMP) rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------
// File trees

/** Every file under dir (relative paths, "/" separators, sorted) with its sha256. */
export function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out.set(rel, createHash("sha256").update(readFileSync(path.join(dir, rel))).digest("hex"));
    }
  };
  walk("");
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface TreeDiff { onlyA: string[]; onlyB: string[]; differ: string[]; same: number }

export function diffTrees(a: Map<string, string>, b: Map<string, string>): TreeDiff {
  const d: TreeDiff = { onlyA: [], onlyB: [], differ: [], same: 0 };
  for (const [file, hash] of a) {
    const other = b.get(file);
    if (other === undefined) d.onlyA.push(file);
    else if (other !== hash) d.differ.push(file);
    else d.same++;
  }
  for (const file of b.keys()) if (!a.has(file)) d.onlyB.push(file);
  return d;
}

// ---------------------------------------------------------------------------------------------------
// Child processes

/** Runs a TypeScript entry point with tsx (node_modules/.bin first on PATH, like npm run). */
export function runTsx(args: string[], opts: { env?: Record<string, string>; timeoutMs: number; label: string }): Promise<{ ms: number; output: string }> {
  return runBin("tsx", args, opts);
}

/** Runs a node_modules/.bin command in the repository root, bounded, output kept for the error. */
export function runBin(command: string, args: string[], opts: { env?: Record<string, string>; timeoutMs: number; label: string }): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const bin = path.join(ROOT, "node_modules", ".bin");
    const child = spawn(path.join(bin, command), args, {
      cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], detached: true,
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`, ASTRO_TELEMETRY_DISABLED: "1", ...opts.env },
    });
    let output = "";
    const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-20_000); };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => {
      try { process.kill(-child.pid!, "SIGKILL"); } catch { /* already gone */ }
      reject(new Error(`${opts.label}: timed out after ${opts.timeoutMs / 1000} s\n${output.slice(-3000)}`));
    }, opts.timeoutMs);
    child.on("error", (e) => { clearTimeout(timer); reject(e); });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ ms: performance.now() - started, output });
      else reject(new Error(`${opts.label}: exit ${code ?? signal}\n${output.slice(-3000)}`));
    });
  });
}

/** The data pipeline from the snapshot under `root` (data/reference, data/snapshot) into outDir. */
export function pipelineChild(root: string, outDir: string, env: Record<string, string> = {}, timeoutMs = 180_000) {
  return runTsx([path.join(__dirname, "pipeline-cli.ts"), root, outDir], { env, timeoutMs, label: `pipeline → ${outDir}` });
}

/** `npm run build` (scripts/build-site.ts: astro build and every later step) from dataDir into outDir. */
export function buildSite(dataDir: string, outDir: string, env: Record<string, string> = {}, timeoutMs = 600_000) {
  return runTsx([path.join(ROOT, "scripts", "build-site.ts")], {
    env: { HTK_BUILD_DIR: dataDir, HTK_DIST: outDir, ...env }, timeoutMs, label: `build → ${outDir}`,
  });
}

/** Only `astro build` (pages, endpoints, chart PNGs) from dataDir into outDir, without the report step. */
export function astroBuild(dataDir: string, outDir: string, timeoutMs = 600_000, env: Record<string, string> = {}) {
  return runBin("astro", ["build", "--outDir", outDir], { env: { HTK_BUILD_DIR: dataDir, ...env }, timeoutMs, label: `astro build → ${outDir}` });
}

// ---------------------------------------------------------------------------------------------------
// Chromium

export interface PageRecord {
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  requests: { url: string; status: number | null; failed?: string }[];
}

export interface Site {
  url: string;
  browser: Browser;
  /** Requests to hosts other than 127.0.0.1 (aborted), over every page of this site. */
  foreignRequests: string[];
  newPage(opts?: { width?: number; height?: number; bypassCSP?: boolean }): Promise<{ page: Page; record: PageRecord }>;
  close(): Promise<void>;
}

/**
 * An init script (runs before any page script, and is not subject to the page's CSP): records CSP
 * violations, and replaces alert/confirm/prompt with recorders so injected script is seen even if the
 * dialog event were missed.
 */
function initScript() {
  const w = window as unknown as { __htk: { csp: string[]; xss: string[] } };
  w.__htk = { csp: [], xss: [] };
  document.addEventListener("securitypolicyviolation", (e) => {
    w.__htk.csp.push(`${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile || location.pathname}:${e.lineNumber}${e.sample ? ` «${e.sample}»` : ""}`);
  });
  for (const name of ["alert", "confirm", "prompt", "print"] as const) {
    const original = window[name];
    Object.defineProperty(window, name, {
      configurable: true,
      value: (...args: unknown[]) => { w.__htk.xss.push(`${name}(${args.map(String).join(", ")})`); return name === "print" ? original : null; },
    });
  }
}

export async function openSite(root: string): Promise<Site> {
  const { server, url } = await serveStatic(root, 0);
  const browser = await launchChromium();
  const foreignRequests: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    url, browser, foreignRequests,
    async newPage({ width = 1280, height = 900, bypassCSP = false } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale: "sv-SE", bypassCSP, serviceWorkers: "block" });
      contexts.push(context);
      await context.route("**/*", (route) => {
        const u = new URL(route.request().url());
        if (u.hostname === "127.0.0.1" || u.protocol === "data:" || u.protocol === "blob:") return route.continue();
        foreignRequests.push(route.request().url());
        return route.abort();
      });
      await context.addInitScript(initScript);
      const page = await context.newPage();
      const record: PageRecord = { consoleErrors: [], pageErrors: [], dialogs: [], requests: [] };
      page.on("console", (m) => { if (m.type() === "error") record.consoleErrors.push(`${m.text()} (${m.location().url})`); });
      page.on("pageerror", (e) => record.pageErrors.push(e.message));
      page.on("dialog", (d) => { record.dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss().catch(() => undefined); });
      page.on("requestfinished", (r) => { void r.response().then((res) => record.requests.push({ url: r.url(), status: res?.status() ?? null })).catch(() => undefined); });
      page.on("requestfailed", (r) => record.requests.push({ url: r.url(), status: null, failed: r.failure()?.errorText ?? "failed" }));
      return { page, record };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
    },
  };
}

/** CSP violations and calls to alert/confirm/prompt recorded by the init script. */
export async function pageSignals(page: Page): Promise<{ csp: string[]; xss: string[] }> {
  return page.evaluate(() => (window as unknown as { __htk?: { csp: string[]; xss: string[] } }).__htk ?? { csp: [], xss: [] });
}

/** Pages that load more after `load` (the explorer) say when they are done; wait for that, bounded. */
export async function settle(page: Page, timeoutMs = 45_000): Promise<void> {
  const explorer = await page.evaluate(() => document.documentElement.dataset.explorer ?? null);
  if (explorer !== null) {
    await page.waitForFunction(() => /ready|error|fel/.test(document.documentElement.dataset.explorer ?? ""), null, { timeout: timeoutMs }).catch(() => undefined);
  }
  await page.waitForTimeout(150);
}

/** Width of the document beyond the viewport (0 = no horizontal scroll). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
