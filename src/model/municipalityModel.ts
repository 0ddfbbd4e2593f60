// One year of the municipality model: every weight set × missing rule, point scores, ranks, bootstrap
// intervals, groups, flags and rank shifts, as flat ScoreRows.

import type { Aggregates, ColumnWeights } from "./aggregate";
import { N_SUB, aggregate, columnWeights } from "./aggregate";
import type { ResampleInput } from "./bootstrap";
import { bootstrapKeys, indistinguishable, rankIntervals, streamFor } from "./bootstrap";
import type { EffectiveWeightRow } from "./effectiveWeights";
import { effectiveWeights } from "./effectiveWeights";
import { COVERAGE_LIMIT, DEFAULT_MISSING_RULE } from "./missing";
import type { ScoreRow } from "./outputTables";
import { ranksAgainst, resultGroup } from "./ranking";
import { round1, roundTo } from "./scoring";
import type { ShiftSummary } from "./sensitivity";
import { rankShifts, summariseShifts } from "./sensitivity";
import type { MissingRuleId, WeightSet } from "./types";
import { MISSING_RULE_IDS, SUB_INDEX_IDS } from "./types";
import type { YearMatrix } from "./yearData";

export interface Combo {
  set: WeightSet;
  rule: MissingRuleId;
  cw: ColumnWeights;
  point: Aggregates;
  rounded: Float64Array; // published totals (one decimal), NaN = not ranked
  counts: Uint8Array; // 1 = forms the ranking (has a total and coverage ≥ the limit)
  ranks: Int32Array; // 0 = not ranked
  n: number;
  low: Int32Array;
  high: Int32Array;
}

export interface YearResult {
  rows: ScoreRow[];
  combos: Combo[];
  shifts: ShiftSummary[];
  effective: EffectiveWeightRow[]; // per weight set, default missing rule
  resample: ResampleInput; // what the bootstrap redrew (for the checks on the method page)
}

function nullable(x: number, digits = 1): number | null {
  return x === x ? (digits === 1 ? round1(x) : roundTo(x, digits)) : null;
}

export type PointRanking = Pick<Combo, "point" | "rounded" | "counts" | "ranks" | "n">;

/**
 * The point ranking of one weight set and missing rule: sub-indices and total, the published one-decimal
 * total, who forms the ranking (a total and coverage ≥ the limit) and the ranks; below the limit no
 * total and no rank. The explorer
 * (src/client/explorer/tsRank.ts) calls this same function for a reader's own weights.
 */
export function pointRanking(score: Float64Array, rows: number, cw: ColumnWeights, rule: MissingRuleId): PointRanking {
  const point = aggregate(score, rows, cw, rule);
  const rounded = Float64Array.from(point.total, (t) => (t === t ? round1(t) : NaN));
  const counts = Uint8Array.from(rounded, (t, r) => (t === t && point.coverage[r] >= COVERAGE_LIMIT ? 1 : 0));
  const { ranks, n } = ranksAgainst(rounded, counts);
  // Below the coverage limit only the sub-indices are published: no total, rank, interval, group or
  // change (a total resting mostly on national medians would read as a result of its own).
  for (let r = 0; r < rows; r++) {
    if (counts[r]) continue;
    ranks[r] = 0;
    rounded[r] = NaN;
    point.total[r] = NaN;
  }
  return { point, rounded, counts, ranks, n };
}

/** Respondents per municipality for the bootstrap; missing → the year's median (flagged). */
export function respondentsWithFallback(m: YearMatrix): { n: Float64Array; assumed: boolean[] } {
  const known = Array.from(m.respondents).filter((x) => x > 0).sort((a, b) => a - b);
  const median = known.length ? known[Math.floor((known.length - 1) / 2)] : 100;
  const nInd = m.indicators.length;
  const hasSurvey = (r: number) => m.indicators.some((e, i) => e.survey && m.raw[r * nInd + i] === m.raw[r * nInd + i]);
  const assumed = Array.from(m.respondents, (x, r) => !(x > 0) && hasSurvey(r));
  return { n: Float64Array.from(m.respondents, (x) => (x > 0 ? x : median)), assumed };
}

