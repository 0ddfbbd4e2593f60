import { describe, expect, it } from "vitest";
import { columnWeights } from "./aggregate";
import { catalogueEntry } from "./catalogue";
import { effectiveWeights } from "./effectiveWeights";
import { SENIOR_SUB_INDEX_WEIGHTS, yearWeights } from "./weights";

describe("effective weights (hand-computed)", () => {
  // Two indicators, one in Information and one in Utförande, sub-index weights 0.5 / 0.5.
  const ind = [catalogueEntry("U21465"), catalogueEntry("U21468")];
  const w = yearWeights({ ...SENIOR_SUB_INDEX_WEIGHTS, information: 1, utforande: 1 }, { U21465: 1, U21468: 1 }, ind);
  const cw = columnWeights(ind, { subIndex: { information: 0.5, bistandshandlaggning: 0, utforande: 0.5, stod_utveckling: 0 }, indicator: w.indicator }, [10, 30]);

  it("splits the variance of the total: cov(c·x, T) / var(T), summing to 1", () => {
    // x1 = 0, 10, 20; x2 = 0, 0, 30 → contributions a = 0, 5, 10 and b = 0, 0, 15; T = 0, 5, 25.
    // var(T) = 175; cov(a, T) = 62.5 → 0.357142…; cov(b, T) = 112.5 → 0.642857…
    const score = Float64Array.from([0, 0, 10, 0, 20, 30]);
    const rows = effectiveWeights(2022, "s", ind, score, cw, [1, 1, 1]);
    expect(rows.map((r) => r.nominal)).toEqual([0.5, 0.5]);
    expect(rows[0].share).toBeCloseTo(62.5 / 175, 12);
    expect(rows[1].share).toBeCloseTo(112.5 / 175, 12);
    expect(rows[0].share + rows[1].share).toBeCloseTo(1, 12);
  });

  it("uses the neutral score for a missing value and only the included rows", () => {
    // Row 1 misses x2 → 30 (its neutral score); row 3 is not included.
    const score = Float64Array.from([0, 0, 10, NaN, 20, 30, 99, 99]);
    const rows = effectiveWeights(2022, "s", ind, score, cw, [1, 1, 1, 0]);
    // a = 0, 5, 10; b = 0, 15, 15; T = 0, 20, 25: var(T) = 175; cov(a, T) = 62.5; cov(b, T) = 112.5
    expect(rows[0].share).toBeCloseTo(62.5 / 175, 12);
    expect(rows[0].share + rows[1].share).toBeCloseTo(1, 12);
  });
});
