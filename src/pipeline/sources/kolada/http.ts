// A small, polite JSON-over-HTTP getter for Kolada (DESIGN.md §3.1): spaced requests (≤ 5/s), retries with
// exponential backoff + jitter on 429 / 5xx / timeouts / connection errors / broken JSON, Retry-After
// honoured, and a hard time limit for the whole run. Clock, sleep, timer, random and fetch are injectable
// so tests are instant and deterministic.

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpOptions {
  /** Defaults to the global fetch, looked up per request (tests replace it in a setup hook). */
  fetchImpl?: FetchLike;
  /** Wall clock in epoch ms; also used to read Retry-After HTTP dates. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Schedules the per-request timeout; returns a cancel function. */
  setTimer?: (ms: number, fn: () => void) => () => void;
  /** Uniform in [0, 1), for jitter. */
  random?: () => number;
  maxRequestsPerSecond?: number; // default 5
  maxRetries?: number; // retries after the first attempt, default 5
  baseDelayMs?: number; // first backoff step, default 500
  maxDelayMs?: number; // cap for one backoff wait, default 30 s
  requestTimeoutMs?: number; // default 30 s, covers headers and body
  totalTimeLimitMs?: number; // default 20 min for everything this instance fetches
  maxInvalidJsonRetries?: number; // default 2: a truncated body is retried, but not forever
  log?: (line: string) => void;
}

export interface JsonResponse {
  url: string;
  status: number;
  text: string; // the raw body, for the cache
  body: unknown;
}

/** A final HTTP status that is not retried (or retries ran out). `status` lets callers react (422 → split). */
export class KoladaHttpError extends Error {
  constructor(readonly url: string, readonly status: number, detail: string) {
    super(`Kolada: HTTP ${status} for ${url}${detail ? `: ${detail}` : ""}`);
    this.name = "KoladaHttpError";
  }
}

export class KoladaJsonError extends Error {
  constructor(readonly url: string, detail: string) {
    super(`Kolada: invalid or truncated JSON from ${url}: ${detail}`);
    this.name = "KoladaJsonError";
  }
}

export class KoladaTimeLimitError extends Error {
  constructor(readonly url: string, limitMs: number, what: string) {
    super(`Kolada: total time limit of ${Math.round(limitMs / 1000)} s reached (${what}) at ${url}`);
    this.name = "KoladaTimeLimitError";
  }
}

type Failure =
  | { kind: "status"; status: number; retryAfterMs: number | null; detail: string }
  | { kind: "timeout"; detail: string }
  | { kind: "network"; detail: string }
  | { kind: "json"; detail: string };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const realTimer = (ms: number, fn: () => void) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). Returns ms, or null if absent/unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header == null || header.trim() === "") return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

export class KoladaHttp {
  private readonly o: Required<Omit<HttpOptions, "fetchImpl" | "log">> & Pick<HttpOptions, "fetchImpl" | "log">;
  private readonly startedAt: number;
  private nextSlot = 0; // earliest start time of the next request (rate spacing)
  /** Number of HTTP attempts made (including retries), for progress lines and tests. */
  attempts = 0;

  constructor(options: HttpOptions = {}) {
    this.o = {
      fetchImpl: options.fetchImpl,
      log: options.log,
      now: options.now ?? Date.now,
      sleep: options.sleep ?? realSleep,
      setTimer: options.setTimer ?? realTimer,
      random: options.random ?? Math.random,
      maxRequestsPerSecond: options.maxRequestsPerSecond ?? 5,
      maxRetries: options.maxRetries ?? 5,
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      totalTimeLimitMs: options.totalTimeLimitMs ?? 20 * 60_000,
      maxInvalidJsonRetries: options.maxInvalidJsonRetries ?? 2,
    };
    if (!(this.o.maxRequestsPerSecond > 0)) throw new Error("maxRequestsPerSecond must be > 0");
    this.startedAt = this.o.now();
  }

  private remainingMs(): number {
    return this.o.totalTimeLimitMs - (this.o.now() - this.startedAt);
  }

  /** Spacing rather than bursts: a slot is reserved before awaiting, so concurrent callers queue up too. */
  private async waitForSlot(url: string): Promise<void> {
    const interval = 1000 / this.o.maxRequestsPerSecond;
    const now = this.o.now();
    const start = Math.max(now, this.nextSlot);
    this.nextSlot = start + interval;
    const wait = start - now;
    if (wait > 0) {
      if (wait > this.remainingMs()) throw new KoladaTimeLimitError(url, this.o.totalTimeLimitMs, "waiting for a request slot");
      await this.o.sleep(wait);
    }
  }

