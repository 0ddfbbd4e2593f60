// The explorer (/utforska/) in Chromium: the first ranking comes from the model's TypeScript without
// WebAssembly; DuckDB-WASM loads on demand (never unasked on a slow or data-saving connection) with no
// request outside 127.0.0.1; the TypeScript and the SQL ranking both equal the model (default weights
// and random weights, both missing-data rules); it re-ranks on a weight change, rejects invalid weights
// and keeps the last valid result, restores state from the URL, downloads CSV and XLSX (ranking and SQL
// results), answers SQL in Swedish views, refuses the SQL payloads of issue 20 in the box and in the
// locked database, exposes no query hook, is keyboard operable, and no other page loads WebAssembly.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareModel, type PreparedModel } from "../../src/model/index";
import { scoreMunicipalityYear } from "../../src/model/municipalityModel";
import { mulberry32 } from "../../src/model/random";
import type { SubIndexId, WeightSet } from "../../src/model/types";
import { MISSING_RULE_IDS } from "../../src/model/types";
import { validateCustomWeights, yearWeights } from "../../src/model/weights";
import type { ScoreRow } from "../../src/model/outputTables";
import { readParquet } from "../../src/pipeline/parquet";
import { BUILD_DIR, loadBuildData } from "../../src/site-data/load";
import { DIST, horizontalOverflow, seriousAxeViolations, startHarness, type Harness } from "./harness";

const ROOT = process.env.HTK_DIST ?? DIST;
// Each test opens its own page and waits for the engine; on a busy 2-core machine that can take a while.
vi.setConfig({ testTimeout: 240_000 });
const SUBS: SubIndexId[] = ["information", "bistandshandlaggning", "utforande", "stod_utveckling"];

interface PageState {
  start: string;
  weights: Record<SubIndexId, number>;
  missing: string;
  year: number;
  county: null; group: null; size: null; peersOf: null;
}
interface SqlRow {
  municipality: string; counts: boolean; total: number | null; total_rounded: number | null; rank: number | null; n_ranked: number;
  information: number | null; bistandshandlaggning: number | null; utforande: number | null; stod_utveckling: number | null;
  coverage: number; default_rank: number | null;
}

let h: Harness;
let page: Page;
let prepared: PreparedModel;
let scores: ScoreRow[];

const firstRequests: string[] = [];

async function openExplorer(query = "", width = 1280, record?: string[], until: "ranking-ready" | "all-ready" = "ranking-ready"): Promise<Page> {
  const p = await h.newPage({ width });
  if (record) p.context().on("request", (r) => record.push(r.url()));
  await p.goto(`${h.url}/utforska/${query}`);
  await p.waitForFunction(() => /ready/.test(document.documentElement.dataset.explorer ?? ""), null, { timeout: 90_000 });
  if (until === "all-ready") {
    // The engine loads on demand (or when idle on a fast connection): ask for it as the start button does.
    await p.evaluate(() => document.getElementById("sql-start")?.click());
    await p.waitForFunction(() => document.documentElement.dataset.explorer === "all-ready", null, { timeout: 120_000 });
  }
  return p;
}

type Hooks = { htkExplorer: { rank(s: unknown): Promise<unknown>; rankSql(s: unknown): Promise<unknown> } };
/** The ranking the page shows (the model's TypeScript in the browser). */
function pageRank(p: Page, state: PageState): Promise<SqlRow[]> {
  return p.evaluate((s) => (window as unknown as Hooks).htkExplorer.rank(s), state) as Promise<SqlRow[]>;
}
/** The same ranking computed in DuckDB-WASM (rank.ts). */
function pageRankSql(p: Page, state: PageState): Promise<SqlRow[]> {
  return p.evaluate((s) => (window as unknown as Hooks).htkExplorer.rankSql(s), state) as Promise<SqlRow[]>;
}

