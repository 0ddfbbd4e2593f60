// Rank changes between two published years, compared on the indicators both years have (issue 18).
// A year's published rank rests on the indicators in use that year; when a later year adds indicators
// (2022 added nine welfare-technology measures), its published rank is not comparable with an earlier
// one. Here both years are scored again on the common set, with the same weights re-normalised over it,
// the same missing rule, coverage limit and bootstrap, and the change rule (rankChange.ts) is applied
// to those comparable ranks and intervals. When the set is the same, the published rows are reused.

import type { RankChangeRow, ScoreRow } from "./outputTables";
import { rankChange } from "./rankChange";
import type { CatalogueEntry } from "./types";
import { RIKET_CODE } from "./yearData";

/** Scores one year on the given indicators (catalogue order) with weight sets built for them. */
export type ScoreOnSet = (year: number, indicators: readonly CatalogueEntry[]) => ScoreRow[];

export interface RankChangeInput {
  publishedYears: readonly number[];
  activeByYear: ReadonlyMap<number, readonly CatalogueEntry[]>;
  /** The published rows per year (scored on that year's own indicators). */
  publishedRows: ReadonlyMap<number, readonly ScoreRow[]>;
  scoreOnSet: ScoreOnSet;
}

/** The indicators of `year` that `other` also has, in `year`'s (catalogue) order. */
export function commonIndicators(a: readonly CatalogueEntry[], b: readonly CatalogueEntry[]): CatalogueEntry[] {
  const ids = new Set(b.map((e) => e.id));
  return a.filter((e) => ids.has(e.id));
}

/** Every pair of published years (earlier → later), each compared on its common indicators. */
export function rankChangeRows(input: RankChangeInput): RankChangeRow[] {
  const years = [...input.publishedYears].sort((a, b) => a - b);
  const cache = new Map<string, Map<string, ScoreRow>>();
  const rowsOn = (year: number, set: readonly CatalogueEntry[]): Map<string, ScoreRow> => {
    const own = input.activeByYear.get(year) ?? [];
    const same = own.length === set.length;
    const key = `${year}|${set.map((e) => e.id).join(",")}`;
    let byKey = cache.get(key);
    if (!byKey) {
      const rows = same ? input.publishedRows.get(year) ?? [] : input.scoreOnSet(year, set);
      byKey = new Map(rows.filter((r) => r.municipality !== RIKET_CODE)
        .map((r) => [`${r.municipality}|${r.weight_set}|${r.missing_rule}`, r]));
      cache.set(key, byKey);
    }
    return byKey;
  };
  const out: RankChangeRow[] = [];
  years.forEach((from, i) => {
    for (const to of years.slice(i + 1)) {
      const fromSet = input.activeByYear.get(from) ?? [];
      const toSet = input.activeByYear.get(to) ?? [];
      const common = commonIndicators(toSet, fromSet);
      const sameSet = common.length === fromSet.length && common.length === toSet.length;
      const a = rowsOn(from, commonIndicators(fromSet, toSet));
      const b = rowsOn(to, common);
      for (const [key, t] of b) {
        const f = a.get(key);
        const at = (r: ScoreRow | undefined, year: number) =>
          ({ year, rank: r?.rank ?? null, low: r?.rank_low ?? null, high: r?.rank_high ?? null });
        const change = rankChange(at(f, from), at(t, to));
        out.push({
          from_year: from, to_year: to, municipality: t.municipality, weight_set: t.weight_set, missing_rule: t.missing_rule,
          rank_from: change.from.rank, rank_low_from: change.from.low, rank_high_from: change.from.high, total_from: f?.total ?? null,
          rank_to: change.to.rank, rank_low_to: change.to.low, rank_high_to: change.to.high, total_to: t.total,
          n_ranked_from: f?.n_ranked ?? 0, n_ranked_to: t.n_ranked,
          places: change.places, verdict: change.verdict, certain: change.certain,
          indicators: common.map((e) => e.id).join(";"), same_indicators: sameSet,
        });
      }
    }
  });
  return out;
}

