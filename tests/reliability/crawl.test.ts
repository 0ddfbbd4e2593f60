// Whole-site crawl of the built dist/ (issue 8): see crawler.ts for what is checked on every page and
// what is sampled. Prints a summary and writes test-output/crawl-summary.json (git-ignored) for
// `npm run bench` (scripts/crawl-summary.ts). Also: the explorer refuses hostile URL parameters.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRAWL_SUMMARY_FILE, formatCrawlSummary, type CrawlSummaryFile } from "../../scripts/crawl-summary";
import { WEIGHT_PARAM } from "../../src/client/explorer/state";
import { crawl, formatProblems, type CrawlResult } from "./crawler";
import { DIST, openSite, pageSignals, ROOT, settle, type Site } from "./support";

function htmlFiles(dir: string, sub = ""): string[] {
  return readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) => {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name.startsWith(".") || e.name === "_astro" ? [] : htmlFiles(dir, rel);
    return e.name.endsWith(".html") ? [rel] : [];
  });
}

describe("whole-site crawl of dist/", () => {
  let result: CrawlResult;
  beforeAll(async () => {
    result = await crawl({ root: DIST, htmlFiles: htmlFiles(DIST), log: (l) => console.log(l) });
    const byKind: Record<string, number> = {};
    for (const p of result.problems) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
    const file: CrawlSummaryFile = { date: new Date().toISOString(), summary: result.summary, problems_by_kind: byKind };
    mkdirSync(path.join(ROOT, "test-output"), { recursive: true });
    writeFileSync(path.join(ROOT, CRAWL_SUMMARY_FILE), JSON.stringify({ ...file, problems: result.problems.slice(0, 500) }, null, 2) + "\n");
    console.log(formatCrawlSummary(file).join("\n"));
    console.log(`page types: ${[...result.types].map(([t, l]) => `${t} ${l.length}`).join(", ")}`);
    if (result.problems.length) console.log(formatProblems(result.problems, 80));
  }, 600_000);

  it("reaches the site's page types and files", () => {
    expect(result.summary.pages).toBeGreaterThan(1);
    for (const p of ["/", "/rankning/", "/data/"]) expect(result.pages, p).toContain(p);
    expect(result.summary.pages_in_browser).toBeGreaterThan(0);
  });

  it("has no broken internal link, empty file, broken fragment or javascript: URL", () => {
    const bad = result.problems.filter((p) => ["broken link", "empty file", "broken fragment", "javascript: URL", "fetch failed"].includes(p.kind));
    expect(bad, formatProblems(bad)).toEqual([]);
  });

  it("makes no request to, and references no resource on, any host other than 127.0.0.1", () => {
    const bad = result.problems.filter((p) => p.kind.startsWith("third-party"));
    expect(bad, formatProblems(bad)).toEqual([]);
    expect(result.summary.third_party_requests).toBe(0);
  });

  it("loads every visited page with status 200, no console or page error, no failed request", () => {
    const bad = result.problems.filter((p) => ["page status", "navigation failed", "console error", "page error", "request failed", "request status"].includes(p.kind));
    expect(bad, formatProblems(bad)).toEqual([]);
  });

  it("reports no Content-Security-Policy violation and runs no dialog", () => {
    const bad = result.problems.filter((p) => ["CSP violation", "script ran (dialog)", "dialog"].includes(p.kind));
    expect(bad, formatProblems(bad)).toEqual([]);
  });

  it("has no serious or critical axe violation on the sampled pages", () => {
    const bad = result.problems.filter((p) => p.kind.startsWith("axe"));
    expect(bad, formatProblems(bad)).toEqual([]);
  });
});

describe("explorer: hostile URL parameters", () => {
  let site: Site;
  beforeAll(async () => { site = await openSite(DIST); });
  afterAll(async () => { await site?.close(); });

  it("refuses negative, NaN, huge and injected weights with a Swedish message, and runs nothing", async (ctx) => {
    if (!htmlFiles(DIST).includes("utforska/index.html")) ctx.skip();
    const params = new URLSearchParams();
    const values = ["-1", "NaN", "1e309", "<script>alert(1)</script>"];
    Object.values(WEIGHT_PARAM).forEach((name, i) => params.set(name, values[i % values.length]));
    params.set("w", "-1,NaN,1e309,<script>alert(2)</script>");
    params.set("regel", "<img src=x onerror=alert(3)>");
    params.set("ar", "1e309");
    const { page, record } = await site.newPage();
    await page.goto(`${site.url}/utforska/?${params}`, { waitUntil: "load" });
    await settle(page);
    const message = await page.evaluate(() => {
      const box = document.getElementById("weights-error") ?? document.querySelector("[role=alert]");
      return box?.textContent?.trim() ?? "";
    });
    expect(message, "a message about the refused parameters").toMatch(/adressen|ogiltig|används inte/i);
    expect(message).toMatch(/[åäö]/i);
    const signals = await pageSignals(page);
    expect(signals.xss).toEqual([]);
    expect(record.dialogs).toEqual([]);
    expect(signals.csp).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll("img[onerror], script:not([src]):not([type='application/json'])").length)).toBe(0);
    expect(site.foreignRequests).toEqual([]);
  }, 90_000);
});
