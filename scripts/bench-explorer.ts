// Explorer benchmark (issue 16, DESIGN.md §7), one run on a local gzip-serving host (scripts/bench-host.ts)
// with two profiles:
// - telefon: "Fast 4G" (9 Mbit/s shared downlink, 60 ms latency, shaped on the server so worker requests
//   count too) and 4× CPU throttling (CDP Emulation.setCPUThrottlingRate), 412 × 915 viewport;
// - dator: no shaping, no throttling, 1280 × 900.
// Per profile: the pre-rendered /rankning/ table's time on screen (first frame with a table row, the
// yardstick), the explorer's performance.mark("ranking-ready") (median of 3 cold loads) and the ratio,
// "data-ready" when the reader asks for the SQL box as soon as the ranking is there, re-rank (median of
// 20 weight changes, input to painted), and bytes sent before the first ranking and in total.
// Budget: ranking-ready ≤ 3 × the /rankning/ table's time on the phone profile; re-rank ≤ 100 ms.
// `npm run bench -- explorer` calls benchExplorer(); needs a built site (npm run data && npm run build).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../src/browser/chromium";
import { startBenchHost, type BenchHost, type Line } from "./bench-host";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Profile { name: "telefon" | "dator"; line: Line | null; cpu: number; viewport: { width: number; height: number } }
export const PROFILES: readonly Profile[] = [
  { name: "telefon", line: { downBytesPerSec: 9_000_000 / 8, latencyMs: 60 }, cpu: 4, viewport: { width: 412, height: 915 } },
  { name: "dator", line: null, cpu: 1, viewport: { width: 1280, height: 900 } },
];

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

/** A cold page (new context: empty cache) with the profile's CPU throttling; foreign requests aborted and counted. */
async function coldPage(browser: Browser, profile: Profile, foreign: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: profile.viewport, locale: "sv-SE", deviceScaleFactor: 1 });
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === "127.0.0.1" || u.protocol === "data:" || u.protocol === "blob:") return route.continue();
    foreign.push(u.href);
    return route.abort();
  });
  const page = await context.newPage();
  if (profile.cpu > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  }
  // The yardstick: the first frame in which a table row of the pre-rendered ranking is on the page.
  // A string, not a function: tsx (esbuild keepNames) would wrap named functions in a helper the page lacks.
  await page.addInitScript(`(() => {
    const check = () => {
      if (document.querySelector("table tbody tr")) {
        requestAnimationFrame(() => setTimeout(() => { window.__tablePainted = performance.now(); }, 0));
      } else setTimeout(check, 5);
    };
    check();
  })()`);
  return page;
}

const sum = (host: BenchHost, pred: (s: BenchHost["sent"][number]) => boolean) => host.sent.filter(pred).reduce((a, s) => a + s.bytes, 0);

async function rankingPageTime(browser: Browser, host: BenchHost, profile: Profile, foreign: string[]): Promise<{ ms: number; bytes: number }> {
  host.sent.length = 0;
  const page = await coldPage(browser, profile, foreign);
  await page.goto(`${host.url}/rankning/`);
  await page.waitForFunction(() => typeof (window as unknown as { __tablePainted?: number }).__tablePainted === "number", null, { timeout: 120_000 });
  const ms = await page.evaluate(() => (window as unknown as { __tablePainted: number }).__tablePainted);
  await page.waitForLoadState("load");
  const bytes = sum(host, () => true);
  await page.context().close();
  return { ms, bytes };
}

interface ExplorerLoad { rankingReadyMs: number; bytesToRanking: number; page: Page }

async function explorerToRanking(browser: Browser, host: BenchHost, profile: Profile, foreign: string[]): Promise<ExplorerLoad> {
  host.sent.length = 0;
  const page = await coldPage(browser, profile, foreign);
  await page.goto(`${host.url}/utforska/`);
  await page.waitForFunction(() => /ready/.test(document.documentElement.dataset.explorer ?? ""), null, { timeout: 180_000, polling: "raf" });
  const seenAt = performance.now();
  const rankingReadyMs = await page.evaluate(() => performance.getEntriesByName("ranking-ready")[0]?.startTime ?? NaN);
  return { rankingReadyMs, bytesToRanking: sum(host, (s) => s.startedAt <= seenAt), page };
}

async function rerankTimes(page: Page, n = 20): Promise<number[]> {
  const total: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = await page.evaluate(() => performance.getEntriesByName("rerank").length);
    await page.fill("#w-utforande", String(i % 2 === 0 ? 55 + i : 30 + i)); // every change gives a new ranking
    await page.waitForFunction((k) => performance.getEntriesByName("rerank").length > k, before, { timeout: 30_000 });
    total.push(await page.evaluate(() => performance.getEntriesByName("rerank").at(-1)?.duration ?? NaN));
    await page.waitForTimeout(50);
  }
  return total;
}

