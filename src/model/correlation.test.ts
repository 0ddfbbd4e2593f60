import { describe, expect, it } from "vitest";
import { correlationWords, pearson } from "./correlation";

describe("pearson", () => {
  it("is 1 for a perfect line and −1 for a falling one", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])!.r).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])!.r).toBeCloseTo(-1, 12);
  });
  it("matches a hand computation and skips incomplete pairs", () => {
    // Deviations x −1,5 −0,5 0,5 1,5 and y −0,5 −1,5 1,5 0,5: sxy = 4 × 0,75 = 3, sxx = syy = 5 → r = 3/5 = 0,6.
    const c = pearson([1, 2, null, 3, 4], [2, 1, 9, 4, 3]);
    expect(c!.n).toBe(4);
    expect(c!.r).toBeCloseTo(0.6, 12);
  });
  it("gives null for fewer than three pairs or no spread", () => {
    expect(pearson([1, 2], [1, 2])).toBeNull();
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
  });
  it("words the strength", () => {
    expect([0.05, -0.2, 0.4, -0.7].map(correlationWords)).toEqual(["inget", "svagt", "måttligt", "starkt"]);
  });
});