export function scoreMunicipalityYear(
  m: YearMatrix, riket: YearMatrix, sets: readonly WeightSet[], samples: number, seed: number,
): YearResult {
  const rows = m.codes.length;
  const combos: Combo[] = [];
  for (const set of sets) {
    const yw = set.byYear[String(m.year)];
    if (!yw) throw new Error(`Weight set ${set.id} has no weights for ${m.year}`);
    const cw = columnWeights(m.indicators, yw, m.neutral);
    for (const rule of MISSING_RULE_IDS) {
      const { point, rounded, counts, ranks, n } = pointRanking(m.score, rows, cw, rule);
      combos.push({ set, rule, cw, point, rounded, counts, ranks, n, low: ranks, high: ranks });
    }
  }
  // Bootstrap: one stream per year, replicate → municipality → indicator (fixed order).
  const { n: rowN, assumed } = respondentsWithFallback(m);
  const input: ResampleInput = { indicators: m.indicators, raw: m.raw, score: m.score, rows, rowN };
  const keys = bootstrapKeys(input, combos, samples, streamFor(seed, `kommuner:${m.year}`));
  if (samples > 0) combos.forEach((c, k) => Object.assign(c, rankIntervals(keys[k], samples, rows, c.ranks, undefined, c.counts)));
  const defaultIdx = combos.findIndex((c) => c.set.id === sets[0].id && c.rule === DEFAULT_MISSING_RULE);
  const apart = indistinguishable(keys[defaultIdx], samples, rows, Array.from(combos[defaultIdx].counts, (c) => c === 1));

  const missingLists = missingIndicatorLists(m);
  const out: ScoreRow[] = [];
  const shifts: ShiftSummary[] = [];
  combos.forEach((c, k) => {
    const sameRuleDefault = combos.find((d) => d.set.id === sets[0].id && d.rule === c.rule) as Combo;
    const otherRule = combos.find((d) => d.set.id === c.set.id && d.rule !== c.rule) as Combo;
    const bySet = rankShifts(c.ranks, sameRuleDefault.ranks);
    const byRule = rankShifts(c.ranks, otherRule.ranks);
    if (c.set.id !== sets[0].id) {
      shifts.push(summariseShifts(m.year, `${c.set.id} mot ${sets[0].id} (${c.rule})`, bySet));
    } else if (c.rule === DEFAULT_MISSING_RULE) {
      shifts.push(summariseShifts(m.year, `${c.rule} mot ${otherRule.rule} (${c.set.id})`, byRule));
    }
    for (let r = 0; r < rows; r++) {
      const ranked = c.ranks[r] > 0;
      const coverage = c.point.coverage[r];
      const hasTotal = coverage > 0; // some value of its own (the total itself is withheld below the limit)
      const flags: string[] = [];
      if (!hasTotal) flags.push("inga_data");
      else if (coverage < COVERAGE_LIMIT) flags.push("lag_tackning");
      if (hasTotal && SUB_INDEX_IDS.some((_, s) => c.point.present[r * N_SUB + s] === 0)) {
        flags.push("saknar_delindex");
      }
      if (ranked && samples > 0 && assumed[r]) flags.push("antaget_antal_svarande");
      out.push({
        year: m.year, municipality: m.codes[r], weight_set: c.set.id, missing_rule: c.rule,
        information: nullable(c.point.sub[r * N_SUB]),
        bistandshandlaggning: nullable(c.point.sub[r * N_SUB + 1]),
        utforande: nullable(c.point.sub[r * N_SUB + 2]),
        stod_utveckling: nullable(c.point.sub[r * N_SUB + 3]),
        total: nullable(c.rounded[r]),
        rank: ranked ? c.ranks[r] : null,
        rank_low: ranked ? c.low[r] : null,
        rank_high: ranked ? c.high[r] : null,
        n_ranked: c.n,
        group: ranked ? resultGroup(c.low[r], c.high[r], c.n) : null,
        coverage: roundTo(coverage, 3),
        flags: flags.join(";"),
        missing_indicators: missingLists[r],
        indistinguishable: k === defaultIdx && c.counts[r] === 1 && samples > 0 ? apart[r].map((j) => m.codes[j]).sort().join(";") : null,
        rank_shift_weight_set: bySet[r],
        rank_shift_missing_rule: byRule[r],
      });
    }
  });
  out.push(...riketRows(riket, combos));
  const effective = combos.filter((c) => c.rule === DEFAULT_MISSING_RULE)
    .flatMap((c) => effectiveWeights(m.year, c.set.id, m.indicators, m.score, c.cw, c.counts));
  return { rows: out, combos, shifts, effective, resample: input };
}

/** Per row, the ids of the indicators in use that year without a value (";"-separated, catalogue order). */
export function missingIndicatorLists(m: YearMatrix): string[] {
  const nInd = m.indicators.length;
  return m.codes.map((_, r) => m.indicators.filter((_, i) => m.raw[r * nInd + i] !== m.raw[r * nInd + i])
    .map((e) => e.id).join(";"));
}

/** Riket ("0000") as a reference row for every combo: same weights and rules, never ranked. */
function riketRows(riket: YearMatrix, combos: readonly Combo[]): ScoreRow[] {
  return combos.map((c) => {
    const agg = aggregate(riket.score, 1, c.cw, c.rule);
    return {
      year: riket.year, municipality: riket.codes[0], weight_set: c.set.id, missing_rule: c.rule,
      information: nullable(agg.sub[0]), bistandshandlaggning: nullable(agg.sub[1]),
      utforande: nullable(agg.sub[2]), stod_utveckling: nullable(agg.sub[3]),
      total: nullable(agg.total[0]), rank: null, rank_low: null, rank_high: null, n_ranked: c.n,
      group: null, coverage: roundTo(agg.coverage[0], 3), flags: "riket", missing_indicators: "", indistinguishable: null,
      rank_shift_weight_set: null, rank_shift_missing_rule: null,
    };
  });
}