export async function benchExplorer(options: { dist?: string; coldLoads?: number; log?: (line: string) => void } = {}): Promise<Record<string, number>> {
  const dist = options.dist ?? process.env.HTK_DIST ?? path.join(root, "dist");
  const log = options.log ?? (() => undefined);
  if (!existsSync(path.join(dist, "utforska", "index.html"))) {
    throw new Error(`bench-explorer: ${dist}/utforska/index.html saknas; kör npm run data && npm run build först.`);
  }
  const host = await startBenchHost(dist);
  const browser = await launchChromium();
  const out: Record<string, number> = {};
  const foreign: string[] = [];
  try {
    for (const profile of PROFILES) {
      host.setLine(profile.line);
      const p = profile.name;
      const table = await rankingPageTime(browser, host, profile, foreign);
      const loads: ExplorerLoad[] = [];
      for (let i = 0; i < (options.coldLoads ?? 3); i++) {
        const load = await explorerToRanking(browser, host, profile, foreign);
        log(`${p}: kall laddning ${i + 1}: ranking-ready ${round(load.rankingReadyMs)} ms, ${round(load.bytesToRanking / 1000)} kB`);
        loads.push(load);
        if (i < (options.coldLoads ?? 3) - 1) await load.page.context().close();
      }
      const last = loads[loads.length - 1];
      const page = last.page;
      const rerank = await rerankTimes(page);
      // The reader asks for the SQL box as soon as the ranking is there.
      const askedAt = await page.evaluate(() => { const t = performance.now(); document.getElementById("sql-start")?.click(); return t; });
      await page.waitForFunction(() => document.documentElement.dataset.explorer === "all-ready", null, { timeout: 300_000 });
      const dataReady = await page.evaluate(() => performance.getEntriesByName("data-ready")[0]?.startTime ?? NaN);
      await page.waitForTimeout(300);
      const bytesTotal = sum(host, () => true);
      await page.context().close();
      const rankingReady = median(loads.map((l) => l.rankingReadyMs));
      Object.assign(out, {
        [`${p}_rankning_table_ms`]: round(table.ms),
        [`${p}_rankning_bytes`]: table.bytes,
        [`${p}_ranking_ready_ms`]: round(rankingReady),
        [`${p}_ranking_ready_ms_min`]: round(Math.min(...loads.map((l) => l.rankingReadyMs))),
        [`${p}_ranking_ready_ms_max`]: round(Math.max(...loads.map((l) => l.rankingReadyMs))),
        [`${p}_ranking_ready_ratio`]: round(rankingReady / table.ms, 2),
        [`${p}_data_ready_ms`]: round(dataReady),
        [`${p}_data_ready_after_asking_ms`]: round(dataReady - askedAt),
        [`${p}_rerank_median_ms`]: round(median(rerank), 1),
        [`${p}_rerank_max_ms`]: round(Math.max(...rerank), 1),
        [`${p}_bytes_to_ranking`]: round(median(loads.map((l) => l.bytesToRanking))),
        [`${p}_bytes_total`]: bytesTotal,
      });
    }
    out.foreign_requests = foreign.length;
    return out;
  } finally {
    await browser.close();
    await host.close();
  }
}

/** Lines for people (npm run bench prints these). */
export function formatExplorerBench(r: Record<string, number>): string[] {
  const kb = (n: number) => `${(n / 1000).toFixed(0)} kB`;
  const mb = (n: number) => `${(n / 1_000_000).toFixed(2)} MB`;
  const lines: string[] = [];
  for (const { name: p } of PROFILES) {
    lines.push(`${p}: /rankning/ tabell ${r[`${p}_rankning_table_ms`]} ms; utforska ranking-ready ${r[`${p}_ranking_ready_ms`]} ms ` +
      `(${r[`${p}_ranking_ready_ms_min`]}–${r[`${p}_ranking_ready_ms_max`]}), kvot ${r[`${p}_ranking_ready_ratio`]}` +
      (p === "telefon" ? " (budget ≤ 3)" : ""));
    lines.push(`  data-ready ${r[`${p}_data_ready_ms`]} ms (${r[`${p}_data_ready_after_asking_ms`]} ms efter att frågerutan begärdes); ` +
      `omrankning median ${r[`${p}_rerank_median_ms`]} ms, max ${r[`${p}_rerank_max_ms`]} ms av 20 (budget ≤ 100 ms)`);
    lines.push(`  överfört före första rangordningen ${kb(r[`${p}_bytes_to_ranking`])}, totalt ${mb(r[`${p}_bytes_total`])} ` +
      `(/rankning/ ${kb(r[`${p}_rankning_bytes`])})`);
  }
  lines.push(`förfrågningar utanför 127.0.0.1: ${r.foreign_requests}`);
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchExplorer({ log: (line) => console.log(line) });
  for (const line of formatExplorerBench(r)) console.log(line);
}
