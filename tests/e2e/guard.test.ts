// The foreign-request guard itself must work, or every "no third-party request" assertion is hollow.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness";

let dir: string;
let h: Harness;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "htk-guard-"));
  writeFileSync(path.join(dir, "index.html"),
    `<!doctype html><html lang="sv"><title>t</title><img alt="" src="https://cdn.example.com/x.png"><script src="http://fonts.example.net/f.js"></script><img alt="" src="/local.png">`);
  h = await startHarness(dir);
});
afterAll(async () => { await h?.close(); rmSync(dir, { recursive: true, force: true }); });

describe("foreign-request guard", () => {
  it("records and blocks every request to a host other than 127.0.0.1", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/`, { waitUntil: "load" });
    expect(h.foreignRequests.sort()).toEqual(["http://fonts.example.net/f.js", "https://cdn.example.com/x.png"]);
  });
});
