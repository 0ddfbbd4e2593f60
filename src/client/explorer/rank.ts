// The explorer's ranking in SQL (DuckDB-WASM). It recomputes what src/model does, and the browser test
// (tests/e2e/explorer.test.ts) checks that it gives the same totals (to 1e-9, and identical after the
// one-decimal rounding) and identical ranks:
//
// Step 1 (once: indicatorWideSql, and subSumsSql per weight set and year) and step 2 (on every change,
// rankingSql):
// 1. Indicator score from the raw value by the catalogue's rule (src/model/scoring.ts scoreValue). The
//    `score` column of indicator_scores is rounded to one decimal for people, so it is not used here.
// 2. Sub-index: Σ w·x and Σ w over the indicators that have a value, summed term by term in catalogue
//    order (as the model's loop does, so the floating-point result is the same), w = the weight within
//    the sub-index of the weight set the reader started from (src/model/aggregate.ts aggregate).
//    - "riksmedian": sub-index = Σ w·x / Σ w; a sub-index with no value is left out and the total is
//      Σ W·sub / Σ W over the sub-indices that have one.
//    - "som-hemtjanstindex": a missing indicator scores 0, so sub-index = Σ w·x (within weights of the
//      indicators in use sum to 1) and total = Σ W·sub.
//    Step 1 keeps Σ w·x and Σ w per sub-index; step 2 does the rest with the reader's W and rule.
//    Coverage = Σ W·(Σ w over present indicators). A municipality with no value at all is not ranked.
// 3. Total rounded to one decimal half away from zero with the model's 1e-9 guard (scoring.ts round1).
//    Ranks as ranking.ts ranksAgainst: the municipalities with a total and coverage ≥ COVERAGE_LIMIT form
//    the ranking (competition ranks 1, 2, 2, 4 on the rounded total); one with lower coverage gets no
//    total and no rank (src/model/municipalityModel.ts), only its sub-indices.

import { catalogueEntry } from "../../model/catalogue";
import { COVERAGE_LIMIT } from "../../model/missing";
import type { MissingRuleId, SubIndexId } from "../../model/types";
import { validateCustomWeights, yearWeights } from "../../model/weights";
import type { ConfigRule, ConfigWeightSet } from "./config";
import { SUB_INDEX_ORDER } from "./state";

export interface RankParams {
  year: number;
  weightSet: string; // the set whose within-sub-index weights are used
  subWeights: Record<SubIndexId, number>; // effective sub-index weights of this year (exact)
  missing: MissingRuleId;
}

/** A double as an exact SQL literal (string → DOUBLE is correctly rounded; decimal literals may not be). */
export function dbl(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`Not a finite number: ${x}`);
  return `CAST('${String(x)}' AS DOUBLE)`;
}

