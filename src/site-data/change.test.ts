import { describe, expect, it } from "vitest";
import type { ScoreRow } from "../model/outputTables";
import type { MunicipalityRow } from "../pipeline/tables";
import { CHANGE_CSV_HEADER, changeCsvRows, changeRows, largestCertainChanges } from "./change";

const m = (code: string, name: string) => ({ code, name } as MunicipalityRow);
const s = (year: number, municipality: string, rank: number | null, low: number | null, high: number | null, coverage = 1): ScoreRow => ({
  year, municipality, weight_set: "w", missing_rule: "r", information: null, bistandshandlaggning: null, utforande: null,
  stod_utveckling: null, total: 50, rank, rank_low: low, rank_high: high, n_ranked: 4, group: null, coverage, flags: "",
  indistinguishable: null, rank_shift_weight_set: null, rank_shift_missing_rule: null, missing_indicators: "",
});
const munis = [m("0001", "Ö-kommun"), m("0002", "A-kommun"), m("0003", "Låg"), m("0004", "Ny")];
const scores = [
  s(2020, "0001", 4, 3, 4), s(2022, "0001", 1, 1, 2), // rose, disjoint → certain
  s(2020, "0002", 1, 1, 2), s(2022, "0002", 3, 2, 4), // fell, overlapping at 2 → not certain
  s(2020, "0003", 2, 1, 3), s(2022, "0003", 1, null, null, 0.4), // low coverage → no change
  s(2022, "0004", 4, 3, 4), // no 2020 row
];

describe("change rows", () => {
  const rows = changeRows(scores, munis, 2020, 2022, "w", "r", 0.7);
  it("applies the change rule per municipality and claims nothing for low coverage or a missing year", () => {
    expect(rows.map((r) => [r.code, r.change.verdict, r.change.places, r.change.certain])).toEqual([
      ["0001", "steg", 3, true], ["0002", "oförändrad", -2, false], ["0003", "saknas", null, false], ["0004", "saknas", null, false],
    ]);
  });
  it("lists only certain changes in the largest-change view", () => {
    expect(largestCertainChanges(rows, "steg").map((r) => r.code)).toEqual(["0001"]);
    expect(largestCertainChanges(rows, "föll")).toEqual([]);
  });
  it("writes the CSV rows in the published column order", () => {
    expect(CHANGE_CSV_HEADER.join(";")).toBe("kommunkod;kommun;fran_ar;till_ar;rang_fran;rang_till;lag_fran;hog_fran;lag_till;hog_till;forandring;sakerstalld");
    const csv = changeCsvRows(scores, munis, [2022, 2020], "w", "r", 0.7);
    expect(csv[0]).toEqual(["0001", "Ö-kommun", 2020, 2022, 4, 1, 3, 4, 1, 2, 3, "ja"]);
    expect(csv[1].at(-1)).toBe("nej");
    expect(csv[2]).toEqual(["0003", "Låg", 2020, 2022, 2, null, 1, 3, null, null, null, "nej"]);
  });
});
