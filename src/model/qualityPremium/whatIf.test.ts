import { describe, expect, it } from "vitest";
import { STOCKHOLM_2022 } from "./presets";
import type { ProviderInput } from "./types";
import { sweepThreshold, sweepValues } from "./whatIf";

const p = (utforare: string, kont: number, tim: number): ProviderInput => ({
  row: 2, utforare, regi: null, utforda_timmar: 100, andel_kunder_inom_riktvarde: kont, andel_timmar_timavlonade: tim, andel_utbildade: 90, andel_underskoterskor: 30,
});

describe("sweepThreshold", () => {
  // Education met by all. A: continuity 95, hourly 10; B: 85, 25; C: 90, 22.
  const providers = [p("A", 95, 10), p("B", 85, 25), p("C", 90, 22)];

  it("counts providers with a premium and the cost as the continuity limit moves", () => {
    const pts = sweepThreshold(providers, STOCKHOLM_2022, "continuityMinShare", [85, 90, 95, 96]);
    // 85: A 3/3, B 2/3 (hourly 25 > 22), C 3/3 → 15+5+15 = 35 kr × 800 h = 28 000.
    // 90: A 3, B 1 (0 kr), C 3 → 30 × 800 = 24 000. 95: A 3, C 2 → 20 × 800 = 16 000. 96: A 2, C 2 → 8 000.
    expect(pts).toEqual([
      { threshold: 85, withPremium: 3, allThree: 2, cost: 28_000 },
      { threshold: 90, withPremium: 2, allThree: 2, cost: 24_000 },
      { threshold: 95, withPremium: 2, allThree: 1, cost: 16_000 },
      { threshold: 96, withPremium: 2, allThree: 0, cost: 8_000 },
    ]);
  });

  it("moves an at-most limit the other way", () => {
    const pts = sweepThreshold(providers, STOCKHOLM_2022, "hourlyPaidMaxShare", [21, 25]);
    // 21: A 3/3 (15), B 1/3 (0), C continuity+education 2/3 (5) → 20 × 800. 25: A 15, B 2/3 5, C 15 → 35 × 800.
    expect(pts.map((x) => x.cost)).toEqual([16_000, 28_000]);
  });
});

describe("sweepValues", () => {
  it("spans ±30 within 0–100 and includes the current limit", () => {
    expect(sweepValues(90)).toEqual(Array.from({ length: 41 }, (_, i) => 60 + i));
    expect(sweepValues(22.5, 2)).toEqual([20, 21, 22, 22.5, 23, 24, 25]);
    expect(sweepValues(0, 2)).toEqual([0, 1, 2]);
  });
});
