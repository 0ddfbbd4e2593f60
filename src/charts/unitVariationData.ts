// The unit chart's input (units, indicators, values per unit) and the statistics behind its symbols: the
// small-sample limit and the 90 % Wilson interval. Split from unitVariationChart.ts (issue 18: small chart modules).

export type UnitProviderType = "kommunal" | "privat";

export interface UnitVariationUnit {
  id: string; // Kolada OU id or "EX-<kommunkod>-<nn>"
  name: string;
  providerType: UnitProviderType;
}
export interface UnitVariationIndicator {
  id: string; // KPI id, e.g. "U21468"
  label: string; // short Swedish label, e.g. "Nöjd med hemtjänsten som helhet"
  municipalityValue: number | null; // share in percent (0–100)
  nationalValue: number | null;
}
export interface UnitVariationValue {
  unitId: string;
  indicatorId: string;
  value: number | null; // share in percent (0–100)
  respondents: number | null;
}
export interface UnitVariationInput {
  municipalityCode: string;
  municipalityName: string;
  year: number;
  indicators: UnitVariationIndicator[];
  units: UnitVariationUnit[];
  values: UnitVariationValue[];
  synthetic: boolean; // generated example units ("Exempeldata")
  source?: string; // defaults depend on `synthetic`
}

/** Units with fewer respondents than this are drawn hollow and flagged (not ranked by the model). */
export const SMALL_N = 30;
/** z for a two-sided 90 % interval. */
export const Z90 = 1.6448536269514722;
/** Above this many units, rows are not labelled with names and each panel is sorted by value. */
export const MAX_NAMED_UNITS = 15;

/** Wilson score interval for a share in percent (0–100) from n respondents; null when n is unknown. */
export function wilsonInterval(sharePercent: number, n: number | null, z = Z90): [number, number] | null {
  if (n === null || !(n > 0)) return null;
  const p = Math.min(1, Math.max(0, sharePercent / 100));
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half) * 100, Math.min(1, centre + half) * 100];
}
