import { describe, expect, it } from "vitest";
import { KoladaHttp, KoladaHttpError, KoladaJsonError, KoladaTimeLimitError, parseRetryAfter } from "./http";
import { FakeClock, FakeKolada, KOLADA } from "./testing";

const URL1 = `${KOLADA}/data/kpi/U21468/municipality/0114/year/2024?per_page=5000`;
const OK = { fixture: "data_page2.json" };

function setup(extra = {}) {
  const clock = new FakeClock();
  const kolada = new FakeKolada(clock);
  const lines: string[] = [];
  const http = new KoladaHttp(clock.httpOptions({ fetchImpl: kolada.fetch, log: (l) => lines.push(l), ...extra }));
  return { clock, kolada, http, lines };
}

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates, ignores junk", () => {
    const now = Date.UTC(2026, 4, 4, 8, 0, 0);
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("1.5", now)).toBe(1500);
    expect(parseRetryAfter("Mon, 04 May 2026 08:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Mon, 04 May 2026 07:59:00 GMT", now)).toBe(0); // in the past: go now
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe("KoladaHttp retries", () => {
  it("waits exactly Retry-After seconds after a 429, then succeeds", async () => {
    const { clock, kolada, http, lines } = setup();
    kolada.on(URL1, { status: 429, headers: { "retry-after": "7" }, body: { detail: "Too Many Requests" } }, OK);
    const res = await http.getJson(URL1);
    expect(kolada.requests).toEqual([URL1, URL1]);
    expect(clock.sleeps).toContain(7000);
    expect(clock.sleeps.filter((s) => s > 200)).toEqual([7000]); // no other long wait than the one asked for
    expect((res.body as { count: number }).count).toBe(8);
    expect(lines.join("\n")).toMatch(/HTTP 429 .*retry 1\/5 in 7\.0 s/);
  });

  it("honours Retry-After given as an HTTP date", async () => {
    const { clock, kolada, http } = setup();
    const at = new Date(clock.t + 12_000).toUTCString();
    kolada.on(URL1, { status: 429, headers: { "retry-after": at } }, OK);
    await http.getJson(URL1);
    expect(clock.sleeps).toContain(12_000);
  });

  it("retries a 500 with exponential backoff and jitter, then succeeds", async () => {
    const { clock, kolada, http } = setup({ baseDelayMs: 1000 });
    kolada.on(URL1, { status: 500 }, { status: 503 }, OK);
    await http.getJson(URL1);
    expect(kolada.count(URL1)).toBe(3);
    // equal jitter with random = 0.5: 1000 → 750 ms, 2000 → 1500 ms
    expect(clock.sleeps.filter((s) => s > 200)).toEqual([750, 1500]);
  });

  it("jitter moves the wait between half and all of the exponential step", async () => {
    const waits: number[] = [];
    for (const r of [0, 0.999]) {
      const clock = new FakeClock();
      const kolada = new FakeKolada(clock).on(URL1, { status: 502 }, OK);
      await new KoladaHttp(clock.httpOptions({ fetchImpl: kolada.fetch, random: () => r, baseDelayMs: 1000 })).getJson(URL1);
      waits.push(...clock.sleeps.filter((s) => s > 200));
    }
    expect(waits[0]).toBe(500);
    expect(waits[1]).toBeGreaterThan(990);
    expect(waits[1]).toBeLessThanOrEqual(1000);
  });

  it("gives up after maxRetries with an error naming URL and status", async () => {
    const { kolada, http } = setup({ maxRetries: 2 });
    kolada.on(URL1, { status: 500, body: "Internal Server Error" });
    const err = await http.getJson(URL1).catch((e) => e);
    expect(err).toBeInstanceOf(KoladaHttpError);
    expect(err.status).toBe(500);
    expect(err.message).toContain(URL1);
    expect(err.message).toContain("gave up after 3 attempts");
    expect(kolada.count(URL1)).toBe(3);
  });

  it("does not retry a 404 or 422 (the caller decides)", async () => {
    const { kolada, http } = setup();
    kolada.on(URL1, { status: 422, fixture: "error_422.json" });
    const err = await http.getJson(URL1).catch((e) => e);
    expect(err).toBeInstanceOf(KoladaHttpError);
    expect(err.status).toBe(422);
    expect(err.message).toContain("Too many ids");
    expect(kolada.count(URL1)).toBe(1);
  });

  it("aborts a hanging request at the timeout and retries it", async () => {
    const { clock, kolada, http, lines } = setup({ requestTimeoutMs: 10_000 });
    kolada.on(URL1, "hang", OK);
    const start = clock.t;
    const res = await http.getJson(URL1);
    expect(res.status).toBe(200);
    expect(kolada.count(URL1)).toBe(2);
    expect(clock.t - start).toBeGreaterThanOrEqual(10_000); // the fake timeout really elapsed
    expect(lines.join("\n")).toMatch(/timeout \(no complete answer within 10000 ms\)/);
  });

  it("fails after repeated timeouts", async () => {
    const { kolada, http } = setup({ requestTimeoutMs: 5_000, maxRetries: 1 });
    kolada.on(URL1, "hang");
    await expect(http.getJson(URL1)).rejects.toThrow(/timeout .* for .*U21468.*gave up after 2 attempts/);
  });

  it("retries a connection reset", async () => {
    const { kolada, http, lines } = setup();
    kolada.on(URL1, "reset", OK);
    await http.getJson(URL1);
    expect(kolada.count(URL1)).toBe(2);
    expect(lines.join("\n")).toContain("ECONNRESET");
  });

  it("treats a truncated body as an error naming the URL, retried a limited number of times", async () => {
    const { kolada, http } = setup({ maxInvalidJsonRetries: 2 });
    kolada.on(URL1, { fixture: "data_truncated.txt" });
    const err = await http.getJson(URL1).catch((e) => e);
    expect(err).toBeInstanceOf(KoladaJsonError);
    expect(err.message).toContain(URL1);
    expect(err.message).toMatch(/after 3 attempts/);
    expect(kolada.count(URL1)).toBe(3);
  });

  it("recovers when a truncated body is followed by a complete one", async () => {
    const { kolada, http } = setup();
    kolada.on(URL1, { fixture: "data_truncated.txt" }, OK);
    const res = await http.getJson(URL1);
    expect((res.body as { values: unknown[] }).values).toHaveLength(8);
  });
});

