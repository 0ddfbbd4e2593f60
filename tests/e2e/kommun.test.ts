// Municipality pages (/kommun/{kod}/) in Chromium against the built site: real data, raw values equal to
// the committed snapshot, one unit mark per unit and indicator, "Exempeldata" said in text, accessibility,
// no horizontal scroll at 375 px, no request leaving 127.0.0.1, page weight within budget.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readParquet } from "../../src/pipeline/parquet";
import type { UnitRow, UnitValueRow } from "../../src/pipeline/tables";
import { DIST, ROOT, horizontalOverflow, seriousAxeViolations, startHarness, type Harness } from "./harness";

const SITE = process.env.HTK_DIST ?? DIST;
const CODES = ["0180", "1480", "0114"];
const MISSING_CODE = "2303"; // nearly no survey data in 2022 (low coverage)
const PARTLY_MISSING_CODE = "1282"; // welfare-technology items missing in 2022

/** Snapshot values (gender T): "kpi|kommun|år" → value or null. */
function snapshot(): Map<string, number | null> {
  const text = readFileSync(path.join(ROOT, "data", "snapshot", "kolada_values.csv"), "utf8");
  const lines = text.split(/\r?\n/).filter(Boolean);
  const head = lines[0].split(",");
  const [ki, mi, yi, ti] = ["kpi", "municipality", "year", "T"].map((c) => head.indexOf(c));
  const out = new Map<string, number | null>();
  for (const line of lines.slice(1)) {
    const f = line.split(",");
    out.set(`${f[ki]}|${f[mi]}|${f[yi]}`, f[ti] === "" ? null : Number(f[ti]));
  }
  return out;
}

/** "82 %", "11,5 personer", "Breddinfört (2)", "1 234" → number; "Uppgift saknas"/"–" → null. */
function parseSwedish(text: string): number | null {
  const t = text.replace(/[\u00A0\u202F\u2009 ]/g, "").replace(/\u2212/g, "-");
  const coded = /\((\d)\)/.exec(t);
  if (coded) return Number(coded[1]);
  const m = /-?\d+(?:,\d+)?/.exec(t);
  return m ? Number(m[0].replace(",", ".")) : null;
}

