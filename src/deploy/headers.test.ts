import { describe, expect, it } from "vitest";
import { headersFile, WORKER_CSP, workerFiles } from "./headers";

const FILES = [
  "index.html", "embed/resize.js", "_astro/index.abc.js", "_astro/duckdb-browser-eh.worker.hQa-dcAV.js",
  "_astro/decode.worker-D9SFKeIO.js", "_astro/duckdb-eh.9ubY-jlA.wasm", "data/scores.34a27b9a.parquet", "data/manifest.json",
];

describe("deploy headers", () => {
  it("finds the worker scripts", () => {
    expect(workerFiles(FILES)).toEqual(["_astro/decode.worker-D9SFKeIO.js", "_astro/duckdb-browser-eh.worker.hQa-dcAV.js"]);
  });

  it("forbids framing everywhere but /embed/*, and gives workers their own policy", () => {
    const text = headersFile(FILES);
    const blocks = Object.fromEntries(text.split("\n\n").map((b) => { const [first, ...rest] = b.split("\n").filter((l) => l && !l.startsWith("#")); return [first, rest]; }));
    expect(blocks["/*"]).toEqual(expect.arrayContaining(["  Content-Security-Policy: frame-ancestors 'self'", "  X-Content-Type-Options: nosniff",
      "  Referrer-Policy: strict-origin-when-cross-origin", "  Strict-Transport-Security: max-age=31536000"]));
    expect(blocks["/embed/*"]).toEqual(["  ! Content-Security-Policy", "  Access-Control-Allow-Origin: *"]);
    expect(blocks["/_astro/duckdb-browser-eh.worker.hQa-dcAV.js"]).toEqual(["  ! Content-Security-Policy", `  Content-Security-Policy: ${WORKER_CSP}`]);
    expect(WORKER_CSP).toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'");
    expect(WORKER_CSP).toContain("connect-src 'self'");
  });

  it("caches hashed files for a year and leaves unhashed ones alone", () => {
    const text = headersFile(FILES);
    expect(text).toContain("/_astro/*\n  Cache-Control: public, max-age=31536000, immutable");
    expect(text).toContain("/data/scores.34a27b9a.parquet\n  Cache-Control: public, max-age=31536000, immutable");
    expect(text).not.toContain("/data/manifest.json");
  });
});
