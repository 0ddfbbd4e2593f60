// The explorer's first ranking, without a database: the model's own TypeScript (src/model) over the
// small precomputed indicator table (indicator_scores.parquet, decoded with hyparquet). Pure: no DOM,
// no fetch, unit-tested against the model in Node (tsRank.test.ts) and in Chromium (tests/e2e).
//
// Steps, each the model's own function:
// 1. score matrix per year: municipalities (ascending code, the model's row order) × catalogue
//    indicators (catalogue order, the model's column order), scoreIndicator() of the published value;
// 2. column weights of the weight set the reader started from, with the reader's sub-index weights
//    (yearSubWeights in rank.ts: the model's validateCustomWeights and yearWeights);
// 3. pointRanking(): aggregate(), round1() and ranksAgainst() as src/model/municipalityModel.ts does
//    (below the coverage limit: no total and no rank, only the sub-indices).
// An indicator not in the set's weights gets weight 0, which adds exactly 0 to both sums, so the
// floating-point results are the model's, bit for bit.

import { CATALOGUE } from "../../model/catalogue";
import { columnWeights } from "../../model/aggregate";
import { DEFAULT_MISSING_RULE } from "../../model/missing";
import { pointRanking } from "../../model/municipalityModel";
import { scoreIndicator } from "../../model/scoring";
import type { MissingRuleId, SubIndexId } from "../../model/types";
import type { ConfigWeightSet } from "./config";
import type { RankParams } from "./rank";
import { SUB_INDEX_ORDER } from "./state";

/** One row of the ranking, as the table, chart, downloads and the SQL ranking (rankingSql) use it. */
export interface RankingRow {
  municipality: string;
  counts: boolean; // forms the ranking (a total and coverage ≥ the limit); false: an indicative place
  rank: number | null;
  n_ranked: number;
  total: number | null;
  total_rounded: number | null;
  information: number | null;
  bistandshandlaggning: number | null;
  utforande: number | null;
  stod_utveckling: number | null;
  coverage: number;
  default_rank: number | null;
  default_total: number | null;
}

/** A row of indicator_scores as the explorer reads it (the other columns are not needed to rank). */
export interface IndicatorValueRow {
  year: number;
  municipality: string;
  indicator: string;
  value: number | null;
}

export interface YearScores {
  year: number;
  codes: string[];
  score: Float64Array; // codes.length × CATALOGUE.length, NaN = missing
}

const COLUMN = new Map(CATALOGUE.map((e, i) => [e.id, i]));

/** Score matrices per year from the indicator rows, for the given municipality codes (Riket left out). */
export function yearScores(rows: readonly IndicatorValueRow[], municipalityCodes: readonly string[]): Map<number, YearScores> {
  const codes = [...new Set(municipalityCodes)].sort();
  const rowOf = new Map(codes.map((c, r) => [c, r]));
  const nInd = CATALOGUE.length;
  const out = new Map<number, YearScores>();
  for (const row of rows) {
    const r = rowOf.get(row.municipality);
    if (r === undefined) continue; // Riket and codes outside the reference table
    const col = COLUMN.get(row.indicator);
    if (col === undefined) throw new Error(`indicator_scores: indikatorn ${row.indicator} finns inte i katalogen.`);
    let y = out.get(row.year);
    if (!y) out.set(row.year, (y = { year: row.year, codes, score: new Float64Array(codes.length * nInd).fill(NaN) }));
    if (row.value !== null) y.score[r * nInd + col] = scoreIndicator(CATALOGUE[col], row.value);
  }
  return out;
}

const nullIfNaN = (x: number) => (x === x ? x : null);

function rankOnce(y: YearScores, set: ConfigWeightSet, subWeights: Record<SubIndexId, number>, rule: MissingRuleId) {
  const yw = set.byYear[String(y.year)];
  if (!yw) throw new Error(`Viktuppsättningen ${set.id} har inga vikter för ${y.year}.`);
  // "riksmedian": a missing value scores the year's national median (the model's exact value); an
  // indicator outside the year has weight 0 and neutral 0, so it adds exactly 0 either way.
  const neutral = set.neutral?.[String(y.year)] ?? {};
  const cw = columnWeights(CATALOGUE, { subIndex: subWeights, indicator: yw.indicator }, CATALOGUE.map((e) => neutral[e.id] ?? 0));
  return pointRanking(y.score, y.codes.length, cw, rule);
}

/** The default ranking of a year (default weight set, default missing rule), for "change against the default". */
export function defaultRanking(y: YearScores, defaultSet: ConfigWeightSet): { rank: (number | null)[]; total: (number | null)[] } {
  const yw = defaultSet.byYear[String(y.year)];
  if (!yw) throw new Error(`Viktuppsättningen ${defaultSet.id} har inga vikter för ${y.year}.`);
  const p = rankOnce(y, defaultSet, yw.subIndex, DEFAULT_MISSING_RULE);
  return { rank: Array.from(p.ranks, (k) => (k > 0 ? k : null)), total: Array.from(p.rounded, nullIfNaN) };
}

/**
 * The ranking of one year under the reader's choices, ordered as rankingSql orders it (rank, those that
 * form the ranking first, code). `defaults` is defaultRanking() of the same year.
 */
export function rankYear(
  y: YearScores, set: ConfigWeightSet, params: RankParams, defaults: ReturnType<typeof defaultRanking>,
): RankingRow[] {
  const p = rankOnce(y, set, params.subWeights, params.missing);
  const n = SUB_INDEX_ORDER.length;
  const rows: RankingRow[] = y.codes.map((code, r) => ({
    municipality: code,
    counts: p.counts[r] === 1,
    rank: p.ranks[r] > 0 ? p.ranks[r] : null,
    n_ranked: p.n,
    total: nullIfNaN(p.point.total[r]),
    total_rounded: nullIfNaN(p.rounded[r]),
    information: nullIfNaN(p.point.sub[r * n]),
    bistandshandlaggning: nullIfNaN(p.point.sub[r * n + 1]),
    utforande: nullIfNaN(p.point.sub[r * n + 2]),
    stod_utveckling: nullIfNaN(p.point.sub[r * n + 3]),
    coverage: p.point.coverage[r],
    default_rank: defaults.rank[r],
    default_total: defaults.total[r],
  }));
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || Number(b.counts) - Number(a.counts) ||
    (a.municipality < b.municipality ? -1 : a.municipality > b.municipality ? 1 : 0));
}
