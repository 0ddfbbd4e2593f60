// Uncertainty: a seeded parametric bootstrap over the survey's respondent counts.
// In each replicate every survey share is redrawn from its sampling distribution (normal approximation
// to the binomial with n respondents), the whole model is recomputed and the entries re-ranked. The
// 5th and 95th percentiles of the replicate ranks give the 90 % interval of each rank.

import type { Random } from "./random";
import { mulberry32, normal, seedFromString } from "./random";
import { competitionRanks } from "./ranking";
import { scoreIndicator } from "./scoring";
import type { CatalogueEntry } from "./types";

export const DEFAULT_BOOTSTRAP_SAMPLES = 200;
export const DEFAULT_SEED = 20240601;
/** Assumed correlation between the sampling errors of survey items answered by the same people. */
export const ITEM_ERROR_CORRELATION = 0.5;
export const INTERVAL_LEVEL = 0.9;

export const BOOTSTRAP_RULE_SV: readonly string[] = [
  "Osäkerheten beräknas med en parametrisk bootstrap med fast slumpfrö, så att resultatet blir " +
    "detsamma vid varje körning. I varje omgång dras varje enkätandel på nytt utifrån antalet svarande " +
    "(kommunens antal svarande, U23592; för enheter enhetens antal svarande), hela modellen räknas om " +
    "och kommunerna rangordnas på nytt.",
  "Dragningen använder normalapproximationen av binomialfördelningen, med andelen justerad som " +
    "(svar + 1)/(n + 2) så att även 0 % och 100 % får en osäkerhet. Frågorna besvaras av samma " +
    `personer; felen antas därför vara korrelerade (korrelation ${ITEM_ERROR_CORRELATION}).`,
  "Rangens 90-procentiga intervall går från den 5:e till den 95:e percentilen av rangerna i " +
    "omgångarna och utvidgas vid behov så att det alltid innehåller den skattade rangen.",
  "Två kommuner kan inte skiljas åt när den ena ligger före den andra i mellan 5 % och 95 % av " +
    "omgångarna.",
  "Mått som inte kommer från enkäten (personalkontinuitet, välfärdsteknik, svarsfrekvens) har ingen " +
    "urvalsosäkerhet i modellen och hålls fasta. Saknas antal svarande för en kommun används årets " +
    "median, och resultatet flaggas.",
];

export function streamFor(seed: number, label: string): Random {
  return mulberry32(seedFromString(`${seed >>> 0}:${label}`));
}

/** A matrix whose survey cells can be redrawn. */
export interface ResampleInput {
  indicators: readonly CatalogueEntry[];
  raw: Float64Array; // rows × indicators, NaN missing
  score: Float64Array; // point scores, same shape
  rows: number;
  rowN: Float64Array; // respondents per row (fallback for cells)
  cellN?: Float64Array; // respondents per cell (units), NaN → rowN
  unit?: boolean; // score with unit rules
}

/** Draw one replicate of the score matrix into `out`. */
export function resampleScores(input: ResampleInput, random: Random, out: Float64Array): Float64Array {
  const { indicators, raw, score, rows, rowN, cellN } = input;
  const nInd = indicators.length;
  out.set(score);
  const a = Math.sqrt(ITEM_ERROR_CORRELATION), b = Math.sqrt(1 - ITEM_ERROR_CORRELATION);
  for (let r = 0; r < rows; r++) {
    const common = normal(random);
    for (let i = 0; i < nInd; i++) {
      const entry = indicators[i];
      if (!entry.survey) continue;
      const k = r * nInd + i;
      const p = raw[k];
      if (p !== p) continue;
      let n = cellN ? cellN[k] : NaN;
      if (!(n > 0)) n = rowN[r];
      if (!(n > 0)) continue;
      const q = (p / 100) * n;
      const pt = (q + 1) / (n + 2);
      const z = a * common + b * normal(random);
      const draw = Math.min(1, Math.max(0, p / 100 + Math.sqrt((pt * (1 - pt)) / n) * z)) * 100;
      out[k] = scoreIndicator(entry, draw, input.unit === true);
    }
  }
  return out;
}

/** Percentile by the nearest-rank method on a sorted array. */
function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const k = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[k - 1];
}

/**
 * Rank intervals from replicate totals (samples × rows, rounded, NaN = not ranked) and point ranks.
 * `groups` (optional) ranks rows only within their group (units within a municipality).
 */
export function rankIntervals(
  totals: Float64Array, samples: number, rows: number, pointRanks: Int32Array,
  groups?: readonly number[][],
): { low: Int32Array; high: Int32Array } {
  const low = Int32Array.from(pointRanks), high = Int32Array.from(pointRanks);
  if (samples === 0) return { low, high };
  const ranks = new Int32Array(samples * rows);
  const parts = groups ?? [Array.from({ length: rows }, (_, i) => i)];
  for (let s = 0; s < samples; s++) {
    for (const part of parts) {
      const vals = part.map((r) => totals[s * rows + r]);
      const { ranks: rk } = competitionRanks(vals);
      part.forEach((r, j) => (ranks[s * rows + r] = rk[j]));
    }
  }
  const column = new Int32Array(samples);
  const alpha = (1 - INTERVAL_LEVEL) / 2;
  for (let r = 0; r < rows; r++) {
    if (pointRanks[r] === 0) continue;
    for (let s = 0; s < samples; s++) column[s] = ranks[s * rows + r];
    column.sort();
    low[r] = Math.min(pointRanks[r], nearestRank(column, alpha));
    high[r] = Math.max(pointRanks[r], nearestRank(column, 1 - alpha));
  }
  return { low, high };
}

/**
 * For each ranked row, the rows it cannot be told apart from: the other is ahead in at least 5 % and
 * at most 95 % of the replicates (ties count half).
 */
export function indistinguishable(
  totals: Float64Array, samples: number, rows: number, ranked: readonly boolean[],
): number[][] {
  const result: number[][] = Array.from({ length: rows }, () => []);
  if (samples === 0) return result;
  const lo = ((1 - INTERVAL_LEVEL) / 2) * samples, hi = (1 - (1 - INTERVAL_LEVEL) / 2) * samples;
  const idx = ranked.flatMap((ok, r) => (ok ? [r] : []));
  for (let x = 0; x < idx.length; x++) {
    for (let y = x + 1; y < idx.length; y++) {
      const a = idx[x], b = idx[y];
      let ahead = 0;
      for (let s = 0; s < samples; s++) {
        const ta = totals[s * rows + a], tb = totals[s * rows + b];
        ahead += tb > ta ? 1 : tb === ta ? 0.5 : 0;
      }
      if (ahead >= lo && ahead <= hi) {
        result[a].push(b);
        result[b].push(a);
      }
    }
  }
  return result;
}

