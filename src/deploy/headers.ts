// The HTTP headers a host should send (issue 20 item 5), in one place: written to dist/_headers (the
// format of Cloudflare Pages; "! Name" detaches a header set by an earlier rule) and documented in the
// README's deploy section. A <meta> CSP cannot set frame-ancestors and does not reach workers, so:
// - every page: frame-ancestors 'self' (clickjacking), except /embed/*, which is made to be framed;
// - nosniff, a referrer policy, HSTS (browsers ignore it over plain http);
// - workers: their own policy; the DuckDB worker needs eval for its generated code and wasm compilation;
// - long, immutable caching for content-hashed files (/_astro/*, /data/*.<hash>.parquet).
// https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy/frame-ancestors
// https://developers.cloudflare.com/pages/configuration/headers/

export const WORKER_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; connect-src 'self'";

export const BASE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": "frame-ancestors 'self'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Strict-Transport-Security": "max-age=31536000",
};

export const IMMUTABLE = "public, max-age=31536000, immutable";

/** Content-hashed data files: name.<8 hex>.parquet (src/site-data). */
export const HASHED_DATA = /^data\/[\w-]+\.[0-9a-f]{8}\.(parquet|arrow)$/;

/** Worker scripts among the built files (their names come from Vite's build). */
export function workerFiles(files: readonly string[]): string[] {
  return files.filter((f) => f.startsWith("_astro/") && /worker[^/]*\.js$/.test(f)).sort();
}

/** dist/_headers for the given list of built files (relative paths with "/"). */
export function headersFile(files: readonly string[]): string {
  const rule = (path: string, headers: Record<string, string>, detach: string[] = []) =>
    [path, ...detach.map((h) => `  ! ${h}`), ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join("\n");
  const rules = [
    rule("/*", { ...BASE_HEADERS }),
    // Embeds are framed by other sites; resize.js is loaded with crossorigin for its integrity check.
    rule("/embed/*", { "Access-Control-Allow-Origin": "*" }, ["Content-Security-Policy"]),
    rule("/_astro/*", { "Cache-Control": IMMUTABLE }),
    ...files.filter((f) => HASHED_DATA.test(f)).sort().map((f) => rule(`/${f}`, { "Cache-Control": IMMUTABLE })),
    ...workerFiles(files).map((f) => rule(`/${f}`, { "Content-Security-Policy": WORKER_CSP }, ["Content-Security-Policy"])),
  ];
  return `# Headers for this site (src/deploy/headers.ts; README "Publicera"). .wasm must be served as application/wasm.\n${rules.join("\n\n")}\n`;
}