  /** Exponential backoff with "equal jitter": half fixed, half random, so retries from many clients spread out. */
  private backoffMs(retry: number): number {
    const exp = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** retry);
    return Math.round(exp / 2 + this.o.random() * (exp / 2));
  }

  async getJson(url: string): Promise<JsonResponse> {
    let retries = 0;
    let jsonFailures = 0;
    for (;;) {
      if (this.remainingMs() <= 0) throw new KoladaTimeLimitError(url, this.o.totalTimeLimitMs, "before a request");
      await this.waitForSlot(url);
      const result = await this.attempt(url);
      if ("body" in result) return result;
      const failure = result;
      if (failure.kind === "status" && !isRetryableStatus(failure.status)) {
        throw new KoladaHttpError(url, failure.status, failure.detail);
      }
      if (failure.kind === "json" && ++jsonFailures > this.o.maxInvalidJsonRetries) {
        throw new KoladaJsonError(url, `${failure.detail} (after ${jsonFailures} attempts)`);
      }
      if (retries >= this.o.maxRetries) throw this.finalError(url, failure, retries + 1);
      // Retry-After is a floor set by the server; our own backoff applies when it is absent.
      const delay = failure.kind === "status" && failure.retryAfterMs != null
        ? failure.retryAfterMs
        : this.backoffMs(retries);
      if (delay > this.remainingMs()) {
        throw new KoladaTimeLimitError(url, this.o.totalTimeLimitMs, `a retry would wait ${Math.round(delay / 1000)} s after ${describe(failure)}`);
      }
      retries++;
      this.o.log?.(`kolada: ${describe(failure)} for ${url}; retry ${retries}/${this.o.maxRetries} in ${(delay / 1000).toFixed(1)} s`);
      await this.o.sleep(delay);
    }
  }

  private finalError(url: string, failure: Failure, attempts: number): Error {
    const suffix = `(gave up after ${attempts} attempts)`;
    switch (failure.kind) {
      case "status": return new KoladaHttpError(url, failure.status, `${failure.detail} ${suffix}`.trim());
      case "json": return new KoladaJsonError(url, `${failure.detail} ${suffix}`);
      default: return new Error(`Kolada: ${describe(failure)} for ${url} ${suffix}`);
    }
  }

  /** One attempt: a JsonResponse on success, otherwise a classified failure (never throws for I/O trouble). */
  private async attempt(url: string): Promise<JsonResponse | Failure> {
    this.attempts++;
    const controller = new AbortController();
    let timedOut = false;
    const timeoutMs = Math.max(1, Math.min(this.o.requestTimeoutMs, this.remainingMs()));
    const cancelTimer = this.o.setTimer(timeoutMs, () => {
      timedOut = true;
      controller.abort(new Error(`timeout after ${timeoutMs} ms`));
    });
    try {
      const fetchImpl = this.o.fetchImpl ?? (globalThis.fetch as FetchLike);
      const res = await fetchImpl(url, { signal: controller.signal, headers: { accept: "application/json" } });
      const text = await res.text(); // still under the timer: a stalled body is a timeout too
      if (!res.ok) {
        return {
          kind: "status", status: res.status,
          retryAfterMs: parseRetryAfter(res.headers.get("retry-after"), this.o.now()),
          detail: text.slice(0, 200).replace(/\s+/g, " "),
        };
      }
      try {
        return { url, status: res.status, text, body: JSON.parse(text) as unknown };
      } catch (error) {
        return { kind: "json", detail: `${(error as Error).message}; ${text.length} characters received` };
      }
    } catch (error) {
      if (timedOut) return { kind: "timeout", detail: `no complete answer within ${timeoutMs} ms` };
      return { kind: "network", detail: errorText(error) };
    } finally {
      cancelTimer();
    }
  }
}

function describe(f: Failure): string {
  switch (f.kind) {
    case "status": return `HTTP ${f.status}`;
    case "timeout": return `timeout (${f.detail})`;
    case "network": return `connection error (${f.detail})`;
    case "json": return `invalid JSON (${f.detail})`;
  }
}

/** undici hides the socket error in `cause` ("fetch failed" → ECONNRESET). */
function errorText(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e?.cause ? `: ${e.cause.code ?? e.cause.message ?? ""}` : "";
  return `${e?.message ?? String(error)}${cause}`;
}
