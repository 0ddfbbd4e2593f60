// Issue 18's "small things" and layout details in Chromium, checked on the built site: places given out of
// the ranked municipalities in the same words everywhere (286 of 290 and why), national averages said as
// averages (continuity in people, welfare technology on its 0–2 scale), tables that scroll inside their
// box at every width (visually hidden words included), chart text of 12 px or more at 375 px (the map
// too), and the accessibility statement at phone width. Axe on each page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { loadBuildData, type BuildData } from "../../src/site-data/load";
import { DEFAULT_MISSING_RULE } from "../../src/model/missing";
import { horizontalOverflow, seriousAxeViolations, startHarness, type Harness } from "./harness";

let h: Harness;
let data: BuildData;
let nRanked: number;
let nAll: number;
beforeAll(async () => {
  h = await startHarness();
  data = await loadBuildData();
  const latest = Math.max(...data.scores.map((s) => s.year));
  const row = data.scores.find((s) => s.year === latest && s.weight_set === "seniorernas-prioritering" &&
    s.missing_rule === DEFAULT_MISSING_RULE && s.rank !== null)!;
  nRanked = row.n_ranked;
  nAll = data.municipalities.length;
});
afterAll(async () => { await h?.close(); });

const KIRUNA = "2584";
const NBSP = /[\u00a0\u202f ]/g;
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").replace(NBSP, " ").replace(/\s+/g, " ").trim();

