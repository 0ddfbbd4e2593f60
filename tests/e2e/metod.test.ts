// The method page (/metod/) in Chromium: rendered from method.json and weights.json, it lists every
// catalogue indicator and every weight set, with no serious axe violation, no horizontal scroll at 375 px
// and no request leaving 127.0.0.1.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WeightsDoc } from "../../src/model";
import type { MethodDoc } from "../../src/model/method";
import { DIST, ROOT, horizontalOverflow, seriousAxeViolations, startHarness, type Harness } from "./harness";

const SITE = process.env.HTK_DIST ?? DIST;
const json = <T>(name: string) => JSON.parse(readFileSync(path.join(ROOT, "data", "build", name), "utf8")) as T;

let h: Harness;
let method: MethodDoc;
let weights: WeightsDoc;
beforeAll(async () => {
  h = await startHarness(SITE);
  method = json<MethodDoc>("method.json");
  weights = json<WeightsDoc>("weights.json");
});
afterAll(async () => { await h?.close(); });

describe("method page", () => {
  it("lists every catalogue indicator with its rule and rationale, and every weight set", async () => {
    const page = await h.newPage();
    const response = await page.goto(`${h.url}/metod/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe(method.title_sv);
    const shown = await page.locator(".cards [data-indicator]").evaluateAll((els) => els.map((e) => e.getAttribute("data-indicator")));
    expect(shown.sort()).toEqual(method.catalogue.map((e) => e.id).sort());
    for (const e of method.catalogue) {
      const card = page.locator(`.cards [data-indicator="${e.id}"]`);
      const text = (await card.textContent()) ?? "";
      expect(text).toContain(e.name_sv);
      expect(text).toContain(e.rationale_sv);
      expect(text).toContain(e.rule_sv);
    }
    const sets = await page.locator("[data-weight-set]").evaluateAll((els) => els.map((e) => e.getAttribute("data-weight-set")));
    expect(sets).toEqual(weights.sets.map((s) => s.id));
    for (const s of weights.sets) await expect(page.locator(`[data-weight-set="${s.id}"] h3`).textContent()).resolves.toContain(s.name_sv);
    // Rules and limitations come from the model, word for word.
    const body = (await page.locator("main").textContent()) ?? "";
    for (const r of method.missingRules) expect(body).toContain(r.description_sv);
    for (const l of method.limitations_sv) expect(body).toContain(l);
    for (const r of method.bootstrap.rules_sv) expect(body).toContain(r);
    expect(body).toContain(method.groups.rule_sv);
    expect(body).toContain(`Metodversion ${method.version}`);
    expect(body).toContain("Hemtjänstindex");
  });

  it("shows the derived weights as the method computed them (share of the total per year)", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/metod/`);
    const derived = weights.sets.find((s) => s.id === "harledd-ur-brukarnas-svar")!;
    const year = String(method.publishedYears[method.publishedYears.length - 1]);
    const yw = derived.byYear[year];
    const rows = page.locator(`[data-weight-set="${derived.id}"] caption:has-text("delindexens vikter") >> xpath=ancestor::table//tbody/tr`);
    const col = method.publishedYears.map(String).indexOf(year) + 2;
    for (const [i, s] of method.subIndices.entries()) {
      const cell = (await rows.nth(i).locator(`td:nth-child(${col})`).textContent())!.replace(/[\u00A0\u202F ]/g, "");
      expect(Number(cell.replace("%", "").replace(",", ".")), s.id).toBeCloseTo(yw.subIndex[s.id] * 100, 1);
    }
  });

  it("no serious or critical axe violation, no horizontal scroll at 375 px, no foreign request", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/metod/`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const narrow = await h.newPage({ width: 375, height: 800 });
    await narrow.goto(`${h.url}/metod/`);
    expect(await horizontalOverflow(narrow)).toBeLessThanOrEqual(0);
    expect(h.foreignRequests).toEqual([]);
  });
});
