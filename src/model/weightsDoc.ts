// weights.json helpers: weights rounded to six decimals for a readable, deterministic file.

import { roundTo } from "./scoring";
import type { WeightSet, YearWeights } from "./types";

function roundRecord<K extends string>(rec: Record<K, number>): Record<K, number> {
  return Object.fromEntries(Object.entries<number>(rec).map(([k, v]) => [k, roundTo(v, 6)])) as Record<K, number>;
}

function roundYear(w: YearWeights): YearWeights {
  return { subIndex: roundRecord(w.subIndex), indicator: roundRecord(w.indicator) };
}

export function roundWeightSet(set: WeightSet): WeightSet {
  return {
    ...set,
    subIndex: roundRecord(set.subIndex),
    indicator: roundRecord(set.indicator),
    byYear: Object.fromEntries(Object.entries(set.byYear).map(([y, w]) => [y, roundYear(w)])),
  };
}
