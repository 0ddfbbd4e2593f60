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
}

export function columnWeights(indicators: readonly CatalogueEntry[], w: YearWeights): ColumnWeights {
  const subOf = new Int8Array(indicators.length);
  const within = new Float64Array(indicators.length);
  indicators.forEach((e, i) => {
    subOf[i] = SUB_INDEX_IDS.indexOf(e.subIndex);
    within[i] = w.indicator[e.id] ?? 0;
  });
  const sub = Float64Array.from(SUB_INDEX_IDS, (s) => w.subIndex[s] ?? 0);
  return { subOf, within, sub };
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
 * - "omviktning": missing indicators are left out and the weight is spread over those present in the
 *   sub-index; a sub-index with nothing is left out and the total spread over the others.
 * - "som-hemtjanstindex": a missing indicator scores 0.
 * A row with no value at all gets NaN (not ranked) under both rules.
 */
export function aggregate(
  score: Float64Array, rows: number, cw: ColumnWeights, rule: MissingRuleId,
  out: Aggregates = allocateAggregates(rows),
): Aggregates {
  const nInd = cw.within.length;
  const num = new Float64Array(N_SUB);
  const den = new Float64Array(N_SUB);
  const zero = rule === "som-hemtjanstindex";
  for (let r = 0; r < rows; r++) {
    num.fill(0);
    den.fill(0);
    const base = r * nInd;
    for (let i = 0; i < nInd; i++) {
      const x = score[base + i];
      if (x === x) { // not NaN
        const w = cw.within[i];
        num[cw.subOf[i]] += w * x;
        den[cw.subOf[i]] += w;
      }
    }
    let coverage = 0, total = 0, wsum = 0;
    for (let s = 0; s < N_SUB; s++) {
      const W = cw.sub[s];
      coverage += W * den[s];
      let value: number;
      if (zero) value = num[s]; // within weights of active indicators sum to 1 → missing counts as 0
      else value = den[s] > 0 ? num[s] / den[s] : NaN;
      out.sub[r * N_SUB + s] = zero && den[s] === 0 && coverageOfRowIsZero(den) ? NaN : value;
      out.present[r * N_SUB + s] = den[s] > 0 ? 1 : 0;
      if (value === value && (zero || den[s] > 0)) {
        total += W * value;
        wsum += W;
      }
    }
    out.coverage[r] = coverage;
    if (coverage <= 0) out.total[r] = NaN;
    else out.total[r] = zero ? total : wsum > 0 ? total / wsum : NaN;
  }
  return out;
}

/**
 * Totals only, for both missing rules in one pass (the bootstrap's inner loop). Same results as
 * aggregate(...).total under "omviktning" and "som-hemtjanstindex".
 */
export function aggregateTotals(
  score: Float64Array, rows: number, cw: ColumnWeights, omviktning: Float64Array, zero: Float64Array,
): void {
  const nInd = cw.within.length;
  const num = new Float64Array(N_SUB), den = new Float64Array(N_SUB);
  const { subOf, within, sub } = cw;
  for (let r = 0; r < rows; r++) {
    num.fill(0);
    den.fill(0);
    const base = r * nInd;
    for (let i = 0; i < nInd; i++) {
      const x = score[base + i];
      if (x === x) {
        const w = within[i];
        num[subOf[i]] += w * x;
        den[subOf[i]] += w;
      }
    }
    let coverage = 0, tz = 0, to = 0, wo = 0;
    for (let s = 0; s < N_SUB; s++) {
      const W = sub[s];
      coverage += W * den[s];
      tz += W * num[s];
      if (den[s] > 0) {
        to += (W * num[s]) / den[s];
        wo += W;
      }
    }
    zero[r] = coverage > 0 ? tz : NaN;
    omviktning[r] = coverage > 0 && wo > 0 ? to / wo : NaN;
  }
}

function coverageOfRowIsZero(den: Float64Array): boolean {
  for (let s = 0; s < den.length; s++) if (den[s] > 0) return false;
  return true;
}
