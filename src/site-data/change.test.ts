import { describe, expect, it } from "vitest";
import type { RankChangeRow } from "../model/outputTables";
import type { MunicipalityRow } from "../pipeline/tables";
import { CHANGE_CSV_HEADER, changeCsvRows, changeIndex, changeOf, changeRows, comparableChange, largestCertainChanges, pairIndicators, recomputedChanges } from "./change";

const m = (code: string, name: string) => ({ code, name } as MunicipalityRow);
const c = (
  municipality: string, from: [number | null, number | null, number | null], to: [number | null, number | null, number | null],
  same = false, fromYear = 2020, toYear = 2022,
): RankChangeRow => ({
  from_year: fromYear, to_year: toYear, municipality, weight_set: "w", missing_rule: "r",
  rank_from: from[0], rank_low_from: from[1], rank_high_from: from[2], total_from: 50,
  rank_to: to[0], rank_low_to: to[1], rank_high_to: to[2], total_to: 50, n_ranked_from: 4, n_ranked_to: 4,
  places: null, verdict: "", certain: false, indicators: "U1;U2;U3", same_indicators: same,
});
const munis = [m("0001", "Ö-kommun"), m("0002", "A-kommun"), m("0003", "Låg"), m("0004", "Ny")];
// Ranks as the model computed them on the common indicators; the verdict is re-derived by the rule.
const changes = [
  c("0001", [4, 3, 4], [1, 1, 2]), // rose, disjoint → certain
  c("0002", [1, 1, 2], [3, 2, 4]), // fell, overlapping at 2 → not certain
  c("0003", [2, 1, 3], [null, null, null]), // below the coverage limit on the common set → no change
  c("0004", [null, null, null], [4, 3, 4]), // no 2020 score
  c("0001", [2, 1, 3], [4, 3, 4], true, 2019, 2020),
  { ...c("0001", [1, 1, 1], [1, 1, 1]), weight_set: "other" },
];

describe("change rows", () => {
  const rows = changeRows(changes, munis, 2020, 2022, "w", "r");
  it("applies the change rule per municipality and claims nothing for low coverage or a missing year", () => {
    expect(rows.map((r) => [r.code, r.change.verdict, r.change.places, r.change.certain])).toEqual([
      ["0001", "steg", 3, true], ["0002", "oförändrad", -2, false], ["0003", "saknas", null, false], ["0004", "saknas", null, false],
    ]);
  });
  it("says how many indicators the years were compared on and whether the set was the same", () => {
    expect(rows[0].change).toMatchObject({ sameIndicators: false, indicatorCount: 3 });
    expect(pairIndicators(rows)).toEqual({ count: 3, same: false });
  });
  it("lists only certain changes in the largest-change view", () => {
    expect(largestCertainChanges(rows, "steg").map((r) => r.code)).toEqual(["0001"]);
    expect(largestCertainChanges(rows, "föll")).toEqual([]);
  });
  it("looks a change up by pair and code, and claims nothing without a row", () => {
    const index = changeIndex(changes, "w", "r");
    expect(changeOf(index, "0001", 2019, 2020)).toMatchObject({ places: -2, verdict: "oförändrad", sameIndicators: true });
    expect(changeOf(index, "0009", 2020, 2022)).toMatchObject({ verdict: "saknas", places: null });
    expect(index.size).toBe(5);
  });
  it("writes the CSV rows in the published column order, consecutive pairs only", () => {
    expect(CHANGE_CSV_HEADER.join(";")).toBe("kommunkod;kommun;fran_ar;till_ar;rang_fran;rang_till;lag_fran;hog_fran;lag_till;hog_till;forandring;sakerstalld");
    const csv = changeCsvRows([...changes, c("0002", [1, 1, 1], [2, 2, 2], false, 2019, 2022)], munis, [2022, 2020, 2019], "w", "r");
    expect(csv[0]).toEqual(["0001", "Ö-kommun", 2019, 2020, 2, 4, 1, 3, 3, 4, -2, "nej"]);
    expect(csv[1]).toEqual(["0001", "Ö-kommun", 2020, 2022, 4, 1, 3, 4, 1, 2, 3, "ja"]);
    expect(csv[2].at(-1)).toBe("nej");
    expect(csv[3]).toEqual(["0003", "Låg", 2020, 2022, 2, null, 1, 3, null, null, null, "nej"]);
    expect(csv.some((r) => r[2] === 2019 && r[3] === 2022)).toBe(false);
  });
});

describe("recomputedChanges", () => {
  it("keeps only changes computed on a smaller common set, and not 'saknas'", () => {
    const [same, other, none] = [
      comparableChange(c("0001", [2, 1, 3], [1, 1, 2], true)),
      comparableChange(c("0001", [4, 3, 4], [1, 1, 2])),
      comparableChange(c("0003", [2, 1, 3], [null, null, null])),
    ];
    expect(recomputedChanges([{ changeDetail: same }, { changeDetail: other }, { changeDetail: none }, { changeDetail: null }, {}]))
      .toEqual([other]);
  });
});
