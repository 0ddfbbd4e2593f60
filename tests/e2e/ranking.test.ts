// /rankning/: all 290 municipalities in the HTML, sortable columns, filters, year and variant switches.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { loadBuildData, type BuildData } from "../../src/site-data/load";
import { horizontalOverflow, seriousAxeViolations, startHarness, type Harness } from "./harness";

let h: Harness;
let data: BuildData;
let latest: number;
beforeAll(async () => {
  h = await startHarness();
  data = await loadBuildData();
  latest = Math.max(...data.scores.map((s) => s.year));
});
afterAll(async () => { await h?.close(); });

const rows = (page: Page) => page.locator("#rankning tbody tr");
const visibleCodes = (page: Page) => page.locator("#rankning tbody tr:not([hidden]) th a")
  .evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice(8, 12)));
// The ranked row group only (low-coverage municipalities follow, unranked, in their own row group).
const columnValues = (page: Page, col: number) => page.locator("#rankning tbody:not([data-unranked]) tr:not([hidden])")
  .evaluateAll((trs, c) => trs.map((tr) => (tr as HTMLTableRowElement).cells[c].dataset.v ?? ""), col);
const sv = (x: number) => x.toFixed(1).replace(".", ",");

function variantScores(year: number, weightSet: string, missingRule: string) {
  return new Map(data.scores
    .filter((s) => s.year === year && s.weight_set === weightSet && s.missing_rule === missingRule && s.municipality !== "0000")
    .map((s) => [s.municipality, s]));
}

