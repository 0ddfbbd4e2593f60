// Unit tests for the municipality page's view model, with hand-computed expectations.
import { describe, expect, it } from "vitest";
import type { MethodDoc } from "../model/method";
import type { IndicatorScoreRow, RankChangeRow, ScoreRow, UnitScoreRow } from "../model/outputTables";
import type { MunicipalityRow, UnitRow, UnitValueRow, ValueRow } from "../pipeline/tables";
import {
  buildMunicipalityView, decimalsOf, joinSv, median, peerViews, prepareMunicipalityContext, shareClause,
  shareStandardError, strengthsAndWeaknesses, CODED_GROUP, type IndicatorView, type MunicipalityInputs, type ValueRole,
} from "./municipality";

const fmt = (_i: IndicatorView, v: number) => String(v);

function ind(p: Partial<IndicatorView> & { id: string }): IndicatorView {
  return {
    kpi: p.id, name: p.id, description: "", subIndex: "utforande", kind: "share", lowerIsBetter: false, year: 2022,
    value: null, valueDecimals: 0, score: null, missing: false, weight: 0, nationValue: null, peersScore: null,
    peersValue: null, source: "Källa: Kolada", ...p,
  };
}

describe("helpers", () => {
  it("median ignores missing values and averages the middle pair", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, null, 3, 2])).toBe(2.5);
    expect(median([null, undefined, NaN])).toBeNull();
  });
  it("decimalsOf gives the decimals a raw value needs, at most two", () => {
    expect(decimalsOf(16)).toBe(0);
    expect(decimalsOf(11.5)).toBe(1);
    expect(decimalsOf(13.25)).toBe(2);
    expect(decimalsOf(13.125)).toBe(2);
    expect(decimalsOf(null)).toBe(0);
  });
  it("shareClause turns a survey description into a clause", () => {
    expect(shareClause("Andel som tycker att personalen alltid eller oftast kommer på avtalad tid. Källa: X.")).toBe(
      "tycker att personalen alltid eller oftast kommer på avtalad tid");
    expect(shareClause("Andel som svarat ja på frågan om de fick välja utförare av hemtjänsten. Källa: X."))
      .toBe("har svarat ja på frågan om de fick välja utförare av hemtjänsten");
    expect(shareClause("Genomsnittligt antal olika personer.")).toBeNull();
  });
  it("shareStandardError: 80 % of 100 respondents is ±4 points", () => {
    expect(shareStandardError(80, 100)).toBeCloseTo(4, 10);
  });
  it("joinSv", () => {
    expect(joinSv([])).toBe("");
    expect(joinSv(["a"])).toBe("a");
    expect(joinSv(["a", "b", "c"])).toBe("a, b och c");
  });
});

