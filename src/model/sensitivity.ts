// Sensitivity: how far ranks move between weight sets and between the two missing-data rules.

export interface ShiftSummary {
  year: number;
  comparison: string; // e.g. "harledd-ur-brukarnas-svar vs seniorernas-prioritering (riksmedian)"
  compared: number; // municipalities ranked in both
  median_abs_shift: number;
  max_abs_shift: number;
  share_moved_10_or_more: number; // share moving ten ranks or more, 0..1
}

/** rank in `a` − rank in `b` for entries ranked in both (rank 0 = not ranked → null). */
export function rankShifts(a: Int32Array, b: Int32Array): (number | null)[] {
  return Array.from(a, (ra, i) => (ra > 0 && b[i] > 0 ? ra - b[i] : null));
}

export function summariseShifts(year: number, comparison: string, shifts: (number | null)[]): ShiftSummary {
  const abs = shifts.filter((s): s is number => s !== null).map(Math.abs).sort((x, y) => x - y);
  const n = abs.length;
  const median = n === 0 ? 0 : n % 2 ? abs[(n - 1) / 2] : (abs[n / 2 - 1] + abs[n / 2]) / 2;
  return {
    year, comparison, compared: n, median_abs_shift: median, max_abs_shift: n ? abs[n - 1] : 0,
    share_moved_10_or_more: n ? Math.round((abs.filter((x) => x >= 10).length / n) * 1000) / 1000 : 0,
  };
}

export const SENSITIVITY_RULE_SV =
  "För varje kommun visas hur många placeringar den flyttar om vikterna byts (jämfört med " +
  "standardvikterna, samma regel för saknade värden) och om regeln för saknade värden byts (samma " +
  "vikter). Positivt tal: sämre placering än i jämförelsen.";
