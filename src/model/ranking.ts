// Ranks and result groups.
// Ranks: standard competition ranking on the published (one-decimal) total, higher is better:
// equal totals share the best rank of the tie and the next rank is skipped (1, 2, 2, 4).

export type GroupId = "högt" | "över medel" | "nära medel" | "under medel" | "lågt";
export const GROUPS: readonly GroupId[] = ["högt", "över medel", "nära medel", "under medel", "lågt"];

/**
 * Competition ranks of `values` (higher is better). NaN values are not ranked (rank 0).
 * Returns ranks in input order and the number of ranked entries.
 */
export function competitionRanks(values: ArrayLike<number>): { ranks: Int32Array; n: number } {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) idx.push(i);
  idx.sort((a, b) => values[b] - values[a] || a - b);
  const ranks = new Int32Array(values.length);
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    ranks[i] = k > 0 && values[idx[k - 1]] === values[i] ? ranks[idx[k - 1]] : k + 1;
  }
  return { ranks, n: idx.length };
}

/**
 * Ranks where only `counts` entries form the ranking: an entry's rank is 1 + the number of counted
 * entries with a strictly higher value. Counted entries get ordinary competition ranks 1..n; the
 * others (low coverage) get the place they would take, without moving anyone else. NaN → 0.
 */
export function ranksAgainst(values: ArrayLike<number>, counts: ArrayLike<boolean | number>): { ranks: Int32Array; n: number } {
  const ref: number[] = [];
  for (let i = 0; i < values.length; i++) if (counts[i] && values[i] === values[i]) ref.push(values[i]);
  ref.sort((a, b) => b - a);
  const ranks = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    let lo = 0, hi = ref.length; // first index with ref[idx] <= v
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ref[mid] > v) lo = mid + 1; else hi = mid;
    }
    ranks[i] = lo + 1;
  }
  return { ranks, n: ref.length };
}

/** Share of the ranked list at each end that counts as "högt" / "lågt" (see GROUP_RULE_SV). */
export const GROUP_END_SHARE = 0.25;

export const GROUP_RULE_SV =
  "Grupperna bygger på rangens 90-procentiga osäkerhetsintervall och medianrangen M = (N + 1) / 2, " +
  "där N är antalet rangordnade kommuner. Nära medel: intervallet innehåller M, dvs. kommunen kan inte " +
  "skiljas från mitten. Över medel: hela intervallet ligger bättre än M. Högt: hela intervallet ligger " +
  "bland den bästa fjärdedelen (sämsta möjliga rang högst N/4). Under medel och lågt speglar detta. En " +
  "kommun med låg täckning placeras inte i någon grupp.";

/**
 * Result group from a rank interval [low, high] (low = best rank). `n` ranked entries in total.
 * Rule: GROUP_RULE_SV.
 */
export function resultGroup(low: number, high: number, n: number): GroupId {
  const median = (n + 1) / 2;
  const end = n * GROUP_END_SHARE;
  if (high < median) return high <= end ? "högt" : "över medel";
  if (low > median) return low > n - end ? "lågt" : "under medel";
  return "nära medel";
}
