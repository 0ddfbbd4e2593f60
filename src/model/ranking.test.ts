import { describe, expect, it } from "vitest";
import { competitionRanks, ranksAgainst, resultGroup } from "./ranking";

describe("competition ranks", () => {
  it("gives ties the same (best) rank and skips the next", () => {
    const { ranks, n } = competitionRanks([70.1, 80.5, 70.1, 90, NaN, 60]);
    expect(Array.from(ranks)).toEqual([3, 2, 3, 1, 0, 5]);
    expect(n).toBe(5);
  });
  it("ranks 1..N without ties", () => {
    const { ranks } = competitionRanks([3, 1, 2]);
    expect(Array.from(ranks)).toEqual([1, 3, 2]);
  });
});

describe("ranks with low-coverage entries outside the ranking", () => {
  it("ranks counted entries 1..n and gives the others their place without moving anyone", () => {
    // values 90 (low coverage), 80, 70, 70, 60 (low coverage), 50
    const { ranks, n } = ranksAgainst([90, 80, 70, 70, 60, 50, NaN], [0, 1, 1, 1, 0, 1, 1]);
    expect(Array.from(ranks)).toEqual([1, 1, 2, 2, 4, 4, 0]);
    expect(n).toBe(4);
  });
});

describe("result groups", () => {
  // N = 100: median rank 50.5, best quarter ≤ 25, worst quarter > 75.
  it("puts an interval containing the median in nära medel", () => {
    expect(resultGroup(40, 60, 100)).toBe("nära medel");
    expect(resultGroup(50, 51, 100)).toBe("nära medel");
  });
  it("puts an interval wholly better than the median in över medel, wholly in the best quarter in högt", () => {
    expect(resultGroup(20, 50, 100)).toBe("över medel");
    expect(resultGroup(1, 25, 100)).toBe("högt");
    expect(resultGroup(1, 26, 100)).toBe("över medel");
  });
  it("mirrors the rule at the bottom", () => {
    expect(resultGroup(51, 80, 100)).toBe("under medel");
    expect(resultGroup(76, 100, 100)).toBe("lågt");
    expect(resultGroup(75, 100, 100)).toBe("under medel");
  });
  it("classifies point ranks (no bootstrap) by the same rule", () => {
    expect(resultGroup(3, 3, 12)).toBe("högt");
    expect(resultGroup(6, 6, 12)).toBe("över medel");
    expect(resultGroup(7, 7, 12)).toBe("under medel");
    expect(resultGroup(10, 10, 12)).toBe("lågt");
  });
});
