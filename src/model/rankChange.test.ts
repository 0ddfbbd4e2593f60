import { describe, expect, it } from "vitest";
import { indicatorSetDifference, previousYear, rankChange } from "./rankChange";

const at = (year: number, rank: number | null, low: number | null, high: number | null) => ({ year, rank, low, high });

describe("rankChange (a change only when the intervals do not overlap)", () => {
  it("calls Kiruna's 94-place fall 'ungefär oförändrad' when the intervals overlap", () => {
    // 2019: rank 128, interval 90–190; 2022: rank 222, interval 186–258 → 186 ≤ 190 overlaps.
    const c = rankChange(at(2019, 128, 90, 190), at(2022, 222, 186, 258));
    expect(c.places).toBe(-94);
    expect(c.verdict).toBe("oförändrad");
    expect(c.certain).toBe(false);
  });

  it("says 'föll' when the later interval lies wholly below (worse than) the earlier one", () => {
    const c = rankChange(at(2019, 40, 20, 70), at(2022, 200, 150, 240));
    expect(c).toMatchObject({ places: -160, verdict: "föll", certain: true });
  });

  it("says 'steg' when the later interval lies wholly above (better than) the earlier one", () => {
    const c = rankChange(at(2020, 250, 210, 280), at(2022, 49, 12, 90));
    expect(c).toMatchObject({ places: 201, verdict: "steg", certain: true });
  });

  it("treats touching intervals as overlapping (the same rank is possible in both years)", () => {
    expect(rankChange(at(2020, 30, 10, 50), at(2022, 70, 50, 90)).verdict).toBe("oförändrad");
    expect(rankChange(at(2020, 70, 50, 90), at(2022, 30, 10, 50)).verdict).toBe("oförändrad");
    // One place apart: disjoint.
    expect(rankChange(at(2020, 70, 51, 90), at(2022, 30, 10, 50)).verdict).toBe("steg");
  });

  it("claims nothing when a year has no rank (low coverage, no data)", () => {
    expect(rankChange(at(2020, null, null, null), at(2022, 5, 1, 9))).toMatchObject({ places: null, verdict: "saknas", certain: false });
    expect(rankChange(at(2020, 5, 1, 9), at(2022, null, null, null)).verdict).toBe("saknas");
  });

  it("uses the rank itself when an interval bound is missing", () => {
    expect(rankChange(at(2020, 100, null, null), at(2022, 10, 5, 20)).verdict).toBe("steg");
    expect(rankChange(at(2020, 100, null, null), at(2022, 90, 80, 100)).verdict).toBe("oförändrad");
  });
});

describe("previousYear and indicatorSetDifference", () => {
  it("finds the previous published year across a gap (no survey in 2021)", () => {
    expect(previousYear([2019, 2020, 2022], 2022)).toBe(2020);
    expect(previousYear([2019, 2020, 2022], 2019)).toBeNull();
  });

  it("lists indicators added and dropped between two years", () => {
    expect(indicatorSetDifference(["a", "b", "c"], ["b", "c", "d"])).toEqual({ added: ["d"], dropped: ["a"], common: ["b", "c"] });
  });
});
