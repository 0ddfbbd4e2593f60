// The model's entry point: the pipeline calls runModel once with the normalised tables and writes
// the result to data/build (scores.parquet, unit_scores.parquet, indicator_scores.parquet,
// weights.json, method.json). Pure and deterministic: same input → same output.

import type { MunicipalityRow, UnitRow, UnitValueRow, ValueRow } from "../pipeline/tables";
import { DEFAULT_BOOTSTRAP_SAMPLES, DEFAULT_SEED } from "./bootstrap";
import type { PooledDerivedAnalysis } from "./derivedWeights";
import { analysePooled, analyseYear, derivedWeightSet } from "./derivedWeights";
import { indicatorRows } from "./indicatorRows";
import type { MethodDoc } from "./method";
import { buildMethodDoc, roundAnalysis, roundPooled } from "./method";
import { DEFAULT_MISSING_RULE, activeIndicators, isPublishable, unpublishedReason } from "./missing";
import { scoreMunicipalityYear } from "./municipalityModel";
import type { IndicatorScoreRow, RankChangeRow, ScoreRow, UnitScoreRow } from "./outputTables";
import { rankChangeRows } from "./rankChanges";
import { changeComparisons } from "./changeSummary";
import type { RelativeImportanceResult } from "./relativeImportance";
import type { ShiftSummary } from "./sensitivity";
import type { EffectiveWeightRow } from "./effectiveWeights";
import type { MethodChecks } from "./methodChecks";
import { methodChecks } from "./methodChecks";
import type { CatalogueEntry, WeightSet } from "./types";
import { scoreUnits } from "./units";
import type { CustomWeightsDoc, CustomWeightsInput } from "./weights";
import { WEIGHTS_VERSION, customWeightSet, customWeightsDoc, seniorWeightSet } from "./weights";
import type { YearMatrix } from "./yearData";
import type { ValueIndex } from "./yearData";
import { RIKET_CODE, buildYearMatrix, fillRiketGaps, indexValues, yearsWithData } from "./yearData";
import { roundWeightSet } from "./weightsDoc";

export interface ModelInput {
  municipalities: MunicipalityRow[];
  values: ValueRow[];
  units: UnitRow[];
  unitValues: UnitValueRow[];
}

export interface ModelOptions {
  bootstrapSamples?: number; // default 200; 0 = no bootstrap (intervals collapse to the point rank)
  seed?: number;
  customWeights?: CustomWeightsInput; // adds the "egna-vikter" set to the outputs
}

export interface WeightsDoc {
  version: string;
  defaultWeightSet: string;
  sets: WeightSet[];
  relativeImportance: RelativeImportanceResult[]; // per year, item level (description)
  derivedAnalysis: PooledDerivedAnalysis | null; // pooled, sub-index level: what the derived set rests on
  custom: CustomWeightsDoc; // how a reader's own weights ("egna-vikter") are given and checked
}

export interface ModelOutput {
  scores: ScoreRow[];
  unitScores: UnitScoreRow[];
  indicatorScores: IndicatorScoreRow[];
  /** Rank changes between every pair of published years, on the indicators both years have. */
  rankChanges: RankChangeRow[];
  weights: WeightsDoc;
  method: MethodDoc;
  publishedYears: number[];
}

/** Municipality codes to rank: the reference table, or (if empty) every 4-digit code in values. */
export function municipalityCodes(input: Pick<ModelInput, "municipalities" | "values">): string[] {
  const codes = input.municipalities.length > 0
    ? input.municipalities.map((m) => m.code)
    : input.values.map((v) => v.municipality).filter((c) => /^\d{4}$/.test(c) && c !== RIKET_CODE);
  return [...new Set(codes)].filter((c) => c !== RIKET_CODE).sort();
}

export interface PreparedModel {
  matrices: YearMatrix[];
  riket: YearMatrix[];
  activeByYear: Map<number, CatalogueEntry[]>;
  analyses: Map<number, RelativeImportanceResult | null>;
  derivedAnalysis: PooledDerivedAnalysis | null;
  sets: WeightSet[];
  publishedYears: number[];
  unpublished: string[]; // why each year with data but not published is left out
  index: ValueIndex;
  codes: string[];
  custom?: CustomWeightsInput;
}

/** The weight sets for the given indicators per year: seniors' order, derived, and the reader's own if given. */
function weightSets(
  activeByYear: Map<number, CatalogueEntry[]>, derived: PooledDerivedAnalysis | null, custom?: CustomWeightsInput,
): WeightSet[] {
  const senior = seniorWeightSet(activeByYear);
  const sets = [senior, derivedWeightSet(senior, activeByYear, derived)];
  if (custom) sets.push(customWeightSet(custom, activeByYear));
  return sets;
}

/** Everything up to the weights: published years, year matrices, relative importance, weight sets. */
export function prepareModel(input: Pick<ModelInput, "municipalities" | "values">, custom?: CustomWeightsInput): PreparedModel {
  const codes = municipalityCodes(input);
  const index = indexValues(input.values);
  const activeByYear = new Map<number, CatalogueEntry[]>();
  const unpublished: string[] = [];
  for (const year of yearsWithData(index)) {
    const active = activeIndicators(index, year, codes);
    if (isPublishable(active)) activeByYear.set(year, active);
    else unpublished.push(unpublishedReason(year, active));
  }
  const publishedYears = [...activeByYear.keys()];
  const matrices = publishedYears.map((y) => buildYearMatrix(index, y, codes, activeByYear.get(y) ?? []));
  const riket = publishedYears.map((y, k) =>
    fillRiketGaps(buildYearMatrix(index, y, [RIKET_CODE], activeByYear.get(y) ?? []), matrices[k]));
  const analyses = new Map(matrices.map((m) => [m.year, analyseYear(m)]));
  const derivedAnalysis = analysePooled(matrices);
  const sets = weightSets(activeByYear, derivedAnalysis, custom);
  return { matrices, riket, activeByYear, analyses, derivedAnalysis, sets, publishedYears, unpublished, index, codes, custom };
}