/** A string as an SQL literal. */
export function str(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function int(x: number): string {
  if (!Number.isInteger(x)) throw new Error(`Not an integer: ${x}`);
  return String(x);
}

const CLAMP = (e: string) => `CASE WHEN (${e}) < 0 THEN 0.0 WHEN (${e}) > 100 THEN 100.0 ELSE (${e}) END`;

/** The score expression of src/model/scoring.ts scoreValue, over columns v (value), kind, direction, best, worst. */
export const SCORE_SQL = `CASE
      WHEN v IS NULL OR isnan(v) THEN NULL
      WHEN kind = 'andel' THEN CASE WHEN direction = 'hogre_battre' THEN ${CLAMP("v")} ELSE ${CLAMP("100.0 - v")} END
      WHEN kind = 'ja_nej' THEN CASE WHEN direction = 'hogre_battre' THEN ${CLAMP("v * 100.0")} ELSE 100.0 - ${CLAMP("v * 100.0")} END
      WHEN kind = 'kod_012' THEN CASE WHEN direction = 'hogre_battre' THEN ${CLAMP("v * 50.0")} ELSE 100.0 - ${CLAMP("v * 50.0")} END
      WHEN kind = 'ankare' THEN ${CLAMP("(100.0 * (v - worst)) / (best - worst)")}
    END`;

/** One-decimal rounding exactly as src/model/scoring.ts round1. */
export const ROUND1 = (e: string) => `(sign(${e}) * round(abs(${e}) * 10 + 1e-9) / 10)`;

/** Connection-local tables of step 1: indicator scores side by side, and the sub-index sums. */
export const WIDE = "explorer_indicator_wide";
export const SUB_SUMS = "explorer_sub_sums";

const col = (id: string) => `"${id.replace(/"/g, '""')}"`;

/**
 * Step 1a, once after loading: one row per year and municipality with one column per indicator holding
 * its score, computed from the raw value by the catalogue's rule (unrounded; indicator_scores.score is
 * rounded to one decimal for people).
 */
export function indicatorWideSql(sets: readonly ConfigWeightSet[], rules: readonly ConfigRule[]): string {
  const used = rules.filter((r) => sets.some((set) => Object.values(set.byYear).some((yw) => r.indicator in yw.indicator)));
  const score = SCORE_SQL.replace(/\bv\b/g, "s.value").replace(/\bkind\b/g, "r.kind")
    .replace(/\bdirection\b/g, "r.direction").replace(/\bbest\b/g, "r.best").replace(/\bworst\b/g, "r.worst");
  const pivot = used.map((r) => `max(x) FILTER (WHERE indicator = ${str(r.indicator)}) AS ${col(r.indicator)}`).join(",\n  ");
  return `CREATE OR REPLACE TEMP TABLE ${WIDE} AS
SELECT year, municipality,
  ${pivot}
FROM (
  SELECT s.year, s.municipality, s.indicator, ${score} AS x
  FROM indicator_scores s JOIN indicator_rules r ON r.indicator = s.indicator
  WHERE s.municipality IN (SELECT code FROM municipalities)
)
GROUP BY year, municipality`;
}

/** The (empty) table step 1b fills. */
export function createSubSumsSql(): string {
  const sums = SUB_INDEX_ORDER.map((_, k) => `n${k} DOUBLE, m${k} DOUBLE, d${k} DOUBLE`).join(", ");
  return `CREATE OR REPLACE TEMP TABLE ${SUB_SUMS} (year SMALLINT, weight_set VARCHAR, municipality VARCHAR, ${sums}, default_rank SMALLINT, default_total DOUBLE)`;
}

/**
 * Step 1b, once per weight set and year (when first needed): Σ w·x and Σ w of each sub-index over the
 * indicators that have a value. These do not depend on the sub-index weights or the missing-data rule,
 * so a weight change only needs step 2.
 *
 * The sums are written out term by term in catalogue order, ((0 + w₁x₁) + w₂x₂) + …, with a missing
 * indicator adding 0 (which leaves a floating-point sum unchanged), so they are the same doubles as the
 * model's loop in src/model/aggregate.ts. The weights are the set's exact effective weights of the year.
 */
export function subSumsSql(set: ConfigWeightSet, year: number, rules: readonly ConfigRule[], defaultWeightSet: string): string {
  const byId = new Map(rules.map((r) => [r.indicator, r]));
  const yw = set.byYear[String(year)];
  if (!yw) throw new Error(`Viktuppsättningen ${set.id} har inga vikter för ${year}.`);
  const neutral = set.neutral?.[String(year)];
  if (!neutral) throw new Error(`Viktuppsättningen ${set.id} saknar riksmedianer för ${year}.`);
  const active = Object.keys(yw.indicator).map((id) => {
    const r = byId.get(id);
    if (!r) throw new Error(`Indikatorn ${id} saknas i katalogens regler.`);
    return r;
  }).sort((a, b) => a.pos - b.pos);
  const sums = SUB_INDEX_ORDER.map((sub, k) => {
    const inSub = active.filter((r) => r.sub_index === sub);
    const num = inSub.map((r) => `CASE WHEN w.${col(r.indicator)} IS NULL THEN 0.0 ELSE ${dbl(yw.indicator[r.indicator])} * w.${col(r.indicator)} END`);
    // "riksmedian": a missing indicator adds w × its neutral score (the model's num += w * neutral)
    const med = inSub.map((r) => `${dbl(yw.indicator[r.indicator])} * CASE WHEN w.${col(r.indicator)} IS NULL THEN ${dbl(neutral[r.indicator])} ELSE w.${col(r.indicator)} END`);
    const den = inSub.map((r) => `CASE WHEN w.${col(r.indicator)} IS NULL THEN 0.0 ELSE ${dbl(yw.indicator[r.indicator])} END`);
    return `0.0${num.map((t) => `\n    + ${t}`).join("")} AS n${k},\n  0.0${med.map((t) => `\n    + ${t}`).join("")} AS m${k},\n  0.0${den.map((t) => `\n    + ${t}`).join("")} AS d${k}`;
  });
  return `INSERT INTO ${SUB_SUMS}
SELECT w.year, ${str(set.id)} AS weight_set, w.municipality,
  ${sums.join(",\n  ")},
  d.rank AS default_rank, d.total AS default_total
FROM ${WIDE} w
-- the published default ranking (default weight set, "riksmedian"), for "change against the default"
LEFT JOIN scores d ON d.year = w.year AND d.municipality = w.municipality
  AND d.weight_set = ${str(defaultWeightSet)} AND d.missing_rule = 'riksmedian'
WHERE w.year = ${int(year)}
ORDER BY w.municipality`;
}

/**
 * Step 2, on every change: sub-index values, total, rounding and ranks of one year under the reader's
 * sub-index weights and missing-data rule, with the default ranking for comparison. Columns:
 * municipality, information, bistandshandlaggning, utforande, stod_utveckling, total, total_rounded,
 * counts, rank, n_ranked, coverage, default_rank, default_total.
 */
export function rankingSql(p: RankParams): string {
  const W = SUB_INDEX_ORDER.map((s) => dbl(p.subWeights[s]));
  const zero = p.missing === "som-hemtjanstindex";
  const n = (k: number) => `n${k}`;
  const m = (k: number) => `m${k}`;
  const d = (k: number) => `d${k}`;
  const v = (k: number) => `v${k}`;
  // Sub-index values under the rule: Σ w·x with missing = 0, or Σ w·x̃ with missing = the national median.
  const values = SUB_INDEX_ORDER.map((_, k) => `${zero ? n(k) : m(k)} AS ${v(k)}`).join(",\n    ");
  const coverage = SUB_INDEX_ORDER.map((_, k) => `${W[k]} * ${d(k)}`).join(" + ");
  const totalSum = SUB_INDEX_ORDER.map((_, k) => `${W[k]} * ${v(k)}`).join(" + ");
  const anyValue = SUB_INDEX_ORDER.map((_, k) => `${d(k)} > 0`).join(" OR ");
  // Shown: under "riksmedian" only a sub-index with a value of its own (NULL = the model's NaN).
  const subOut = SUB_INDEX_ORDER.map((s, k) => zero
    ? `CASE WHEN ${anyValue} THEN ${v(k)} END AS ${s}`
    : `CASE WHEN ${d(k)} > 0 THEN ${v(k)} END AS ${s}`).join(",\n    ");
  return `WITH vals AS (
  SELECT *,
    ${values}
  FROM ${SUB_SUMS}
  WHERE year = ${int(p.year)} AND weight_set = ${str(p.weightSet)}
), agg AS (
  SELECT municipality, default_rank, default_total,
    ${subOut},
    0.0 + ${coverage} AS coverage,
    0.0 + ${totalSum} AS total_sum
  FROM vals
), totals AS (
  SELECT *, CASE WHEN coverage <= 0 THEN NULL ELSE total_sum END AS total_all
  FROM agg
), rounded AS (
  SELECT *, ${ROUND1("total_all")} AS rounded_all FROM totals
), counted AS (
  -- who forms the ranking: a total and coverage at least ${COVERAGE_LIMIT}; below it no total and no rank
  SELECT *, rounded_all IS NOT NULL AND coverage >= ${dbl(COVERAGE_LIMIT)} AS counts FROM rounded
), shown AS (
  SELECT *, CASE WHEN counts THEN total_all END AS total, CASE WHEN counts THEN rounded_all END AS total_rounded
  FROM counted
)
SELECT municipality, information, bistandshandlaggning, utforande, stod_utveckling,
  total, total_rounded, counts,
  -- 1 + the number of ranking municipalities with a strictly higher rounded total (ties share a rank)
  CASE WHEN counts THEN 1 + count(*) FILTER (WHERE counts) OVER (
    ORDER BY total_rounded DESC NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE GROUP) END AS rank,
  count(*) FILTER (WHERE counts) OVER () AS n_ranked,
  coverage, default_rank, default_total
FROM shown
ORDER BY rank NULLS LAST, counts DESC, municipality`;
}

/** Rows for the `weights` table: within-sub-index weights of every set and year (exact). */
export function weightRows(sets: readonly ConfigWeightSet[], rules: readonly ConfigRule[]) {
  const subOf = new Map(rules.map((r) => [r.indicator, r.sub_index]));
  const rows: { weight_set: string; year: number; indicator: string; sub_index: string; weight_in_sub_index: number; sub_index_weight: number }[] = [];
  for (const set of sets) {
    for (const [year, yw] of Object.entries(set.byYear)) {
      for (const [indicator, w] of Object.entries(yw.indicator)) {
        const sub = subOf.get(indicator);
        if (!sub) throw new Error(`weights: indicator ${indicator} is not in the catalogue rules`);
        rows.push({
          weight_set: set.id, year: Number(year), indicator, sub_index: sub, weight_in_sub_index: w,
          sub_index_weight: yw.subIndex[sub],
        });
      }
    }
  }
  return rows;
}

/**
 * The sub-index weights a ranking uses in one year. Unchanged weights of a set: the set's own effective
 * weights of that year. Own weights: validated and normalised by the model's validateCustomWeights and
 * spread over the sub-indices in use by the model's yearWeights, exactly as src/model does for "egna vikter".
 */
export function yearSubWeights(
  entered: Record<SubIndexId, number>, unchanged: boolean, set: ConfigWeightSet, year: number,
): Record<SubIndexId, number> {
  const yw = set.byYear[String(year)];
  if (!yw) throw new Error(`Viktuppsättningen ${set.id} har inga vikter för ${year}.`);
  if (unchanged) return yw.subIndex;
  const valid = validateCustomWeights({ subIndex: entered });
  if (!valid.ok) throw new Error(valid.errors.join(" "));
  const active = Object.keys(yw.indicator).map((id) => catalogueEntry(id));
  return yearWeights(valid.subIndex, yw.indicator, active).subIndex;
}
