// Hand-computed boundaries of the Stockholm 2022 rules: limits are inclusive, 3 of 3 → 15 kr/h,
// 2 of 3 → 5 kr/h, else 0; premium = reading-month hours × 8 × kr per hour.
import { describe, expect, it } from "vitest";
import { evaluatePremium, evaluateProvider, krPerHour } from "./evaluate";
import { ALL_THREE_ONLY, STOCKHOLM_2022 } from "./presets";
import type { ProviderInput } from "./types";

const base: ProviderInput = {
  row: 2, utforare: "Exempel A", regi: "enskild", utforda_timmar: 1000,
  andel_kunder_inom_riktvarde: 90, andel_timmar_timavlonade: 22, andel_utbildade: 80, andel_underskoterskor: 20,
};
const at = (over: Partial<ProviderInput>) => evaluateProvider({ ...base, ...over }, STOCKHOLM_2022);

describe("evaluateProvider (Stockholm 2022)", () => {
  it("meets every indicator exactly at its limit (inclusive) → 15 kr/h × 1000 h × 8 = 120 000 kr", () => {
    const r = at({});
    expect(r.indicators.kontinuitet).toEqual({ met: true, value: 90, limit: 90, margin: 0 });
    expect(r.indicators.timavlonade).toEqual({ met: true, value: 22, limit: 22, margin: 0 });
    expect(r.indicators.utbildning.met).toBe(true);
    expect(r.uppfyllda).toBe(3);
    expect(r.kr_per_timme).toBe(15);
    expect(r.premietimmar).toBe(8000);
    expect(r.premie_kr).toBe(120_000);
  });

  it("misses each limit just beyond it", () => {
    expect(at({ andel_kunder_inom_riktvarde: 89.9 }).indicators.kontinuitet.met).toBe(false);
    expect(at({ andel_timmar_timavlonade: 22.1 }).indicators.timavlonade.met).toBe(false);
    expect(at({ andel_utbildade: 79.9 }).indicators.utbildning.met).toBe(false);
    expect(at({ andel_underskoterskor: 19.9 }).indicators.utbildning.met).toBe(false);
  });

  it("2 of 3 → 5 kr/h: 1000 h × 8 × 5 = 40 000 kr", () => {
    for (const miss of [{ andel_kunder_inom_riktvarde: 50 }, { andel_timmar_timavlonade: 40 }, { andel_underskoterskor: 0 }]) {
      const r = at(miss);
      expect(r.uppfyllda).toBe(2);
      expect(r.kr_per_timme).toBe(5);
      expect(r.premie_kr).toBe(40_000);
    }
  });

  it("1 of 3 and 0 of 3 → 0 kr", () => {
    const one = at({ andel_kunder_inom_riktvarde: 50, andel_timmar_timavlonade: 40 });
    expect([one.uppfyllda, one.kr_per_timme, one.premie_kr]).toEqual([1, 0, 0]);
    const none = at({ andel_kunder_inom_riktvarde: 0, andel_timmar_timavlonade: 100, andel_utbildade: 0 });
    expect([none.uppfyllda, none.kr_per_timme, none.premie_kr]).toEqual([0, 0, 0]);
  });

  it("zero hours meets the indicators but costs nothing", () => {
    const r = at({ utforda_timmar: 0 });
    expect([r.uppfyllda, r.kr_per_timme, r.premietimmar, r.premie_kr]).toEqual([3, 15, 0, 0]);
  });

  it("says by how much: margins in percentage points in the direction that counts", () => {
    const r = at({ andel_kunder_inom_riktvarde: 95.5, andel_timmar_timavlonade: 10, andel_utbildade: 85, andel_underskoterskor: 21 });
    expect(r.indicators.kontinuitet.margin).toBeCloseTo(5.5, 10);
    expect(r.indicators.timavlonade.margin).toBe(12);
    // Education: the smaller of 85 − 80 = 5 and 21 − 20 = 1.
    expect(r.indicators.utbildning.margin).toBe(1);
    expect(r.underskoterskor).toEqual({ met: true, value: 21, limit: 20, margin: 1 });
  });

  it("takes the continuity share from the customer file when given", () => {
    const r = evaluateProvider({ ...base, andel_kunder_inom_riktvarde: null }, STOCKHOLM_2022, 89);
    expect(r.indicators.kontinuitet.met).toBe(false);
    expect(r.continuitySource).toBe("kunder");
    expect(() => evaluateProvider({ ...base, andel_kunder_inom_riktvarde: null }, STOCKHOLM_2022)).toThrow(/saknas/);
  });

  it("rounds to öre: 333,3 h × 8 × 15 = 39 996 kr; 0,1 h × 8 × 5 = 4 kr", () => {
    expect(at({ utforda_timmar: 333.3 }).premie_kr).toBe(39_996);
    expect(at({ utforda_timmar: 0.1, andel_underskoterskor: 0 }).premie_kr).toBe(4);
  });
});

describe("levels and totals", () => {
  it("applies the highest level reached", () => {
    expect([3, 2, 1, 0].map((n) => krPerHour(STOCKHOLM_2022, n))).toEqual([15, 5, 0, 0]);
    expect([3, 2].map((n) => krPerHour(ALL_THREE_ONLY, n))).toEqual([15, 0]);
    expect(krPerHour({ ...STOCKHOLM_2022, levels: [{ met: 2, krPerHour: 5 }, { met: 3, krPerHour: 15 }] }, 3)).toBe(15);
  });

  it("sums every provider's premium and counts those who get one", () => {
    const r = evaluatePremium([
      { ...base, utforare: "A", utforda_timmar: 1000 }, // 3 of 3: 120 000
      { ...base, utforare: "B", utforda_timmar: 500, andel_timmar_timavlonade: 30 }, // 2 of 3: 500 × 8 × 5 = 20 000
      { ...base, utforare: "C", utforda_timmar: 700, andel_timmar_timavlonade: 30, andel_utbildade: 10 }, // 1 of 3: 0
    ], STOCKHOLM_2022);
    expect(r.providers.map((p) => p.premie_kr)).toEqual([120_000, 20_000, 0]);
    expect(r.summa_kr).toBe(140_000);
    expect(r.withPremium).toBe(2);
  });

  it("follows edited rules: other multiplier and amounts", () => {
    const rules = { ...STOCKHOLM_2022, multiplier: 12, levels: [{ met: 3, krPerHour: 20 }, { met: 2, krPerHour: 10 }] };
    expect(evaluateProvider(base, rules).premie_kr).toBe(1000 * 12 * 20);
  });
});