/** The model's result for one weight set and year (no bootstrap): unrounded totals, rounded totals, ranks. */
function modelResult(set: WeightSet, year: number) {
  const k = prepared.publishedYears.indexOf(year);
  const m = prepared.matrices[k];
  const result = scoreMunicipalityYear(m, prepared.riket[k], [set], 0, 1);
  return Object.fromEntries(MISSING_RULE_IDS.map((rule) => {
    const c = result.combos.find((x) => x.rule === rule);
    if (!c) throw new Error(`no combo for ${rule}`);
    const byCode = new Map(m.codes.map((code, r) => [code, {
      total: c.point.total[r], rounded: c.rounded[r], rank: c.ranks[r] > 0 ? c.ranks[r] : null,
      counts: c.counts[r] === 1, n: c.n,
      sub: SUBS.map((_, s) => c.point.sub[r * 4 + s]),
    }]));
    return [rule, byCode];
  }));
}

function expectSame(sql: SqlRow[], model: ReturnType<typeof modelResult>[string], label: string) {
  expect(sql.length, label).toBe(model.size);
  let compared = 0;
  for (const row of sql) {
    const m = model.get(row.municipality);
    expect(m, `${label} ${row.municipality}`).toBeDefined();
    if (!m) continue;
    if (Number.isNaN(m.total)) {
      expect(row.total, `${label} ${row.municipality} total`).toBeNull();
      expect(row.rank).toBeNull();
      continue;
    }
    expect(Math.abs((row.total as number) - m.total), `${label} ${row.municipality} total`).toBeLessThanOrEqual(1e-9);
    expect(row.total, `${label} ${row.municipality} total, bit for bit`).toBe(m.total); // same sums in the same order
    expect(row.total_rounded, `${label} ${row.municipality} rounded`).toBe(m.rounded);
    expect(row.rank, `${label} ${row.municipality} rank`).toBe(m.rank);
    expect(row.counts, `${label} ${row.municipality} counts`).toBe(m.counts);
    expect(row.n_ranked, `${label} n_ranked`).toBe(m.n);
    SUBS.forEach((s, i) => {
      const v = row[s];
      if (Number.isNaN(m.sub[i])) expect(v, `${label} ${row.municipality} ${s}`).toBeNull();
      else expect(Math.abs((v as number) - m.sub[i]), `${label} ${row.municipality} ${s}`).toBeLessThanOrEqual(1e-9);
    });
    compared++;
  }
  expect(compared, label).toBeGreaterThan(250);
}

/** The model's "own weights" starting from a set: its within-sub-index weights, the reader's sub-index weights. */
function ownWeightsFrom(base: WeightSet, entered: Record<SubIndexId, number>): WeightSet {
  const valid = validateCustomWeights({ subIndex: entered });
  if (!valid.ok) throw new Error(valid.errors.join(" "));
  const byYear: WeightSet["byYear"] = {};
  for (const [year, active] of prepared.activeByYear) {
    const yw = base.byYear[String(year)];
    byYear[String(year)] = { subIndex: yearWeights(valid.subIndex, yw.indicator, active).subIndex, indicator: yw.indicator };
  }
  return { ...base, id: "egna-vikter", byYear };
}

beforeAll(async () => {
  const data = await loadBuildData();
  prepared = prepareModel({ municipalities: data.municipalities, values: data.values });
  scores = await readParquet<ScoreRow>(path.join(BUILD_DIR, "scores.parquet"));
  h = await startHarness(ROOT);
  page = await openExplorer("", 1280, firstRequests, "all-ready");
});
afterAll(async () => { await h?.close(); });

