// Checks of the published uncertainty, for the method page (one year, default weight set and rule):
// - Monte Carlo error: the bootstrap rerun with other seeds; how far the interval ends and the groups
//   move only because the replicates are random.
// - Error correlation: intervals and group sizes at other assumed correlations between survey items.
// Same bootstrap code as the published intervals (bootstrapKeys, rankIntervals, resultGroup).

import type { ColumnWeights } from "./aggregate";
import type { ResampleInput } from "./bootstrap";
import { ITEM_ERROR_CORRELATION, bootstrapKeys, rankIntervals, streamFor } from "./bootstrap";
import type { GroupId } from "./ranking";
import { GROUPS, resultGroup } from "./ranking";
import { roundTo } from "./scoring";
import type { MissingRuleId } from "./types";

export interface CheckTarget {
  cw: ColumnWeights;
  rule: MissingRuleId;
  ranks: Int32Array; // point ranks, 0 = not ranked
  counts: Uint8Array;
  n: number;
  low: Int32Array; // published interval
  high: Int32Array;
}

export interface MonteCarloError {
  year: number;
  samples: number;
  seeds: number; // reruns with other seeds
  median_sd_end: number; // median over municipalities and both ends of the SD of an end across reruns (ranks)
  p90_sd_end: number;
  max_abs_diff_end: number; // largest difference of an end from the published one in any rerun (ranks)
  share_group_changed: number; // mean share of municipalities whose group differs from the published, per rerun
}

export interface CorrelationRow {
  year: number;
  correlation: number;
  median_width: number; // median of rank_high − rank_low
  groups: Record<GroupId, number>;
}

function intervalsFor(
  input: ResampleInput, t: CheckTarget, samples: number, seed: number, label: string,
): { low: Int32Array; high: Int32Array } {
  const keys = bootstrapKeys(input, [t], samples, streamFor(seed, label));
  return rankIntervals(keys[0], samples, input.rows, t.ranks, undefined, t.counts);
}

function groupsOf(t: CheckTarget, low: Int32Array, high: Int32Array): (GroupId | null)[] {
  return Array.from(t.ranks, (rk, r) => (rk > 0 ? resultGroup(low[r], high[r], t.n) : null));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};

export function monteCarloError(
  year: number, input: ResampleInput, t: CheckTarget, samples: number, seeds: readonly number[],
): MonteCarloError {
  const runs = seeds.map((seed) => intervalsFor(input, t, samples, seed, `mc:${year}`));
  const published = groupsOf(t, t.low, t.high);
  const sds: number[] = [];
  let maxDiff = 0;
  for (let r = 0; r < input.rows; r++) {
    if (t.ranks[r] === 0) continue;
    for (const end of ["low", "high"] as const) {
      const xs = runs.map((x) => x[end][r]);
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      sds.push(Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1)));
      for (const x of xs) maxDiff = Math.max(maxDiff, Math.abs(x - t[end][r]));
    }
  }
  const changed = runs.map((x) => {
    const g = groupsOf(t, x.low, x.high);
    return g.filter((gr, r) => gr !== published[r]).length / Math.max(1, t.n);
  });
  sds.sort((a, b) => a - b);
  return {
    year, samples, seeds: seeds.length, median_sd_end: roundTo(median(sds), 2),
    p90_sd_end: roundTo(sds[Math.min(sds.length - 1, Math.floor(0.9 * sds.length))] ?? 0, 2),
    max_abs_diff_end: maxDiff, share_group_changed: roundTo(changed.reduce((a, b) => a + b, 0) / Math.max(1, changed.length), 3),
  };
}

export function correlationSensitivity(
  year: number, input: ResampleInput, t: CheckTarget, samples: number, seed: number, correlations: readonly number[],
): CorrelationRow[] {
  return correlations.map((correlation) => {
    // The published assumption: the published intervals themselves.
    const { low, high } = correlation === ITEM_ERROR_CORRELATION ? t
      : intervalsFor({ ...input, correlation }, t, samples, seed, `korrelation:${year}`);
    const widths: number[] = [];
    for (let r = 0; r < input.rows; r++) if (t.ranks[r] > 0) widths.push(high[r] - low[r]);
    const groups = Object.fromEntries(GROUPS.map((g) => [g, 0])) as Record<GroupId, number>;
    for (const g of groupsOf(t, low, high)) if (g) groups[g]++;
    return { year, correlation, median_width: median(widths), groups };
  });
}
