// The static server keeps to its folder, survives malformed URLs and answers HEAD without a body.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveInside, serveStatic } from "./serve-static";

/** A raw request (fetch would normalise the path before sending it). */
function raw(url: string, rawPath: string, method = "GET"): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: rawPath, method }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

let server: Server;
let url: string;
let base: string;

beforeAll(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), "htk-serve-"));
  const dist = path.join(base, "dist");
  mkdirSync(path.join(dist, "kommun", "0114"), { recursive: true });
  mkdirSync(path.join(base, "dist-private"));
  writeFileSync(path.join(base, "dist-private", "secret.txt"), "hemligt");
  writeFileSync(path.join(base, "secret.txt"), "hemligt");
  writeFileSync(path.join(dist, "index.html"), "<h1>start</h1>");
  writeFileSync(path.join(dist, "404.html"), "<h1>finns inte</h1>");
  writeFileSync(path.join(dist, "kommun", "0114", "index.html"), "<h1>Upplands Väsby</h1>");
  ({ server, url } = await serveStatic(dist, 0, "127.0.0.1", { pending: (p) => p.endsWith("/rapport.pdf") }));
});
afterAll(async () => { await new Promise((r) => server.close(r)); });

describe("serveStatic", () => {
  it("serves files and folders' index.html", async () => {
    const r = await raw(url, "/kommun/0114/");
    expect(r.status).toBe(200);
    expect(r.body).toContain("Upplands Väsby");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
  });

  it.each([
    "/..%2Fdist-private%2Fsecret.txt", "/../dist-private/secret.txt", "/..%2f..%2fsecret.txt", "/%2e%2e/secret.txt",
    "/kommun/..%2F..%2F..%2Fsecret.txt", "/..%5csecret.txt",
  ])("never serves a file outside the root: %s", async (p) => {
    const r = await raw(url, p);
    expect(r.body).not.toContain("hemligt");
    expect([400, 404]).toContain(r.status);
  });

  it.each(["/%E0%A4%A", "/%", "/%ZZ", "/a%00b"])("answers 400 to an undecodable path and keeps running: %s", async (p) => {
    expect((await raw(url, p)).status).toBe(400);
    expect((await raw(url, "/")).status).toBe(200);
  });

  it("answers HEAD with the headers and no body", async () => {
    const r = await raw(url, "/kommun/0114/", "HEAD");
    expect(r.status).toBe(200);
    expect(r.body).toBe("");
    expect(Number(r.headers["content-length"])).toBe(Buffer.byteLength("<h1>Upplands Väsby</h1>"));
  });

  it("answers 404 with the site's 404 page and 405 to other methods", async () => {
    const r = await raw(url, "/finns-inte/");
    expect(r.status).toBe(404);
    expect(r.body).toContain("finns inte");
    expect((await raw(url, "/", "POST")).status).toBe(405);
  });

  it("answers a Swedish 'rapporten byggs' page for a package file still being built", async () => {
    const r = await raw(url, "/kommun/0114/rapport/rapport.pdf");
    expect(r.status).toBe(503);
    expect(r.headers["retry-after"]).toBe("10");
    expect(r.body).toContain("Rapporten byggs");
  });
});

describe("resolveInside", () => {
  it("keeps paths inside the root, including a sibling whose name starts with the root's", () => {
    expect(resolveInside("/srv/dist", "/a/b.html")).toBe(path.resolve("/srv/dist/a/b.html"));
    expect(resolveInside("/srv/dist", "/..%2Fdist-private%2Fx")).toBe(path.resolve("/srv/dist/dist-private/x"));
    expect(resolveInside("/srv/dist", "/%E0%A4%A")).toBeNull();
  });
});
