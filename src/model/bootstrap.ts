// Uncertainty: a seeded parametric bootstrap over the survey's respondent counts.
// In each replicate every survey share is redrawn from its sampling distribution (normal approximation
// to the binomial with n respondents), the whole model is recomputed and the entries re-ranked. The
// 5th and 95th percentiles of the replicate ranks give the 90 % interval of each rank.

import type { Random } from "./random";
import { fillNormalFast, mulberry32, seedFromString } from "./random";
import type { ColumnWeights } from "./aggregate";
import { aggregateTotals } from "./aggregate";
import { scoreIndicator } from "./scoring";
import type { MissingRuleId } from "./types";
import type { CatalogueEntry } from "./types";

export const DEFAULT_BOOTSTRAP_SAMPLES = 2000;
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
  skip?: ArrayLike<boolean>; // rows never ranked: not redrawn (keeps their point scores)
  correlation?: number; // error correlation between items of a row (default ITEM_ERROR_CORRELATION)
}

/** The survey cells of a matrix with their means and standard deviations, computed once per matrix. */
export interface PreparedResample {
  score: Float64Array;
  rowStart: Int32Array; // cells of row r: rowStart[r] .. rowStart[r + 1]
  cell: Int32Array; // index into the score matrix
  mean: Float64Array; // share 0..1
  sd: Float64Array; // sampling standard deviation of the share
  entry: (CatalogueEntry | null)[]; // null: scored as the share itself
  unit: boolean;
  correlation: number;
}

export function prepareResample(input: ResampleInput): PreparedResample {
  const { indicators, raw, rows, rowN, cellN } = input;
  const nInd = indicators.length;
  const unit = input.unit === true;
  const rowStart = new Int32Array(rows + 1);
  const cell: number[] = [], mean: number[] = [], sd: number[] = [];
  const entry: (CatalogueEntry | null)[] = [];
  for (let r = 0; r < rows; r++) {
    rowStart[r] = cell.length;
    if (input.skip?.[r]) continue;
    for (let i = 0; i < nInd; i++) {
      const e = indicators[i];
      if (!e.survey) continue;
      const k = r * nInd + i;
      const p = raw[k];
      if (p !== p) continue;
      let n = cellN ? cellN[k] : NaN;
      if (!(n > 0)) n = rowN[r];
      if (!(n > 0)) continue;
      const share = p / 100;
      const pt = (share * n + 1) / (n + 2);
      const rule = unit && e.unitRule ? e.unitRule : e.rule;
      cell.push(k);
      mean.push(share);
      sd.push(Math.sqrt((pt * (1 - pt)) / n));
      entry.push(rule.kind === "andel" && e.direction === "hogre_battre" ? null : e);
    }
  }
  rowStart[rows] = cell.length;
  return {
    score: input.score, rowStart, cell: Int32Array.from(cell), mean: Float64Array.from(mean),
    sd: Float64Array.from(sd), entry, unit, correlation: input.correlation ?? ITEM_ERROR_CORRELATION,
  };
}

/** Draw one replicate into `out`: per row one common normal, then one per survey cell. */
export function resamplePrepared(p: PreparedResample, random: Random, out: Float64Array, z: Float64Array): void {
  out.set(p.score);
  const a = Math.sqrt(p.correlation), b = Math.sqrt(1 - p.correlation);
  const rows = p.rowStart.length - 1;
  for (let r = 0; r < rows; r++) {
    const from = p.rowStart[r], to = p.rowStart[r + 1];
    if (from === to) continue; // no survey cell (or a row never ranked): nothing to draw
    fillNormalFast(random, z, to - from + 1);
    const common = a * z[0];
    for (let c = from; c < to; c++) {
      const drawn = p.mean[c] + p.sd[c] * (common + b * z[c - from + 1]);
      const draw = (drawn < 0 ? 0 : drawn > 1 ? 1 : drawn) * 100;
      const e = p.entry[c];
      out[p.cell[c]] = e === null ? draw : scoreIndicator(e, draw, p.unit);
    }
  }
}

/** Draw one replicate of the score matrix into `out` (prepares on every call; see bootstrapKeys). */
export function resampleScores(input: ResampleInput, random: Random, out: Float64Array): Float64Array {
  const p = prepareResample(input);
  resamplePrepared(p, random, out, new Float64Array(input.indicators.length + 2));
  return out;
}

/** The integer a published total is ranked on: tenths of a point (0..1000); −1 = not ranked. */
export function totalKey(total: number): number {
  if (total !== total) return -1;
  const k = Math.round(total * 10 + 1e-9);
  return k < 0 ? 0 : k > 1000 ? 1000 : k;
}

/**
 * Competition ranks (higher key first, ties share) of keys[offset..offset+rows) into out; 0 = not
 * ranked. With `counts`, only those rows form the ranking and the others get the place they would
 * take (see ranksAgainst).
 */
export function ranksFromKeys(
  keys: Int32Array, offset: number, rows: number, out: Int32Array, hist: Int32Array, counts?: Uint8Array,
): void {
  hist.fill(0);
  for (let r = 0; r < rows; r++) {
    const k = keys[offset + r];
    if (k >= 0 && (!counts || counts[r])) hist[k]++;
  }
  let above = 0;
  for (let k = 1000; k >= 0; k--) {
    const c = hist[k];
    hist[k] = above + 1; // rank of key k
    above += c;
  }
  for (let r = 0; r < rows; r++) {
    const k = keys[offset + r];
    out[r] = k >= 0 ? hist[k] : 0;
  }
}

/** The nearest-rank method's position (1-based) of percentile p among n sorted values. */
function nearestRankIndex(n: number, p: number): number {
  return Math.min(n, Math.max(1, Math.ceil(p * n)));
}

