// The real KoladaHttp (real fetch, clock and timers) against a real local server on 127.0.0.1:
// a server that stalls, and one that resets the connection once. Bounded to a few seconds.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KoladaHttp } from "./http";
import { fixtureText } from "./testing";

let server: Server;
let base = "";
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const n = (hits.get(req.url!) ?? 0) + 1;
    hits.set(req.url!, n);
    if (req.url === "/stall") return; // never answers
    if (req.url === "/stall-body") {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"values": ['); // headers and half a body, then silence
      return;
    }
    if (req.url === "/reset-once" && n === 1) {
      req.socket.destroy(); // connection reset before any answer
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(fixtureText("data_page2.json"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("KoladaHttp against a local server", () => {
  it("times out a stalled server and gives up after the allowed retries", async () => {
    const http = new KoladaHttp({ requestTimeoutMs: 300, maxRetries: 1, baseDelayMs: 20 });
    const t0 = performance.now();
    await expect(http.getJson(`${base}/stall`)).rejects.toThrow(/timeout .*\/stall.*gave up after 2 attempts/);
    const ms = performance.now() - t0;
    expect(hits.get("/stall")).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(550); // two real 300 ms timeouts
    expect(ms).toBeLessThan(4000);
  }, 8000);

  it("times out a body that stops half-way", async () => {
    const http = new KoladaHttp({ requestTimeoutMs: 300, maxRetries: 0 });
    await expect(http.getJson(`${base}/stall-body`)).rejects.toThrow(/timeout/);
    expect(hits.get("/stall-body")).toBe(1);
  }, 8000);

  it("retries after a connection reset and then reads the answer", async () => {
    const lines: string[] = [];
    const http = new KoladaHttp({ requestTimeoutMs: 2000, baseDelayMs: 20, log: (l) => lines.push(l) });
    const res = await http.getJson(`${base}/reset-once`);
    expect(hits.get("/reset-once")).toBe(2);
    expect((res.body as { values: unknown[] }).values).toHaveLength(8);
    expect(lines.join("\n")).toMatch(/connection error .*reset-once.*retry 1\/5/);
  }, 8000);
});
