// Explorer benchmark (/utforska/), measured in Chromium over the local static server (DESIGN.md §7):
// - bytes transferred on a cold load (total, up to "data ready", and by kind: wasm, js, data, html),
// - time to performance.mark("data-ready") (set when the first ranking is on screen), median of 3 cold loads,
// - re-rank time after a weight change: the page's "rerank" measure from the input event to the new table
//   on screen, median of 20 changes (and the SQL part alone).
// Budgets: data ready ≤ 3 s cold, re-rank ≤ 100 ms. `npm run bench` calls benchExplorer(); run this file
// directly to print the numbers alone. Needs a built site (npm run data && npm run build).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../src/browser/chromium";
import { serveStatic } from "./serve-static";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

interface ColdLoad {
  page: Page;
  engineReadyMs: number;
  dataReadyMs: number;
  allReadyMs: number;
  bytes: { total: number; toDataReady: number; wasm: number; js: number; data: number; html: number; other: number };
  foreign: number;
}

/** Bytes the server sent (body + status line/headers estimate), per request; counted on the server side so
 *  that requests made by workers (the DuckDB worker fetches the wasm) are included. */
type Sent = { url: string; bytes: number; at: number }[];

function countSent(server: Server, sent: Sent): void {
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    let body = 0;
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const size = (chunk: unknown) => (typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk instanceof Uint8Array ? chunk.byteLength : 0);
    res.write = ((chunk: unknown, ...rest: unknown[]) => { body += size(chunk); return write(chunk, ...rest); }) as typeof res.write;
    res.end = ((...args: unknown[]) => { if (args.length && typeof args[0] !== "function") body += size(args[0]); return end(...args); }) as typeof res.end;
    res.on("finish", () => {
      const header = (res as unknown as { _header?: string })._header?.length ?? 0;
      sent.push({ url: req.url ?? "", bytes: body + header, at: performance.now() });
    });
  });
}

async function coldLoad(browser: Browser, url: string, sent: Sent): Promise<ColdLoad> {
  // A new context has an empty cache: a cold load.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "sv-SE" });
  let foreign = 0;
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === "127.0.0.1" || u.protocol === "data:" || u.protocol === "blob:") return route.continue();
    foreign++;
    return route.abort();
  });
  sent.length = 0;
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.explorer === "data-ready" || document.documentElement.dataset.explorer === "all-ready", null, { timeout: 120_000 });
  const dataReadyAt = performance.now();
  await page.waitForFunction(() => document.documentElement.dataset.explorer === "all-ready", null, { timeout: 120_000 });
  await page.waitForTimeout(200);
  const bytes = { total: 0, toDataReady: 0, wasm: 0, js: 0, data: 0, html: 0, other: 0 };
  for (const { url: u, bytes: n, at } of sent) {
    bytes.total += n;
    if (at <= dataReadyAt) bytes.toDataReady += n;
    const p = u.split("?")[0];
    if (p.endsWith(".wasm")) bytes.wasm += n;
    else if (/\.m?js$/.test(p)) bytes.js += n;
    else if (p.endsWith(".parquet")) bytes.data += n;
    else if (p.endsWith("/") || p.endsWith(".html")) bytes.html += n;
    else bytes.other += n;
  }
  const marks = await page.evaluate(() => ({
    engineReady: performance.getEntriesByName("explorer:engine-ready")[0]?.startTime ?? NaN,
    dataReady: performance.getEntriesByName("data-ready")[0]?.startTime ?? NaN,
    allReady: performance.now(),
  }));
  return { page, engineReadyMs: marks.engineReady, dataReadyMs: marks.dataReady, allReadyMs: marks.allReady, bytes, foreign };
}