/**
 * Rank intervals from replicate keys (samples × rows, see totalKey) and the point ranks.
 * `groups` (optional) ranks rows only within their group (units within a municipality); `counts`
 * (optional) limits who forms the ranking, as in ranksFromKeys.
 */
export function rankIntervals(
  keys: Int32Array, samples: number, rows: number, pointRanks: Int32Array,
  groups?: readonly number[][], counts?: Uint8Array,
): { low: Int32Array; high: Int32Array } {
  const low = Int32Array.from(pointRanks), high = Int32Array.from(pointRanks);
  if (samples === 0) return { low, high };
  // Histogram of each row's replicate ranks (ranks are small integers: 1..rows, or 1..group size), so
  // the percentiles need no sort and no samples × rows matrix.
  const maxRank = groups ? Math.max(1, ...groups.map((g) => g.length)) : rows;
  const width = maxRank + 1;
  const hist = new Int32Array(rows * width);
  const keyHist = new Int32Array(1001), one = new Int32Array(rows);
  const members = Int32Array.from((groups ?? []).flat());
  const starts = Int32Array.from([0, ...(groups ?? []).map((g) => g.length)].map((_, i, a) => a.slice(0, i + 1).reduce((x, y) => x + y, 0)));
  for (let s = 0; s < samples; s++) {
    const off = s * rows;
    if (!groups) {
      ranksFromKeys(keys, off, rows, one, keyHist, counts);
      for (let r = 0; r < rows; r++) if (one[r] > 0) hist[r * width + one[r]]++;
      continue;
    }
    for (let g = 0; g + 1 < starts.length; g++) {
      const from = starts[g], to = starts[g + 1];
      for (let a = from; a < to; a++) {
        const r = members[a];
        const k = keys[off + r];
        if (k < 0) continue;
        let better = 0;
        for (let b = from; b < to; b++) if (keys[off + members[b]] > k) better++;
        hist[r * width + better + 1]++;
      }
    }
  }
  const alpha = (1 - INTERVAL_LEVEL) / 2;
  const kLow = nearestRankIndex(samples, alpha), kHigh = nearestRankIndex(samples, 1 - alpha);
  for (let r = 0; r < rows; r++) {
    if (pointRanks[r] === 0) continue;
    let seen = 0, lo = -1, hi = -1;
    for (let v = 1; v < width && hi < 0; v++) {
      seen += hist[r * width + v];
      if (lo < 0 && seen >= kLow) lo = v;
      if (seen >= kHigh) hi = v;
    }
    low[r] = Math.min(pointRanks[r], lo);
    high[r] = Math.max(pointRanks[r], hi);
  }
  return { low, high };
}

/**
 * For each ranked row, the rows it cannot be told apart from: the other is ahead in at least 5 % and
 * at most 95 % of the replicates (ties count half).
 */
export function indistinguishable(
  keys: Int32Array, samples: number, rows: number, ranked: readonly boolean[],
): number[][] {
  const result: number[][] = Array.from({ length: rows }, () => []);
  if (samples === 0) return result;
  const lo = ((1 - INTERVAL_LEVEL) / 2) * samples, hi = (1 - (1 - INTERVAL_LEVEL) / 2) * samples;
  const idx = ranked.flatMap((ok, r) => (ok ? [r] : []));
  // Transpose to row-major so each pair scans two contiguous arrays.
  const byRow = idx.map((r) => Int32Array.from({ length: samples }, (_, s) => keys[s * rows + r]));
  for (let x = 0; x < idx.length; x++) {
    const ka = byRow[x];
    for (let y = x + 1; y < idx.length; y++) {
      const kb = byRow[y];
      let ahead2 = 0; // twice the count, so ties add 1
      for (let s = 0; s < samples; s++) ahead2 += kb[s] > ka[s] ? 2 : kb[s] === ka[s] ? 1 : 0;
      const ahead = ahead2 / 2;
      if (ahead >= lo && ahead <= hi) {
        result[idx[x]].push(idx[y]);
        result[idx[y]].push(idx[x]);
      }
    }
  }
  return result;
}

export interface BootstrapTarget {
  cw: ColumnWeights; // combos of one weight set share the same object
  rule: MissingRuleId;
  ranks: Int32Array; // point ranks; rows with 0 stay unranked in every replicate
}

/** Run the bootstrap: replicate keys (samples × rows, see totalKey) for every target. */
export function bootstrapKeys(
  input: ResampleInput, targets: readonly BootstrapTarget[], samples: number, random: Random,
): Int32Array[] {
  const rows = input.rows;
  const keys = targets.map(() => new Int32Array(samples * rows));
  if (samples === 0) return keys;
  const weights = [...new Set(targets.map((t) => t.cw))];
  const rep = new Float64Array(input.score.length);
  // Rows no target ranks are not redrawn (e.g. units under 30 respondents): they never get an interval.
  const skip = Array.from({ length: rows }, (_, r) => targets.every((t) => t.ranks[r] === 0));
  const prepared = prepareResample({ ...input, skip });
  const z = new Float64Array(input.indicators.length + 2);
  const median = weights.map(() => new Float64Array(rows)), zero = weights.map(() => new Float64Array(rows));
  for (let s = 0; s < samples; s++) {
    resamplePrepared(prepared, random, rep, z);
    weights.forEach((cw, w) => aggregateTotals(rep, rows, cw, median[w], zero[w]));
    targets.forEach((t, k) => {
      const w = weights.indexOf(t.cw);
      const totals = t.rule === "riksmedian" ? median[w] : zero[w];
      const out = keys[k];
      for (let r = 0; r < rows; r++) out[s * rows + r] = t.ranks[r] > 0 ? totalKey(totals[r]) : -1;
    });
  }
  return keys;
}
