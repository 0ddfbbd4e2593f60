// Rank changes between two published years for every municipality, by the change rule
// (src/model/rankChange.ts) applied to ranks computed on the indicators both years have
// (src/model/rankChanges.ts, rank_changes.parquet): the change column on /rankning/, the "Störst
// förändring" view, /data/forandring.csv, the municipality pages and the reports. A municipality below
// the coverage limit in either year has no change (the model publishes no rank for it).
import type { MunicipalityRow } from "../pipeline/tables";
import type { RankChangeRow } from "../model/outputTables";
import { previousYear, rankChange, type RankChange } from "../model/rankChange";
import { collator, formatInt, formatRankInterval } from "../charts/format";

/** A change by the rule, with what it was computed on. */
export interface ComparableChange extends RankChange {
  /** True when both years had exactly the same indicators (the ranks are the published ones). */
  sameIndicators: boolean;
  /** How many indicators the two years were compared on. */
  indicatorCount: number;
}

export interface ChangeRow {
  code: string;
  name: string;
  change: ComparableChange;
}

/** The change of one row of rank_changes.parquet. */
export function comparableChange(r: RankChangeRow): ComparableChange {
  const change = rankChange(
    { year: r.from_year, rank: r.rank_from, low: r.rank_low_from, high: r.rank_high_from },
    { year: r.to_year, rank: r.rank_to, low: r.rank_low_to, high: r.rank_high_to },
  );
  return { ...change, sameIndicators: r.same_indicators, indicatorCount: r.indicators ? r.indicators.split(";").length : 0 };
}

/** No comparable row (the municipality has no score one of the years): nothing is claimed. */
export function noChange(fromYear: number, toYear: number): ComparableChange {
  const none = (year: number) => ({ year, rank: null, low: null, high: null });
  return { ...rankChange(none(fromYear), none(toYear)), sameIndicators: true, indicatorCount: 0 };
}

export type ChangeIndex = Map<string, ComparableChange>;
export const changeKey = (fromYear: number, toYear: number, code: string) => `${fromYear}|${toYear}|${code}`;

/** Every pair's changes for one weight set and missing rule, by changeKey. */
export function changeIndex(rows: readonly RankChangeRow[], weightSet: string, missingRule: string): ChangeIndex {
  return new Map(rows.filter((r) => r.weight_set === weightSet && r.missing_rule === missingRule)
    .map((r) => [changeKey(r.from_year, r.to_year, r.municipality), comparableChange(r)]));
}

/** The change of `code` from `fromYear` to `toYear` ("saknas" when there is no comparable row). */
export function changeOf(index: ChangeIndex, code: string, fromYear: number, toYear: number): ComparableChange {
  return index.get(changeKey(fromYear, toYear, code)) ?? noChange(fromYear, toYear);
}

/** One row per municipality that has a comparison from `fromYear` to `toYear` (code order). */
export function changeRows(
  rankChanges: readonly RankChangeRow[], municipalities: readonly MunicipalityRow[], fromYear: number, toYear: number,
  weightSet: string, missingRule: string,
): ChangeRow[] {
  const byCode = new Map(rankChanges
    .filter((r) => r.from_year === fromYear && r.to_year === toYear && r.weight_set === weightSet && r.missing_rule === missingRule)
    .map((r) => [r.municipality, r]));
  return municipalities
    .filter((m) => byCode.has(m.code))
    .map((m) => ({ code: m.code, name: m.name, change: comparableChange(byCode.get(m.code)!) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The previous published year of `year` and the change rows, or null for the first year. */
export function changeSincePreviousYear(
  rankChanges: readonly RankChangeRow[], municipalities: readonly MunicipalityRow[], years: readonly number[], year: number,
  weightSet: string, missingRule: string,
): { fromYear: number; rows: ChangeRow[] } | null {
  const fromYear = previousYear(years, year);
  return fromYear === null ? null : { fromYear, rows: changeRows(rankChanges, municipalities, fromYear, year, weightSet, missingRule) };
}

/** Certain changes only (intervals do not overlap), largest movement first, then by name. */
export function largestCertainChanges(rows: readonly ChangeRow[], direction: "steg" | "föll"): ChangeRow[] {
  return rows
    .filter((r) => r.change.certain && r.change.verdict === direction)
    .sort((a, b) => Math.abs(b.change.places ?? 0) - Math.abs(a.change.places ?? 0) || collator.compare(a.name, b.name));
}

/** "2022 jämfört med 2020 på de 18 indikatorer som fanns båda åren: plats 223 (181–258) år 2020 och 197 (145–235) år 2022." */
export function commonSetNote(c: ComparableChange): string {
  const at = (p: ComparableChange["from"]) => `${formatInt(p.rank)} (${formatRankInterval(p.low, p.high)}) år ${p.year}`;
  return `${c.to.year} jämfört med ${c.from.year} på de ${formatInt(c.indicatorCount)} indikatorer som fanns båda åren: ` +
    `plats ${at(c.from)} och ${at(c.to)}.`;
}

/** The changes of a trend that were computed on a common set smaller than the years' own (the starred ones). */
export function recomputedChanges(trend: readonly { changeDetail?: ComparableChange | null }[]): ComparableChange[] {
  return trend.flatMap((t) => (t.changeDetail && !t.changeDetail.sameIndicators && t.changeDetail.verdict !== "saknas" ? [t.changeDetail] : []));
}

/** How many indicators a pair of years was compared on, and whether that was each year's full set. */
export function pairIndicators(rows: readonly ChangeRow[]): { count: number; same: boolean } | null {
  const r = rows.find((x) => x.change.indicatorCount > 0);
  return r ? { count: r.change.indicatorCount, same: r.change.sameIndicators } : null;
}

export const CHANGE_CSV_HEADER = [
  "kommunkod", "kommun", "fran_ar", "till_ar", "rang_fran", "rang_till", "lag_fran", "hog_fran", "lag_till", "hog_till",
  "forandring", "sakerstalld",
] as const;

/** Rows of /data/forandring.csv: every consecutive pair of published years, by year pair then code. */
export function changeCsvRows(
  rankChanges: readonly RankChangeRow[], municipalities: readonly MunicipalityRow[], years: readonly number[],
  weightSet: string, missingRule: string,
): (string | number | null)[][] {
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.slice(1).flatMap((toYear, i) =>
    changeRows(rankChanges, municipalities, sorted[i], toYear, weightSet, missingRule).map(({ code, name, change: c }) => [
      code, name, c.from.year, c.to.year, c.from.rank, c.to.rank, c.from.low, c.from.high, c.to.low, c.to.high, c.places,
      c.certain ? "ja" : "nej",
    ]));
}
