// Issue 18 in Chromium: "I korthet" first on the municipality page, change with its uncertainty (the
// change column on /rankning/, the "Störst förändring" view, /data/forandring.csv), quality and cost,
// low-coverage municipalities apart from the ranking, phone layouts at 375 and 320 px, chart text size,
// and the accessibility statement's contact route. Axe on each page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { parseCsv } from "../../src/pipeline/csv";
import { loadBuildData, type BuildData } from "../../src/site-data/load";
import { horizontalOverflow, seriousAxeViolations, startHarness, type Harness } from "./harness";
import { DEFAULT_MISSING_RULE } from "../../src/model/missing";

let h: Harness;
let data: BuildData;
let latest: number;
beforeAll(async () => {
  h = await startHarness();
  data = await loadBuildData();
  latest = Math.max(...data.scores.map((s) => s.year));
});
afterAll(async () => { await h?.close(); });

const KIRUNA = "2584";
const SORSELE = "2422";
const defaultScore = (year: number, code: string) => data.scores.find((s) => s.year === year && s.municipality === code &&
  s.weight_set === "seniorernas-prioritering" && s.missing_rule === DEFAULT_MISSING_RULE);
/** The default rank_changes row from the previous published year to the latest, for `code`. */
const changeSincePrevious = (code: string) => {
  const years = [...new Set(data.scores.map((s) => s.year))].sort();
  return data.rankChanges.find((r) => r.from_year === years.at(-2) && r.to_year === latest && r.municipality === code &&
    r.weight_set === "seniorernas-prioritering" && r.missing_rule === DEFAULT_MISSING_RULE)!;
};
const csv = async (path: string) => {
  const r = await fetch(`${h.url}${path}`);
  expect(r.status, path).toBe(200);
  const bytes = new Uint8Array(await r.arrayBuffer());
  expect([...bytes.slice(0, 3)], `${path} starts with a BOM`).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  return { text, rows: parseCsv(text, ";").filter((r) => r.length > 1) };
};

describe("municipality page: I korthet", () => {
  it("opens with the verdict in words, the range, the data year and what to do next, before the statistics", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/kommun/${KIRUNA}/`);
    const brief = page.getByTestId("in-brief");
    expect(await brief.locator("h2").textContent()).toBe("I korthet");
    // The first section of the article is "I korthet"; the statistical cards follow it.
    expect(await page.locator("article.kommun > section").first().getAttribute("data-testid")).toBe("in-brief");
    const verdict = await page.getByTestId("verdict").textContent();
    expect(verdict).toMatch(/^Hemtjänsten i Kiruna /);
    expect(verdict).not.toMatch(/\d+,\d/); // no "63,6 av 100" school grade in the verdict
    expect(await page.getByTestId("range").textContent()).toMatch(/Kommunerna får mellan \d+,\d och \d+,\d av 100/);
    expect(await page.getByTestId("data-line").textContent()).toMatch(new RegExp(`^Senaste uppgifter: ${latest}`));
    expect(await brief.locator("a[href='#styrkor']").count()).toBe(1);
    expect(await brief.locator(`a[href='/kvalitet-och-kostnad/?kommun=${KIRUNA}']`).count()).toBe(1);
    // Each card has a one-line plain explanation.
    const cards = page.locator(".kf .key-figures li");
    expect(await cards.count()).toBe(5);
    expect(await page.locator(".kf .key-figures li .explain").count()).toBe(5);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("states a change only when the rank intervals do not overlap", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/kommun/${KIRUNA}/`);
    const c = changeSincePrevious(KIRUNA); // on the indicators both years have, not the published ranks
    const overlap = !(c.rank_high_to! < c.rank_low_from! || c.rank_low_to! > c.rank_high_from!);
    const text = await page.getByTestId("change").textContent();
    if (overlap) expect(text).toMatch(/ungefär oförändrad/);
    else expect(text).toMatch(/klart (förbättrat|försämrat)/);
    expect(text).toContain(`plats ${c.rank_low_from}–${c.rank_high_from} år ${c.from_year}, ${c.rank_low_to}–${c.rank_high_to} år ${c.to_year}`);
    if (!c.same_indicators) expect(text).toContain(`räknade på de ${c.indicators.split(";").length} indikatorer som fanns båda åren`);
    expect(await page.getByTestId("trend-change").textContent()).not.toMatch(/föll Kiruna \d+ placeringar/);
  });

  it("compares years on the indicators both have, and says so beside the trend table", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/kommun/${KIRUNA}/`);
    const c = changeSincePrevious(KIRUNA);
    expect(c.same_indicators).toBe(false); // 2022 added the welfare-technology indicators
    const n = c.indicators.split(";").length;
    expect(await page.getByTestId("trend-set-note").textContent()).toMatch(/räknas en förändring på de indikatorer som finns båda åren/);
    const notes = await page.getByTestId("trend-common-notes").textContent();
    expect(notes).toContain(`${latest} jämfört med ${c.from_year} på de ${n} indikatorer som fanns båda åren: plats ${c.rank_from} (${c.rank_low_from}–${c.rank_high_from}) år ${c.from_year} och ${c.rank_to} (${c.rank_low_to}–${c.rank_high_to}) år ${latest}.`);
    const cell = await page.locator("#utveckling ~ .table-wrap tbody tr").last().locator("td").nth(3).textContent();
    expect(cell).toMatch(new RegExp(`^${c.places! < 0 ? "\u2212" : "\\+"}?${Math.abs(c.places!)} .*\\*$`));
  });

  it("gives a low-coverage municipality no rank, in words and in the cards", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/kommun/${SORSELE}/`);
    expect(await page.getByTestId("verdict").textContent()).toMatch(/får ingen placering/);
    expect(await page.getByTestId("rank").textContent()).toBe("–");
  });
});