/**
 * One year scored on a subset of its indicators (the ones another year also has), with the weight
 * sets re-normalised over that subset and the same rules and bootstrap as the published scores.
 */
export function scoreYearOnIndicators(
  prepared: PreparedModel, year: number, indicators: readonly CatalogueEntry[], samples: number, seed: number,
): ScoreRow[] {
  const set = [...indicators];
  const m = buildYearMatrix(prepared.index, year, prepared.codes, set);
  const riket = fillRiketGaps(buildYearMatrix(prepared.index, year, [RIKET_CODE], set), m);
  const sets = weightSets(new Map([[year, set]]), prepared.derivedAnalysis, prepared.custom);
  return scoreMunicipalityYear(m, riket, sets, samples, seed).rows;
}

export function runModel(input: ModelInput, options: ModelOptions = {}): ModelOutput {
  const samples = Math.max(0, Math.floor(options.bootstrapSamples ?? DEFAULT_BOOTSTRAP_SAMPLES));
  const seed = options.seed ?? DEFAULT_SEED;
  const prepared = prepareModel(input, options.customWeights);
  const { matrices, riket, sets, publishedYears } = prepared;
  const scores: ScoreRow[] = [];
  const shifts: ShiftSummary[] = [];
  const effective: EffectiveWeightRow[] = [];
  const publishedRows = new Map<number, ScoreRow[]>();
  let checks: MethodChecks | null = null;
  matrices.forEach((m, k) => {
    const result = scoreMunicipalityYear(m, riket[k], sets, samples, seed);
    scores.push(...result.rows);
    publishedRows.set(m.year, result.rows);
    shifts.push(...result.shifts);
    effective.push(...result.effective);
    if (k === matrices.length - 1) checks = methodChecks(m, result, sets[0].id, samples, seed);
  });
  const rankChanges = rankChangeRows({
    publishedYears, activeByYear: prepared.activeByYear, publishedRows,
    scoreOnSet: (year, indicators) => scoreYearOnIndicators(prepared, year, indicators, samples, seed),
  });
  const units = scoreUnits(input.units, input.unitValues, matrices, sets, samples, seed);
  const indicatorScores = indicatorRows([...matrices, ...riket], sets, units.spreads);
  const analyses = [...prepared.analyses.values()].filter((a): a is RelativeImportanceResult => a !== null);
  return {
    scores: sortRows(scores, (r) => [r.year, r.municipality, r.weight_set, r.missing_rule]),
    unitScores: sortRows(units.rows, (r) => [r.year, r.unit_id, r.weight_set, r.missing_rule]),
    indicatorScores: sortRows(indicatorScores, (r) => [r.year, r.municipality, r.indicator]),
    rankChanges: sortRows(rankChanges, (r) => [r.from_year, r.to_year, r.municipality, r.weight_set, r.missing_rule]),
    weights: {
      version: WEIGHTS_VERSION, defaultWeightSet: sets[0].id, sets: sets.map(roundWeightSet),
      relativeImportance: analyses.map(roundAnalysis), derivedAnalysis: roundPooled(prepared.derivedAnalysis),
      custom: customWeightsDoc(),
    },
    method: buildMethodDoc({
      sets, publishedYears, activeByYear: prepared.activeByYear, samples, seed, shifts, analyses,
      unpublished: prepared.unpublished, effective, checks,
      changes: changeComparisons(rankChanges, scores, prepared.activeByYear, sets[0].id, DEFAULT_MISSING_RULE),
    }),
    publishedYears,
  };
}

/**
 * Scores with a reader's own weights (the explorer): the same rules as runModel, for the
 * "egna-vikter" set only. Without bootstrap by default (a few milliseconds), so it can re-rank live.
 * Throws a Swedish error for invalid weights (check first with validateCustomWeights).
 */
export function scoreWithCustomWeights(
  prepared: PreparedModel, custom: CustomWeightsInput, options: { bootstrapSamples?: number; seed?: number } = {},
): ScoreRow[] {
  const set = customWeightSet(custom, prepared.activeByYear);
  const sets = [prepared.sets[0], set];
  const samples = Math.max(0, Math.floor(options.bootstrapSamples ?? 0));
  const rows = prepared.matrices.flatMap((m, k) =>
    scoreMunicipalityYear(m, prepared.riket[k], sets, samples, options.seed ?? DEFAULT_SEED).rows
      .filter((r) => r.weight_set === set.id));
  return sortRows(rows, (r) => [r.year, r.municipality, r.weight_set, r.missing_rule]);
}

function sortRows<T>(rows: T[], key: (row: T) => (string | number)[]): T[] {
  return rows
    .map((row) => ({ row, k: key(row) }))
    .sort((a, b) => {
      for (let i = 0; i < a.k.length; i++) {
        if (a.k[i] < b.k[i]) return -1;
        if (a.k[i] > b.k[i]) return 1;
      }
      return 0;
    })
    .map((x) => x.row);
}

export * from "./outputTables";
export type { MethodDoc } from "./method";
export { CATALOGUE, SUB_INDICES } from "./catalogue";
export { validateCustomWeights } from "./weights";
export type { CustomWeightsInput } from "./weights";
export { GROUPS } from "./ranking";
export type { CatalogueEntry, SubIndexId, WeightSet, WeightSetId, MissingRuleId } from "./types";