describe("places out of the ranked municipalities", () => {
  const outOf = () => `av ${nRanked} rangordnade kommuner (${nAll} totalt; ${nAll - nRanked} har för lite underlag)`;

  it("the municipality page says 'av 286 rangordnade kommuner (290 totalt; …)' in I korthet and the rank card", async () => {
    expect(nRanked).toBeLessThan(nAll); // the build has municipalities without a rank, so the words matter
    const page = await h.newPage();
    await page.goto(`${h.url}/kommun/${KIRUNA}/`);
    expect(await text(page, "[data-testid=range]")).toContain(outOf());
    expect(await text(page, "[data-testid=rank-explain]")).toBe(`Plats ${outOf()}. 1 är bäst.`);
    expect(await page.locator("main").textContent()).not.toMatch(/Plats av \d+(?!\d)(?! rangordnade)/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("the report says the same under its figures, and its figure label is no longer 'Plats av 286'", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/kommun/${KIRUNA}/rapport/`);
    expect(await text(page, "[data-testid=ranked-of]")).toBe(`Plats ${outOf()}. 1 är bäst.`);
    expect(await page.locator("main").textContent()).not.toMatch(/Plats av \d+(?!\d)(?! rangordnade)/);
  });

  it("the report's 'Lär av' tables call an example without a rank unranked, never 'Svag totalt'", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/kommun/1486/rapport/`); // Strömstad: Sorsele (low coverage) is an example in its kommungrupp
    const rows = await page.locator(".learn-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.textContent!.replace(/\s+/g, " ")));
    const unranked = rows.filter((t) => /ingen placering/.test(t));
    expect(unranked.length).toBeGreaterThan(0);
    for (const t of unranked) {
      expect(t).toMatch(/Utan placering \(för lite underlag\): exempel bara för denna fråga/);
      expect(t).not.toMatch(/Svag totalt/);
    }
  });

  it("/rankning/ counts every row it shows (290), and how many have a place (286)", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/rankning/`);
    expect(await page.locator("#rankning tbody tr").count()).toBe(nAll);
    expect(await text(page, "[data-status]")).toBe(`Visar ${nAll} kommuner, ${nRanked} med placering.`);
  });

  it("/jamfor/ explains the 'av 286' of its rank cells", async () => {
    const page = await h.newPage({ width: 375, height: 800 });
    await page.goto(`${h.url}/jamfor/?k=0180,${KIRUNA}`);
    await page.waitForSelector(".compare-card");
    expect(await text(page, "[data-testid=ranked-of]")).toBe(
      `Placering: 1 är bäst, bland ${nRanked} rangordnade kommuner (${nAll} totalt; ${nAll - nRanked} har för lite underlag).`);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe("national values that are averages", () => {
  for (const path of [`/kommun/${KIRUNA}/`, `/kommun/${KIRUNA}/rapport/`]) {
    it(`${path}: Riket's continuity is 'i snitt' with at most one decimal, welfare technology 'i snitt … på skalan 0–2'`, async () => {
      const page = await h.newPage();
      await page.goto(`${h.url}${path}`);
      // Riket is the fourth column on the page (value, year, Riket) and the third in the report (value, Riket).
      const riketCol = path.includes("rapport") ? 3 : 4;
      const rows = await page.locator("table.indicators tbody tr").evaluateAll((trs, col) => trs.map((tr) => ({
        name: tr.querySelector("th")!.textContent!.replace(/\s+/g, " "),
        riket: tr.children[col - 1]!.textContent!.replace(/[\u00a0\u202f]/g, " ").trim(),
      })), riketCol);
      const continuity = rows.filter((r) => /U21401/.test(r.name));
      const coded = rows.filter((r) => /Välfärdsteknik/.test(r.name));
      expect(continuity.length).toBe(1);
      expect(coded.length).toBeGreaterThan(3);
      expect(continuity[0].riket).toMatch(/^i snitt \d+(,\d)? personer$/);
      for (const r of coded) expect(r.riket, r.name).toMatch(/^(i snitt \d,\d på skalan 0–2|(Nej|Försök|Breddinfört) \(\d\))$/);
      const body = ((await page.locator("main").textContent()) ?? "").replace(NBSP, " ");
      expect(body).not.toMatch(/\d+,\d\d personer/); // never "15,87 personer" beside whole numbers
      expect(body).not.toMatch(/snitt \d,\d av 2/);
      expect(body).toMatch(/Riket för personalkontinuitet och välfärdsteknik, som Kolada inte redovisar för hela landet: genomsnittet/);
      if (!path.includes("rapport")) {
        // The strength and weakness sentences name Riket's continuity as an average too.
        const sentences = await page.locator("#styrkor ~ * li, section[aria-labelledby=styrkor] li").allTextContents();
        for (const s of sentences.filter((x) => /personer/.test(x))) expect(s.replace(NBSP, " ")).toMatch(/i snitt \d+(,\d)? personer i riket/);
      }
    });
  }
});

/** Every element that a visually hidden word inside a scrolling table box is positioned against must be in that box. */
const hiddenWordsOutsideTheirBox = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>(".table-wrap .visually-hidden")]
  .filter((el) => el.getClientRects().length > 0 && !(el.closest(".table-wrap") as HTMLElement).contains(el.offsetParent))
  .map((el) => el.textContent ?? "").slice(0, 5));