describe("ranking page", () => {
  it("shows all 290 municipalities in rank order with the model's numbers", async () => {
    const page = await h.newPage();
    expect((await page.goto(`${h.url}/rankning/`))?.status()).toBe(200);
    expect(await rows(page).count()).toBe(290);
    expect(await page.locator("h1").textContent()).toContain(String(latest));
    const scores = variantScores(latest, "seniorernas-prioritering", "riksmedian");
    const codes = await visibleCodes(page);
    expect(new Set(codes).size).toBe(290);
    // Ranked municipalities first, in rank order; those below the coverage limit last, without a rank.
    const isLow = (c: string) => scores.get(c)!.coverage < 0.75 || scores.get(c)!.rank === null;
    const firstLow = codes.findIndex(isLow);
    const ranked = firstLow < 0 ? codes : codes.slice(0, firstLow);
    expect(codes.slice(ranked.length).every(isLow)).toBe(true);
    const ranks = ranked.map((c) => scores.get(c)!.rank!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(1);
    // One row checked cell by cell: rank, total, sub-indices, group in text, interval.
    const code = codes[10];
    const s = scores.get(code)!;
    const cells = await page.locator(`#rankning tbody tr:has(a[href="/kommun/${code}/"]) td`).allTextContents();
    expect(cells[1]).toBe(sv(s.total!));
    expect(cells.slice(2, 6)).toEqual([s.information, s.bistandshandlaggning, s.utforande, s.stod_utveckling].map((x) => (x === null ? "–" : sv(x))));
    expect(cells[6].toLowerCase()).toBe(s.group ?? "ingen grupp");
    expect(cells[8]).toBe(s.rank_low === s.rank_high ? String(s.rank_low) : `${s.rank_low}–${s.rank_high}`);
    // Low coverage is flagged in text next to the name.
    const low = [...scores.values()].filter((x) => x.coverage < 0.75).map((x) => x.municipality);
    expect(await page.locator("#rankning tbody th .flag").count()).toBe(low.length);
  });

  it("sorts by any column with buttons and aria-sort, missing values last", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/rankning/`);
    const header = (name: RegExp) => page.locator("#rankning thead th").filter({ has: page.getByRole("button", { name }) });
    const th = header(/^Total.?index/);
    await th.getByRole("button").click();
    expect(await th.getAttribute("aria-sort")).toBe("descending");
    expect(await page.locator("#rankning thead th[aria-sort]").count()).toBe(1);
    let totals = (await columnValues(page, 2)).filter(Boolean).map(Number);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    await th.getByRole("button").click();
    expect(await th.getAttribute("aria-sort")).toBe("ascending");
    totals = (await columnValues(page, 2)).filter(Boolean).map(Number);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));

    const info = header(/^Information/);
    await info.getByRole("button").click();
    const infoValues = await columnValues(page, 3);
    const firstMissing = infoValues.indexOf("");
    if (firstMissing >= 0) expect(infoValues.slice(firstMissing).every((v) => v === "")).toBe(true);

    await header(/^Kommun/).getByRole("button").click();
    const names = await page.locator("#rankning tbody:not([data-unranked]) th a").allTextContents();
    expect(names).toEqual([...names].sort(new Intl.Collator("sv").compare));
    expect(await page.locator("[data-status]").textContent()).toMatch(/Sorterad efter kommun, stigande/);
  });

  it("filters by län, kommungrupp and size, keeps the filter in the URL and across variant links", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/rankning/`);
    await page.getByLabel("Län").selectOption("01");
    const stockholmsLan = data.municipalities.filter((m) => m.county_code === "01").map((m) => m.code).sort();
    expect((await visibleCodes(page)).sort()).toEqual(stockholmsLan);
    expect(await page.locator("[data-status]").textContent()).toBe(`Visar ${stockholmsLan.length} av 290 kommuner.`);
    expect(page.url()).toMatch(/\?lan=01$/);

    await page.getByLabel("Kommungrupp (SKR)").selectOption({ label: "Storstäder" });
    expect(await visibleCodes(page)).toEqual(["0180"]);
    await page.getByLabel("Storlek").selectOption({ index: 1 }); // under 10 000: no Storstad
    expect(await visibleCodes(page)).toEqual([]);
    expect(await page.locator("[data-empty]").isVisible()).toBe(true);

    await page.getByRole("button", { name: "Visa alla" }).click();
    await page.waitForFunction(() => document.querySelectorAll("#rankning tbody tr:not([hidden])").length === 290);
    await page.getByLabel("Storlek").selectOption({ index: 5 }); // 100 000 or more
    const big = data.municipalities.filter((m) => m.population >= 100_000).map((m) => m.code).sort();
    expect((await visibleCodes(page)).sort()).toEqual(big);

    // The filter follows the reader to another year.
    const yearLink = page.locator("[data-variant-links] a").filter({ hasText: /^\d{4}$/ }).first();
    expect(await yearLink.getAttribute("href")).toMatch(/\?storlek=5$/);
    await yearLink.click();
    await page.waitForLoadState("load");
    expect((await visibleCodes(page)).sort()).toEqual(big.filter((c) => true).sort());
    expect(await page.getByLabel("Storlek").inputValue()).toBe("5");
  });

  it("switches year, weight set and missing-data rule to pre-rendered variants with their own numbers", async () => {
    const page = await h.newPage();
    const years = [...new Set(data.scores.map((s) => s.year))].sort();
    await page.goto(`${h.url}/rankning/`);
    const links = page.locator("[data-variant-links] a[href^='/rankning/']");
    const yearTexts = await page.locator("[data-variant-links] [role=group]").first().locator("a").allTextContents();
    expect(yearTexts.map((t) => t.replace(/^✓\s*/, ""))).toEqual(years.map(String));
    expect(await links.count()).toBe(years.length + 2 + 2);

    for (const [label, year, weightSet, missingRule] of [
      ["Härledd ur de äldres svar", latest, "harledd-ur-brukarnas-svar", "riksmedian"],
      ["Ge 0 poäng (som Hemtjänstindex)", latest, "harledd-ur-brukarnas-svar", "som-hemtjanstindex"],
      [String(years[0]), years[0], "harledd-ur-brukarnas-svar", "som-hemtjanstindex"],
    ] as const) {
      await Promise.all([page.waitForURL(`**/rankning/${year}/${weightSet}/${missingRule}/`), page.getByRole("link", { name: label, exact: true }).click()]);
      expect(await page.locator(`[data-variant-links] a[aria-current=page]`).count()).toBe(3);
      expect(await rows(page).count()).toBe(290);
      const scores = variantScores(year, weightSet, missingRule);
      const codes = await visibleCodes(page);
      const totals = (await columnValues(page, 2)).map((v) => (v === "" ? null : Number(v)));
      expect(totals).toEqual(codes.slice(0, totals.length).map((c) => scores.get(c)!.total));
    }
    // Back to the default at /rankning/.
    await page.getByRole("link", { name: String(latest), exact: true }).click();
    await page.getByRole("link", { name: "Seniorernas prioritering", exact: true }).click();
    await page.getByRole("link", { name: "Ge riksmedianen (neutralt)", exact: true }).click();
    expect(new URL(page.url()).pathname).toBe("/rankning/");
    expect(h.foreignRequests).toEqual([]);
  });

  it("works without JavaScript: the table is in the HTML in rank order, the filters are hidden", async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${h.url}/rankning/`);
    expect(await page.locator("#rankning tbody tr").count()).toBe(290);
    expect(await page.locator("[data-filters]").isHidden()).toBe(true);
    expect(await page.locator("#rankning thead button").count()).toBe(0);
    expect(await page.locator("[data-variant-links] a").count()).toBeGreaterThan(4);
    await context.close();
  });

  it("passes axe and has no horizontal scroll at 375 px, on the default and a variant page", async () => {
    for (const path of ["/rankning/", `/rankning/${latest}/harledd-ur-brukarnas-svar/som-hemtjanstindex/`]) {
      const page = await h.newPage();
      await page.goto(`${h.url}${path}`);
      expect(await seriousAxeViolations(page)).toEqual([]);
      const small = await h.newPage({ width: 375, height: 800 });
      await small.goto(`${h.url}${path}`);
      expect(await horizontalOverflow(small)).toBeLessThanOrEqual(0);
    }
    expect(h.foreignRequests).toEqual([]);
  });
});
