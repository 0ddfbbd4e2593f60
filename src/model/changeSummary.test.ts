import { describe, expect, it } from "vitest";
import { changeComparisons } from "./changeSummary";
import type { RankChangeRow, ScoreRow } from "./outputTables";

const score = (year: number, municipality: string, rank: number, low: number, high: number): ScoreRow => ({
  year, municipality, weight_set: "w", missing_rule: "r", information: null, bistandshandlaggning: null, utforande: null,
  stod_utveckling: null, total: 50, rank, rank_low: low, rank_high: high, n_ranked: 3, group: null, coverage: 1, flags: "",
  missing_indicators: "", indistinguishable: null, rank_shift_weight_set: null, rank_shift_missing_rule: null,
});
const change = (municipality: string, from: [number, number, number], to: [number, number, number], verdict: string): RankChangeRow => ({
  from_year: 2020, to_year: 2022, municipality, weight_set: "w", missing_rule: "r",
  rank_from: from[0], rank_low_from: from[1], rank_high_from: from[2], total_from: 50,
  rank_to: to[0], rank_low_to: to[1], rank_high_to: to[2], total_to: 50, n_ranked_from: 3, n_ranked_to: 3,
  places: from[0] - to[0], verdict, certain: verdict === "steg" || verdict === "föll", indicators: "U1;U2", same_indicators: false,
});

describe("changeComparisons", () => {
  // Published: A 3 (3–3) → 1 (1–1) is certain; on the common set A 3 → 2 (2–3) overlaps. B and C as published.
  const scores = [
    score(2020, "A", 3, 3, 3), score(2022, "A", 1, 1, 1),
    score(2020, "B", 1, 1, 1), score(2022, "B", 3, 3, 3),
    score(2020, "C", 2, 2, 2), score(2022, "C", 2, 2, 2),
  ];
  const changes = [
    change("A", [3, 3, 3], [2, 2, 3], "oförändrad"),
    change("B", [1, 1, 1], [3, 3, 3], "föll"),
    change("C", [2, 2, 2], [1, 1, 1], "steg"),
  ];
  const [c] = changeComparisons(changes, scores, new Map([[2020, [1, 2]], [2022, [1, 2, 3]]]), "w", "r");

  it("counts the indicators compared and in use each year", () => {
    expect(c).toMatchObject({ fromYear: 2020, toYear: 2022, indicators: 2, indicatorsFrom: 2, indicatorsTo: 3, compared: 3 });
  });
  it("measures how far the comparable rank lies from the published one: |1−2|, |3−3|, |2−1| → median 1, max 1", () => {
    expect([c.medianShiftTo, c.maxShiftTo]).toEqual([1, 1]);
  });
  it("counts certain changes on the common set and, beside them, on the published ranks", () => {
    expect([c.certainUp, c.certainDown]).toEqual([1, 1]);
    expect([c.publishedCertainUp, c.publishedCertainDown]).toEqual([1, 1]); // A up, B down; C unchanged
  });
});