describe("tables scroll inside their box at every width", () => {
  for (const width of [700, 900, 1100]) {
    it(`/rankning/ at ${width} px: no page-wide scroll from the hidden words of the change column`, async () => {
      const page = await h.newPage({ width, height: 800 });
      await page.goto(`${h.url}/rankning/`);
      expect(await page.locator(".ranking-table .visually-hidden").count()).toBeGreaterThan(0);
      expect(await hiddenWordsOutsideTheirBox(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      if (width === 900) expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }

  it("every page with scrolling tables keeps their hidden captions and words inside the box (375 px, details open)", async () => {
    for (const path of ["/", `/kommun/${KIRUNA}/`, "/kvalitet-och-kostnad/", "/rankning/forandring/"]) {
      const page = await h.newPage({ width: 375, height: 800 });
      await page.goto(`${h.url}${path}`);
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
      expect(await hiddenWordsOutsideTheirBox(page), path).toEqual([]);
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    }
  });
});

/** The smallest drawn text, in CSS pixels, of every visible chart SVG on the page (the map included). */
const smallestChartText = (page: Page) => page.evaluate(() => {
  let min = Infinity;
  for (const svg of document.querySelectorAll<SVGSVGElement>("main svg[viewBox]")) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || !svg.querySelector("text")) continue; // the hidden wide or narrow twin
    // The drawing is scaled to fit both ways (preserveAspectRatio): a height cap shrinks it like a narrow box.
    const scale = Math.min(box.width / svg.viewBox.baseVal.width, box.height / svg.viewBox.baseVal.height);
    for (const t of svg.querySelectorAll("text")) {
      if (!t.textContent?.trim() || t.getClientRects().length === 0) continue;
      min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
    }
  }
  return min;
});

describe("chart text at 375 px", () => {
  it("the home page map is drawn at phone width: its legend and labels are 12 px or more", async () => {
    const page = await h.newPage({ width: 375, height: 800 });
    await page.goto(`${h.url}/`);
    const narrow = page.locator("#fig-karta .chart-svg.narrow > svg");
    expect(await narrow.isVisible()).toBe(true);
    expect(await narrow.locator("text").filter({ hasText: "Stockholms län" }).count()).toBe(1);
    expect(await smallestChartText(page)).toBeGreaterThanOrEqual(11.95);
  });

  it("the report opened on a phone shows its charts drawn at phone width; print keeps the A4 drawings", async () => {
    const page = await h.newPage({ width: 375, height: 800 });
    await page.goto(`${h.url}/kommun/0180/rapport/`);
    expect(await page.locator(".fig .svg.narrow > svg").count()).toBe(3); // sub-indices, trend, units
    expect(await smallestChartText(page)).toBeGreaterThanOrEqual(11.95);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".fig .svg.narrow").evaluateAll((els) => els.every((e) => getComputedStyle(e).display === "none"))).toBe(true);
    expect(await page.locator(".fig .svg.wide").evaluateAll((els) => els.every((e) => getComputedStyle(e).display !== "none"))).toBe(true);
  });

  it("the report's indicator tables in print: values in words wrap inside their column, none runs into the next", async () => {
    const page = await h.newPage({ width: 700, height: 900 }); // about the A4 content width
    await page.goto(`${h.url}/kommun/${KIRUNA}/rapport/`);
    await page.emulateMedia({ media: "print" });
    const spill = await page.locator("table.indicators td").evaluateAll((tds) =>
      tds.filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent));
    expect(spill).toEqual([]);
  });

  it("every chart on the municipality page, the quality-and-cost page and the change view is 12 px or more, at its real scale", async () => {
    for (const path of [`/kommun/${KIRUNA}/`, "/kvalitet-och-kostnad/", "/rankning/forandring/"]) {
      const page = await h.newPage({ width: 375, height: 800 });
      await page.goto(`${h.url}${path}`);
      expect(await smallestChartText(page), path).toBeGreaterThanOrEqual(11.95);
    }
  });

  it("the quality-premium page's what-if charts are 12 px or more", async () => {
    const page = await h.newPage({ width: 375, height: 800 });
    await page.goto(`${h.url}/kvalitetspremie/`);
    await page.waitForSelector(".whatif svg");
    expect(await smallestChartText(page)).toBeGreaterThanOrEqual(11.95);
  });
});

describe("accessibility statement at phone width", () => {
  for (const width of [375, 320]) {
    it(`${width} px: contact link, review date and Digg's form, no sideways scroll, axe clean`, async () => {
      const page = await h.newPage({ width, height: 800 });
      await page.goto(`${h.url}/tillganglighet/`);
      expect(await page.getByTestId("contact").locator("a[href^='mailto:']").isVisible()).toBe(true);
      expect(await page.getByTestId("reviewed").locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await page.getByTestId("digg").isVisible()).toBe(true);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(h.foreignRequests).toEqual([]);
    });
  }
});
