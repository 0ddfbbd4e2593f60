// How the municipality page shows one raw indicator value (all numbers go through src/charts/format.ts).
import { formatNumber, formatShare, MISSING, NBSP } from "../../charts/format";
import { decimalsOf, type IndicatorView } from "../../site-data/municipality";

const CODED_SV = ["Nej", "Försök", "Breddinfört"];

/** A raw value as published, with its unit: "82 %", "Breddinfört (2)", "14,5 personer". */
export function formatRawValue(ind: Pick<IndicatorView, "kind">, value: number | null, decimals?: number): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  const d = decimals ?? decimalsOf(value);
  switch (ind.kind) {
    case "share":
      return formatShare(value, d);
    case "coded":
      return Number.isInteger(value) && CODED_SV[value] ? `${CODED_SV[value]} (${value})` : codedAverage(value);
    case "count":
      return `${formatNumber(value, d)}${NBSP}personer`;
  }
}

/**
 * A national or median value of a coded item (0 nej, 1 försök, 2 breddinfört) is an average of codes,
 * not a level: say so in words beside the coded levels ("snitt 1,4 av 2").
 */
export function codedAverage(value: number): string {
  return `snitt ${formatNumber(value, 1)} av 2`;
}

/**
 * A national value or a median of several municipalities: an average, so coded items say "snitt … av 2"
 * rather than a level, and counts of people get at most one decimal ("15,9 personer" beside whole numbers,
 * not "15,87").
 */
export function formatMedianValue(ind: Pick<IndicatorView, "kind">, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  if (ind.kind === "coded" && !Number.isInteger(value)) return codedAverage(value);
  if (ind.kind === "count") return formatRawValue(ind, value, Math.min(decimalsOf(value), 1));
  return formatRawValue(ind, value);
}
