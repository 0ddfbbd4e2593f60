// The rule engine: which of the three indicators a provider meets (limits inclusive), the premium level
// that gives, and the premium for the period. Pure; the page, the CLI and the tests share it.
import type { IndicatorResult, PremiumResult, PremiumRules, ProviderInput, ProviderResult } from "./types";

/** Rounded to öre, so sums of many hours × kronor do not carry binary fractions into a report. */
export const roundKr = (x: number) => Math.round(x * 100) / 100;

const atLeast = (value: number, limit: number): IndicatorResult => ({ met: value >= limit, value, limit, margin: value - limit });
const atMost = (value: number, limit: number): IndicatorResult => ({ met: value <= limit, value, limit, margin: limit - value });

/** Kronor per hour for a number of indicators met: the highest level reached, else 0. */
export function krPerHour(rules: PremiumRules, met: number): number {
  const levels = [...rules.levels].sort((a, b) => b.met - a.met);
  return levels.find((l) => met >= l.met)?.krPerHour ?? 0;
}

/**
 * One provider. `continuityShare` (from the customer file) replaces the file's own share when given.
 * Throws when the provider has no continuity share at all (callers check coverage first).
 */
export function evaluateProvider(p: ProviderInput, rules: PremiumRules, continuityShare?: number): ProviderResult {
  const share = continuityShare ?? p.andel_kunder_inom_riktvarde;
  if (share === null || share === undefined) throw new Error(`${p.utforare}: andel kunder inom riktvärdet saknas`);
  const kontinuitet = atLeast(share, rules.continuityMinShare);
  const timavlonade = atMost(p.andel_timmar_timavlonade, rules.hourlyPaidMaxShare);
  const trained = atLeast(p.andel_utbildade, rules.trainedMinShare);
  const usk = atLeast(p.andel_underskoterskor, rules.underskoterskorMinShare);
  const utbildning: IndicatorResult = { ...trained, met: trained.met && usk.met, margin: Math.min(trained.margin, usk.margin) };
  const uppfyllda = [kontinuitet, timavlonade, utbildning].filter((i) => i.met).length;
  const kr = krPerHour(rules, uppfyllda);
  const premietimmar = p.utforda_timmar * rules.multiplier;
  return {
    utforare: p.utforare, regi: p.regi, utforda_timmar: p.utforda_timmar,
    indicators: { kontinuitet, timavlonade, utbildning },
    underskoterskor: usk,
    continuitySource: continuityShare === undefined ? "fil" : "kunder",
    uppfyllda, kr_per_timme: kr, premietimmar, premie_kr: roundKr(premietimmar * kr),
  };
}

/** Every provider, in file order, and the total cost. */
export function evaluatePremium(
  providers: readonly ProviderInput[], rules: PremiumRules, continuityShares?: ReadonlyMap<string, number>,
): PremiumResult {
  const results = providers.map((p) => evaluateProvider(p, rules, continuityShares?.get(p.utforare)));
  return {
    rules, providers: results,
    summa_kr: roundKr(results.reduce((s, r) => s + r.premie_kr, 0)),
    withPremium: results.filter((r) => r.kr_per_timme > 0).length,
  };
}
