// Aggregation: sub-index = weighted mean of its indicator scores; total = weighted mean of the four
// sub-indices. Works on dense score matrices (rows × indicators) so the bootstrap can reuse it.

import type { CatalogueEntry, MissingRuleId, YearWeights } from "./types";
import { SUB_INDEX_IDS } from "./types";

export const N_SUB = SUB_INDEX_IDS.length;

/** Weights laid out for the matrix columns. */
export interface ColumnWeights {
  subOf: Int8Array; // sub-index position (0..3) of each column
  within: Float64Array; // weight within its sub-index
  sub: Float64Array; // weight of each sub-index (length 4)
  neutral: Float64Array; // score a missing value gets under "riksmedian" (the year's national median)
}

/** `neutral`: each column's neutral score (YearMatrix.neutral), used by the "riksmedian" rule. */
export function columnWeights(
  indicators: readonly CatalogueEntry[], w: YearWeights, neutral: ArrayLike<number>,
): ColumnWeights {
  if (neutral.length !== indicators.length) {
    throw new Error(`columnWeights: ${neutral.length} neutral scores for ${indicators.length} indicators`);
  }
  const subOf = new Int8Array(indicators.length);
  const within = new Float64Array(indicators.length);
  indicators.forEach((e, i) => {
    subOf[i] = SUB_INDEX_IDS.indexOf(e.subIndex);
    within[i] = w.indicator[e.id] ?? 0;
  });
  const sub = Float64Array.from(SUB_INDEX_IDS, (s) => w.subIndex[s] ?? 0);
  return { subOf, within, sub, neutral: Float64Array.from(neutral) };
}

export interface Aggregates {
  sub: Float64Array; // rows × 4, NaN where the sub-index has no value
  total: Float64Array; // NaN where no indicator has a value
  coverage: Float64Array; // share of total weight resting on actual values, 0..1
  present: Uint8Array; // rows × 4: 1 when the sub-index has at least one value (independent of the rule)
}

export function allocateAggregates(rows: number): Aggregates {
  return {
    sub: new Float64Array(rows * N_SUB), total: new Float64Array(rows), coverage: new Float64Array(rows),
    present: new Uint8Array(rows * N_SUB),
  };
}

/**
 * Aggregate a score matrix (rows × columns, NaN = missing) under one missing-data rule.
 * - "riksmedian": a missing indicator gets its neutral score (the national median of the year), so the
 *   sub-index is Σ w·x̃ over all indicators in use (within weights sum to 1). A sub-index without any
 *   value of its own is published as missing (NaN) but enters the total with its neutral value.
 * - "som-hemtjanstindex": a missing indicator scores 0.
 * Coverage is the share of the total weight resting on actual values under both rules. A row with no
 * value at all gets NaN (not ranked) under both rules.
 */
export function aggregate(
  score: Float64Array, rows: number, cw: ColumnWeights, rule: MissingRuleId,
  out: Aggregates = allocateAggregates(rows),
): Aggregates {
  const nInd = cw.within.length;
  const num = new Float64Array(N_SUB);
  const den = new Float64Array(N_SUB);
  const zero = rule === "som-hemtjanstindex";
  const { subOf, within, neutral } = cw;
  for (let r = 0; r < rows; r++) {
    num.fill(0);
    den.fill(0);
    const base = r * nInd;
    for (let i = 0; i < nInd; i++) {
      const x = score[base + i];
      const w = within[i];
      if (x === x) { // not NaN
        num[subOf[i]] += w * x;
        den[subOf[i]] += w;
      } else if (!zero) {
        num[subOf[i]] += w * neutral[i];
      }
    }
    let coverage = 0, total = 0;
    const none = coverageOfRowIsZero(den);
    for (let s = 0; s < N_SUB; s++) {
      const W = cw.sub[s];
      coverage += W * den[s];
      const value = num[s]; // within weights of the indicators in use sum to 1
      out.sub[r * N_SUB + s] = none || (!zero && den[s] === 0) ? NaN : value;
      out.present[r * N_SUB + s] = den[s] > 0 ? 1 : 0;
      total += W * value;
    }
    out.coverage[r] = coverage;
    out.total[r] = coverage <= 0 ? NaN : total;
  }
  return out;
}

/**
 * Totals only, for both missing rules in one pass (the bootstrap's inner loop). The same doubles as
 * aggregate(...).total under "riksmedian" and "som-hemtjanstindex" (same order of summation).
 */
export function aggregateTotals(
  score: Float64Array, rows: number, cw: ColumnWeights, median: Float64Array, zero: Float64Array,
): void {
  const nInd = cw.within.length;
  const numZ = new Float64Array(N_SUB), numM = new Float64Array(N_SUB), den = new Float64Array(N_SUB);
  const { subOf, within, sub, neutral } = cw;
  for (let r = 0; r < rows; r++) {
    numZ.fill(0);
    numM.fill(0);
    den.fill(0);
    const base = r * nInd;
    for (let i = 0; i < nInd; i++) {
      const x = score[base + i];
      const w = within[i];
      if (x === x) {
        numZ[subOf[i]] += w * x;
        numM[subOf[i]] += w * x;
        den[subOf[i]] += w;
      } else {
        numM[subOf[i]] += w * neutral[i];
      }
    }
    let coverage = 0, tz = 0, tm = 0;
    for (let s = 0; s < N_SUB; s++) {
      const W = sub[s];
      coverage += W * den[s];
      tz += W * numZ[s];
      tm += W * numM[s];
    }
    zero[r] = coverage > 0 ? tz : NaN;
    median[r] = coverage > 0 ? tm : NaN;
  }
}

function coverageOfRowIsZero(den: Float64Array): boolean {
  for (let s = 0; s < den.length; s++) if (den[s] > 0) return false;
  return true;
}
