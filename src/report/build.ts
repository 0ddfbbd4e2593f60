// Builds the report packages of all 290 municipalities into dist/kommun/{code}/ after `astro build`:
// Excel, PowerPoint and CSV in worker threads (one per core), the PDFs in one Chromium with a few pages
// printing at once, the ZIP when a package is complete. Unchanged packages (same cache key, cache.ts) are
// copied from data/cache/reports/. Prints progress with the time left; the first failure stops the build
// with an error naming the municipality.
import { availableParallelism } from "node:os";
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { serveStatic } from "../../scripts/serve-static";
import { copyToDist, generatorFingerprint, isCached, packageKey, storePackage } from "./cache";
import { isGenerated, packageFiles, type PackageFile } from "./files";
import { chromiumIdentity } from "../browser/chromium";
import { launchPrinter, newPrintPage, PDF_MAX_BYTES, printReportPdf } from "./pdf";
import { ReportWorkerPool } from "./pool";
import { buildReportView, loadReportInputs, type ReportView } from "./reportView";
import type { ReportChartKey } from "./charts";

// A type alias (not an interface), so callers may pass it where a plain record is expected.
export type BuildReportsOptions = {
  /** The project folder (default: the working directory). */
  root?: string;
  dist?: string;
  cacheDir?: string;
  /** Only these municipalities (default: all). */
  codes?: string[];
  workers?: number;
  pdfPages?: number;
  log?: (line: string) => void;
};

export interface BuildReportsResult { total: number; built: number; cached: number; ms: number; workers: number; pdfPages: number }

