// A small static file server for dist/ on 127.0.0.1 (used by `npm start`, the browser tests and benches).
// Serves index.html for folders, the 404 page for unknown paths, and correct MIME types for wasm etc.
// Paths are resolved and must stay inside the root folder (root + path separator, so a sibling folder whose
// name starts with the root's name is out of reach); an undecodable path answers 400 instead of throwing.
// While `npm start` still builds report packages, `pending` names files that are on their way: they answer
// 503 with a Swedish "rapporten byggs" page (and Retry-After) instead of the 404 page.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8", ".svg": "image/svg+xml",
  ".png": "image/png", ".wasm": "application/wasm", ".parquet": "application/vnd.apache.parquet",
  ".csv": "text/csv; charset=utf-8", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pdf": "application/pdf",
  ".zip": "application/zip", ".txt": "text/plain; charset=utf-8", ".ico": "image/x-icon", ".woff2": "font/woff2",
  ".woff": "font/woff", ".ttf": "font/ttf", ".xml": "application/xml; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.stream", ".md": "text/markdown; charset=utf-8",
};

export interface ServeOptions {
  /** URL path (e.g. "/kommun/0114/rapport/rapport.pdf") → true while that file is still being built. */
  pending?: (urlPath: string) => boolean;
}

/** The file a URL path names inside `root`, or null when it leaves the root or cannot be decoded. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try { decoded = decodeURIComponent(urlPath); } catch { return null; }
  if (decoded.includes("\0")) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.posix.normalize(`/${decoded}`).replace(/\/+/g, "/")}`);
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

const BUILDING_PAGE = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Rapporten byggs – Hemtjänstkollen</title></head>
<body style="font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
<h1>Rapporten byggs</h1><p>Den här filen skapas just nu i bakgrunden efter att webbplatsen startades. Sidan laddas om
av sig själv var tionde sekund; försök igen om en liten stund.</p><p><a href="/">Till startsidan</a></p></body></html>\n`;

export function serveStatic(root: string, port = 0, host = "127.0.0.1", options: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") { res.writeHead(405, { allow: "GET, HEAD" }).end(); return; }
    let pathname: string;
    try { pathname = new URL(req.url ?? "/", "http://localhost").pathname; } catch { res.writeHead(400).end("Bad request"); return; }
    let file = resolveInside(root, pathname);
    if (file === null) { res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request"); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    let status = 200;
    if (!existsSync(file) && options.pending?.(pathname)) {
      res.writeHead(503, { "content-type": "text/html; charset=utf-8", "retry-after": "10", "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : BUILDING_PAGE);
      return;
    }
    if (!existsSync(file)) { status = 404; file = path.join(root, "404.html"); }
    if (!existsSync(file)) { res.writeHead(404).end("Not found"); return; }
    res.writeHead(status, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "content-length": statSync(file).size,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      // Embeds: the versioned snippet loads resize.js with crossorigin (SRI), which needs CORS.
      ...(pathname.startsWith("/embed/") ? { "access-control-allow-origin": "*" } : {}),
    });
    if (req.method === "HEAD") { res.end(); return; }
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({ server, url: `http://${host}:${actual}` });
    });
  });
}