describe("strengthsAndWeaknesses", () => {
  const catalogue = new Map([
    ["U21475", { survey: true, description_sv: "Andel som tycker att personalen kommer på avtalad tid. Källa: X." }],
    ["U21468", { survey: true, description_sv: "Andel som är mycket eller ganska nöjda med hemtjänsten. Källa: X." }],
    ["U21481", { survey: true, description_sv: "Andel som tycker att det är lätt att få kontakt. Källa: X." }],
    ["U21401", { survey: false, description_sv: "Genomsnittligt antal olika personer." }],
    ["U21341", { survey: false, description_sv: "Om kommunen erbjuder GPS-larm." }],
    ["U21349", { survey: false, description_sv: "Om kommunen erbjuder digitala lås." }],
  ]);
  const indicators = [
    // +5 points, SE at 400 respondents = 100·√(.85·.15/400) = 1.785, 1.645·SE = 2.94 < 3 → strength (weighted 0.4)
    ind({ id: "U21475", value: 85, score: 85, peersValue: 80, peersScore: 80, nationValue: 82, weight: 0.08 }),
    // −5 points, SE = 100·√(.7·.3/400) = 2.291, 1.645·SE = 3.77 < 5 → weakness (weighted −1.0)
    ind({ id: "U21468", value: 70, score: 70, peersValue: 75, peersScore: 75, weight: 0.2 }),
    // −4 points: above MIN_GAP, but below 1.645·SE only when respondents are few (see the next test)
    ind({ id: "U21481", value: 60, score: 60, peersValue: 64, peersScore: 64, weight: 0.032 }),
    // lower is better: 11.5 staff → (25 − 11.5)/17·100 = 79.41; 16 → 52.94; +26.47 × 0.064 = 1.694
    ind({ id: "U21401", name: "Personalkontinuitet (antal personal på 14 dagar)", kind: "count", lowerIsBetter: true,
      value: 11.5, score: 79.41, peersValue: 16, peersScore: 52.94, weight: 0.064 }),
    // two coded items, both +100 at weight 0.0079 → one combined statement, weighted 0.79
    ind({ id: "U21341", name: "Välfärdsteknik: GPS-larm", kind: "coded", value: 2, score: 100, peersValue: 0, peersScore: 0, weight: 0.0079 }),
    ind({ id: "U21349", name: "Välfärdsteknik: Digitala lås till bostaden", kind: "coded", value: 2, score: 100, peersValue: 0, peersScore: 0, weight: 0.0079 }),
    // missing or without peers: never a statement
    ind({ id: "U21466", value: null, score: null, missing: true, peersScore: 50, peersValue: 50, weight: 0.1 }),
    ind({ id: "U21467", value: 90, score: 90, peersScore: null, peersValue: null, weight: 0.1 }),
  ];

  it("orders by weighted gap, combines coded items and writes plain Swedish", () => {
    const { strengths, weaknesses } = strengthsAndWeaknesses(indicators, catalogue, 400, fmt);
    expect(strengths.map((s) => s.indicator)).toEqual(["U21401", "U21341;U21349", "U21475"]);
    expect(strengths[0].text).toBe(
      "Bättre än i liknande kommuner: personalkontinuitet (antal personal på 14 dagar), 11.5 mot 16 i liknande kommuner.");
    expect(strengths[0].weightedGap).toBeCloseTo(26.47 * 0.064, 6);
    expect(strengths[1].text).toBe("Mer välfärdsteknik än i de flesta liknande kommuner: GPS-larm och digitala lås till bostaden.");
    expect(strengths[1].weightedGap).toBeCloseTo(0.79, 10);
    expect(strengths[2].text).toBe(
      "Fler än i liknande kommuner tycker att personalen kommer på avtalad tid (85 mot 80 i liknande kommuner och 82 i riket).");
    // U21481 (−4) is within the sampling error at 400 respondents? 1.645·100·√(.6·.4/400) = 4.03 > 4 → not listed.
    expect(weaknesses.map((s) => s.indicator)).toEqual(["U21468"]);
    expect(weaknesses[0].text).toBe(
      "Färre än i liknande kommuner är mycket eller ganska nöjda med hemtjänsten (70 mot 75 i liknande kommuner).");
  });

  it("tells the formatter whose value each number is (own, peers' median, Riket), so averages can be said as such", () => {
    const seen: string[] = [];
    const withRole = (i: IndicatorView, v: number, role: ValueRole) => { seen.push(`${i.id}:${role}:${v}`); return `${role} ${v}`; };
    const { strengths } = strengthsAndWeaknesses(indicators, catalogue, 400, withRole);
    expect(strengths[2].text).toBe(
      "Fler än i liknande kommuner tycker att personalen kommer på avtalad tid (own 85 mot peers 80 i liknande kommuner och nation 82 i riket).");
    expect(seen).toContain("U21401:own:11.5");
    expect(seen).toContain("U21401:peers:16");
  });

  it("with unknown respondents only the minimum gap applies", () => {
    const { weaknesses } = strengthsAndWeaknesses(indicators, catalogue, null, fmt);
    expect(weaknesses.map((s) => s.indicator)).toEqual(["U21468", "U21481"]);
  });

  it("few respondents widen the required gap", () => {
    // 50 respondents: 1.645·100·√(.7·.3/50) = 10.66 > 5 → U21468 is no longer a weakness
    const { weaknesses } = strengthsAndWeaknesses(indicators, catalogue, 50, fmt);
    expect(weaknesses).toEqual([]);
  });
});

function scoreRow(p: Partial<ScoreRow> & { municipality: string; year: number }): ScoreRow {
  return {
    weight_set: "std", missing_rule: "omv", information: null, bistandshandlaggning: null, utforande: null,
    stod_utveckling: null, total: null, rank: null, rank_low: null, rank_high: null, n_ranked: 4, group: null,
    coverage: 1, flags: "", missing_indicators: "", indistinguishable: null, rank_shift_weight_set: null, rank_shift_missing_rule: null, ...p,
  };
}

function indRow(p: Partial<IndicatorScoreRow> & { municipality: string; indicator: string; year: number }): IndicatorScoreRow {
  return {
    sub_index: "utforande", value: null, score: null, missing: false, weight_in_sub_index: 0.5, weight: 0.1,
    weight_in_sub_index_derived: 0.5, weight_derived: 0.1, unit_count: 0, unit_min: null, unit_max: null, unit_spread: null, ...p,
  };
}

