// Municipality search on the start page: an ARIA 1.2 combobox that finds names with and without
// diacritics and by prefix, works from the keyboard, announces results, and falls back to links.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

async function optionsFor(page: Page, query: string): Promise<string[]> {
  const input = page.getByRole("combobox", { name: "Sök din kommun" });
  await input.fill("");
  await input.pressSequentially(query);
  await page.waitForFunction(() => document.querySelector("#sok")?.getAttribute("aria-expanded") !== null);
  return page.locator("#sok-lista [role=option] .option-name").allTextContents();
}

describe("search", () => {
  it("finds municipalities with and without diacritics and by prefix", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/`);
    expect(await optionsFor(page, "goteborg")).toEqual(["Göteborg"]);
    expect(await optionsFor(page, "Göteborg")).toEqual(["Göteborg"]);
    expect(await optionsFor(page, "malmo")).toEqual(["Malmö"]);
    const upp = await optionsFor(page, "upp");
    expect(upp.slice(0, 3)).toEqual(["Upplands Väsby", "Upplands-Bro", "Uppsala"]);
    expect(await optionsFor(page, "vasby")).toEqual(["Upplands Väsby"]);
    expect(await optionsFor(page, "xyzzy")).toEqual([]);
    expect(await page.getAttribute("#sok", "aria-expanded")).toBe("false");
    expect(h.foreignRequests).toEqual([]);
  });

  it("is operable from the keyboard and announces the result count politely", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/`);
    const input = page.getByRole("combobox", { name: "Sök din kommun" });
    await input.focus();
    await page.keyboard.type("malm");
    expect(await input.getAttribute("aria-expanded")).toBe("true");
    const status = page.locator("[data-search-status]");
    expect(await status.getAttribute("aria-live")).toBe("polite");
    await page.waitForFunction(() => /hittades/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
    expect(await status.textContent()).toMatch(/^1 kommun hittades/);

    await page.keyboard.press("ArrowDown");
    const active = await input.getAttribute("aria-activedescendant");
    expect(active).toBeTruthy();
    expect(await page.locator(`#${active}`).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator(`#${active} .option-name`).textContent()).toBe("Malmö");

    await page.keyboard.press("Escape");
    expect(await input.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("#sok-lista").isHidden()).toBe(true);

    await page.keyboard.press("ArrowDown"); // reopens on the current text
    expect(await input.getAttribute("aria-expanded")).toBe("true");
    await Promise.all([page.waitForURL(/\/kommun\/1280\/$/), page.keyboard.press("Enter")]);
  });

  it("falls back to a list of links to every municipality without JavaScript", async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${h.url}/`);
    expect(await page.locator("[data-combobox]").isHidden()).toBe(true);
    const links = page.locator("[data-all-list] a[href^='/kommun/']");
    expect(await links.count()).toBe(290);
    expect(await links.first().isVisible()).toBe(true);
    const names = await links.allTextContents();
    expect(names).toEqual([...names].sort(new Intl.Collator("sv").compare));
    expect(names.at(-1)).toMatch(/^Ö/);
    await context.close();
  });
});
