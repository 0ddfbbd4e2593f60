// Every test runs with the network blocked: only loopback hosts may be reached.
// A request anywhere else fails the test that made it.
import { beforeAll } from "vitest";

const LOCAL = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const realFetch = globalThis.fetch;

export function isLocalUrl(input: string | URL): boolean {
  const url = typeof input === "string" ? new URL(input) : input;
  return LOCAL.has(url.hostname);
}

beforeAll(() => {
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!isLocalUrl(url)) throw new Error(`Network blocked in tests: ${url}`);
    return realFetch(input, init);
  }) as typeof fetch;
});