function brotli(file: string): number {
  return brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

let h: Harness;
let values: Map<string, number | null>;
let units: UnitRow[];
let unitValues: UnitValueRow[];
beforeAll(async () => {
  h = await startHarness(SITE);
  values = snapshot();
  units = await readParquet<UnitRow>(path.join(ROOT, "data", "build", "units.parquet"));
  unitValues = await readParquet<UnitValueRow>(path.join(ROOT, "data", "build", "unit_values.parquet"));
});
afterAll(async () => { await h?.close(); });

describe("municipality pages", () => {
  it("there is a page for every one of the 290 municipalities", () => {
    const csv = readFileSync(path.join(ROOT, "data", "reference", "municipalities.csv"), "utf8").split(/\r?\n/).filter(Boolean);
    const codeCol = csv[0].split(",").indexOf("code");
    const codes = csv.slice(1).map((l) => l.split(",")[codeCol].replace(/"/g, ""));
    expect(codes).toHaveLength(290);
    for (const code of codes) expect(existsSync(path.join(SITE, "kommun", code, "index.html")), code).toBe(true);
  });

  for (const code of [...CODES, MISSING_CODE, PARTLY_MISSING_CODE]) {
    it(`${code}: renders with real data; raw values equal the snapshot`, async () => {
      const page = await h.newPage();
      const response = await page.goto(`${h.url}/kommun/${code}/`);
      expect(response?.status()).toBe(200);
      await expect(page.locator("h1").textContent()).resolves.toMatch(/^Hemtjänsten i /);
      for (const id of ["sammanfattning", "styrkor", "delindex", "indikatorer", "utveckling", "enheter", "liknande", "rapportpaket"]) {
        expect(await page.locator(`h2#${id}`).count(), id).toBe(1);
      }
      const year = Number(await page.locator("table.indicators tbody tr td:nth-child(3)").first().textContent());
      expect(year).toBeGreaterThanOrEqual(2019);
      const rows = await page.locator("table.indicators tbody tr").evaluateAll((trs) =>
        trs.map((tr) => ({ kpi: tr.getAttribute("data-kpi")!, raw: tr.querySelector("td[data-raw]")!.textContent!.trim() })));
      expect(rows.length).toBeGreaterThan(15);
      let compared = 0;
      for (const r of rows) {
        const expected = values.get(`${r.kpi}|${code}|${year}`) ?? null;
        const shown = r.raw === "Uppgift saknas" ? null : parseSwedish(r.raw);
        if (expected === null) expect(shown, `${r.kpi}: ${r.raw}`).toBeNull();
        else {
          expect(shown, `${r.kpi}: ${r.raw}`).not.toBeNull();
          expect(Math.abs(shown! - expected), `${r.kpi}: ${r.raw} vs ${expected}`).toBeLessThanOrEqual(0.005 + 1e-9);
          compared++;
        }
      }
      if (code !== MISSING_CODE) expect(compared).toBeGreaterThan(15);
      expect(await page.getByText("Källa: Kolada", { exact: false }).count()).toBeGreaterThan(0);
      expect(await page.getByText("Bearbetning av data från Kolada", { exact: false }).count()).toBeGreaterThan(0);
    });
  }

  it("missing data is said openly, with the rule that applies", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/kommun/${MISSING_CODE}/`);
    await expect(page.getByTestId("missing-indicators").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("missing-indicators").textContent()).resolves.toMatch(/Regeln ”.+” gäller/);
    await expect(page.getByTestId("low-coverage").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("missing-summary").textContent()).resolves.toMatch(/^\s*Saknas \d{4}: .+riksmedianen/s);
    expect(await page.locator("table.indicators tr.missing").count()).toBeGreaterThan(10);
    const partly = await h.newPage();
    await partly.goto(`${h.url}/kommun/${PARTLY_MISSING_CODE}/`);
    await expect(partly.getByTestId("missing-indicators").textContent()).resolves.toContain("Välfärdsteknik");
  });

  for (const code of CODES) {
    it(`${code}: the unit chart has exactly one mark per unit and indicator, and says Exempeldata`, async () => {
      const page = await h.newPage();
      await page.goto(`${h.url}/kommun/${code}/`);
      const section = page.locator("section[data-unit-year]");
      const year = Number(await section.getAttribute("data-unit-year"));
      const ids = new Set(units.filter((u) => u.municipality === code).map((u) => u.unit_id));
      expect(ids.size).toBeGreaterThan(1);
      // The key chart (wide version) and the collapsed chart with the other questions.
      const svgs = section.locator(".chart-svg:not(.narrow) svg");
      expect(await svgs.count()).toBeGreaterThanOrEqual(1);
      const marks = await svgs.evaluateAll((els) => els.flatMap((svg) => Array.from(svg.querySelectorAll("[data-unit][data-indicator]"))
        .map((m) => `${m.getAttribute("data-indicator")}|${m.getAttribute("data-unit")}`)));
      expect(new Set(marks).size).toBe(marks.length); // never two marks for one unit and indicator
      const indicators = new Set(marks.map((m) => m.split("|")[0]));
      expect(indicators.has("U21468")).toBe(true);
      for (const kpi of indicators) {
        const expected = unitValues.filter((v) => ids.has(v.unit_id) && v.kpi === kpi && v.year === year && v.value !== null)
          .map((v) => v.unit_id).sort();
        const shown = marks.filter((m) => m.startsWith(`${kpi}|`)).map((m) => m.split("|")[1]).sort();
        expect(shown, kpi).toEqual(expected);
      }
      // The narrow version (phones) draws the same marks for the key indicators.
      const narrow = await section.locator(".chart-svg.narrow svg [data-unit][data-indicator]").count();
      const keyWide = await section.locator(".chart-svg.wide svg [data-unit][data-indicator]").count();
      expect(narrow).toBe(keyWide);
      // "Exempeldata" in visible text whenever the units are synthetic.
      expect(await section.getAttribute("data-synthetic")).toBe("true");
      await expect(page.getByTestId("exempeldata").isVisible()).resolves.toBe(true);
      await expect(page.getByTestId("exempeldata").textContent()).resolves.toContain("Exempeldata");
    });
  }

  it("peers and strengths/weaknesses are there in plain Swedish", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/kommun/0180/`);
    expect(await page.locator("section[aria-labelledby=liknande] tbody tr").count()).toBe(8);
    const statements = await page.locator("[data-testid=strengths] li, [data-testid=weaknesses] li").allTextContents();
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(s).toMatch(/liknande kommuner/);
  });

  for (const code of ["0180", MISSING_CODE]) {
    it(`${code}: no serious or critical axe violation; no request leaves 127.0.0.1`, async () => {
      const page = await h.newPage();
      await page.goto(`${h.url}/kommun/${code}/`);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(h.foreignRequests).toEqual([]);
    });
  }

  for (const code of ["0180", "1480"]) {
    it(`${code}: no horizontal scroll at 375 px and at 320 px`, async () => {
      for (const width of [375, 320]) {
        const page = await h.newPage({ width, height: 800 });
        await page.goto(`${h.url}/kommun/${code}/`);
        expect(await horizontalOverflow(page), `${width} px`).toBeLessThanOrEqual(0);
      }
    });
  }

  it("page weight: HTML + CSS + JS ≤ 100 kB brotli", () => {
    for (const code of ["0180", "1480"]) {
      const file = path.join(SITE, "kommun", code, "index.html");
      const html = readFileSync(file, "utf8");
      let total = brotli(file);
      for (const m of html.matchAll(/(?:href|src)="(\/[^"]+\.(?:css|js|mjs))"/g)) total += brotli(path.join(SITE, m[1]));
      expect(total, code).toBeLessThanOrEqual(100 * 1024);
      expect(html).not.toMatch(/\.wasm/);
    }
  });
});
