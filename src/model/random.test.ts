import { describe, expect, it } from "vitest";
import { binomial, mulberry32, seedFromString } from "./random";

describe("seeded random", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = mulberry32(42), b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(new Set(xs).size).toBe(5);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
  it("derives different seeds from different codes", () => {
    expect(seedFromString("0114")).not.toBe(seedFromString("0115"));
    expect(seedFromString("0114")).toBe(seedFromString("0114"));
  });
  it("draws binomials with the right mean", () => {
    const r = mulberry32(7);
    let sum = 0;
    for (let i = 0; i < 2000; i++) sum += binomial(r, 200, 0.8);
    expect(sum / 2000 / 200).toBeCloseTo(0.8, 2);
  });
});

describe("fillNormal", () => {
  it("draws standard normals reproducibly", async () => {
    const { fillNormal } = await import("./random");
    const a = fillNormal(mulberry32(3), new Float64Array(20001));
    const b = fillNormal(mulberry32(3), new Float64Array(20001));
    expect(Array.from(a)).toEqual(Array.from(b));
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    const variance = a.reduce((s, x) => s + (x - mean) ** 2, 0) / a.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
  });
});

describe("fast normals", () => {
  it("inverts the normal CDF at known points", async () => {
    const { inverseNormalCdf } = await import("./random");
    expect(inverseNormalCdf(0.5)).toBeCloseTo(0, 12);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormalCdf(0.05)).toBeCloseTo(-1.644854, 5);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232, 5);
  });
  it("draws with mean 0, variance 1 and normal tails, reproducibly", async () => {
    const { fillNormalFast } = await import("./random");
    const a = fillNormalFast(mulberry32(4), new Float64Array(50000));
    expect(Array.from(fillNormalFast(mulberry32(4), new Float64Array(50000)))).toEqual(Array.from(a));
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    const variance = a.reduce((s, x) => s + (x - mean) ** 2, 0) / a.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
    expect(a.filter((x) => x > 1.645).length / a.length).toBeCloseTo(0.05, 2);
  });
});
