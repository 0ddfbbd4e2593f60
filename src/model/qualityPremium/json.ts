// The machine-readable result (CLI --json): {"utforare":[…], "summa_kr": z}, Swedish keys, shares in
// percent, margins in percentage points (cleaned of binary float noise).
import type { PremiumResult, ProviderResult } from "./types";

const clean = (x: number) => Math.round(x * 1e6) / 1e6;

export interface ProviderJson {
  utforare: string;
  regi: string | null;
  utforda_timmar: number;
  uppfyllda: number;
  kr_per_timme: number;
  premietimmar: number;
  premie_kr: number;
  kontinuitet: { andel: number; grans: number; uppfyllt: boolean; marginal: number; kalla: "fil" | "kunder" };
  timavlonade: { andel: number; grans: number; uppfyllt: boolean; marginal: number };
  utbildning: {
    andel_utbildade: number; grans_utbildade: number; andel_underskoterskor: number; grans_underskoterskor: number;
    uppfyllt: boolean; marginal: number;
  };
}

export function providerJson(p: ProviderResult): ProviderJson {
  const { kontinuitet: k, timavlonade: t, utbildning: u } = p.indicators;
  return {
    utforare: p.utforare, regi: p.regi, utforda_timmar: p.utforda_timmar,
    uppfyllda: p.uppfyllda, kr_per_timme: p.kr_per_timme, premietimmar: clean(p.premietimmar), premie_kr: p.premie_kr,
    kontinuitet: { andel: clean(k.value), grans: k.limit, uppfyllt: k.met, marginal: clean(k.margin), kalla: p.continuitySource },
    timavlonade: { andel: t.value, grans: t.limit, uppfyllt: t.met, marginal: clean(t.margin) },
    utbildning: {
      andel_utbildade: u.value, grans_utbildade: u.limit, andel_underskoterskor: p.underskoterskor.value,
      grans_underskoterskor: p.underskoterskor.limit, uppfyllt: u.met, marginal: clean(u.margin),
    },
  };
}

export function premiumJson(r: PremiumResult): { utforare: ProviderJson[]; summa_kr: number } {
  return { utforare: r.providers.map(providerJson), summa_kr: r.summa_kr };
}
