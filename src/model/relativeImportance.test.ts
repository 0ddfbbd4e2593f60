import { describe, expect, it } from "vitest";
import { mulberry32, normal } from "./random";
import { johnsonRelativeWeights, relativeImportance, symmetricEigen } from "./relativeImportance";

function ols_r2(x: number[][], y: number[]): number {
  // R² of y on the columns of x (with intercept), by normal equations and Gaussian elimination.
  const n = y.length, p = x.length + 1;
  const cols = [Array(n).fill(1), ...x];
  const a = cols.map((ci) => cols.map((cj) => ci.reduce((s, v, k) => s + v * cj[k], 0)));
  const b = cols.map((ci) => ci.reduce((s, v, k) => s + v * y[k], 0));
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) {
      const f = a[j][i] / a[i][i];
      for (let k = i; k < p; k++) a[j][k] -= f * a[i][k];
      b[j] -= f * b[i];
    }
  }
  const beta = Array(p).fill(0);
  for (let i = p - 1; i >= 0; i--) beta[i] = (b[i] - a[i].slice(i + 1).reduce((s, v, k) => s + v * beta[i + 1 + k], 0)) / a[i][i];
  const fit = y.map((_, k) => cols.reduce((s, c, j) => s + beta[j] * c[k], 0));
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const sst = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  return 1 - y.reduce((s, v, k) => s + (v - fit[k]) ** 2, 0) / sst;
}

describe("symmetric eigen-decomposition", () => {
  it("satisfies A v = λ v", () => {
    const a = [[4, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 2]];
    const { values, vectors } = symmetricEigen(a);
    for (let k = 0; k < 3; k++) {
      for (let i = 0; i < 3; i++) {
        const av = a[i].reduce((s, aij, j) => s + aij * vectors[j][k], 0);
        expect(av).toBeCloseTo(values[k] * vectors[i][k], 10);
      }
    }
    expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(9, 10); // trace
  });
});

describe("Johnson's relative weights", () => {
  it("recovers known weights with independent predictors: ε_j = b_j² / var(y)", () => {
    const r = mulberry32(5);
    const n = 20000, b = [3, 2, 1, 0];
    const x = b.map(() => Array.from({ length: n }, () => normal(r)));
    const y = Array.from({ length: n }, (_, k) => b.reduce((s, bj, j) => s + bj * x[j][k], 0) + normal(r));
    const { raw, r2 } = johnsonRelativeWeights(x, y);
    const vary = 9 + 4 + 1 + 1; // Σ b² + noise
    expect(r2).toBeCloseTo(14 / 15, 2);
    [9, 4, 1, 0].forEach((b2, j) => expect(raw[j]).toBeCloseTo(b2 / vary, 2));
  });
  it("splits R² exactly (weights sum to the OLS R²) and is close to Shapley with correlated predictors", () => {
    const r = mulberry32(11);
    const n = 3000;
    const z = Array.from({ length: n }, () => normal(r));
    const x1 = z.map((v) => v + 0.5 * normal(r));
    const x2 = z.map((v) => v + 0.8 * normal(r));
    const x3 = Array.from({ length: n }, () => normal(r));
    const y = z.map((_, k) => x1[k] + 0.5 * x2[k] + 0.7 * x3[k] + normal(r));
    const x = [x1, x2, x3];
    const { raw, r2 } = johnsonRelativeWeights(x, y);
    expect(r2).toBeCloseTo(ols_r2(x, y), 8);
    // Shapley decomposition of R² over the three predictors (exact, 8 subsets).
    const r2of = (set: number[]) => (set.length ? ols_r2(set.map((i) => x[i]), y) : 0);
    const shapley = [0, 1, 2].map((j) => {
      const others = [0, 1, 2].filter((i) => i !== j);
      const subsets = [[], [others[0]], [others[1]], others];
      const w = [1 / 3, 1 / 6, 1 / 6, 1 / 3];
      return subsets.reduce((s, set, k) => s + w[k] * (r2of([...set, j]) - r2of(set)), 0);
    });
    raw.forEach((v, j) => expect(Math.abs(v - shapley[j])).toBeLessThan(0.02));
    expect(raw[0]).toBeGreaterThan(raw[1]); // x1 has the larger effect of the two correlated ones
  });
  it("analyses a year only with enough complete rows and reports n, R² and shares summing to 1", () => {
    const r = mulberry32(3);
    const data = Array.from({ length: 60 }, () => {
      const a = normal(r), b = normal(r);
      return { A: a, B: b, Y: 2 * a + b + 0.3 * normal(r) };
    });
    data[0].A = NaN;
    const res = relativeImportance(2022, "Y", ["A", "B"], data.length, (k, i) => (data[i] as Record<string, number>)[k]);
    expect(res).not.toBeNull();
    expect(res!.n).toBe(59);
    expect(res!.items[0].share + res!.items[1].share).toBeCloseTo(1, 12);
    expect(res!.items[0].share).toBeGreaterThan(0.7); // 4 / 5 of the explained variance
    expect(relativeImportance(2022, "Y", ["A", "B"], 20, (k, i) => (data[i] as Record<string, number>)[k])).toBeNull();
  });
});