describe("KoladaHttp pacing and time limit", () => {
  it("spaces requests to at most 5 per second", async () => {
    const clock = new FakeClock();
    const kolada = new FakeKolada(clock);
    kolada.fallback = () => OK;
    const starts: number[] = [];
    const http = new KoladaHttp(clock.httpOptions({
      fetchImpl: (u, i) => { starts.push(clock.t); return kolada.fetch(u, i); },
    }));
    const start = clock.t;
    for (let i = 0; i < 11; i++) await http.getJson(`${URL1}&n=${i}`);
    expect(starts[0]).toBe(start);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(200);
    expect(starts[10] - starts[0]).toBe(2000); // 11 requests in 2 s: 5 per second
  });

  it("stops when a Retry-After would pass the total time limit", async () => {
    const { kolada, http } = setup({ totalTimeLimitMs: 60_000 });
    kolada.on(URL1, { status: 429, headers: { "retry-after": "120" } });
    const err = await http.getJson(URL1).catch((e) => e);
    expect(err).toBeInstanceOf(KoladaTimeLimitError);
    expect(err.message).toMatch(/total time limit of 60 s .*retry would wait 120 s after HTTP 429/);
    expect(kolada.count(URL1)).toBe(1);
  });

  it("stops before a request once the total time is used up", async () => {
    const { clock, kolada, http } = setup({ totalTimeLimitMs: 1_000 });
    kolada.fallback = () => OK;
    await http.getJson(URL1);
    clock.t += 1_000;
    await expect(http.getJson(`${URL1}&again`)).rejects.toBeInstanceOf(KoladaTimeLimitError);
    expect(kolada.requests).toHaveLength(1);
  });
});
