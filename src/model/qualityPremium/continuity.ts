// Per-customer continuity (Stockholm's method): each customer falls in a band of monthly hours; the
// band has a reference number of staff; a customer is within the reference when they met no more staff
// than it (inclusive). A provider's share is its customers within the reference / all its customers.
// The reference per band is the municipality's own value, or the median of the uploaded file (Stockholm
// used the previous year's median).
import { bandLabel, HOUR_BANDS } from "./presets";
import type { CustomerInput } from "./types";
import { median } from "../median";

/** Index of the band a customer's monthly hours fall in: [0, 10) → 0 (0–9), …, [200, ∞) → 6 (200+). */
export function hourBand(hours: number, bands: readonly number[] = HOUR_BANDS): number {
  let band = 0;
  for (let i = 0; i < bands.length; i++) if (hours >= bands[i]) band = i;
  return band;
}

export { median } from "../median";

export type ReferenceChoice = { kind: "median" } | { kind: "egna"; values: readonly (number | null)[] };

export interface BandSummary {
  band: number;
  customers: number;
  /** The median number of staff in the file for this band (null: no customers). */
  median: number | null;
  /** The reference used (null: no customers and no own value). */
  reference: number | null;
}

export interface ProviderContinuity {
  customers: number;
  within: number;
  /** Share (%) of the provider's customers within the reference. */
  share: number;
}

export interface ContinuityResult {
  bands: BandSummary[];
  providers: Map<string, ProviderContinuity>;
}

/**
 * Reference values per band and each provider's share within them. Throws (Swedish) when an own
 * reference value is missing for a band that has customers.
 */
export function continuityShares(customers: readonly CustomerInput[], choice: ReferenceChoice): ContinuityResult {
  const staffByBand: number[][] = HOUR_BANDS.map(() => []);
  for (const c of customers) staffByBand[hourBand(c.timmar_per_manad)].push(c.antal_personal);
  const bands = staffByBand.map((staff, band): BandSummary => {
    const med = median(staff);
    const own = choice.kind === "egna" ? choice.values[band] ?? null : null;
    return { band, customers: staff.length, median: med, reference: choice.kind === "median" ? med : own };
  });
  const missing = bands.filter((b) => b.customers > 0 && b.reference === null);
  if (missing.length > 0) {
    throw new Error(`Riktvärde saknas för ${missing.map((b) => `${bandLabel(b.band)} timmar`).join(", ")} per månad, där kundfilen har kunder.`);
  }
  const providers = new Map<string, ProviderContinuity>();
  for (const c of customers) {
    const p = providers.get(c.utforare) ?? { customers: 0, within: 0, share: 0 };
    p.customers += 1;
    if (c.antal_personal <= (bands[hourBand(c.timmar_per_manad)].reference as number)) p.within += 1;
    providers.set(c.utforare, p);
  }
  for (const p of providers.values()) p.share = (p.within / p.customers) * 100;
  return { bands, providers };
}