describe("peerViews", () => {
  const own = new Map([
    ["U21468", indRow({ municipality: "A", indicator: "U21468", year: 2022, score: 80, weight: 0.08 })],
    ["U21475", indRow({ municipality: "A", indicator: "U21475", year: 2022, score: 70, weight: 0.032 })],
    ["U21341", indRow({ municipality: "A", indicator: "U21341", year: 2022, score: 0, weight: 0.0079 })],
    ["U21342", indRow({ municipality: "A", indicator: "U21342", year: 2022, score: 50, weight: 0.0079 })],
  ]);
  const peerX = new Map([
    ["U21468", indRow({ municipality: "X", indicator: "U21468", year: 2022, score: 88, weight: 0.08 })], // +8, w 0.64
    ["U21475", indRow({ municipality: "X", indicator: "U21475", year: 2022, score: 72, weight: 0.032 })], // +2 < 3
    ["U21341", indRow({ municipality: "X", indicator: "U21341", year: 2022, score: 100, weight: 0.0079 })],
    ["U21342", indRow({ municipality: "X", indicator: "U21342", year: 2022, score: 50, weight: 0.0079 })],
  ]);
  it("lists, for peers ahead, the sub-indices ahead by ≥ 3 and the largest weighted indicator gaps", () => {
    const views = peerViews(
      60, { information: 50, utforande: 70 }, own,
      [
        { code: "Y", name: "Ypsilon", score: scoreRow({ municipality: "Y", year: 2022, total: 55, rank: 3 }), indicators: undefined },
        { code: "X", name: "Xköping", score: scoreRow({ municipality: "X", year: 2022, total: 65, rank: 1, information: 58, utforande: 71 }), indicators: peerX },
      ],
      new Map([["information", "Information"], ["utforande", "Utförande"]]), new Map([["U21468", "Nöjd"], ["U21475", "Tid"]]),
      new Set(["U21341", "U21342"]),
    );
    expect(views.map((v) => v.code)).toEqual(["X", "Y"]);
    expect(views[0].better).toBe(true);
    expect(views[0].aheadSubIndices).toEqual([{ id: "information", name: "Information", gap: 8 }]);
    // coded: (0.0079·100 + 0.0079·0)/0.0158 = +50 at weight 0.79 > U21468's 0.64
    expect(views[0].aheadIndicators).toEqual([
      { id: CODED_GROUP.id, name: CODED_GROUP.name, gap: 50 },
      { id: "U21468", name: "Nöjd", gap: 8 },
    ]);
    expect(views[1]).toMatchObject({ better: false, aheadSubIndices: [], aheadIndicators: [] });
  });
});

