// Thin or empty inputs must give a valid, honest chart (no NaN, no crash), never a broken page.
import { describe, expect, it } from "vitest";
import { groupComparisonChart } from "./groupComparisonChart";
import { indicatorScoreChart } from "./indicatorScoreChart";
import { subIndexComparisonChart } from "./subIndexComparisonChart";
import { trendChart } from "./trendChart";
import { unitVariationChart } from "./unitVariationChart";

const clean = (svg: string) => {
  for (const bad of ["NaN", "undefined", "Infinity"]) expect(svg).not.toContain(bad);
  expect(svg).toContain('role="img"');
};

describe("charts with thin data", () => {
  it("unit chart without units or values", () => {
    const out = unitVariationChart({
      municipalityCode: "2584",
      municipalityName: "Kiruna",
      year: 2024,
      indicators: [{ id: "U21468", label: "Nöjd som helhet", municipalityValue: null, nationalValue: 88 }],
      units: [],
      values: [],
      synthetic: false,
    });
    clean(out.svg);
    expect(out.summary).toContain("ingen enhet");
  });

  it("unit chart with unknown respondent counts draws no interval and flags the units", () => {
    const out = unitVariationChart({
      municipalityCode: "0180",
      municipalityName: "Stockholm",
      year: 2024,
      indicators: [{ id: "U21468", label: "Nöjd som helhet", municipalityValue: 85, nationalValue: 88 }],
      units: [{ id: "A", name: "A", providerType: "privat" }],
      values: [{ unitId: "A", indicatorId: "U21468", value: 100, respondents: null }],
      synthetic: false,
    });
    clean(out.svg);
    expect(out.table.rows[0]).toMatchObject({ intervall_lag: null, fa_svarande: "Okänt" }); // unknown respondents are not "few"
  });

  it("trend with one year and with no values", () => {
    clean(trendChart({ municipalityCode: "0180", municipalityName: "Stockholm", points: [{ year: 2024, total: 70, rank: 3 }] }).svg);
    const empty = trendChart({ municipalityCode: "0180", municipalityName: "Stockholm", points: [{ year: 2024, total: null, rank: null }] });
    clean(empty.svg);
    expect(empty.summary).toContain("inget totalindex");
  });

  it("sub-index comparison with everything missing", () => {
    const out = subIndexComparisonChart({
      municipalityCode: "0180",
      municipalityName: "Stockholm",
      year: 2024,
      subIndices: [{ id: "information", label: "Information", municipality: null, nation: null, kommungrupp: null, peers: null }],
    });
    clean(out.svg);
    expect(out.summary).toContain("uppgift saknas");
  });

  it("group comparison and indicator scores with no values", () => {
    clean(groupComparisonChart({ year: 2024, indicatorLabel: "Nöjda", valueKind: "share", municipalities: [{ code: "0180", name: "Stockholm", value: null, sizeGroup: null, kommungrupp: null }] }).svg);
    clean(indicatorScoreChart({ municipalityCode: "0180", municipalityName: "Stockholm", year: 2024, indicators: [] }).svg);
  });
});
