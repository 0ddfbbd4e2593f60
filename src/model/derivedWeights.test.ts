import { describe, expect, it } from "vitest";
import type { PooledDerivedAnalysis } from "./derivedWeights";
import { derivedYearWeights, subIndexRelativeWeights } from "./derivedWeights";
import { CATALOGUE } from "./catalogue";
import { SENIOR_SUB_INDEX_WEIGHTS, catalogueIndicatorWeights, yearWeights } from "./weights";

// Columns of the 8 × 8 Sylvester–Hadamard matrix without the all-ones column: mean 0, mutually
// orthogonal, each with sum of squares 8. With orthogonal predictors Johnson's weight of a predictor is
// its squared correlation with the outcome, so every expectation below is computed by hand.
const H = [
  [1, -1, 1, -1, 1, -1, 1, -1], [1, 1, -1, -1, 1, 1, -1, -1], [1, -1, -1, 1, 1, -1, -1, 1],
  [1, 1, 1, 1, -1, -1, -1, -1],
];
const [h1, h2, h3, h4] = H;
const y = h1.map((_, r) => 2 * h1[r] + h2[r] + 0.5 * h4[r]); // |y|² = 8 (4 + 1 + 0.25) = 42
const info = (id: string, values: number[]) => ({ id, subIndex: "information" as const, weight: 0.5, values });
const utf = { id: "C", subIndex: "utforande" as const, weight: 1, values: h2 };
const share = (a: ReturnType<typeof subIndexRelativeWeights>, s: "information" | "utforande") =>
  (a.subIndex[s] as number) / ((a.subIndex.information as number) + (a.subIndex.utforande as number));

describe("derived weights at sub-index level (hand-computed)", () => {
  const base = subIndexRelativeWeights(y, [info("A", h1), utf]);
  it("gives each sub-index its squared correlation with the outcome when the sub-indices are orthogonal", () => {
    expect(base.subIndex.information).toBeCloseTo(16 ** 2 / (42 * 8), 12); // r² = 256/336 = 0.7619
    expect(base.subIndex.utforande).toBeCloseTo(8 ** 2 / (42 * 8), 12); // 64/336 = 0.1905
    expect(share(base, "information")).toBeCloseTo(0.8, 12);
  });
  it("an exact copy of an item leaves its sub-index's weight unchanged", () => {
    const copied = subIndexRelativeWeights(y, [info("A", h1), info("A2", [...h1]), utf]);
    expect(share(copied, "information")).toBeCloseTo(0.8, 12);
    // Within the sub-index the item and its copy split the item's weight.
    expect(copied.items.A).toBeCloseTo(copied.items.A2, 9);
    expect(copied.items.A + copied.items.A2).toBeCloseTo(base.items.A, 9);
  });
  it("a near-copy does not multiply its sub-index's weight (it dilutes the mean a little instead)", () => {
    const near = h1.map((x, r) => x + 0.3 * h3[r]); // A + noise orthogonal to everything else
    const a = subIndexRelativeWeights(y, [info("A", h1), info("A2", near), utf]);
    // Information mean = A + 0.15·h3: r² = 16² / (42 · 8 · 1.0225) = 0.74513; Utförande 0.19048
    const r2Info = 256 / (42 * 8 * 1.0225), r2Utf = 64 / 336;
    expect(a.subIndex.information).toBeCloseTo(r2Info, 10);
    expect(share(a, "information")).toBeCloseTo(r2Info / (r2Info + r2Utf), 10); // 0.7964 < 0.8
    expect(share(a, "information")).toBeLessThan(share(base, "information"));
  });
});

describe("derived year weights", () => {
  const active = CATALOGUE.filter((e) => e.lastYear === null || e.lastYear >= 2022).filter((e) => e.firstYear === null || e.firstYear <= 2022);
  const baseW = yearWeights(SENIOR_SUB_INDEX_WEIGHTS, catalogueIndicatorWeights(), active);
  const analysis: Pick<PooledDerivedAnalysis, "items" | "subIndexShare"> = {
    subIndexShare: { information: 0.2, bistandshandlaggning: 0.1, utforande: 0.7 },
    items: Object.fromEntries(active.filter((e) => e.survey && e.id !== "U21468").map((e) => [e.id, 0.05])),
  };
  const w = derivedYearWeights(baseW, active, analysis);
  it("spreads 85 % over the analysed sub-indices by their shares and keeps Stöd och utveckling at 15 %", () => {
    expect(w.subIndex.information).toBeCloseTo(0.85 * 0.2, 12);
    expect(w.subIndex.bistandshandlaggning).toBeCloseTo(0.85 * 0.1, 12);
    expect(w.subIndex.utforande).toBeCloseTo(0.85 * 0.7, 12);
    expect(w.subIndex.stod_utveckling).toBeCloseTo(0.15, 12);
  });
  it("leaves the outcome U21468 out of the index and renormalises each sub-index to 1", () => {
    expect(w.indicator.U21468).toBe(0);
    for (const s of ["information", "bistandshandlaggning", "utforande", "stod_utveckling"] as const) {
      const sum = active.filter((e) => e.subIndex === s).reduce((a, e) => a + w.indicator[e.id], 0);
      expect(sum).toBeCloseTo(1, 12);
    }
  });
});
