import { describe, expect, it } from "vitest";
import { continuityShares, hourBand, median } from "./continuity";
import type { CustomerInput } from "./types";

const cust = (utforare: string, timmar: number, personal: number, row = 2): CustomerInput => ({ row, utforare, kund: `${utforare}-${row}`, timmar_per_manad: timmar, antal_personal: personal });

describe("hourBand", () => {
  it("puts each band's first and last hour in it (0–9, 10–59, 60–99, 100–134, 135–169, 170–199, 200+)", () => {
    const cases: [number, number][] = [[0, 0], [9, 0], [9.99, 0], [10, 1], [59, 1], [60, 2], [99, 2], [100, 3], [134, 3], [135, 4], [169, 4], [170, 5], [199, 5], [200, 6], [744, 6]];
    for (const [h, band] of cases) expect(hourBand(h), `${h} h`).toBe(band);
  });
});

describe("median", () => {
  it("odd count: the middle value; even: the mean of the two middle ones; none: null", () => {
    expect(median([7, 3, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([6, 7])).toBe(6.5);
    expect(median([9])).toBe(9);
    expect(median([])).toBe(null);
  });
});

describe("continuityShares", () => {
  // Band 10–59: staff 4, 6, 8 → median 6. Band 60–99: staff 10, 12, 14, 16 → median 13.
  const customers = [
    cust("A", 20, 4, 2), cust("A", 30, 6, 3), cust("B", 59, 8, 4),
    cust("A", 60, 10, 5), cust("B", 70, 12, 6), cust("B", 80, 14, 7), cust("B", 99, 16, 8),
  ];

  it("uses the file's median per band, inclusive (a customer at the median is within it)", () => {
    const r = continuityShares(customers, { kind: "median" });
    expect(r.bands.map((b) => b.reference)).toEqual([null, 6, 13, null, null, null, null]);
    expect(r.bands.map((b) => b.customers)).toEqual([0, 3, 4, 0, 0, 0, 0]);
    // A: 4 ≤ 6, 6 ≤ 6, 10 ≤ 13 → 3 of 3 = 100 %. B: 8 > 6, 12 ≤ 13, 14 > 13, 16 > 13 → 1 of 4 = 25 %.
    expect(r.providers.get("A")).toEqual({ customers: 3, within: 3, share: 100 });
    expect(r.providers.get("B")).toEqual({ customers: 4, within: 1, share: 25 });
  });

  it("uses the municipality's own reference values when given", () => {
    const r = continuityShares(customers, { kind: "egna", values: [5, 8, 12, 15, 18, 20, 25] });
    // A: 4, 6 ≤ 8; 10 ≤ 12 → 100 %. B: 8 ≤ 8; 12 ≤ 12; 14, 16 > 12 → 2 of 4 = 50 %.
    expect(r.providers.get("A")!.share).toBe(100);
    expect(r.providers.get("B")!.share).toBe(50);
    expect(r.bands[1]).toEqual({ band: 1, customers: 3, median: 6, reference: 8 });
  });

  it("refuses own values that leave a band with customers without a reference", () => {
    expect(() => continuityShares(customers, { kind: "egna", values: [5, null, 12, 15, 18, 20, 25] })).toThrow("Riktvärde saknas för 10–59 timmar per månad, där kundfilen har kunder.");
  });
});