describe("buildMunicipalityView", () => {
  // Four municipalities: A and B in kommungrupp K1, C and D in K2; A's peers are B, C and D.
  const municipalities: MunicipalityRow[] = [
    ["A", "K1", "B;C;D"], ["B", "K1", "A;C;D"], ["C", "K2", "A;B;D"], ["D", "K2", "A;B;C"],
  ].map(([code, k, peers]) => ({
    code, name: `Kommun ${code}`, county_code: "01", county: "Län", kommungrupp: k, kommungrupp_id: k, population: 1000,
    pop_65_79: 100, pop_80plus: 50, peer_group_id: "G", peers,
  }));
  const sub = (v: number) => ({ information: v, bistandshandlaggning: v, utforande: v, stod_utveckling: v });
  const scores: ScoreRow[] = [
    scoreRow({ municipality: "A", year: 2020, total: 60, rank: 3, ...sub(60) }),
    scoreRow({ municipality: "B", year: 2020, total: 70, rank: 1, ...sub(70) }),
    scoreRow({ municipality: "A", year: 2022, total: 64, rank: 2, rank_low: 1, rank_high: 3, group: "nära medel", ...sub(64) }),
    scoreRow({ municipality: "B", year: 2022, total: 70, rank: 1, ...sub(70) }),
    scoreRow({ municipality: "C", year: 2022, total: 50, rank: 4, ...sub(50) }),
    scoreRow({ municipality: "D", year: 2022, total: 60, rank: 3, ...sub(60), coverage: 0.5, flags: "lag_tackning" }),
    scoreRow({ municipality: "A", year: 2022, missing_rule: "noll", total: 64, rank: 4 }),
    scoreRow({ municipality: "0000", year: 2022, total: 99, ...sub(99), flags: "riket" }),
  ];
  const indicatorScores: IndicatorScoreRow[] = [
    indRow({ municipality: "A", indicator: "U21468", year: 2022, value: 80, score: 80 }),
    indRow({ municipality: "A", indicator: "U21475", year: 2022, value: null, score: null, missing: true }),
    indRow({ municipality: "0000", indicator: "U21468", year: 2022, value: 84, score: 84 }),
    ...["B", "C", "D"].map((c, i) => indRow({ municipality: c, indicator: "U21468", year: 2022, value: 70 + i, score: 70 + i })),
  ];
  const units: UnitRow[] = [
    { unit_id: "EX-A-01", name: "Norra (exempel)", municipality: "A", provider_type: "kommunal", synthetic: true, source: "exempeldata" },
    { unit_id: "EX-A-02", name: "Lärkan (exempel)", municipality: "A", provider_type: "privat", synthetic: true, source: "exempeldata" },
  ];
  const unitValues: UnitValueRow[] = [
    { unit_id: "EX-A-01", kpi: "U21468", year: 2022, value: 78, respondents: 120, status: null, synthetic: true, source: "exempeldata" },
    { unit_id: "EX-A-02", kpi: "U21468", year: 2022, value: 84, respondents: 20, status: null, synthetic: true, source: "exempeldata" },
    { unit_id: "EX-A-02", kpi: "U21468", year: 2020, value: 50, respondents: 20, status: null, synthetic: true, source: "exempeldata" },
  ];
  const unitScores: UnitScoreRow[] = [
    { year: 2022, unit_id: "EX-A-01", municipality: "A", weight_set: "std", missing_rule: "omv", ...sub(78), total: 78, respondents: 120,
      rank: 1, rank_low: 1, rank_high: 1, n_ranked: 1, coverage: 1, flags: "exempeldata", synthetic: true },
    { year: 2022, unit_id: "EX-A-02", municipality: "A", weight_set: "std", missing_rule: "omv", ...sub(84), total: 84, respondents: 20,
      rank: null, rank_low: null, rank_high: null, n_ranked: 1, coverage: 1, flags: "fa_svarande;exempeldata", synthetic: true },
  ];
  const values: ValueRow[] = [
    { kpi: "U23592", municipality: "A", year: 2022, gender: "T", value: 140, status: null, source: "kolada", fetched_at: "2024-08-31" },
    { kpi: "N21704", municipality: "A", year: 2020, gender: "T", value: 20.5, status: null, source: "kolada", fetched_at: "2024-08-31" },
  ];
  const catalogueRow = (id: string, level: "enhet" | "kommun") => ({
    id, kpi: id, name_sv: `Namn ${id}`, description_sv: `Andel som säger ${id}. Källa: X.`, source: "kolada",
    subIndex: "utforande", direction: "hogre_battre", rule: { kind: "andel" }, weight: 0.5, level, survey: true,
    firstYear: 2012, lastYear: null, rationale_sv: "", rule_sv: "",
  });
  const method = {
    publishedYears: [2020, 2022], defaultWeightSet: "std", defaultMissingRule: "omv", coverageLimit: 0.75,
    missingRules: [{ id: "omv", name_sv: "Omviktning", description_sv: "Räknas bort." }, { id: "noll", name_sv: "Noll", description_sv: "Ger 0." }],
    weightSets: [{ id: "std", version: "1", name_sv: "Standard", description_sv: "" }],
    subIndices: ["information", "bistandshandlaggning", "utforande", "stod_utveckling"].map((id) => ({ id, column: id, name_sv: id, description_sv: "" })),
    catalogue: [catalogueRow("U21468", "enhet"), catalogueRow("U21475", "enhet"), { ...catalogueRow("U21432", "kommun"), firstYear: null }],
    activeIndicatorsByYear: { "2020": ["U21468"], "2022": ["U21468", "U21475"] },
    flags: { lag_tackning: "Låg täckning.", riket: "Riket." },
  } as unknown as MethodDoc;
  // 2020 → 2022 on the one indicator both years have (U21468): A ranks 3 → 1 there, not 3 → 2 as published.
  const change = (municipality: string, weight_set: string, from: number, to: number): RankChangeRow => ({
    from_year: 2020, to_year: 2022, municipality, weight_set, missing_rule: "omv", rank_from: from, rank_low_from: from, rank_high_from: from + 1,
    total_from: 60, rank_to: to, rank_low_to: to, rank_high_to: to + 1, total_to: 64, n_ranked_from: 2, n_ranked_to: 3,
    places: null, verdict: "", certain: false, indicators: "U21468", same_indicators: false,
  });
  const rankChanges = [change("A", "std", 3, 1), change("A", "other", 3, 3)];
  const inputs: MunicipalityInputs = { municipalities, values, scores, indicatorScores, units, unitValues, unitScores, rankChanges, method };
  const ctx = prepareMunicipalityContext(inputs);
  const view = buildMunicipalityView(ctx, "A", fmt);

  it("uses the latest published year and the default weight set and rule", () => {
    expect(view.year).toBe(2022);
    expect(view.total).toMatchObject({ score: 64, rank: 2, rankLow: 1, rankHigh: 3, group: "nära medel", coverage: 1, lowCoverage: false, rankOtherMissingRule: 4 });
    expect(view.missingRule.name).toBe("Omviktning");
    expect(view.otherMissingRuleName).toBe("Noll");
  });

  it("compares sub-indices with the medians of the nation (Riket row excluded), kommungrupp and peers", () => {
    const u = view.subIndices.find((s) => s.id === "utforande")!;
    // nation: A 64, B 70, C 50, D 60 → median (60 + 64)/2 = 62; kommungrupp K1: A, B → 67; peers B, C, D → 60
    expect(u).toMatchObject({ municipality: 64, nation: 62, kommungrupp: 67, peers: 60 });
  });

  it("lists every indicator in use with raw value, nation value and peer median; missing ones openly", () => {
    expect(view.indicators.map((i) => i.id)).toEqual(["U21468", "U21475"]);
    expect(view.indicators[0]).toMatchObject({ value: 80, score: 80, nationValue: 84, peersValue: 71, peersScore: 71, missing: false });
    expect(view.missingIndicators.map((i) => i.id)).toEqual(["U21475"]);
    expect(view.unusedIndicators).toEqual([
      { id: "U21432", name: "Namn U21432", subIndex: "utforande", reason: "För få kommuner har värden 2022 (eller inga alls i underlaget)." },
    ]);
  });

  it("strength from the peers' median: 80 vs 71 with 140 respondents (need 1.645·√(.8·.2/140)·100 = 5.56)", () => {
    expect(view.strengths.map((s) => s.indicator)).toEqual(["U21468"]);
    expect(view.strengths[0].text).toBe("Fler än i liknande kommuner säger U21468 (80 mot 71 i liknande kommuner och 84 i riket).");
  });

  it("trend with rank movement on the common indicators (3 → 1 there: two places, though published 3 → 2)", () => {
    expect(view.trend.map((t) => [t.year, t.total, t.rank, t.change])).toEqual([[2020, 60, 3, null], [2022, 64, 2, 2]]);
    expect(view.trend[1].changeDetail).toMatchObject({ verdict: "steg", certain: true, sameIndicators: false, indicatorCount: 1 });
    expect(view.change).toMatchObject({ places: 2, from: { year: 2020, rank: 3, low: 3, high: 4 }, to: { year: 2022, rank: 1, low: 1, high: 2 } });
    expect(view.overallChange).toEqual(view.change);
    expect(view.indicatorSetChange).toEqual({ added: ["U21475"], dropped: [] });
    expect(view.trend[1].nationalMedian).toBe(62);
  });

  it("units: latest year, one value per unit, small-n flagged, example data said", () => {
    expect(view.units.year).toBe(2022);
    expect(view.units.synthetic).toBe(true);
    expect(view.units.values).toHaveLength(2);
    expect(view.units.indicators).toEqual([{ id: "U21468", name: "Namn U21468", municipalityValue: 80, nationValue: 84, key: true }]);
    expect(view.units.units.map((u) => [u.id, u.rank, u.small])).toEqual([["EX-A-01", 1, false], ["EX-A-02", null, true]]);
    expect(view.units.counts).toEqual({ kommunal: 1, privat: 1, small: 1, unknownN: 0 });
  });

  it("peers sorted by total, with the ones ahead marked", () => {
    expect(view.peers.map((p) => [p.code, p.better])).toEqual([["B", true], ["D", false], ["C", false]]);
    expect(view.peersMedianTotal).toBe(60);
  });

  it("context figures take the latest year up to the page's year", () => {
    expect(view.context.find((c) => c.kpi === "N21704")).toMatchObject({ value: 20.5, year: 2020 });
  });

  it("throws for an unknown code", () => {
    expect(() => buildMunicipalityView(ctx, "9999", fmt)).toThrow(/9999/);
  });
});
