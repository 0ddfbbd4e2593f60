// Benchmark of the model for `npm run bench`: milliseconds to score all published years × all
// municipalities and all units with each weight set, the bootstrap, and the whole runModel.
// Timing uses performance.now() here only; the model's outputs never depend on time.

import type { ModelInput } from "./index";
import { prepareModel, runModel, scoreYearOnIndicators } from "./index";
import { rankChangeRows } from "./rankChanges";
import { DEFAULT_BOOTSTRAP_SAMPLES, DEFAULT_SEED } from "./bootstrap";
import { scoreMunicipalityYear } from "./municipalityModel";
import { scoreUnits } from "./units";
import { methodChecks } from "./methodChecks";

function time(fn: () => void, repeat = 1): number {
  const t0 = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - t0) / repeat;
}

const round = (x: number) => Math.round(x * 10) / 10;

export async function benchModel(input: ModelInput): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  const custom = { subIndex: { information: 1, bistandshandlaggning: 1, utforande: 1, stod_utveckling: 1 } };
  let prepared = prepareModel(input, custom);
  result["model.prepare_ms"] = round(time(() => (prepared = prepareModel(input, custom))));
  const { matrices, riket, sets } = prepared;
  result["model.years"] = matrices.length;
  result["model.municipalities"] = matrices[0]?.codes.length ?? 0;
  result["model.units"] = input.units.length;
  for (const set of sets) {
    result[`model.score_municipalities.${set.id}_ms`] = round(time(() => {
      matrices.forEach((m, k) => scoreMunicipalityYear(m, riket[k], [set], 0, DEFAULT_SEED));
    }, 5));
    result[`model.score_units.${set.id}_ms`] = round(time(() => {
      scoreUnits(input.units, input.unitValues, matrices, [set], 0, DEFAULT_SEED);
    }, 5));
  }
  const samples = DEFAULT_BOOTSTRAP_SAMPLES;
  result["model.bootstrap_samples"] = samples;
  const setsNoCustom = sets.slice(0, 2);
  result["model.bootstrap_municipalities_ms"] = round(time(() => {
    matrices.forEach((m, k) => scoreMunicipalityYear(m, riket[k], setsNoCustom, samples, DEFAULT_SEED));
  }) - time(() => {
    matrices.forEach((m, k) => scoreMunicipalityYear(m, riket[k], setsNoCustom, 0, DEFAULT_SEED));
  }));
  result["model.bootstrap_units_ms"] = round(time(() => {
    scoreUnits(input.units, input.unitValues, matrices, setsNoCustom, samples, DEFAULT_SEED);
  }) - time(() => {
    scoreUnits(input.units, input.unitValues, matrices, setsNoCustom, 0, DEFAULT_SEED);
  }));
  const last = matrices.length - 1;
  if (last >= 0) {
    const yr = scoreMunicipalityYear(matrices[last], riket[last], setsNoCustom, samples, DEFAULT_SEED);
    result["model.method_checks_ms"] = round(time(() => methodChecks(matrices[last], yr, setsNoCustom[0].id, samples, DEFAULT_SEED)));
  }
  // Rank changes: every year whose indicator set differs from another's scored again on the common set,
  // with the bootstrap (the published rows are reused where the set is the same, so they cost nothing here).
  result["model.rank_changes_ms"] = round(time(() => rankChangeRows({
    publishedYears: prepared.publishedYears, activeByYear: prepared.activeByYear, publishedRows: new Map(),
    scoreOnSet: (year, indicators) => scoreYearOnIndicators({ ...prepared, custom: undefined }, year, indicators, samples, DEFAULT_SEED),
  })));
  result["model.run_model_total_ms"] = round(time(() => runModel(input)));
  result["model.run_model_no_bootstrap_ms"] = round(time(() => runModel(input, { bootstrapSamples: 0 })));
  return result;
}
