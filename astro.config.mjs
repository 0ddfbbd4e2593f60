import { defineConfig } from "astro/config";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { arrowNoEval } from "./scripts/vite-arrow-no-eval.mjs";
import { pruneDist } from "./scripts/csp-prune.mjs";

// Chart PNG downloads (issue 6, embeds): after the pages are written, scripts/chart-png.ts renders a PNG
// beside every built chart SVG (…/diagram/*.svg), in parallel and cached by content hash.
const chartPng = {
  name: "hemtjanstkollen-chart-png",
  hooks: {
    "astro:build:done": ({ dir }) => {
      // _headers, sitemap.xml, robots.txt from the built files (src/deploy/).
      execFileSync(process.execPath, ["--import", "tsx", "scripts/deploy-files.ts", fileURLToPath(dir)], { stdio: "inherit" });
      execFileSync(process.execPath, ["--import", "tsx", "scripts/chart-png.ts", fileURLToPath(dir)], { stdio: "inherit" });
    },
  },
};

// Content-Security-Policy clean-up (issue 20 item 6): drop the script hashes of Astro's client directives,
// which no page uses (scripts/csp-prune.mjs). Runs before the PNG step, on the written pages.
const cspPrune = {
  name: "hemtjanstkollen-csp-prune",
  hooks: { "astro:build:done": ({ dir }) => { pruneDist(fileURLToPath(dir)); } },
};

// Static output only; every page is pre-rendered. DuckDB-WASM is imported on /utforska/ alone.
export default defineConfig({
  output: "static",
  // The public origin (embed snippets, links); SITE_URL sets it for a deploy.
  site: process.env.SITE_URL ?? "http://127.0.0.1:4321",
  trailingSlash: "always",
  // Stylesheets are always files (never inlined), so the policy needs no 'unsafe-inline' for styles.
  build: { format: "directory", inlineStylesheets: "never" },
  compressHTML: true,
  devToolbar: { enabled: false },
  // Content-Security-Policy as <meta http-equiv> on every page (Astro adds it to each page's <head>, also
  // for layouts other than Base: embeds, report print pages). Only the site's own origin; no inline
  // script (vite.build.assetsInlineLimit below keeps Astro from inlining client scripts; Astro would hash
  // any that remain) and no eval (scripts/vite-arrow-no-eval.mjs). No inline styles either: stylesheets
  // are files, chart SVGs carry no <style> or style attribute (src/charts/render.ts), and scripts set
  // styles through the CSS object model only. /utforska/ adds 'wasm-unsafe-eval'
  // for DuckDB-WASM (its worker is a same-origin file: worker-src 'self'). A meta tag cannot set
  // frame-ancestors; a host that sets headers should send frame-ancestors 'self' except under /embed/.
  // Tested in Chromium on every page type (tests/reliability/).
  security: {
    csp: {
      directives: [
        "default-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "worker-src 'self'",
        "frame-src 'self'", "manifest-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  integrations: [cspPrune, chartPng],
  vite: {
    optimizeDeps: { exclude: ["@duckdb/duckdb-wasm"] },
    // Content-Security-Policy (security.csp above): never inline client scripts into the HTML (other assets
    // keep Vite's 4 kB default), and no eval in the client bundle.
    build: { assetsInlineLimit: (file) => (file.endsWith(".js") ? false : undefined) },
    plugins: [arrowNoEval()],
    ssr: { external: ["@duckdb/node-api", "@resvg/resvg-js"] },
  },
});