interface Planned {
  code: string;
  name: string;
  view: ReportView;
  key: string;
  files: PackageFile[];
  /** Files the report build writes. */
  generated: string[];
  chartPngs: [ReportChartKey, string][];
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2).replace(".", ",")} MB`;

// The ZIP is not stored: the page assembles it from these files in the browser (src/client/packageZip.ts),
// so dist/ does not hold every package twice (issue 14).
export { zipFolder } from "./files";

function plan(dist: string, cacheDir: string, fingerprint: string, view: ReportView): Planned {
  const v = view.view;
  const dir = path.join(dist, "kommun", v.code);
  const printPage = path.join(dir, "rapport", "index.html");
  if (!existsSync(printPage)) throw new Error(`print page ${path.relative(dist, printPage)} is missing: run astro build first`);
  const files = packageFiles(v);
  const charts = files.filter((f) => !isGenerated(f));
  for (const f of charts) {
    if (!existsSync(path.join(dir, f.path))) throw new Error(`chart file ${f.path} is missing in dist (written by the site build)`);
  }
  const key = packageKey(fingerprint, [
    JSON.stringify(view), readFileSync(printPage), ...charts.map((f) => readFileSync(path.join(dir, f.path))),
  ]);
  const chartPngs = charts.filter((f) => f.kind === "png")
    .map((f) => [path.basename(f.path, ".png") as ReportChartKey, path.join(dir, f.path)] as [ReportChartKey, string]);
  return {
    code: v.code, name: v.name, view, key, files,
    generated: files.filter(isGenerated).map((f) => f.path), chartPngs,
  };
}

class Progress {
  private done = 0;
  private built = 0;
  private lastLog = 0;
  private readonly started = performance.now();
  constructor(private total: number, private toBuild: number, private log: (s: string) => void) {}
  tick(built: boolean) {
    this.done++;
    if (built) this.built++;
    const now = performance.now();
    if (this.done !== this.total && now - this.lastLog < 3000) return;
    this.lastLog = now;
    const left = this.built ? ((now - this.started) / this.built) * (this.toBuild - this.built) / 1000 : 0;
    this.log(`rapporter: ${this.done} av ${this.total} klara, ~${Math.round(left)} s kvar`);
  }
}

export async function buildReports(o: BuildReportsOptions): Promise<BuildReportsResult> {
  const started = performance.now();
  const root = path.resolve(o.root ?? process.cwd());
  const log = o.log ?? ((s: string) => console.log(s));
  const dist = path.resolve(o.dist ?? path.join(root, "dist"));
  const cacheDir = path.resolve(o.cacheDir ?? process.env.HTK_REPORT_CACHE ?? path.join(root, "data", "cache", "reports"));
  const inputs = await loadReportInputs();
  const codes = o.codes ?? [...inputs.ctx.byCode.keys()].sort();
  const fingerprint = generatorFingerprint(root, chromiumIdentity());
  const todo: Planned[] = [];
  let cached = 0;
  for (const code of codes) {
    const name = inputs.ctx.byCode.get(code)?.name ?? code;
    try {
      const p = plan(dist, cacheDir, fingerprint, buildReportView(inputs, code));
      if (isCached(cacheDir, code, p.key, p.generated)) {
        copyToDist(cacheDir, code, dist, p.generated);
        cached++;
      } else todo.push(p);
    } catch (e) {
      throw new Error(`rapportpaket för ${name} (${code}): ${(e as Error).message}`);
    }
  }
  const cores = availableParallelism();
  const workers = Math.max(1, Math.min(o.workers ?? cores, todo.length));
  const pdfPages = Math.max(1, Math.min(o.pdfPages ?? Math.max(2, cores), todo.length));
  log(`rapporter: ${codes.length} kommuner, ${cached} oförändrade (från cache), ${todo.length} att bygga` +
    (todo.length ? ` med ${workers} trådar och ${pdfPages} PDF-sidor i Chromium` : ""));
  if (todo.length && todo.length <= 12) log(`rapporter: byggs: ${todo.map((p) => `${p.name} (${p.code})`).join(", ")}`);
  if (todo.length) await buildPackages(todo, { dist, cacheDir, workers, pdfPages, log, total: codes.length, cached });
  const ms = performance.now() - started;
  log(`rapporter: ${codes.length} rapportpaket (${todo.length} byggda, ${cached} från cache) på ${(ms / 1000).toFixed(1)} s`);
  return { total: codes.length, built: todo.length, cached, ms, workers, pdfPages };
}

interface RunContext { dist: string; cacheDir: string; workers: number; pdfPages: number; log: (s: string) => void; total: number; cached: number }

async function buildPackages(todo: Planned[], c: RunContext): Promise<void> {
  let server: Server | undefined;
  let browser: Browser | undefined;
  const pool = new ReportWorkerPool(c.workers);
  const progress = new Progress(todo.length + c.cached, todo.length, c.log);
  for (let i = 0; i < c.cached; i++) progress.tick(false);
  try {
    const served = await serveStatic(c.dist, 0);
    server = served.server;
    browser = await launchPrinter();
    const pages: Page[] = [];
    for (let i = 0; i < c.pdfPages; i++) pages.push(await newPrintPage(browser, served.url));
    const freePages = [...pages];
    const waiting: ((p: Page) => void)[] = [];
    const takePage = () => new Promise<Page>((resolve) => { const p = freePages.pop(); if (p) resolve(p); else waiting.push(resolve); });
    const givePage = (p: Page) => { const w = waiting.shift(); if (w) w(p); else freePages.push(p); };
    const printOne = async (p: Planned) => {
      const page = await takePage();
      try {
        return await printReportPdf(page, `${served.url}/kommun/${p.code}/rapport/`, `Hemtjänsten i ${p.name} ${p.view.view.year} · Hemtjänstkollen`);
      } finally { givePage(page); }
    };
    // At most this many packages in flight (memory), enough to keep every worker and page busy.
    const limit = c.workers + c.pdfPages + 2;
    let next = 0;
    let failure: Error | null = null;
    const runOne = async (p: Planned) => {
      try {
        const [made, pdf] = await Promise.all([pool.run({ view: p.view, chartPngs: p.chartPngs }), printOne(p)]);
        if (pdf.length > PDF_MAX_BYTES) throw new Error(`rapport.pdf är ${mb(pdf.length)}, över gränsen ${mb(PDF_MAX_BYTES)}`);
        const all: Record<string, Uint8Array> = { ...made, "rapport.pdf": pdf };
        const generated: Record<string, Uint8Array> = {};
        for (const f of p.generated) generated[f] = all[f];
        storePackage(c.cacheDir, p.code, p.key, generated);
        copyToDist(c.cacheDir, p.code, c.dist, p.generated);
        progress.tick(true);
      } catch (e) {
        throw new Error(`rapportpaket för ${p.name} (${p.code}) kunde inte byggas: ${(e as Error).message}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(limit, todo.length) }, async () => {
      while (!failure && next < todo.length) {
        const p = todo[next++];
        try { await runOne(p); } catch (e) { failure ??= e as Error; }
      }
    }));
    if (failure) throw failure;
  } finally {
    await pool.close();
    await browser?.close().catch(() => undefined);
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  }
}
