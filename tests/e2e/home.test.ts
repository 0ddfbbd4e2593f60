import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { horizontalOverflow, seriousAxeViolations, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe("start page", () => {
  it("renders in Swedish with no request leaving 127.0.0.1 and no serious axe violation", async () => {
    const page = await h.newPage();
    const response = await page.goto(`${h.url}/`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    await expect(page.locator("h1").first().textContent()).resolves.toContain("Hemtjänstkollen");
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(h.foreignRequests).toEqual([]);
  });

  it("has no horizontal scroll at 375 px", async () => {
    const page = await h.newPage({ width: 375, height: 800 });
    await page.goto(`${h.url}/`);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
