import { describe, expect, it } from "vitest";
import { aggregate, aggregateTotals, columnWeights } from "./aggregate";
import { indistinguishable, rankIntervals, ranksFromKeys, resampleScores, streamFor, totalKey } from "./bootstrap";
import { CATALOGUE } from "./catalogue";
import { mulberry32 } from "./random";
import { SENIOR_SUB_INDEX_WEIGHTS, catalogueIndicatorWeights, yearWeights } from "./weights";
import { catalogueEntry } from "./catalogue";
import { runModel } from "./index";
import { competitionRanks } from "./ranking";
import { syntheticData } from "./testFixtures";

describe("resampling", () => {
  const ind = [catalogueEntry("U21468"), catalogueEntry("U21401")];
  const raw = Float64Array.from([80, 20, 60, 10]);
  const score = Float64Array.from([80, 100 * 5 / 17, 60, 100 * 15 / 17]);
  const input = { indicators: ind, raw, score, rows: 2, rowN: Float64Array.from([100, 10000]) };

  it("redraws survey shares only, around the point value, with spread shrinking as n grows", () => {
    const random = streamFor(1, "t");
    const out = new Float64Array(4);
    const draws: number[][] = [[], []];
    for (let s = 0; s < 4000; s++) {
      resampleScores(input, random, out);
      expect(out[1]).toBe(score[1]); // continuity is not a survey share: fixed
      draws[0].push(out[0]);
      draws[1].push(out[2]);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
    expect(mean(draws[0])).toBeCloseTo(80, 0);
    expect(sd(draws[0])).toBeCloseTo(100 * Math.sqrt((81 / 102) * (21 / 102) / 100), 0); // ≈ 4.0
    expect(sd(draws[1])).toBeLessThan(0.6); // n = 10 000
  });

  it("is reproducible for a seed and differs between seeds", () => {
    const a = new Float64Array(4), b = new Float64Array(4), c = new Float64Array(4);
    resampleScores(input, streamFor(7, "x"), a);
    resampleScores(input, streamFor(7, "x"), b);
    resampleScores(input, streamFor(8, "x"), c);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
});

describe("fast paths used inside the bootstrap", () => {
  it("ranks keys exactly like competitionRanks on the rounded totals", () => {
    const random = mulberry32(12);
    for (let t = 0; t < 50; t++) {
      const totals = Array.from({ length: 60 }, () => (random() < 0.1 ? NaN : Math.round(random() * 300) / 10 + 60));
      const keys = Int32Array.from(totals, totalKey);
      const out = new Int32Array(60);
      ranksFromKeys(keys, 0, 60, out, new Int32Array(1001));
      expect(Array.from(out)).toEqual(Array.from(competitionRanks(totals).ranks));
    }
  });
  it("computes both rules' totals in one pass, equal to aggregate()", () => {
    const random = mulberry32(13);
    const cw = columnWeights(CATALOGUE, yearWeights(SENIOR_SUB_INDEX_WEIGHTS, catalogueIndicatorWeights(), CATALOGUE),
      CATALOGUE.map(() => random() * 100));
    const rows = 50;
    const score = Float64Array.from({ length: rows * CATALOGUE.length }, () => (random() < 0.3 ? NaN : random() * 100));
    for (let i = 0; i < CATALOGUE.length; i++) score[i] = NaN; // row 0: nothing
    const omv = new Float64Array(rows), zero = new Float64Array(rows);
    aggregateTotals(score, rows, cw, omv, zero);
    const a = aggregate(score, rows, cw, "riksmedian").total, b = aggregate(score, rows, cw, "som-hemtjanstindex").total;
    expect(omv[0]).toBeNaN();
    expect(zero[0]).toBeNaN();
    for (let r = 1; r < rows; r++) {
      expect(omv[r]).toBe(a[r]); // same sums in the same order: the same doubles
      expect(zero[r]).toBe(b[r]);
    }
  });
});

describe("rank intervals and 'cannot be told apart'", () => {
  it("computes 90 % nearest-rank percentiles and always contains the point rank", () => {
    // 3 rows × 20 samples: row 1 is ahead of row 0 in replicate 0 and the 10 odd ones (11 of 20).
    const samples = 20, rows = 3;
    const totals = new Int32Array(samples * rows); // keys: tenths of a point
    for (let s = 0; s < samples; s++) {
      totals.set(s === 0 ? [500, 600, 400] : [700, 600 + (s % 2) * 150, 400], s * rows);
    }
    const point = competitionRanks([70, 60, 40]).ranks;
    const { low, high } = rankIntervals(totals, samples, rows, point);
    expect([low[0], high[0]]).toEqual([1, 2]); // ranks: nine 1s, eleven 2s → p5 = 1, p95 = 2
    expect([low[1], high[1]]).toEqual([1, 2]);
    expect([low[2], high[2]]).toEqual([3, 3]);
    for (let r = 0; r < rows; r++) expect(low[r] <= point[r] && point[r] <= high[r]).toBe(true);
    const apart = indistinguishable(totals, samples, rows, [true, true, true]);
    expect(apart[2]).toEqual([]); // always last
    expect(apart[0]).toEqual([1]); // 11 of 20 is between 5 % and 95 %
    expect(apart[1]).toEqual([0]);
  });
});

describe("bootstrap in the whole model", () => {
  const data = syntheticData({ municipalities: 30, seed: 4 });
  it("gives identical results for the same seed and different intervals for another seed", () => {
    const a = runModel(data, { bootstrapSamples: 60, seed: 1 });
    const b = runModel(data, { bootstrapSamples: 60, seed: 1 });
    const c = runModel(data, { bootstrapSamples: 60, seed: 2 });
    expect(JSON.stringify(b.scores)).toBe(JSON.stringify(a.scores));
    const intervals = (o: typeof a) => o.scores.map((r) => `${r.rank_low}-${r.rank_high}`).join(",");
    expect(intervals(c)).not.toBe(intervals(a));
    expect(c.scores.map((r) => r.rank)).toEqual(a.scores.map((r) => r.rank)); // point ranks don't depend on the seed
  });
  it("every interval contains its point rank and lies within 1..N", () => {
    const out = runModel(data, { bootstrapSamples: 80, seed: 3 });
    const ranked = out.scores.filter((r) => r.rank !== null);
    expect(ranked.length).toBeGreaterThan(0);
    for (const r of ranked) {
      expect(r.rank_low!).toBeLessThanOrEqual(r.rank!);
      expect(r.rank_high!).toBeGreaterThanOrEqual(r.rank!);
      expect(r.rank_low!).toBeGreaterThanOrEqual(1);
      expect(r.rank_high!).toBeLessThanOrEqual(r.n_ranked);
    }
    expect(ranked.some((r) => r.rank_high! > r.rank_low!)).toBe(true);
  });
  it("lists who cannot be told apart symmetrically, for the default set and rule", () => {
    const out = runModel(data, { bootstrapSamples: 80, seed: 3 });
    const rows = out.scores.filter((r) => r.year === 2022 && r.indistinguishable !== null);
    expect(rows.every((r) => r.weight_set === "seniorernas-prioritering" && r.missing_rule === "riksmedian")).toBe(true);
    const lists = new Map(rows.map((r) => [r.municipality, new Set(r.indistinguishable!.split(";").filter(Boolean))]));
    for (const [a, set] of lists) for (const b of set) expect(lists.get(b)?.has(a)).toBe(true);
    expect([...lists.values()].some((s) => s.size > 0)).toBe(true);
  });
});
