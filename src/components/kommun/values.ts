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
      return Number.isInteger(value) && CODED_SV[value] ? `${CODED_SV[value]} (${value})` : formatNumber(value, d);
    case "count":
      return `${formatNumber(value, d)}${NBSP}personer`;
  }
}

/** A median of raw values from several municipalities (coded items: a number, since a median of codes has no label). */
export function formatMedianValue(ind: Pick<IndicatorView, "kind">, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  if (ind.kind === "coded" && !Number.isInteger(value)) return formatNumber(value, 1);
  return formatRawValue(ind, value);
}
