import { describe, expect, it } from "vitest";
import { catalogueEntry } from "./catalogue";
import { round1, scoreIndicator, scoreValue } from "./scoring";

describe("scoring rules (hand-computed)", () => {
  it("scores a share as it is, and 100 − share when lower is better", () => {
    expect(scoreValue({ kind: "andel" }, "hogre_battre", 87.4)).toBe(87.4);
    expect(scoreValue({ kind: "andel" }, "lagre_battre", 12.5)).toBe(87.5);
    expect(scoreValue({ kind: "andel" }, "hogre_battre", 104)).toBe(100); // clamped
  });
  it("scores yes/no as 0/100", () => {
    expect(scoreValue({ kind: "ja_nej" }, "hogre_battre", 1)).toBe(100);
    expect(scoreValue({ kind: "ja_nej" }, "hogre_battre", 0)).toBe(0);
  });
  it("scores 0/1/2 coded items as 0/50/100", () => {
    expect([0, 1, 2].map((v) => scoreValue({ kind: "kod_012" }, "hogre_battre", v))).toEqual([0, 50, 100]);
  });
  it("scores continuity by the fixed anchors 8 (100) and 25 (0), linear between", () => {
    const e = catalogueEntry("U21401");
    expect(scoreIndicator(e, 8)).toBe(100);
    expect(scoreIndicator(e, 6)).toBe(100);
    expect(scoreIndicator(e, 25)).toBe(0);
    expect(scoreIndicator(e, 30)).toBe(0);
    expect(scoreIndicator(e, 16.5)).toBeCloseTo(50, 10); // (25 − 16.5) / 17 = 0.5
    expect(scoreIndicator(e, 15)).toBeCloseTo((100 * 10) / 17, 10);
  });
  it("returns NaN for a missing value", () => {
    expect(scoreIndicator(catalogueEntry("U21468"), null)).toBeNaN();
  });
  it("uses the unit rule for routines (Ja=1/Nej=0) and the share rule for the municipality", () => {
    const e = catalogueEntry("U21557");
    expect(scoreIndicator(e, 1, true)).toBe(100);
    expect(scoreIndicator(e, 0, true)).toBe(0);
    expect(scoreIndicator(e, 75)).toBe(75);
  });
  it("rounds half away from zero to one decimal", () => {
    expect(round1(72.25)).toBe(72.3);
    expect(round1(72.24)).toBe(72.2);
    expect(round1(0.05)).toBe(0.1);
  });
});
