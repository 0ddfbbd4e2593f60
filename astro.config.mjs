import { defineConfig } from "astro/config";

// Static output only; every page is pre-rendered. DuckDB-WASM is imported on /utforska/ alone.
export default defineConfig({
  output: "static",
  site: "http://127.0.0.1:4321",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "auto" },
  compressHTML: true,
  devToolbar: { enabled: false },
  vite: {
    optimizeDeps: { exclude: ["@duckdb/duckdb-wasm"] },
    ssr: { external: ["@duckdb/node-api", "@resvg/resvg-js"] },
  },
});
