// indicator_scores rows: every indicator's raw value, score and weights per year and municipality,
// so pages can show how each number in the index came about.

import type { IndicatorScoreRow } from "./outputTables";
import { round1, roundTo } from "./scoring";
import type { WeightSet } from "./types";
import type { UnitSpread } from "./units";
import type { YearMatrix } from "./yearData";

export function indicatorRows(
  matrices: readonly YearMatrix[], sets: readonly WeightSet[], spreads: Map<string, UnitSpread>,
): IndicatorScoreRow[] {
  const [senior, derived] = sets;
  const rows: IndicatorScoreRow[] = [];
  for (const m of matrices) {
    const ws = senior.byYear[String(m.year)];
    const wd = derived.byYear[String(m.year)];
    const nInd = m.indicators.length;
    m.codes.forEach((code, r) => {
      m.indicators.forEach((e, i) => {
        const raw = m.raw[r * nInd + i];
        const score = m.score[r * nInd + i];
        const spread = spreads.get(`${m.year}|${code}|${e.id}`);
        rows.push({
          year: m.year, municipality: code, indicator: e.id, sub_index: e.subIndex,
          value: raw === raw ? raw : null,
          score: score === score ? round1(score) : null,
          missing: raw !== raw,
          weight_in_sub_index: roundTo(ws.indicator[e.id] ?? 0, 6),
          weight: roundTo((ws.indicator[e.id] ?? 0) * ws.subIndex[e.subIndex], 6),
          weight_in_sub_index_derived: roundTo(wd.indicator[e.id] ?? 0, 6),
          weight_derived: roundTo((wd.indicator[e.id] ?? 0) * wd.subIndex[e.subIndex], 6),
          unit_count: spread?.count ?? 0,
          unit_min: spread ? spread.min : null,
          unit_max: spread ? spread.max : null,
          unit_spread: spread && spread.count >= 2 ? round1(spread.max - spread.min) : null,
        });
      });
    });
  }
  return rows;
}
