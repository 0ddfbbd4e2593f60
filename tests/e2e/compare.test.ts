// /jamfor/?k=…: 2–5 municipalities side by side, state in the URL (restored, edited, shareable).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { loadBuildData, type BuildData } from "../../src/site-data/load";
import { horizontalOverflow, seriousAxeViolations, startHarness, type Harness } from "./harness";

let h: Harness;
let data: BuildData;
beforeAll(async () => { h = await startHarness(); data = await loadBuildData(); });
afterAll(async () => { await h?.close(); });

const columns = (page: Page) => page.locator(".compare-table thead th a").allTextContents();
const k = (page: Page) => new URL(page.url()).searchParams.get("k");

describe("compare page", () => {
  it("restores the municipalities from the URL with the model's numbers and Riket as reference", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/jamfor/?k=0180,1480,1280`);
    await page.waitForSelector(".compare-table");
    expect(await columns(page)).toEqual(["Stockholm", "Göteborg", "Malmö"]);
    expect(await page.locator(".compare-table thead th").last().textContent()).toBe("Riket");
    const latest = Math.max(...data.scores.map((s) => s.year));
    const total = (code: string) => data.scores.find((s) => s.year === latest && s.municipality === code &&
      s.weight_set === "seniorernas-prioritering" && s.missing_rule === "riksmedian")!.total!;
    const totalRow = page.locator(".compare-table tbody tr").filter({ has: page.locator("th", { hasText: "Totalindex" }) });
    const cells = await totalRow.locator("td strong").allTextContents();
    expect(cells).toEqual(["0180", "1480", "1280", "0000"].map((c) => total(c).toFixed(1).replace(".", ",")));
    expect(await page.locator("[data-compare-link]").textContent()).toMatch(/\/jamfor\/\?k=0180,1480,1280$/);
  });

  it("adds and removes municipalities and keeps the URL in step", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/jamfor/?k=0180,1480,1280`);
    await page.waitForSelector(".compare-table");
    await page.getByRole("button", { name: "Ta bort Göteborg från jämförelsen" }).click();
    expect(k(page)).toBe("0180,1280");
    expect(await columns(page)).toEqual(["Stockholm", "Malmö"]);

    const input = page.getByRole("combobox", { name: "Lägg till en kommun" });
    await input.pressSequentially("lund");
    await input.press("Enter");
    expect(k(page)).toBe("0180,1280,1281");
    expect(await columns(page)).toEqual(["Stockholm", "Malmö", "Lund"]);
    expect(await page.locator("[data-compare-status]").textContent()).toBe("Lund lades till.");

    // Peers of the first municipality fill up to five; the search is then disabled.
    await page.locator("[data-compare-peers]").click();
    expect(k(page)!.split(",")).toHaveLength(5);
    const peers = data.municipalities.find((m) => m.code === "0180")!.peers.split(";");
    for (const code of k(page)!.split(",").slice(3)) expect(peers).toContain(code);
    expect(await input.isDisabled()).toBe(true);

    // A reload restores exactly the same comparison.
    const before = await columns(page);
    await page.reload();
    await page.waitForSelector(".compare-table");
    expect(await columns(page)).toEqual(before);
  });

  it("ignores unknown codes and asks for at least two municipalities", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/jamfor/?k=9999,0180,<b>x</b>,0180`);
    await page.waitForSelector(".compare-empty");
    expect(k(page)).toBe("0180");
    expect(await page.locator(".compare-empty").textContent()).toContain("Stockholm");
    expect(await page.locator(".compare-table").count()).toBe(0);
    expect(await page.locator("b").count()).toBe(0); // nothing from the URL is parsed as HTML
  });

  it("without JavaScript explains what to do and links to every municipality", async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${h.url}/jamfor/?k=0180,1480`);
    expect(await page.locator("[data-no-js]").textContent()).toContain("behöver JavaScript");
    expect(await page.locator("a[href^='/kommun/']").count()).toBeGreaterThanOrEqual(290);
    await context.close();
  });

  it("passes axe and has no horizontal scroll at 375 px", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/jamfor/?k=0180,1480,1280`);
    await page.waitForSelector(".compare-table");
    expect(await seriousAxeViolations(page)).toEqual([]);
    const small = await h.newPage({ width: 375, height: 800 });
    await small.goto(`${h.url}/jamfor/?k=0180,1480,1280,0114,2321`);
    await small.waitForSelector(".compare-card"); // phones: one card per municipality, the wide table hidden
    expect(await horizontalOverflow(small)).toBeLessThanOrEqual(0);
    expect(h.foreignRequests).toEqual([]);
  });
});