describe("explorer: loading", () => {
  it("ranks first without WebAssembly, loads the engine with a visible progress state, and makes no foreign request", async () => {
    const marks = await page.evaluate(() => ({
      ranking: performance.getEntriesByName("ranking-ready").map((e) => e.startTime),
      data: performance.getEntriesByName("data-ready").map((e) => e.startTime),
      engine: performance.getEntriesByName("explorer:engine-start").map((e) => e.startTime),
    }));
    expect(marks.ranking).toHaveLength(1);
    expect(marks.data).toHaveLength(1);
    // The first ranking was on screen before the engine was even asked for.
    expect(marks.ranking[0]).toBeLessThan(marks.engine[0]);
    const phases = await page.locator("#load-list li .load-phase").allTextContents();
    expect(phases.length).toBeGreaterThanOrEqual(4);
    for (const p of phases) expect(p).toMatch(/^klar/);
    await expect(page.locator("#load-list li").first().textContent()).resolves.toMatch(/DuckDB-WASM.*MB/);
    await expect(page.locator("#load-summary").textContent()).resolves.toMatch(/Frågerutan är klar/);
    // The table shows the first 50 rows until the reader asks for all 290.
    expect(await page.locator("#result-table tbody tr").count()).toBe(50);
    await expect(page.locator("#table-more").textContent()).resolves.toBe("Visa alla 290 i tabellen");
    await page.click("#table-more");
    expect(await page.locator("#result-table tbody tr").count()).toBe(290);
    expect(await page.getAttribute("#table-more", "aria-expanded")).toBe("true");
    // Self-hosted engine (the worker fetches the wasm; requests are recorded on the browser context).
    const wasm = firstRequests.filter((n) => /\.wasm(\?|$)/.test(n));
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_astro\/duckdb-eh\.[\w-]+\.wasm$/);
    const parquet = firstRequests.filter((n) => n.endsWith(".parquet"));
    expect(parquet.length).toBeGreaterThanOrEqual(5);
    for (const u of parquet) expect(u).toMatch(/\/utforska\/data\/[a-z_]+\.[0-9a-f]{16}\.parquet$/);
    for (const u of firstRequests) expect(new URL(u).hostname).toBe("127.0.0.1");
    expect(h.foreignRequests).toEqual([]);
  });

  it("on a slow or data-saving connection: ranks, fetches no engine until the reader runs a query", async () => {
    for (const connection of [{ effectiveType: "3g", downlink: 1.2 }, { effectiveType: "4g", downlink: 9, saveData: true }]) {
      const requests: string[] = [];
      const p = await h.newPage({ width: 390, height: 844 });
      await p.addInitScript((c) => {
        Object.defineProperty(Navigator.prototype, "connection", { get: () => c, configurable: true });
      }, connection);
      p.context().on("request", (r) => requests.push(r.url()));
      await p.goto(`${h.url}/utforska/`);
      await p.waitForFunction(() => document.documentElement.dataset.explorer === "ranking-ready", null, { timeout: 90_000 });
      expect(await p.locator("#result-table tbody tr").count()).toBe(50);
      await p.waitForTimeout(3000); // well past idle
      const label = JSON.stringify(connection);
      expect(requests.filter((u) => /\.wasm|duckdb|engine\./.test(u)), label).toEqual([]);
      // Only the two small tables of the first ranking.
      expect(requests.filter((u) => u.endsWith(".parquet")).map((u) => u.replace(/.*\/data\/([a-z_]+)\..*/, "$1")).sort(), label)
        .toEqual(["indicator_scores", "municipalities"]);
      await expect(p.locator("#sql-start-reason").textContent()).resolves.toMatch(/hämtas inte automatiskt/);
      expect(await p.isVisible("#sql-start")).toBe(true);
      expect(await p.evaluate(() => performance.getEntriesByName("data-ready").length)).toBe(0);
      // Asked: running a query loads the engine once and answers.
      await p.fill("#sql-input", "SELECT count(*) AS n FROM kommuner");
      await p.click("#sql-run");
      await p.waitForFunction(() => /Frågan gav/.test(document.getElementById("sql-status")?.textContent ?? ""), null, { timeout: 120_000 });
      await expect(p.locator("#sql-result td").first().textContent()).resolves.toBe("290");
      expect(requests.filter((u) => /\.wasm(\?|$)/.test(u)), label).toHaveLength(1);
      await p.context().close();
    }
    expect(h.foreignRequests).toEqual([]);
  });

  it("has the controls in the static HTML, a no-JS note, and no serious axe violation", async () => {
    const html = await (await fetch(`${h.url}/utforska/`)).text();
    expect(html).toContain("<noscript>");
    for (const id of ["w-information-range", "w-utforande", "f-ar", "f-lan", "f-grupp", "f-storlek", "f-liknande", "sql-input"]) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("publishes a data manifest mapping tables to content-hashed files", async () => {
    const manifest = await (await fetch(`${h.url}/utforska/data-manifest.json`)).json() as { tables: { table: string; url: string; bytes: number }[] };
    const tables = manifest.tables.map((t) => t.table);
    expect(tables).toEqual(expect.arrayContaining(["municipalities", "indicator_scores", "scores", "values"]));
    for (const t of manifest.tables) {
      const res = await fetch(`${h.url}${t.url}`);
      expect(res.status).toBe(200);
      expect(Number(res.headers.get("content-length"))).toBe(t.bytes);
      expect(t.bytes).toBeLessThanOrEqual(readFileSync(path.join(BUILD_DIR, `${t.table}.parquet`)).length);
    }
  });
});

describe("explorer: the TypeScript ranking and the SQL ranking both equal the model", () => {
  it("for every published weight set, year and missing rule (against scores.parquet and the model)", async () => {
    for (const set of prepared.sets) {
      const pct = Object.fromEntries(SUBS.map((s) => [s, Math.round(set.subIndex[s] * 1000) / 10])) as Record<SubIndexId, number>;
      for (const year of prepared.publishedYears) {
        const model = modelResult(set, year);
        for (const rule of MISSING_RULE_IDS) {
          const state = { start: set.id, weights: pct, missing: rule, year, county: null, group: null, size: null, peersOf: null } as const;
          const rows = await pageRank(page, state);
          const label = `${set.id} ${year} ${rule}`;
          expectSame(rows, model[rule], label);
          expectSame(await pageRankSql(page, state), model[rule], `${label} (SQL)`);
          const published = new Map(scores.filter((r) => r.year === year && r.weight_set === set.id && r.missing_rule === rule)
            .map((r) => [r.municipality, r]));
          for (const row of rows) {
            const p = published.get(row.municipality);
            expect(p, `${label} ${row.municipality}`).toBeDefined();
            expect(row.rank, `${label} ${row.municipality} rank vs scores.parquet`).toBe(p?.rank ?? null);
            expect(row.total_rounded, `${label} ${row.municipality} total vs scores.parquet`).toBe(p?.total ?? null);
          }
        }
      }
    }
  });

  it("for random weight vectors and both missing rules", async () => {
    const random = mulberry32(20240831);
    const [senior, derived] = prepared.sets;
    const vectors: Record<SubIndexId, number>[] = [];
    while (vectors.length < 6) {
      const w = Object.fromEntries(SUBS.map((s) => [s, random() < 0.15 ? 0 : Math.round(random() * 1000) / 10])) as Record<SubIndexId, number>;
      if (SUBS.some((s) => w[s] > 0)) vectors.push(w);
    }
    vectors.push({ information: 100, bistandshandlaggning: 0, utforande: 0, stod_utveckling: 0 });
    const year = prepared.publishedYears[prepared.publishedYears.length - 1];
    for (const [i, w] of vectors.entries()) {
      // Starting from the default set: the model's own "egna vikter" path.
      const custom = prepareModel({ municipalities: (await loadBuildData()).municipalities, values: (await loadBuildData()).values }, { subIndex: w }).sets[2];
      const years = i === 0 ? prepared.publishedYears : [year];
      for (const y of years) {
        const model = modelResult(custom, y);
        for (const rule of MISSING_RULE_IDS) {
          const state = { start: senior.id, weights: w, missing: rule, year: y, county: null, group: null, size: null, peersOf: null };
          expectSame(await pageRank(page, state), model[rule], `egna vikter ${JSON.stringify(w)} ${y} ${rule}`);
          expectSame(await pageRankSql(page, state), model[rule], `egna vikter ${JSON.stringify(w)} ${y} ${rule} (SQL)`);
        }
      }
      // Starting from the derived set: its within-sub-index weights with the reader's sub-index weights.
      const own = modelResult(ownWeightsFrom(derived, w), year);
      for (const rule of MISSING_RULE_IDS) {
        const state = { start: derived.id, weights: w, missing: rule, year, county: null, group: null, size: null, peersOf: null };
        expectSame(await pageRank(page, state), own[rule], `egna vikter från härledda ${JSON.stringify(w)} ${year} ${rule}`);
        expectSame(await pageRankSql(page, state), own[rule], `egna vikter från härledda ${JSON.stringify(w)} ${year} ${rule} (SQL)`);
      }
    }
  });
});

describe("explorer: interaction", () => {
  it("re-ranks on a weight change and keeps the URL in step", async () => {
    const p = await openExplorer();
    const before = await p.locator("#result-table tbody").innerHTML();
    const measures = await p.evaluate(() => performance.getEntriesByName("rerank").length);
    await p.fill("#w-utforande", "90");
    await p.waitForFunction((n) => performance.getEntriesByName("rerank").length > n, measures);
    expect(await p.locator("#result-table tbody").innerHTML()).not.toBe(before);
    await p.waitForFunction(() => new URLSearchParams(location.search).get("utforande") === "90");
    expect(await p.inputValue("#w-utforande-range")).toBe("90");
    await expect(p.locator("#w-utforande-share").textContent()).resolves.toMatch(/^60\s?% av totalen$/); // 90 / (20 + 25 + 90 + 15)
    await p.waitForFunction(() => /rangordnade/.test(document.getElementById("result-summary")?.textContent ?? ""));
    await expect(p.locator("#result-summary").textContent()).resolves.toMatch(/har en annan rang än med standardrankningen/);
    expect(await p.getAttribute("#result-summary", "aria-live")).toBe("polite");
  });

  it("rejects invalid weights with a clear message and keeps the last valid result", async () => {
    const p = await openExplorer();
    const before = await p.locator("#result-table tbody").innerHTML();
    const url = p.url();
    for (const [value, message] of [["-5", /får inte vara negativ/], ["abc", /måste vara ett tal/], ["1e9", /måste vara ett tal/], ["500", /högst 100/]] as const) {
      await p.fill("#w-information", value);
      await expect(p.locator("#weights-error").textContent()).resolves.toMatch(message);
      expect(await p.getAttribute("#w-information", "aria-invalid")).toBe("true");
      await expect(p.locator("#result-stale").isVisible()).resolves.toBe(true);
      expect(await p.locator("#result-table tbody").innerHTML()).toBe(before);
      expect(p.url()).toBe(url);
    }
    // All zero: the first three zeros still give a valid ranking (on Stöd och utveckling alone), the fourth does not.
    let n = await p.evaluate(() => performance.getEntriesByName("rerank").length);
    for (const id of ["information", "bistandshandlaggning", "utforande"]) await p.fill(`#w-${id}`, "0");
    await p.waitForFunction((k) => performance.getEntriesByName("rerank").length > k, n);
    await p.waitForTimeout(300);
    const stodOnly = await p.locator("#result-table tbody").innerHTML();
    n = await p.evaluate(() => performance.getEntriesByName("rerank").length);
    await p.fill("#w-stod_utveckling", "0");
    await expect(p.locator("#weights-error").textContent()).resolves.toMatch(/Minst ett delindex/);
    await p.waitForTimeout(300);
    expect(await p.evaluate(() => performance.getEntriesByName("rerank").length)).toBe(n);
    expect(await p.locator("#result-table tbody").innerHTML()).toBe(stodOnly);
    await p.click("#reset-button");
    await expect(p.locator("#weights-error").textContent()).resolves.toBe("");
    expect(await p.locator("#result-stale").isVisible()).toBe(false);
  });

  it("restores the state from a URL, filters, and refuses bad parameters", async () => {
    const q = "?information=10&bistand=10&utforande=70&stod=10&regel=som-hemtjanstindex&ar=2020&lan=01";
    const p = await openExplorer(q);
    expect(await p.inputValue("#w-utforande")).toBe("70");
    expect(await p.isChecked("#regel-som-hemtjanstindex")).toBe(true);
    expect(await p.inputValue("#f-ar")).toBe("2020");
    expect(await p.inputValue("#f-lan")).toBe("01");
    await p.waitForFunction(() => document.querySelectorAll("#result-table tbody tr").length > 0);
    const n = await p.locator("#result-table tbody tr").count();
    expect(n).toBe(26); // Stockholms län
    await expect(p.locator("#result-caption").textContent()).resolves.toMatch(/2020.*Stockholms län/);
    // The displayed ranks are the SQL ranks of the same state.
    const rows = await pageRank(p, { start: "seniorernas-prioritering", weights: { information: 10, bistandshandlaggning: 10, utforande: 70, stod_utveckling: 10 }, missing: "som-hemtjanstindex", year: 2020, county: null, group: null, size: null, peersOf: null });
    const firstName = await p.locator("#result-table tbody tr th a").first().getAttribute("href");
    const code = firstName?.match(/\/kommun\/(\d{4})\//)?.[1];
    const firstRank = await p.locator("#result-table tbody tr td").nth(1).textContent();
    expect(String(rows.find((r) => r.municipality === code)?.rank)).toBe(firstRank?.replace(/\s/g, ""));

    const bad = await openExplorer("?utforande=-1&ar=1999&lan=%3Cscript%3E&regel=x");
    await expect(bad.locator("#weights-error").textContent()).resolves.toMatch(/negativ.*Året i adressen finns inte/s);
    expect(await bad.inputValue("#w-utforande")).toBe("40");
    expect(await bad.locator("#result-table tbody tr").count()).toBe(50);
  });

  it("is keyboard operable: a slider moves with the arrow keys and the ranking follows", async () => {
    const p = await openExplorer();
    await p.focus("#w-stod_utveckling-range");
    const measures = await p.evaluate(() => performance.getEntriesByName("rerank").length);
    await p.keyboard.press("ArrowRight");
    await p.keyboard.press("ArrowRight");
    await p.waitForFunction((n) => performance.getEntriesByName("rerank").length > n, measures);
    expect(await p.inputValue("#w-stod_utveckling")).toBe("17");
    await p.waitForFunction(() => new URLSearchParams(location.search).get("stod") === "17");
    // Every control has an accessible name.
    const unnamed = await p.evaluate(() => [...document.querySelectorAll("#weigh-form input, #weigh-form select, #sql-input")]
      .filter((el) => !(el as HTMLInputElement).labels?.length).map((el) => el.id));
    expect(unnamed).toEqual([]);
  });

  it("downloads the displayed result as CSV (UTF-8 with BOM) and XLSX", async () => {
    const p = await openExplorer("?lan=25");
    const [csv] = await Promise.all([p.waitForEvent("download"), p.click("#download-csv")]);
    expect(csv.suggestedFilename()).toMatch(/^hemtjanstkollen-egen-rangordning-\d{4}\.csv$/);
    const text = readFileSync(await csv.path() as string, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split(/\r\n/);
    expect(lines[0]).toBe("Plats i urvalet,Rang,Kommunkod,Kommun,Län,Kommungrupp,Totalindex,Information,Biståndshandläggning,Utförande,Stöd och utveckling,Täckning,Låg täckning (ingen rang),Rang med standardvikter,Förändring mot standardrankningen");
    expect(lines).toHaveLength(1 + 14); // Norrbottens län
    expect(lines[1]).toMatch(/^1,\d+,25\d\d,/);
    const [xlsx] = await Promise.all([p.waitForEvent("download"), p.click("#download-xlsx")]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync(await xlsx.path() as string);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Rangordning")?.rowCount).toBe(15);
    expect(wb.getWorksheet("Om urvalet")?.getCell("B2").value).toBeTruthy();
    expect(h.foreignRequests).toEqual([]);
  });
});

describe("explorer: Fråga data", () => {
  async function run(p: Page, sql: string): Promise<string> {
    await p.fill("#sql-input", sql);
    await p.evaluate(() => { document.getElementById("sql-status")!.textContent = ""; });
    await p.click("#sql-run");
    await p.waitForFunction(() => {
      const t = document.getElementById("sql-status")?.textContent ?? "";
      return t !== "" && !/^Kör frågan/.test(t) && !/^Väntar/.test(t);
    });
    return (await p.locator("#sql-status").textContent()) ?? "";
  }

  it("runs example questions and shows a table", async () => {
    for (const i of [0, 1]) {
      await page.click(`button.example[data-example="${i}"]`);
      const status = await run(page, await page.inputValue("#sql-input"));
      expect(status).toMatch(/Frågan gav \d+ rad/);
      expect(await page.locator("#sql-result table tbody tr").count()).toBeGreaterThan(0);
    }
  });

  it("answers in Swedish views and offers the result as CSV and XLSX", async () => {
    expect(await run(page, "SELECT kommun, lan FROM kommuner WHERE kommunkod = '0180'")).toMatch(/Frågan gav 1 rad/);
    await expect(page.locator("#sql-result td").first().textContent()).resolves.toBe("Stockholm");
    const status = await run(page, "SELECT ar, kommun, rang, totalindex, tackning FROM resultat WHERE viktuppsattning = 'seniorernas-prioritering' AND regel = 'riksmedian' AND rang <= 3 ORDER BY ar, rang, kommun");
    expect(status).toMatch(/Frågan gav \d+ rader/);
    expect(await page.locator("#sql-result thead th").allTextContents()).toEqual(["ar", "kommun", "rang", "totalindex", "tackning"]);
    expect(await page.isVisible("#sql-downloads")).toBe(true);
    const n = await page.locator("#sql-result tbody tr").count();
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#sql-download-csv")]);
    expect(csv.suggestedFilename()).toBe("hemtjanstkollen-fraga.csv");
    const text = readFileSync(await csv.path() as string, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split(/\r\n/);
    expect(lines[0]).toBe("ar,kommun,rang,totalindex,tackning");
    expect(lines).toHaveLength(1 + n);
    expect(lines[1]).toMatch(/^\d{4},[^,]+,1,\d+(\.\d)?,[\d.]+$/); // numbers with a decimal point, exact
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.click("#sql-download-xlsx")]);
    expect(xlsx.suggestedFilename()).toBe("hemtjanstkollen-fraga.xlsx");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await xlsx.path() as string) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Resultat");
    expect(sheet?.rowCount).toBe(1 + n);
    expect(sheet?.getCell("C2").value).toBe(1); // a real number, not text
    expect(String(wb.getWorksheet("Om urvalet")?.getCell("B2").value)).toMatch(/FROM resultat/);
    // A refused query hides the downloads of the previous result.
    await run(page, "DROP TABLE kommuner");
    expect(await page.isVisible("#sql-downloads")).toBe(false);
    expect(h.foreignRequests).toEqual([]);
  });

  it("shows DuckDB errors in plain Swedish without breaking the page", async () => {
    expect(await run(page, "SELEC * FROM resultat")).toMatch(/skrivfel nära ”SELEC”|Börja frågan med SELECT/);
    expect(await run(page, "SELECT * FROM resultatt")).toMatch(/Tabellen ”resultatt” finns inte\. Menade du ”resultat”\?/);
    expect(await run(page, "SELECT totl FROM resultat")).toMatch(/Kolumnen ”totl” finns inte/);
    expect(await run(page, "SELECT * FROM resultat WHERE ar = 'abc'")).toMatch(/omvandlas|Frågan kunde inte köras/);
    // Refused before reaching the database.
    expect(await run(page, "DROP TABLE scores")).toMatch(/Börja frågan med SELECT/);
    expect(await run(page, "SELECT 1; DROP TABLE scores")).toMatch(/Bara en fråga i taget/);
    expect(await run(page, "WITH x AS (SELECT 1) INSERT INTO scores SELECT * FROM x")).toMatch(/INSERT är inte tillåtet/);
    expect(await run(page, "SELECT * FROM read_csv('https://example.com/x.csv')")).toMatch(/read_csv är inte tillåten/);
    expect(await run(page, "ATTACH 'x.db'")).toMatch(/Börja frågan med SELECT/);
    // Still works afterwards.
    expect(await run(page, "SELECT count(*) AS n FROM municipalities")).toMatch(/Frågan gav 1 rad/);
    await expect(page.locator("#sql-result td").first().textContent()).resolves.toBe("290");
    expect(await page.locator("#result-table tbody tr").count()).toBe(290);
    expect(h.foreignRequests).toEqual([]);
  });

  // Issue 20 item 2: payloads that once passed the keyword filter (the database's lock refused them).
  const ISSUE20 = [
    `SELECT * FROM "read_text"('http://example.com/x')`,
    `SELECT * FROM "main"."read_blob"('http://example.com/x')`,
    `SELECT * FROM "glob"('*')`,
    `SELECT * FROM "query"('SELECT 42')`,
    "SELECT * FROM municipalities, 'http://example.com/x.csv'",
    "SUMMARIZE 'http://example.com/x.csv'",
    "DESCRIBE 'http://example.com/x.csv'",
    "SHOW 'http://example.com/x.csv'",
  ];

  it("the SQL box refuses every payload of issue 20 itself", async () => {
    for (const sql of ISSUE20) {
      const status = await run(page, sql);
      expect(status, sql).toMatch(/inte tillåten här|kan inte läsa filer eller adresser/);
      expect(status, sql).not.toMatch(/Frågan gav|Frågan kunde inte köras/); // stopped before the database
    }
    expect(h.foreignRequests).toEqual([]);
  });

  it("exposes no query hook, and the database itself is locked (the real control)", async () => {
    // Issue 20 item 3: no way from the page's globals to run unchecked SQL.
    const hooks = await page.evaluate(() => Object.keys((window as unknown as { htkExplorer: object }).htkExplorer).sort());
    expect(hooks).toEqual(["rank", "rankSql", "rankingReady", "rankingSql"]);
    expect(await page.evaluate(() => "query" in (window as unknown as { htkExplorer: object }).htkExplorer)).toBe(false);
    // The page's database: external access off and the configuration locked (asked through the box).
    expect(await run(page, "SELECT current_setting('enable_external_access') AS e, current_setting('lock_configuration') AS l")).toMatch(/1 rad/);
    expect(await page.locator("#sql-result td").allTextContents()).toEqual(["false", "true"]);
    // The payloads against a locked DuckDB without the box's check: src/client/explorer/db.test.ts.
    expect(h.foreignRequests).toEqual([]);
  });
});

describe("explorer: WebAssembly only on /utforska/", () => {
  it("the start page and the ranking page load no .wasm", async () => {
    for (const route of ["/", "/rankning/"]) {
      const p = await h.newPage();
      const wasm: string[] = [];
      p.on("request", (r) => { if (/\.wasm(\?|$)/.test(r.url()) || r.resourceType() === "other" && /duckdb/.test(r.url())) wasm.push(r.url()); });
      const res = await p.goto(`${h.url}${route}`);
      expect(res?.status(), route).toBe(200);
      await p.waitForLoadState("load");
      await p.waitForTimeout(500);
      expect(wasm, route).toEqual([]);
      const duck = await p.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => /duckdb|\.wasm/.test(n)));
      expect(duck, route).toEqual([]);
    }
    expect(h.foreignRequests).toEqual([]);
  });

  it("has no horizontal scroll at 320 px", async () => {
    const p = await openExplorer("", 320);
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
  });
});