async function rerankTimes(page: Page, n = 20): Promise<{ total: number[]; query: number[]; render: number[] }> {
  const total: number[] = [];
  const query: number[] = [];
  const render: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = await page.evaluate(() => performance.getEntriesByName("rerank").length);
    // Alternate between two weights so every change gives a new ranking.
    await page.fill("#w-utforande", String(i % 2 === 0 ? 55 + i : 30 + i));
    await page.waitForFunction((k) => performance.getEntriesByName("rerank").length > k, before, { timeout: 30_000 });
    const [t, q, r] = await page.evaluate(() => [
      performance.getEntriesByName("rerank").at(-1)?.duration ?? NaN,
      performance.getEntriesByName("rerank:query").at(-1)?.duration ?? NaN,
      performance.getEntriesByName("rerank:render").at(-1)?.duration ?? NaN,
    ]);
    total.push(t);
    query.push(q);
    render.push(r);
    await page.waitForTimeout(50);
  }
  return { total, query, render };
}

export async function benchExplorer(options: { dist?: string; coldLoads?: number; log?: (line: string) => void } = {}): Promise<Record<string, number>> {
  const dist = options.dist ?? process.env.HTK_DIST ?? path.join(root, "dist");
  const log = options.log ?? (() => undefined);
  if (!existsSync(path.join(dist, "utforska", "index.html"))) {
    throw new Error(`bench-explorer: ${dist}/utforska/index.html saknas; kör npm run data && npm run build först.`);
  }
  const { server, url } = await serveStatic(dist, 0);
  const sent: Sent = [];
  countSent(server, sent);
  const browser = await launchChromium();
  try {
    const loads: ColdLoad[] = [];
    for (let i = 0; i < (options.coldLoads ?? 3); i++) {
      const load = await coldLoad(browser, `${url}/utforska/`, sent);
      log(`  kall laddning ${i + 1}: motor klar ${round(load.engineReadyMs, 0)} ms, data klar ${round(load.dataReadyMs, 0)} ms, alla tabeller ${round(load.allReadyMs, 0)} ms`);
      loads.push(load);
      if (i < (options.coldLoads ?? 3) - 1) await load.page.context().close();
    }
    const last = loads[loads.length - 1];
    const rr = await rerankTimes(last.page, 20);
    await last.page.context().close();
    const b = last.bytes;
    return {
      bytes_total: b.total,
      bytes_to_data_ready: b.toDataReady,
      bytes_wasm: b.wasm,
      bytes_js: b.js,
      bytes_data: b.data,
      bytes_html: b.html,
      bytes_other: b.other,
      data_ready_ms: round(median(loads.map((l) => l.dataReadyMs)), 0),
      data_ready_ms_min: round(Math.min(...loads.map((l) => l.dataReadyMs)), 0),
      data_ready_ms_max: round(Math.max(...loads.map((l) => l.dataReadyMs)), 0),
      engine_ready_ms: round(median(loads.map((l) => l.engineReadyMs)), 0),
      all_tables_ready_ms: round(median(loads.map((l) => l.allReadyMs)), 0),
      rerank_median_ms: round(median(rr.total)),
      rerank_p90_ms: round(quantile(rr.total, 0.9)),
      rerank_query_median_ms: round(median(rr.query)),
      rerank_render_median_ms: round(median(rr.render)),
      rerank_samples: rr.total.length,
      foreign_requests: loads.reduce((a, l) => a + l.foreign, 0),
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(2)} MB`;
  const r = await benchExplorer({ log: (line) => console.log(line) });
  console.log(`Utforska: överfört ${mb(r.bytes_total)} (till data klar ${mb(r.bytes_to_data_ready)}; wasm ${mb(r.bytes_wasm)}, js ${mb(r.bytes_js)}, data ${mb(r.bytes_data)}, html ${mb(r.bytes_html)})`);
  console.log(`  data klar ${r.data_ready_ms} ms (median av 3 kalla; ${r.data_ready_ms_min}–${r.data_ready_ms_max}) (budget ≤ 3000 ms)`);
  console.log(`  omrankning ${r.rerank_median_ms} ms (median av ${r.rerank_samples}; p90 ${r.rerank_p90_ms} ms; SQL ${r.rerank_query_median_ms} ms, tabell och diagram ${r.rerank_render_median_ms} ms) (budget ≤ 100 ms)`);
  console.log(`  förfrågningar utanför 127.0.0.1: ${r.foreign_requests}`);
}
