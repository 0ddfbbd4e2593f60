// Rank changes between two published years for every municipality, by the change rule
// (src/model/rankChange.ts): the change column on /rankning/, the "Störst förändring" view and
// /data/forandring.csv. Default weights and missing rule; a municipality below the coverage limit in
// either year has no change (its rank is only indicative, or null).
import type { MunicipalityRow } from "../pipeline/tables";
import type { ScoreRow } from "../model/outputTables";
import { previousYear, rankChange, type RankChange } from "../model/rankChange";
import { collator } from "../charts/format";

export interface ChangeRow {
  code: string;
  name: string;
  change: RankChange;
}

/** One row per municipality with a score in `toYear`, compared with `fromYear` (code order). */
export function changeRows(
  scores: readonly ScoreRow[], municipalities: readonly MunicipalityRow[], fromYear: number, toYear: number,
  weightSet: string, missingRule: string, coverageLimit: number,
): ChangeRow[] {
  const pick = (y: number) => new Map(scores
    .filter((s) => s.year === y && s.weight_set === weightSet && s.missing_rule === missingRule)
    .map((s) => [s.municipality, s]));
  const from = pick(fromYear), to = pick(toYear);
  const at = (s: ScoreRow | undefined, year: number) => {
    const ok = s && s.coverage >= coverageLimit && s.rank !== null;
    return { year, rank: ok ? s.rank : null, low: ok ? s.rank_low : null, high: ok ? s.rank_high : null };
  };
  return municipalities
    .filter((m) => to.has(m.code))
    .map((m) => ({ code: m.code, name: m.name, change: rankChange(at(from.get(m.code), fromYear), at(to.get(m.code), toYear)) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The previous published year of `year` and the change rows, or null for the first year. */
export function changeSincePreviousYear(
  scores: readonly ScoreRow[], municipalities: readonly MunicipalityRow[], years: readonly number[], year: number,
  weightSet: string, missingRule: string, coverageLimit: number,
): { fromYear: number; rows: ChangeRow[] } | null {
  const fromYear = previousYear(years, year);
  return fromYear === null ? null : { fromYear, rows: changeRows(scores, municipalities, fromYear, year, weightSet, missingRule, coverageLimit) };
}

/** Certain changes only (intervals do not overlap), largest movement first, then by name. */
export function largestCertainChanges(rows: readonly ChangeRow[], direction: "steg" | "föll"): ChangeRow[] {
  return rows
    .filter((r) => r.change.certain && r.change.verdict === direction)
    .sort((a, b) => Math.abs(b.change.places ?? 0) - Math.abs(a.change.places ?? 0) || collator.compare(a.name, b.name));
}

export const CHANGE_CSV_HEADER = [
  "kommunkod", "kommun", "fran_ar", "till_ar", "rang_fran", "rang_till", "lag_fran", "hog_fran", "lag_till", "hog_till",
  "forandring", "sakerstalld",
] as const;

/** Rows of /data/forandring.csv: every consecutive pair of published years, by year pair then code. */
export function changeCsvRows(
  scores: readonly ScoreRow[], municipalities: readonly MunicipalityRow[], years: readonly number[],
  weightSet: string, missingRule: string, coverageLimit: number,
): (string | number | null)[][] {
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.slice(1).flatMap((toYear, i) =>
    changeRows(scores, municipalities, sorted[i], toYear, weightSet, missingRule, coverageLimit).map(({ code, name, change: c }) => [
      code, name, c.from.year, c.to.year, c.from.rank, c.to.rank, c.from.low, c.from.high, c.to.low, c.to.high, c.places,
      c.certain ? "ja" : "nej",
    ]));
}
