import { describe, expect, it } from "vitest";
import { accent, contrastRatio, ink, provider, resultGroupStyle, series } from "./palette";

// WCAG 2.1 SC 1.4.11: graphical objects needed to understand the chart need 3:1 against their background.
describe("palette", () => {
  it("gives every meaningful mark colour at least 3:1 against white", () => {
    const colours = [
      accent,
      ink.text,
      ink.muted,
      ink.reference,
      ink.national,
      ...Object.values(provider).map((p) => p.color),
      ...Object.values(series).map((s) => s.color),
      ...Object.values(resultGroupStyle).map((g) => g.color),
    ];
    for (const c of colours) expect(contrastRatio(c, "#ffffff"), c).toBeGreaterThanOrEqual(3);
  });
  it("keeps text colours at 4.5:1 (SC 1.4.3)", () => {
    for (const c of [ink.text, ink.muted]) expect(contrastRatio(c, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
  it("gives each result group its own pattern", () => {
    const patterns = Object.values(resultGroupStyle).map((g) => g.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
  });
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});
