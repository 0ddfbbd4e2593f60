// Unit tests for the method page's view model (hand-computed).
import { describe, expect, it } from "vitest";
import type { WeightsDoc } from "../model";
import type { MethodDoc } from "../model/method";
import { buildMethodView } from "./method";

const row = (id: string, subIndex: string, extra: object = {}) => ({
  id, kpi: id, name_sv: `Namn ${id}`, description_sv: "", source: "kolada", subIndex, direction: "hogre_battre",
  rule: { kind: "andel" }, weight: 0.5, level: "enhet", survey: true, firstYear: 2012, lastYear: null, rationale_sv: "r",
  rule_sv: "regel", ...extra,
});
const doc = {
  publishedYears: [2022, 2020], defaultWeightSet: "a",
  subIndices: [{ id: "information", name_sv: "Information", description_sv: "" }, { id: "utforande", name_sv: "Utförande", description_sv: "" }],
  catalogue: [row("U1", "information"), row("U2", "utforande", { lastYear: 2020, direction: "lagre_battre", level: "kommun" }), row("U3", "utforande", { firstYear: null })],
  activeIndicatorsByYear: { "2020": ["U1", "U2"], "2022": ["U1"] },
  notScored: [{ kpi: "N1", reason_sv: "Sammanhang." }],
  relativeImportance: [],
  flags: { riket: "Riket." },
} as unknown as MethodDoc;
const weights = {
  version: "1", defaultWeightSet: "a", relativeImportance: [
    { year: 2022, outcome: "U21468", method: "johnson-relative-weights", n: 280, r2: 0.8, items: [{ kpi: "U1", raw: 0.2, share: 0.25 }, { kpi: "U2", raw: 0.6, share: 0.75 }] },
  ],
  sets: [{
    id: "a", version: "1", name_sv: "A", description_sv: "", notes_sv: [], subIndex: { information: 0.4, utforande: 0.6 },
    indicator: { U1: 1, U2: 0.7, U3: 0.3 },
    byYear: {
      "2020": { subIndex: { information: 0.4, utforande: 0.6 }, indicator: { U1: 1, U2: 1 } },
      "2022": { subIndex: { information: 0.4, utforande: 0.6 }, indicator: { U1: 1 } },
    },
  }],
} as unknown as WeightsDoc;

describe("buildMethodView", () => {
  const view = buildMethodView(doc, weights, new Map([["N1", "Kontext"]]));
  it("sorts years and groups the whole catalogue by sub-index", () => {
    expect(view.years).toEqual([2020, 2022]);
    expect(view.indicatorCount).toBe(3);
    expect(view.catalogue.map((g) => [g.id, g.rows.map((r) => r.id)])).toEqual([["information", ["U1"]], ["utforande", ["U2", "U3"]]]);
    const u2 = view.catalogue[1].rows[0];
    expect(u2).toMatchObject({ direction: "Lägre är bättre", years: "2012–2020", activeYears: [2020], weightInSubIndex: 0.7, level: "Kommun (enheter ärver)" });
    expect(view.catalogue[1].rows[1]).toMatchObject({ years: "Alla år med data", activeYears: [] });
  });
  it("gives each indicator's weight in its sub-index and its share of the total per year", () => {
    const set = view.weightSets[0];
    expect(set.isDefault).toBe(true);
    expect(set.indicators.map((r) => r.id)).toEqual(["U1", "U2"]);
    expect(set.indicators[1].byYear).toEqual({ "2020": { inSubIndex: 1, total: 0.6 }, "2022": null });
    expect(set.subIndexByYear[0].byYear).toEqual({ "2020": 0.4, "2022": 0.4 });
    expect(view.subIndices.map((s) => s.defaultWeight)).toEqual([0.4, 0.6]);
  });
  it("names the relative-importance items, largest first, and the KPIs not scored", () => {
    expect(view.relativeImportance[0].items.map((i) => [i.name, i.share])).toEqual([["Namn U2", 0.75], ["Namn U1", 0.25]]);
    expect(view.notScored).toEqual([{ kpi: "N1", name: "Kontext", reason: "Sammanhang." }]);
  });
});
