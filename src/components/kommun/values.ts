// How the municipality page shows one raw indicator value (all numbers go through src/charts/format.ts).
import { formatNumber, formatShare, MISSING, NBSP } from "../../charts/format";
import { decimalsOf, type IndicatorView, type ValueRole } from "../../site-data/municipality";

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
 * A national value of a coded item (0 nej, 1 försök, 2 breddinfört) is the municipalities' average of the
 * codes, not a level: say so in words beside the coded levels (issue 18: not "1,42" beside "Breddinfört (2)").
 */
export function codedAverage(value: number): string {
  return `i snitt ${formatNumber(value, 1)} på skalan 0–2`;
}

/** A median of coded items that falls between two levels (an even number of peers). */
function codedMedian(value: number): string {
  return `median ${formatNumber(value, 1)} på skalan 0–2`;
}

/** A count of people that is not a municipality's own published value: at most one decimal. */
const roundedCount = (ind: Pick<IndicatorView, "kind">, value: number) => formatRawValue(ind, value, Math.min(decimalsOf(value), 1));

/**
 * A median of several municipalities: coded items between two levels say "median … på skalan 0–2", counts of
 * people get at most one decimal ("16 personer", "15,5 personer").
 */
export function formatMedianValue(ind: Pick<IndicatorView, "kind">, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  if (ind.kind === "coded" && !Number.isInteger(value)) return codedMedian(value);
  if (ind.kind === "count") return roundedCount(ind, value);
  return formatRawValue(ind, value);
}

/**
 * Riket's value. Kolada publishes no national value for continuity and welfare technology; there it is the
 * municipalities' unweighted mean (src/model/yearData.ts fillRiketGaps), so it is called an average:
 * "i snitt 15,9 personer" (one decimal, not "15,87" beside whole numbers), "i snitt 1,4 på skalan 0–2".
 */
export function formatNationValue(ind: Pick<IndicatorView, "kind">, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  if (ind.kind === "count") return `i snitt ${roundedCount(ind, value)}`;
  return formatRawValue(ind, value);
}

/** Said under every table with a Riket column. */
export const NATION_AVERAGE_NOTE = "Riket för personalkontinuitet och välfärdsteknik, som Kolada inte redovisar för hela " +
  "landet: genomsnittet av kommunernas värden (bearbetning av data från Kolada).";

/** A value in a sentence, by whose value it is (the municipality's own, the peers' median, Riket's). */
export function formatIndicatorValue(ind: Pick<IndicatorView, "kind">, value: number | null, role: ValueRole = "own"): string {
  return role === "nation" ? formatNationValue(ind, value) : role === "peers" ? formatMedianValue(ind, value) : formatRawValue(ind, value);
}
