import { describe, expect, it } from "vitest";
import { aggregate, columnWeights } from "./aggregate";
import { CATALOGUE, catalogueEntry } from "./catalogue";
import { mulberry32 } from "./random";
import type { SubIndexId } from "./types";
import { validateCustomWeights, yearWeights, SENIOR_SUB_INDEX_WEIGHTS } from "./weights";

// Five indicators, one or two per sub-index; weights 0.2/0.25/0.4/0.15 between sub-indices.
const IND = ["U21465", "U21464", "U21472", "U21468", "U23593"].map(catalogueEntry);
const W = yearWeights(SENIOR_SUB_INDEX_WEIGHTS, { U21465: 1, U21464: 1, U21472: 1, U21468: 1, U23593: 1 }, IND);
// Neutral scores (the year's national medians) of the five indicators.
const NEUTRAL = [60, 50, 70, 85, 40];
const CW = columnWeights(IND, W, NEUTRAL);
const N = NaN;
// rows: complete; two missing (B and the only Stöd och utveckling indicator); nothing
const SCORES = Float64Array.from([80, 60, 70, 90, 50, 80, N, 70, 90, N, N, N, N, N, N]);

describe("aggregation (hand-computed)", () => {
  it("normalises weights within each sub-index", () => {
    expect(W.indicator).toEqual({ U21465: 0.5, U21464: 0.5, U21472: 1, U21468: 1, U23593: 1 });
  });
  it("computes sub-indices and the total as weighted means", () => {
    const a = aggregate(SCORES, 3, CW, "riksmedian");
    expect(aggregate(SCORES, 3, CW, "som-hemtjanstindex").total[0]).toBe(a.total[0]); // complete: rules agree
    expect(Array.from(a.sub.slice(0, 4))).toEqual([70, 70, 90, 50]);
    expect(a.total[0]).toBeCloseTo(0.2 * 70 + 0.25 * 70 + 0.4 * 90 + 0.15 * 50, 12); // 75
    expect(a.coverage[0]).toBeCloseTo(1, 12);
  });
  it("gives a missing indicator exactly the neutral score under riksmedian", () => {
    const a = aggregate(SCORES, 3, CW, "riksmedian");
    expect(a.sub[4]).toBe(0.5 * 80 + 0.5 * 50); // information: A 80, B missing → its median 50: 65
    expect(a.sub[5]).toBe(70);
    expect(a.sub[6]).toBe(90);
    expect(a.sub[7]).toBeNaN(); // Stöd och utveckling: no value of its own → not published …
    // … but it enters the total at its neutral score 40: 0.2·65 + 0.25·70 + 0.4·90 + 0.15·40 = 72.5
    expect(a.total[1]).toBeCloseTo(72.5, 12);
    expect(a.coverage[1]).toBeCloseTo(0.2 * 0.5 + 0.25 + 0.4, 12); // 0.75
    expect(Array.from(a.present.slice(4, 8))).toEqual([1, 1, 1, 0]);
    // Same as the complete row with the medians written in: a missing value is the median, no more, no less.
    const filled = Float64Array.from([80, 50, 70, 90, 40]);
    expect(aggregate(filled, 1, CW, "riksmedian").total[0]).toBe(a.total[1]);
  });
  it("neither lifts nor sinks: a municipality at the median on every indicator stays at the median total", () => {
    const median = Float64Array.from(NEUTRAL);
    const oneMissing = Float64Array.from([60, NaN, 70, 85, 40]);
    const t = aggregate(median, 1, CW, "riksmedian").total[0];
    expect(aggregate(oneMissing, 1, CW, "riksmedian").total[0]).toBe(t);
    expect(aggregate(oneMissing, 1, CW, "som-hemtjanstindex").total[0]).toBeLessThan(t); // 0 sinks it
  });
  it("scores missing indicators 0 under som-hemtjanstindex", () => {
    const a = aggregate(SCORES, 3, CW, "som-hemtjanstindex");
    expect(Array.from(a.sub.slice(4, 8))).toEqual([40, 70, 90, 0]);
    expect(a.total[1]).toBeCloseTo(0.2 * 40 + 0.25 * 70 + 0.4 * 90, 12); // 61.5
    expect(a.coverage[1]).toBeCloseTo(0.75, 12);
  });
  it("gives no total to a row without any value, under both rules", () => {
    for (const rule of ["riksmedian", "som-hemtjanstindex"] as const) {
      const a = aggregate(SCORES, 3, CW, rule);
      expect(a.total[2]).toBeNaN();
      expect(a.coverage[2]).toBe(0);
    }
  });
});

describe("aggregation properties", () => {
  const random = mulberry32(99);
  const subs: SubIndexId[] = ["information", "bistandshandlaggning", "utforande", "stod_utveckling"];

  function randomCase() {
    const active = CATALOGUE.filter(() => random() < 0.7);
    for (const s of subs) if (!active.some((e) => e.subIndex === s)) active.push(CATALOGUE.find((e) => e.subIndex === s)!);
    const sub = Object.fromEntries(subs.map((s) => [s, random() + 0.01])) as Record<SubIndexId, number>;
    const ind = Object.fromEntries(CATALOGUE.map((e) => [e.id, random()]));
    const score = Float64Array.from(active, () => (random() < 0.2 ? NaN : random() * 100));
    return { active, sub, ind, score };
  }

  it("never lowers the total when one indicator improves (both rules, 300 random cases)", () => {
    for (let t = 0; t < 300; t++) {
      const { active, sub, ind, score } = randomCase();
      const cw = columnWeights(active, yearWeights(sub, ind, active), active.map(() => random() * 100));
      const present = score.findIndex((x) => x === x && x < 100);
      if (present < 0) continue;
      const better = Float64Array.from(score);
      better[present] = Math.min(100, better[present] + random() * 30 + 0.1);
      for (const rule of ["riksmedian", "som-hemtjanstindex"] as const) {
        const before = aggregate(score, 1, cw, rule).total[0];
        const after = aggregate(better, 1, cw, rule).total[0];
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      }
    }
  });

  it("gives the same results when all weights are multiplied by a constant", () => {
    for (let t = 0; t < 100; t++) {
      const { active, sub, ind, score } = randomCase();
      const c = 0.001 + random() * 1000;
      const a = validateCustomWeights({ subIndex: sub, indicator: ind });
      const b = validateCustomWeights({
        subIndex: Object.fromEntries(Object.entries(sub).map(([k, v]) => [k, v * c])),
        indicator: Object.fromEntries(Object.entries(ind).map(([k, v]) => [k, v * c])),
      });
      if (!a.ok || !b.ok) throw new Error("valid weights rejected");
      const neutral = active.map(() => 50);
      for (const rule of ["riksmedian", "som-hemtjanstindex"] as const) {
        const ta = aggregate(score, 1, columnWeights(active, yearWeights(a.subIndex, a.indicator, active), neutral), rule);
        const tb = aggregate(score, 1, columnWeights(active, yearWeights(b.subIndex, b.indicator, active), neutral), rule);
        expect(tb.total[0]).toBeCloseTo(ta.total[0], 9);
        expect(tb.coverage[0]).toBeCloseTo(ta.coverage[0], 9);
      }
    }
  });
});
