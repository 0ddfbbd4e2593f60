// The change rule (issue 18): a rank change between two years is called a change ("steg", "föll") only
// when the two years' 90 % rank intervals do not overlap; otherwise it is "ungefär oförändrad", shown with
// both intervals. Ranks: 1 is best, so an interval's `low` is its best rank and `high` its worst.
// Pure; used by the municipality page, /rankning/, the change view and /data/forandring.csv.

export interface RankAtYear {
  year: number;
  rank: number | null;
  /** Best rank of the 90 % interval (smallest number). */
  low: number | null;
  /** Worst rank of the 90 % interval (largest number). */
  high: number | null;
}

export type ChangeVerdict = "steg" | "föll" | "oförändrad" | "saknas";

export interface RankChange {
  from: RankAtYear;
  to: RankAtYear;
  /** Places gained (positive = better), null when either year has no rank. */
  places: number | null;
  verdict: ChangeVerdict;
  /** True only when the intervals do not overlap (verdict "steg" or "föll"). */
  certain: boolean;
}

const isRank = (x: number | null): x is number => typeof x === "number" && Number.isFinite(x) && x > 0;

/**
 * Applies the rule. A year without a rank or without an interval (low coverage, no data) gives
 * "saknas": no change is claimed. An interval missing only its bounds falls back to the rank itself.
 */
export function rankChange(from: RankAtYear, to: RankAtYear): RankChange {
  if (!isRank(from.rank) || !isRank(to.rank)) return { from, to, places: null, verdict: "saknas", certain: false };
  const places = from.rank - to.rank;
  const fLow = isRank(from.low) ? from.low : from.rank, fHigh = isRank(from.high) ? from.high : from.rank;
  const tLow = isRank(to.low) ? to.low : to.rank, tHigh = isRank(to.high) ? to.high : to.rank;
  // Disjoint intervals: the later one lies wholly above (better) or below (worse) the earlier one.
  if (tHigh < fLow) return { from, to, places, verdict: "steg", certain: true };
  if (tLow > fHigh) return { from, to, places, verdict: "föll", certain: true };
  return { from, to, places, verdict: "oförändrad", certain: false };
}

/** The latest year before `year` in `years` (the previous published year), or null. */
export function previousYear(years: readonly number[], year: number): number | null {
  let prev: number | null = null;
  for (const y of years) if (y < year && (prev === null || y > prev)) prev = y;
  return prev;
}

/** Indicators in use only in one of the two years (the set the change compares is not the same). */
export function indicatorSetDifference(
  fromIds: readonly string[], toIds: readonly string[],
): { added: string[]; dropped: string[]; common: string[] } {
  const f = new Set(fromIds), t = new Set(toIds);
  return {
    added: toIds.filter((id) => !f.has(id)),
    dropped: fromIds.filter((id) => !t.has(id)),
    common: toIds.filter((id) => f.has(id)),
  };
}
