// Types of the quality-premium simulator (issue 15): the rules a municipality sets, the provider rows it
// uploads, and what the engine returns. Shares are percent 0–100 throughout, as in the input file.

/** The three indicators; education has two conditions that must both hold. */
export type IndicatorId = "kontinuitet" | "timavlonade" | "utbildning";

export const INDICATOR_IDS: readonly IndicatorId[] = ["kontinuitet", "timavlonade", "utbildning"];

export interface PremiumLevel {
  /** Number of indicators met (at least). */
  met: number;
  krPerHour: number;
}

export interface PremiumRules {
  id: string;
  name_sv: string;
  description_sv: string;
  /** Continuity: at least this share (%) of the provider's customers within the reference value. */
  continuityMinShare: number;
  /** Hourly-paid staff: at most this share (%) of worked hours. */
  hourlyPaidMaxShare: number;
  /** Education: at least this share (%) of staff with the required upper-secondary points … */
  trainedMinShare: number;
  /** … and at least this share (%) of all staff are undersköterskor. */
  underskoterskorMinShare: number;
  /** Premium per performed hour by indicators met; the first level whose `met` is reached applies. */
  levels: PremiumLevel[];
  /** The month whose performed hours are read (a label; the file carries that month's hours). */
  readingMonth_sv: string;
  /** Reading-month hours × multiplier = the hours the premium is paid for (Stockholm: 8 months). */
  multiplier: number;
}

export interface ProviderInput {
  /** Row number in the uploaded file (header = 1), for messages. */
  row: number;
  utforare: string;
  regi: "kommunal" | "enskild" | null;
  /** Performed hours in the reading month. */
  utforda_timmar: number;
  /** Share (%) of customers within the continuity reference; null when it comes from the customer file. */
  andel_kunder_inom_riktvarde: number | null;
  andel_timmar_timavlonade: number;
  andel_utbildade: number;
  andel_underskoterskor: number;
}

export interface CustomerInput {
  row: number;
  utforare: string;
  kund: string;
  timmar_per_manad: number;
  antal_personal: number;
}

export interface IndicatorResult {
  met: boolean;
  /** The provider's value (%); for education the trained share. */
  value: number;
  /** The limit it is held to (%). */
  limit: number;
  /**
   * By how much the limit is met (≥ 0) or missed (< 0), in percentage points, in the direction that
   * counts (for "at most" limits: limit − value). For education the smaller of its two margins.
   */
  margin: number;
}

export interface ProviderResult {
  utforare: string;
  regi: "kommunal" | "enskild" | null;
  utforda_timmar: number;
  indicators: Record<IndicatorId, IndicatorResult>;
  /** Education's second condition, shown beside the first. */
  underskoterskor: { value: number; limit: number; met: boolean; margin: number };
  /** Where the continuity share came from. */
  continuitySource: "fil" | "kunder";
  uppfyllda: number;
  kr_per_timme: number;
  /** Hours the premium is paid for: reading-month hours × multiplier. */
  premietimmar: number;
  premie_kr: number;
}

export interface PremiumResult {
  rules: PremiumRules;
  providers: ProviderResult[];
  summa_kr: number;
  /** Providers that receive any premium. */
  withPremium: number;
}