describe("change column, change view and forandring.csv", () => {
  it("publishes forandring.csv with exactly the documented columns, ';' and the change rule", async () => {
    const { rows } = await csv("/data/forandring.csv");
    const [header, ...body] = rows;
    expect(header.join(";")).toBe("kommunkod;kommun;fran_ar;till_ar;rang_fran;rang_till;lag_fran;hog_fran;lag_till;hog_till;forandring;sakerstalld");
    expect(body.length).toBeGreaterThan(290);
    for (const r of body) {
      const [lf, hf, lt, ht] = r.slice(6, 10).map((x) => (x === "" ? null : Number(x)));
      const certain = lf !== null && hf !== null && lt !== null && ht !== null && (ht < lf || lt > hf);
      expect(r[11], r.join(";")).toBe(certain ? "ja" : "nej");
      if (r[4] !== "" && r[5] !== "") expect(Number(r[10])).toBe(Number(r[4]) - Number(r[5]));
    }
  });

  it("puts the ranks on the indicators both years have in forandring.csv (from rank_changes), not the published ones", async () => {
    const { rows } = await csv("/data/forandring.csv");
    const byKey = new Map(data.rankChanges.filter((r) => r.weight_set === "seniorernas-prioritering" && r.missing_rule === DEFAULT_MISSING_RULE)
      .map((r) => [`${r.from_year}|${r.to_year}|${r.municipality}`, r]));
    let differsFromPublished = 0;
    for (const r of rows.slice(1)) {
      const c = byKey.get(`${r[2]}|${r[3]}|${r[0]}`)!;
      expect(c, r.join(";")).toBeDefined();
      expect(r[5] === "" ? null : Number(r[5])).toBe(c.rank_to);
      expect(r[4] === "" ? null : Number(r[4])).toBe(c.rank_from);
      if (c.rank_to !== null && c.rank_to !== defaultScore(c.to_year, c.municipality)?.rank) differsFromPublished++;
    }
    expect(differsFromPublished).toBeGreaterThan(0);
    const page = await h.newPage();
    await page.goto(`${h.url}/rankning/`);
    expect(await page.getByTestId("change-set-note").textContent()).toMatch(/räknas här på de \d+ indikatorer som fanns båda åren/);
    await page.goto(`${h.url}/rankning/forandring/`);
    expect(await page.getByTestId(`pair-set-${latest}`).textContent()).toMatch(/^Jämfört på de \d+ indikatorer som fanns båda åren\.$/);
  });

  it("shows a sortable change column on /rankning/, marked 'säker' exactly where the intervals do not overlap", async () => {
    const { rows } = await csv("/data/forandring.csv");
    const latestPairs = rows.slice(1).filter((r) => r[3] === String(latest));
    const certain = new Set(latestPairs.filter((r) => r[11] === "ja").map((r) => r[0]));
    const page = await h.newPage();
    await page.goto(`${h.url}/rankning/`);
    const marked = await page.locator("#rankning tbody td.col-change[data-certain=true]").evaluateAll((tds) =>
      tds.map((td) => td.closest("tr")!.querySelector("th a")!.getAttribute("href")!.slice(8, 12)));
    expect(new Set(marked)).toEqual(certain);
    expect(await page.locator("#rankning tbody td.col-change .chg-certain").count()).toBe(certain.size);
    const th = page.locator("#rankning thead th.col-change");
    await th.getByRole("button").click();
    expect(await th.getAttribute("aria-sort")).toBe("descending");
    const values = await page.locator("#rankning tbody:not([data-unranked]) td.col-change").evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.v ?? ""));
    const nums = values.filter(Boolean).map(Number);
    expect(nums).toEqual([...nums].sort((a, b) => b - a));
    expect(values.slice(nums.length).every((v) => v === "")).toBe(true);
  });

  it("keeps low-coverage municipalities out of the ranked rows and away from rank 1", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/rankning/`);
    const ranked = await page.locator("#rankning tbody:not([data-unranked]) th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice(8, 12)));
    const low = data.scores.filter((s) => s.year === latest && s.weight_set === "seniorernas-prioritering" && s.missing_rule === DEFAULT_MISSING_RULE && s.coverage < 0.75).map((s) => s.municipality);
    expect(low).toContain(SORSELE);
    for (const c of low) expect(ranked).not.toContain(c);
    expect(await page.locator("#rankning tbody[data-unranked] tr").count()).toBe(low.length);
    expect(await page.locator("#rankning tbody[data-unranked] td.col-rank").first().textContent()).toMatch(/^Ingen/);
    // Home page top 10: no low-coverage municipality either.
    await page.goto(`${h.url}/`);
    const top = await page.locator("section:has(#hogst) tbody th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice(8, 12)));
    for (const c of low) expect(top).not.toContain(c);
  });

  it("lists only certain changes in 'Störst förändring', largest first", async () => {
    const { rows } = await csv("/data/forandring.csv");
    const certain = new Map(rows.slice(1).filter((r) => r[3] === String(latest) && r[11] === "ja").map((r) => [r[0], Number(r[10])]));
    const page = await h.newPage();
    await page.goto(`${h.url}/rankning/forandring/`);
    for (const key of ["up", "down"]) {
      const table = page.getByTestId(`largest-${key}`);
      if (await table.count() === 0) continue;
      const codes = await table.locator("tbody th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice(8, 12)));
      for (const c of codes) expect(certain.has(c), c).toBe(true);
      const moves = codes.map((c) => Math.abs(certain.get(c)!));
      expect(moves).toEqual([...moves].sort((a, b) => b - a));
    }
    const listed = await page.locator("[data-testid^=largest-] tbody tr").count();
    expect(listed).toBe(certain.size);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe("quality and cost", () => {
  it("shows the scatter with its table twin and the correlation in words, and publishes the CSV", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/kvalitet-och-kostnad/`);
    expect(await page.getByTestId("qc-verdict").textContent()).toMatch(/samband mellan kostnad och kvalitet.*\(r = −?\d,\d\d\)/);
    const section = page.locator(`[data-qc-year="${latest}"]`);
    const dots = await section.locator(".chart-svg.wide circle[data-code]").count();
    expect(dots).toBeGreaterThan(250);
    expect(await section.locator(".chart-data tbody tr").count()).toBe(290);
    expect(await page.getByText("Källa: Kolada", { exact: false }).count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const { rows } = await csv("/data/kvalitet-kostnad.csv");
    expect(rows[0].join(";")).toBe("kommunkod;kommun;ar;totalindex;kostnad_kr_per_inv_80");
    const kiruna = rows.find((r) => r[0] === KIRUNA && r[2] === String(latest))!;
    const cost = data.values.find((v) => v.kpi === "N21024" && v.municipality === KIRUNA && v.year === latest && v.gender === "T")!.value;
    expect(Number(kiruna[4])).toBe(cost);
    expect(Number(kiruna[3])).toBe(defaultScore(latest, KIRUNA)!.total);
    const excel = await csv("/data/kvalitet-kostnad-excel.csv");
    expect(excel.rows.find((r) => r[0] === KIRUNA && r[2] === String(latest))![3]).toBe(String(defaultScore(latest, KIRUNA)!.total).replace(".", ","));
  });

  it("highlights the municipality the reader came from", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/kommun/${KIRUNA}/`);
    await Promise.all([page.waitForURL(`**/kvalitet-och-kostnad/?kommun=${KIRUNA}`), page.getByTestId("in-brief").getByRole("link", { name: "Kvalitet och kostnad" }).click()]);
    await page.waitForSelector("circle.qc-hl");
    expect(await page.locator(`[data-qc-year="${latest}"] circle.qc-hl`).first().getAttribute("data-code")).toBe(KIRUNA);
    expect(await page.locator("[data-qc-note]").textContent()).toMatch(/^Kiruna är markerad/);
    expect(await page.locator("[data-qc-select]").inputValue()).toBe(KIRUNA);
    expect(h.foreignRequests).toEqual([]);
  });
});

/** Smallest rendered size (px) of the visible chart text: font size × the SVG's scale. */
const smallestChartText = (page: Page) => page.evaluate(() => {
  let min = Infinity;
  for (const svg of document.querySelectorAll<SVGSVGElement>("figure:not([data-chart^=karta]) .chart-svg svg")) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) continue; // the wide or narrow twin that is hidden
    const scale = box.width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll("text")) {
      if (!t.textContent?.trim()) continue;
      min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
    }
  }
  return min;
});

describe("phones", () => {
  for (const width of [375, 320]) {
    it(`/rankning/ at ${width} px: one card per municipality, the sorted column visible beside the name`, async () => {
      const page = await h.newPage({ width, height: 800 });
      await page.goto(`${h.url}/rankning/`);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.locator("#rankning thead th").filter({ hasText: /^Utförande/ }).getByRole("button").click();
      const first = page.locator("#rankning tbody:not([data-unranked]) tr").first();
      const cell = first.locator("td.sorted");
      expect(await cell.getAttribute("data-label")).toBe("Utförande");
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      const name = (await first.locator("th").boundingBox())!;
      expect(box.y - name.y).toBeLessThan(80); // right under the name, not at the bottom of the card
      if (width === 375) expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it(`/rankning/forandring/ at ${width} px: every column of every change visible, with its label`, async () => {
      const page = await h.newPage({ width, height: 800 });
      await page.goto(`${h.url}/rankning/forandring/`);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const row = page.getByTestId("largest-up").locator("tbody tr").first();
      for (const cell of await row.locator("th, td").all()) {
        const box = (await cell.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      }
      expect(await row.locator("td").last().getAttribute("data-label")).toBe("Förändring");
      if (width === 375) expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it(`/jamfor/ at ${width} px: every compared municipality visible as a card`, async () => {
      const page = await h.newPage({ width, height: 800 });
      await page.goto(`${h.url}/jamfor/?k=0180,1480,1280`);
      await page.waitForSelector(".compare-card");
      expect(await page.locator(".compare-wide").isVisible()).toBe(false);
      const cards = page.locator(".compare-card");
      expect(await cards.locator("h3").allTextContents()).toEqual(["Stockholm", "Göteborg", "Malmö"]);
      for (let i = 0; i < 3; i++) {
        const box = (await cards.nth(i).boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      }
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      // Raw values carry what they are, as the wide table's row notes do (not a bare "19,0").
      const labels = await cards.first().locator("dt").allTextContents();
      const raw = labels.slice(labels.indexOf("Täckning") + 1);
      expect(raw.length).toBeGreaterThan(0);
      for (const l of raw) expect(l).toMatch(/\((andel|antal|antal, lägre är bättre)\)$/);
      if (width === 375) expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }

  it("draws chart text at 12 px or more at 375 px, and gives the map legend as page text", async () => {
    for (const path of [`/kommun/${KIRUNA}/`, "/", "/kvalitet-och-kostnad/"]) {
      const page = await h.newPage({ width: 375, height: 800 });
      await page.goto(`${h.url}${path}`);
      expect(await smallestChartText(page), path).toBeGreaterThanOrEqual(11.95);
    }
    const page = await h.newPage({ width: 375, height: 800 });
    await page.goto(`${h.url}/`);
    expect(await page.getByTestId("map-legend").locator("li").count()).toBeGreaterThanOrEqual(5);
    expect(parseFloat(await page.getByTestId("map-legend").evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
  });
});

describe("accessibility statement", () => {
  it("gives a contact e-mail as a link, the date of the latest review and Digg's form", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/tillganglighet/`);
    const mail = page.getByTestId("contact").locator("a[href^='mailto:']");
    expect(await mail.count()).toBe(1);
    // Test builds have no HTK_CONTACT_EMAIL: the placeholder is marked as one (a production build fails).
    if ((await mail.getAttribute("href"))!.endsWith(".invalid")) expect(await page.getByTestId("contact").textContent()).toMatch(/Platshållare/);
    expect(await page.getByTestId("reviewed").locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByTestId("digg").getAttribute("href")).toMatch(/^https:\/\/www\.digg\.se\//);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
