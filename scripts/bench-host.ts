// A local host for benchmarks that behaves like a plain production host on a given line: it serves dist/
// with gzip (level 6, as nginx/Apache defaults; text, JS, JSON, SVG and WebAssembly; Parquet is already
// ZSTD-compressed and goes as is), and can shape the line: one shared downlink (bytes/s, a token bucket
// over every response, so parallel downloads share it as on a phone) and a round-trip latency added
// before each response. Shaping on the server covers every request, also those a Web Worker makes
// (DevTools' network emulation does not reliably reach dedicated workers). It records what it sent.
import { readFileSync, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { resolveInside } from "./serve-static";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8", ".svg": "image/svg+xml", ".wasm": "application/wasm",
  ".parquet": "application/vnd.apache.parquet", ".png": "image/png", ".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8",
};
const GZIP = new Set([".html", ".css", ".js", ".json", ".svg", ".wasm", ".txt"]);

export interface Line { downBytesPerSec: number; latencyMs: number }
export interface Sent { url: string; bytes: number; startedAt: number; finishedAt: number }

export interface BenchHost {
  url: string;
  server: Server;
  sent: Sent[];
  setLine(line: Line | null): void;
  close(): Promise<void>;
}

export function startBenchHost(root: string): Promise<BenchHost> {
  const cache = new Map<string, { body: Buffer; gzip: boolean }>();
  const sent: Sent[] = [];
  let line: Line | null = null;
  let nextFree = 0; // token bucket: when the shared downlink is free again (performance.now() ms)
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const server = createServer(async (req, res) => {
    const startedAt = performance.now();
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    let file = resolveInside(root, pathname);
    if (file && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    let status = 200;
    if (!file || !existsSync(file)) { status = 404; file = path.join(root, "404.html"); }
    const ext = path.extname(file);
    let entry = cache.get(file);
    if (!entry) {
      const raw = readFileSync(file);
      entry = GZIP.has(ext) ? { body: gzipSync(raw, { level: 6 }), gzip: true } : { body: raw, gzip: false };
      cache.set(file, entry);
    }
    const gzip = entry.gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? entry.body : readFileSync(file);
    res.on("finish", () => {
      const header = (res as unknown as { _header?: string })._header?.length ?? 0;
      sent.push({ url: pathname, bytes: body.length + header, startedAt, finishedAt: performance.now() });
    });
    const current = line;
    if (current) await sleep(current.latencyMs);
    const headers = {
      "content-type": TYPES[ext] ?? "application/octet-stream", "content-length": String(body.length), "cache-control": "no-cache",
      ...(gzip ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}),
    };
    res.writeHead(status, headers);
    if (!current) {
      res.end(body);
    } else {
      // Send in 16 kB slices, each waiting for its share of the shared downlink.
      const slice = 16 * 1024;
      for (let at = 0; at < body.length; at += slice) {
        const chunk = body.subarray(at, Math.min(body.length, at + slice));
        const now = performance.now();
        const start = Math.max(now, nextFree);
        nextFree = start + (chunk.length / current.downBytesPerSec) * 1000;
        if (nextFree > now) await sleep(nextFree - now);
        if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
      }
      res.end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`, server, sent,
        setLine(l) { line = l; nextFree = 0; },
        close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}
