// Test doubles for the Kolada client: a fake clock (time only moves when someone sleeps or a timeout
// fires) and a fake Kolada that serves the fixtures in tests/fixtures/kolada/ and records every URL.
// Used only by the *.test.ts files beside this one.
import { readFileSync } from "node:fs";
import type { FetchLike, HttpOptions } from "./http";

export const FIXTURES = new URL("../../../../tests/fixtures/kolada/", import.meta.url);
export const KOLADA = "https://api.kolada.se/v3";

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), "utf8");
}

export class FakeClock {
  t = Date.UTC(2026, 4, 4, 8, 0, 0);
  readonly sleeps: number[] = [];
  private timers: { ms: number; fn: () => void }[] = [];
  now = (): number => this.t;
  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.t += ms;
  };
  setTimer = (ms: number, fn: () => void): (() => void) => {
    const timer = { ms, fn };
    this.timers.push(timer);
    return () => { this.timers = this.timers.filter((x) => x !== timer); };
  };
  /** Let every pending timeout expire (what a hanging server causes). */
  fireTimers(): void {
    const due = this.timers;
    this.timers = [];
    for (const t of due) { this.t += t.ms; t.fn(); }
  }
  /** HttpOptions wired to this clock, with jitter fixed at the midpoint. */
  httpOptions(extra: HttpOptions = {}): HttpOptions {
    return { now: this.now, sleep: this.sleep, setTimer: this.setTimer, random: () => 0.5, ...extra };
  }
}

export type Reply =
  | { status?: number; fixture?: string; body?: string | object; headers?: Record<string, string> }
  | "hang" // never answers; rejects when the client aborts
  | "reset"; // connection error, as undici reports it

export class FakeKolada {
  readonly requests: string[] = [];
  private routes = new Map<string, Reply[]>();
  /** Answers URLs without a route (e.g. generated data for chunking tests); default 404. */
  fallback: (url: string) => Reply = () => ({ status: 404, body: { detail: "Not Found" } });

  constructor(private readonly clock?: FakeClock) {}

  /** Replies in order for this exact URL; the last one repeats. */
  on(url: string, ...replies: Reply[]): this {
    this.routes.set(url, replies);
    return this;
  }

  count(url: string): number {
    return this.requests.filter((u) => u === url).length;
  }

  fetch: FetchLike = async (url, init) => {
    this.requests.push(url);
    const queue = this.routes.get(url);
    const reply = queue ? (queue.length > 1 ? queue.shift()! : queue[0]) : this.fallback(url);
    if (reply === "reset") {
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
    }
    if (reply === "hang") {
      return new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        signal?.addEventListener("abort", () => reject(signal.reason));
        setTimeout(() => this.clock?.fireTimers(), 0);
      });
    }
    const text = reply.fixture ? fixtureText(reply.fixture)
      : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? {});
    return new Response(text, { status: reply.status ?? 200, headers: { "content-type": "application/json", ...reply.headers } });
  };
}
