// "What if": how many providers get a premium, how many meet all three, and what it costs, as one
// threshold moves and every other rule stays as set.
import { evaluatePremium } from "./evaluate";
import type { PremiumRules, ProviderInput } from "./types";

export type ThresholdParam = "continuityMinShare" | "hourlyPaidMaxShare" | "trainedMinShare" | "underskoterskorMinShare";

export const THRESHOLD_PARAMS: readonly { param: ThresholdParam; label_sv: string; short_sv: string; direction: "min" | "max" }[] = [
  { param: "continuityMinShare", label_sv: "Kontinuitet: lägsta andel kunder inom riktvärdet", short_sv: "Kontinuitet", direction: "min" },
  { param: "hourlyPaidMaxShare", label_sv: "Timavlönade: högsta andel av arbetade timmar", short_sv: "Timavlönade", direction: "max" },
  { param: "trainedMinShare", label_sv: "Utbildning: lägsta andel med 600 gymnasiepoäng i vård och omsorg", short_sv: "Utbildade", direction: "min" },
  { param: "underskoterskorMinShare", label_sv: "Utbildning: lägsta andel undersköterskor", short_sv: "Undersköterskor", direction: "min" },
];

export interface SweepPoint {
  threshold: number;
  withPremium: number;
  allThree: number;
  cost: number;
}

/** Whole percents from 30 below to 30 above the current limit (within 0–100), plus the limit itself. */
export function sweepValues(current: number, span = 30): number[] {
  const lo = Math.max(0, Math.floor(current - span));
  const hi = Math.min(100, Math.ceil(current + span));
  const out = new Set<number>([current]);
  for (let v = lo; v <= hi; v++) out.add(v);
  return [...out].filter((v) => v >= 0 && v <= 100).sort((a, b) => a - b);
}

export function sweepThreshold(
  providers: readonly ProviderInput[], rules: PremiumRules, param: ThresholdParam, values: readonly number[],
  continuityShares?: ReadonlyMap<string, number>,
): SweepPoint[] {
  return values.map((threshold) => {
    const r = evaluatePremium(providers, { ...rules, [param]: threshold }, continuityShares);
    return { threshold, withPremium: r.withPremium, allThree: r.providers.filter((p) => p.uppfyllda === 3).length, cost: r.summa_kr };
  });
}
