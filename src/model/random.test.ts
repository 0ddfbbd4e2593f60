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
