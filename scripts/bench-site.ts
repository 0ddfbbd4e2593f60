// Site benchmark: full site build time (astro + post-build steps), and first-load weight (HTML + CSS + JS,
// brotli) of the ranking page and municipality pages against the 100 kB budget. No WebAssembly outside
// the explorer.
import { execSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const brotli = (bytes: Buffer) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** HTML of a page plus every same-site CSS and JS file it loads (script src, module imports one level, link rel=stylesheet). */
export function pageWeight(dist: string, pagePath: string): { html: number; assets: number; total: number; files: string[] } {
  const htmlFile = path.join(dist, pagePath, "index.html");
  const html = readFileSync(htmlFile);
  const refs = new Set<string>();
  const text = html.toString("utf8");
  for (const m of text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref|link[^>]*\shref)="(\/[^"]+\.(?:js|css))"/g)) refs.add(m[1]);
  for (const m of text.matchAll(/<link[^>]*href="(\/[^"]+\.(?:js|css))"[^>]*rel="stylesheet"/g)) refs.add(m[1]);
  // Module scripts import their chunks statically: follow one level of `import … from "./x.js"`.
  for (const ref of [...refs]) {
    if (!ref.endsWith(".js")) continue;
    const js = readFileSync(path.join(dist, ref), "utf8");
    for (const m of js.matchAll(/(?:^|[;\s])import\s*(?:[^"'()]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      refs.add(path.posix.join(path.posix.dirname(ref), m[1]));
    }
  }
  let assets = 0;
  for (const ref of refs) assets += brotli(readFileSync(path.join(dist, ref)));
  const h = brotli(html);
  return { html: h, assets, total: h + assets, files: [...refs] };
}

/** Pages outside /utforska/ whose scripts (or their static imports) reference WebAssembly or DuckDB. */
function wasmOutsideExplorer(dist: string): string[] {
  const hits: string[] = [];
  const verdict = new Map<string, boolean>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "index.html" && !p.includes(`${path.sep}utforska${path.sep}`)) {
        const page = path.relative(dist, path.dirname(p));
        const { files } = pageWeight(dist, page);
        const loadsWasm = files.some((f) => {
          if (!verdict.has(f)) verdict.set(f, /\.wasm|duckdb/i.test(readFileSync(path.join(dist, f), "utf8")));
          return verdict.get(f);
        });
        if (loadsWasm) hits.push(page || "/");
      }
    }
  };
  walk(dist);
  return hits;
}

export async function benchSite(root: string, log: (line: string) => void): Promise<Record<string, unknown>> {
  const started = performance.now();
  execSync("npm run build", { cwd: root, stdio: "pipe", env: { ...process.env } });
  const build_ms = Math.round(performance.now() - started);
  log(`  hela webbplatsbygget (astro + efterbearbetning): ${(build_ms / 1000).toFixed(1)} s (budget ≤ 5 min för sidorna)`);
  const dist = path.join(root, "dist");
  const pages = ["rankning/", "kommun/0180/", "kommun/1480/", "kommun/2584/", "kommun/0114/", ""];
  const weights: Record<string, unknown> = {};
  for (const p of pages) {
    try {
      const w = pageWeight(dist, p);
      weights[`/${p}`] = w;
      log(`  /${p.padEnd(14)} HTML ${(w.html / 1024).toFixed(1)} kB + CSS/JS ${(w.assets / 1024).toFixed(1)} kB = ${(w.total / 1024).toFixed(1)} kB brotli (budget ≤ 100 kB)${w.total > 100 * 1024 ? "  ÖVER BUDGET" : ""}`);
    } catch (error) {
      log(`  /${p}: saknas (${(error as Error).message.split("\n")[0]})`);
    }
  }
  const wasm = wasmOutsideExplorer(dist);
  log(`  sidor utanför /utforska/ som laddar WebAssembly/DuckDB: ${wasm.length}`);
  return { build_ms, weights, wasm_outside_explorer: wasm };
}
