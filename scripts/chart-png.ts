// Post-build step for the chart downloads (issue 6): renders a PNG beside every built chart SVG
// (dist/diagram/*.svg, dist/kommun/*/diagram/*.svg) with svgToPng, at 1.25 × the chart's width (256-colour palette). The SVGs are
// the framed charts the pages show (Astro endpoints), so the PNG is the same picture. Runs in parallel on
// the available cores and keeps a cache by content hash (node_modules/.cache/hemtjanstkollen/diagram-png),
// so a rebuild with unchanged charts only copies files. Fails naming the file it could not render.
//
// Run by astro.config.mjs after every `astro build` (hook "astro:build:done"); by hand:
//   npx tsx scripts/chart-png.ts [dist]
// HTK_CHART_PNG=skip leaves the PNGs out (a quick local build; the site then links to missing files).
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, threadId, Worker, workerData } from "node:worker_threads";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCALE = 1.25; // as PNG_SCALE in src/site-data/embeds.ts

interface Job { svg: string; png: string; cached: string; width: number }

/** Chart SVGs under the built site's diagram folders, and each municipality's share card (delning.svg). */
export function chartSvgFiles(dist: string): string[] {
  const dirs = [path.join(dist, "diagram")];
  const cards: string[] = [];
  const kommun = path.join(dist, "kommun");
  if (existsSync(kommun)) {
    for (const code of readdirSync(kommun).sort()) {
      dirs.push(path.join(kommun, code, "diagram"));
      if (existsSync(path.join(kommun, code, SHARE_CARD))) cards.push(path.join(kommun, code, SHARE_CARD));
    }
  }
  return [...dirs.filter((d) => existsSync(d))
    .flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".svg")).sort().map((f) => path.join(d, f))), ...cards];
}

/** The OpenGraph card: rendered at its own size (1200 × 630), not at the charts' double width. */
const SHARE_CARD = "delning.svg";

function viewBoxWidth(svg: string, file: string): number {
  const m = /<svg\b[^>]*\bviewBox="\s*[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)/.exec(svg);
  if (!m) throw new Error(`chart-png: ${file} has no viewBox on its root <svg>`);
  return Number(m[1]);
}

/** What else decides the pixels: the renderer's source and resvg's version. */
function rendererKey(): string {
  const render = Buffer.concat([readFileSync(path.join(ROOT, "src", "charts", "render.ts")), readFileSync(path.join(ROOT, "src", "charts", "fontMetrics.ts"))]);
  const resvg = readFileSync(path.join(ROOT, "node_modules", "@resvg", "resvg-js", "package.json"));
  return createHash("sha256").update(render).update(resvg).digest("hex");
}

export async function renderChartPngs(dist: string, cacheDir = process.env.HTK_PNG_CACHE ?? path.join(ROOT, "node_modules", ".cache", "hemtjanstkollen", "diagram-png")): Promise<{ files: number; rendered: number; ms: number }> {
  const started = performance.now();
  mkdirSync(cacheDir, { recursive: true });
  const key = rendererKey();
  // HTK_CHART_PNG_ONLY=0114,0180 renders only those municipalities' charts (and the national ones):
  // the hostile-input test builds a whole site but needs PNGs only for its sample's report packages.
  const only = process.env.HTK_CHART_PNG_ONLY?.split(",").filter(Boolean);
  const wanted = (svg: string) => !only || !/[\\/]kommun[\\/]\d{4}[\\/]/.test(svg) || only.some((c) => svg.includes(`${path.sep}kommun${path.sep}${c}${path.sep}`));
  const jobs: Job[] = chartSvgFiles(dist).filter(wanted).map((svg) => {
    const text = readFileSync(svg, "utf8");
    const width = (path.basename(svg) === SHARE_CARD ? 1 : SCALE) * viewBoxWidth(text, svg);
    const hash = createHash("sha256").update(key).update(String(width)).update(text).digest("hex").slice(0, 32);
    return { svg, png: svg.replace(/\.svg$/, ".png"), cached: path.join(cacheDir, `${hash}.png`), width };
  });
  const todo = jobs.filter((j) => !existsSync(j.cached));
  if (todo.length) {
    const n = Math.max(1, Math.min(availableParallelism(), Math.ceil(todo.length / 4)));
    console.log(`chart-png: ${todo.length} av ${jobs.length} diagram-PNG ritas på ${n} kärnor (övriga från cache)`);
    let done = 0;
    const progressEvery = Math.max(1, Math.round(todo.length / 10));
    await Promise.all(Array.from({ length: n }, (_, i) => new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: todo.filter((_, k) => k % n === i) });
      worker.on("message", (m: { done?: string; error?: string }) => {
        if (m.error) reject(new Error(m.error));
        else if (++done % progressEvery === 0 || done === todo.length) {
          const elapsed = performance.now() - started;
          console.log(`chart-png: ${done} av ${todo.length}, ${Math.round((elapsed / done) * (todo.length - done) / 1000)} s kvar`);
        }
      });
      worker.on("error", reject);
      worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`chart-png: worker ${i} exited with ${code}`))));
    })));
  }
  const now = new Date();
  for (const j of jobs) {
    // A parallel build's pruneCache may have removed it meanwhile: draw it here then.
    if (!existsSync(j.cached)) writeFileSync(j.cached, (await import("../src/charts/render")).svgToPng(readFileSync(j.svg, "utf8"), j.width));
    copyFileSync(j.cached, j.png);
    utimesSync(j.cached, now, now); // marks it as used, for pruneCache
  }
  pruneCache(cacheDir, new Set(jobs.map((j) => path.basename(j.cached))), 2 * jobs.length);
  const ms = performance.now() - started;
  console.log(`chart-png: ${jobs.length} PNG (${todo.length} nya) på ${(ms / 1000).toFixed(1)} s`);
  return { files: jobs.length, rendered: todo.length, ms };
}

/**
 * Keeps the cache at about two builds' worth: the files this build used, then the most recently used
 * others, up to `keep` files (each chart change would otherwise add a full set, ~300 MB).
 */
function pruneCache(cacheDir: string, used: Set<string>, keep: number): void {
  const others = readdirSync(cacheDir).filter((f) => f.endsWith(".png") && !used.has(f))
    .map((f) => ({ f, t: statSync(path.join(cacheDir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of others.slice(Math.max(0, keep - used.size))) unlinkSync(path.join(cacheDir, f));
}

async function work(jobs: Job[]): Promise<void> {
  const { svgToPng } = await import("../src/charts/render");
  for (const j of jobs) {
    try {
      const png = svgToPng(readFileSync(j.svg, "utf8"), j.width);
      const tmp = `${j.cached}.${process.pid}-${threadId}.tmp`;
      writeFileSync(tmp, png);
      renameSync(tmp, j.cached); // atomic: a parallel build never sees half a file
      parentPort!.postMessage({ done: j.svg });
    } catch (e) {
      parentPort!.postMessage({ error: `chart-png: could not render ${j.svg}: ${(e as Error).message}` });
      return;
    }
  }
}

if (!isMainThread) {
  await work(workerData as Job[]);
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] ?? path.join(ROOT, "dist"));
  if (process.env.HTK_CHART_PNG === "skip") {
    console.log("chart-png: HTK_CHART_PNG=skip, inga diagram-PNG");
    process.exit(0);
  }
  renderChartPngs(dist).catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
}
