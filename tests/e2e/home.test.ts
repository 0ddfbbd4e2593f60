// Start page: intro, search box, top and bottom of the ranking, the map with its table twin and the
// national picture, all from the real build.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuildData } from "../../src/site-data/load";
import { horizontalOverflow, seriousAxeViolations, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe("start page", () => {
  it("renders in Swedish with search, top and bottom lists, map and national picture from the real data", async () => {
    const data = await loadBuildData();
    const page = await h.newPage();
    const response = await page.goto(`${h.url}/`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    expect(await page.locator("h1").textContent()).toContain("hemtjänsten");
    await expect(page.getByRole("combobox", { name: "Sök din kommun" }).isVisible()).resolves.toBe(true);

    // Top and bottom: ten linked municipalities each, in rank order, matching the model's default variant.
    const latest = Math.max(...data.scores.map((s) => s.year));
    const scoreByCode = new Map(data.scores
      .filter((s) => s.year === latest && s.weight_set === "seniorernas-prioritering" && s.missing_rule === "riksmedian")
      .map((s) => [s.municipality, s]));
    for (const id of ["hogst", "lagst"]) {
      const rows = page.locator(`section[aria-labelledby="${id}"] tbody tr`);
      expect(await rows.count()).toBe(10);
      const hrefs = await rows.locator("th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
      const ranks = hrefs.map((href) => scoreByCode.get(href.match(/\/kommun\/(\d{4})\//)![1])!.rank!);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    const firstHref = await page.locator('section[aria-labelledby="hogst"] tbody tr th a').first().getAttribute("href");
    const first = scoreByCode.get(firstHref!.slice(8, 12))!;
    expect(first.coverage).toBeGreaterThanOrEqual(0.75); // low-coverage results are not in the top list
    const firstTotal = await page.locator('section[aria-labelledby="hogst"] tbody tr').first().locator("td").nth(1).textContent();
    expect(firstTotal).toBe(first.total!.toFixed(1).replace(".", ","));

    // Map: an SVG with a text alternative, and its table twin with one row per municipality.
    const map = page.locator("figure[data-chart='karta']");
    expect(await map.locator(".chart-svg > svg[role='img']").count()).toBe(2); // wide and narrow (phones)
    expect(await map.locator(".chart-summary").textContent()).toMatch(/290 kommuner/);
    expect(await map.locator("details table tbody tr").count()).toBe(data.municipalities.length);

    // National picture: chart + table, groups by size and by kommungrupp.
    const national = page.locator("figure[data-chart='nationellt']");
    expect(await national.locator("svg[role='img']").count()).toBe(2); // wide and narrow (phones)
    const tableText = await national.locator("details table").textContent();
    expect(tableText).toContain("Storstäder");
    expect(tableText).toContain("invånare");

    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(h.foreignRequests).toEqual([]);
  });

  it("has no horizontal scroll at 375 px", async () => {
    const page = await h.newPage({ width: 375, height: 800 });
    await page.goto(`${h.url}/`);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(h.foreignRequests).toEqual([]);
  });
});
