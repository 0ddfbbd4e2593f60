// Build-time access to the pipeline's output (data/build). Pages read only these finished files,
// never the sources (as Observable Framework's data loaders do). Loaded once per build and memoised.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { WeightsDoc } from "../model";
import type { MethodDoc } from "../model/method";
import type { IndicatorScoreRow, RankChangeRow, ScoreRow, UnitScoreRow } from "../model/outputTables";
import type { Manifest } from "../pipeline/manifest";
import { readParquet } from "../pipeline/parquet";
import type { IndicatorMetaRow, MunicipalityRow, UnitRow, UnitValueRow, ValueRow } from "../pipeline/tables";
import type { ValidationReport } from "../pipeline/validate";

export const BUILD_DIR = path.resolve(process.env.HTK_BUILD_DIR ?? path.join(process.cwd(), "data", "build"));

export interface BuildData {
  manifest: Manifest;
  validation: ValidationReport;
  municipalities: MunicipalityRow[];
  indicators: IndicatorMetaRow[];
  values: ValueRow[];
  units: UnitRow[];
  unitValues: UnitValueRow[];
  scores: ScoreRow[];
  unitScores: UnitScoreRow[];
  indicatorScores: IndicatorScoreRow[];
  /** Rank changes between pairs of published years, on the indicators both years have. */
  rankChanges: RankChangeRow[];
  weights: WeightsDoc;
  method: MethodDoc;
}

let cached: Promise<BuildData> | null = null;

export function loadBuildData(dir = BUILD_DIR): Promise<BuildData> {
  cached ??= (async () => {
    const read = <R>(name: string) => readParquet<R>(path.join(dir, `${name}.parquet`));
    const json = <T>(name: string) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as T;
    const [municipalities, indicators, values, units, unitValues, scores, unitScores, indicatorScores, rankChanges] = await Promise.all([
      read<MunicipalityRow>("municipalities"), read<IndicatorMetaRow>("indicators"), read<ValueRow>("values"),
      read<UnitRow>("units"), read<UnitValueRow>("unit_values"), read<ScoreRow>("scores"),
      read<UnitScoreRow>("unit_scores"), read<IndicatorScoreRow>("indicator_scores"), read<RankChangeRow>("rank_changes"),
    ]);
    return {
      manifest: json<Manifest>("manifest.json"), validation: json<ValidationReport>("validation.json"),
      weights: json<WeightsDoc>("weights.json"), method: json<MethodDoc>("method.json"),
      municipalities, indicators, values, units, unitValues, scores, unitScores, indicatorScores, rankChanges,
    };
  })();
  return cached;
}
