// Swedish number formatting for people (pages, charts, reports). Machines get raw numbers (CSV/XLSX).
//
// Conventions (DESIGN.md §6; Språkrådet, "Svenska skrivregler", siffror och tal):
// - decimal comma: 82,4
// - minus sign U+2212 (−), never the hyphen-minus; plus sign "+" for changes
// - thousands grouped with U+202F NARROW NO-BREAK SPACE ("tunt hårdmellanslag"): 12 345. Every helper
//   here and the d3 locale used by Plot axes use the same character, so text, axes and tables agree.
// - a full U+00A0 NO-BREAK SPACE between a number and its unit: "82,4 %" (Språkrådet writes a space
//   before %), so the unit never wraps onto its own line
// - missing values are shown as "–" (U+2013), the usual sign in Swedish statistical tables
// - ranges use an en dash without spaces: "40–52"
import * as d3 from "d3";

export const MINUS = "\u2212";
export const THIN_NBSP = "\u202F";
export const NBSP = "\u00A0";
export const EN_DASH = "\u2013";
/** Shown where a value is missing. */
export const MISSING = EN_DASH;

type Num = number | null | undefined;

function isNumber(x: Num): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

const formatters = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat("sv-SE", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    formatters.set(decimals, f);
  }
  return f;
}

/** Rounds half away from zero at `decimals` and removes negative zero, so "−0,0" never appears. */
function roundTo(x: number, decimals: number): number {
  const m = 10 ** decimals;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * m)) / m;
  return r === 0 ? 0 : r;
}

/** A number with a fixed number of decimals: decimal comma, U+2212 minus, U+202F thousands separator. */
export function formatNumber(x: Num, decimals = 0): string {
  if (!isNumber(x)) return MISSING;
  const s = numberFormat(decimals).format(roundTo(x, decimals));
  // Intl (sv-SE) groups with U+00A0 and writes U+2212; normalise the group separator and, to be safe
  // across ICU versions, any hyphen-minus.
  return s.replace(/[\u00A0\u0020]/g, THIN_NBSP).replace(/^-/, MINUS);
}

/** Index or sub-index score on the 0–100 scale, one decimal: "72,4". */
export function formatScore(x: Num): string {
  return formatNumber(x, 1);
}

/** A share given in percent (0–100, as Kolada publishes it), one decimal: "82,4 %". */
export function formatShare(x: Num, decimals = 1): string {
  return isNumber(x) ? `${formatNumber(x, decimals)}${NBSP}%` : MISSING;
}

/** Whole number: "12 345" (thin no-break space). */
export function formatInt(x: Num): string {
  return formatNumber(x, 0);
}

/** A rank among n: "45 av 290". */
export function formatRank(rank: Num, n?: Num): string {
  if (!isNumber(rank)) return MISSING;
  return isNumber(n) ? `${formatInt(rank)} av ${formatInt(n)}` : formatInt(rank);
}

/**
 * What a place is out of, in the same words everywhere (issue 18: not "av 286" beside "290 kommuner"):
 * "av 286 rangordnade kommuner (290 totalt; 4 har för lite underlag)". Without `nAll`, or when every
 * municipality is ranked, only "av 290 rangordnade kommuner".
 */
export function rankedOutOf(nRanked: number, nAll?: number | null): string {
  return `av ${rankedMunicipalities(nRanked, nAll)}`;
}

/** "286 rangordnade kommuner (290 totalt; 4 har för lite underlag)"; see rankedOutOf. */
export function rankedMunicipalities(nRanked: number, nAll?: number | null): string {
  const unranked = isNumber(nAll) ? nAll - nRanked : 0;
  return `${formatInt(nRanked)} rangordnade kommuner` +
    (unranked > 0 ? ` (${formatInt(nAll)} totalt; ${formatInt(unranked)} har för lite underlag)` : "");
}

/** A signed change: "+3", "−2", "±0" (zero after rounding). */
export function formatChange(x: Num, decimals = 0): string {
  if (!isNumber(x)) return MISSING;
  const r = roundTo(x, decimals);
  if (r === 0) return `±${formatNumber(0, decimals)}`;
  return r > 0 ? `+${formatNumber(r, decimals)}` : formatNumber(r, decimals);
}

/** A rank interval: "40–52", or one rank when both ends agree: "45". */
export function formatRankInterval(lo: Num, hi: Num): string {
  if (!isNumber(lo) || !isNumber(hi)) return MISSING;
  const a = Math.min(lo, hi);
  const b = Math.max(lo, hi);
  return a === b ? formatInt(a) : `${formatInt(a)}${EN_DASH}${formatInt(b)}`;
}

/** A year is a label, not a quantity: never grouped ("2024", not "2 024"). */
export function formatYear(year: Num): string {
  return isNumber(year) ? String(Math.round(year)) : MISSING;
}

/** Swedish sort order for names (Å, Ä, Ö after Z). */
export const collator = new Intl.Collator("sv");

/** How a table column is formatted for people. Serialisable, so CSV/XLSX writers can map it too. */
export type CellFormat = "text" | "score" | "share" | "int" | "rank" | "change" | "year";

/** Formats one table cell by its column's format; strings pass through unchanged. */
export function formatCell(value: string | number | null | undefined, format: CellFormat = "text"): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === "string") return value;
  switch (format) {
    case "score":
      return formatScore(value);
    case "share":
      return formatShare(value);
    case "int":
    case "rank":
      return formatInt(value);
    case "change":
      return formatChange(value);
    case "year":
      return formatYear(value);
    case "text":
      return Number.isInteger(value) ? formatInt(value) : formatNumber(value, 1);
  }
}

/** The d3 locale definition used for Plot axes and d3.format (same characters as the helpers above). */
export const swedishLocale: d3.FormatLocaleDefinition = {
  decimal: ",",
  thousands: THIN_NBSP,
  grouping: [3],
  currency: ["", `${NBSP}kr`],
  minus: MINUS,
  percent: `${NBSP}%`,
};

let localeSet = false;
/**
 * Makes d3's default locale Swedish. Observable Plot has no locale option and formats axis ticks with
 * d3's default locale (DESIGN.md §5), so every chart calls this before rendering. Idempotent.
 */
export function useSwedishD3Locale(): d3.FormatLocaleObject {
  const locale = d3.formatDefaultLocale(swedishLocale);
  localeSet = true;
  return locale;
}

/** Whether useSwedishD3Locale has run in this process (for tests). */
export function swedishD3LocaleActive(): boolean {
  return localeSet;
}

/** Tick formatter for Plot axes: Swedish numbers with `decimals` decimals and an optional unit. */
export function tickFormat(decimals = 0, unit = ""): (x: number) => string {
  return (x) => `${formatNumber(x, decimals)}${unit ? NBSP + unit : ""}`;
}
