import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue";
import { prepareModel, runModel, scoreYearOnIndicators } from "./index";
import type { ScoreRow } from "./outputTables";
import { commonIndicators, rankChangeRows } from "./rankChanges";
import { syntheticData } from "./testFixtures";

const entry = (id: string) => CATALOGUE.find((e) => e.id === id)!;
const row = (year: number, municipality: string, rank: number | null, low: number | null, high: number | null, total: number | null): ScoreRow => ({
  year, municipality, weight_set: "w", missing_rule: "r", information: null, bistandshandlaggning: null, utforande: null,
  stod_utveckling: null, total, rank, rank_low: low, rank_high: high, n_ranked: 2, group: null, coverage: 1, flags: "",
  missing_indicators: "", indistinguishable: null, rank_shift_weight_set: null, rank_shift_missing_rule: null,
});

describe("rankChangeRows (hand-made rows)", () => {
  const a = [entry("U21465"), entry("U21468")];
  const b = [entry("U21465"), entry("U21468"), entry("U21340")];
  const published = new Map([
    [2020, [row(2020, "0001", 2, 2, 2, 60), row(2020, "0002", 1, 1, 1, 70), row(2020, "0000", null, null, null, 65)]],
    // Published 2022 on three indicators: 0001 first only thanks to the added indicator.
    [2022, [row(2022, "0001", 1, 1, 1, 80), row(2022, "0002", 2, 2, 2, 75)]],
  ]);
  const calls: string[] = [];
  const onCommon = (year: number, set: readonly { id: string }[]) => {
    calls.push(`${year}:${set.map((e) => e.id).join(",")}`);
    return [row(year, "0001", 2, 2, 2, 61), row(year, "0002", 1, 1, 1, 71)];
  };
  const rows = rankChangeRows({ publishedYears: [2022, 2020], activeByYear: new Map([[2020, a], [2022, b]]), publishedRows: published, scoreOnSet: onCommon });

  it("scores only the year whose set differs, once, on the common indicators in catalogue order", () => {
    expect(calls).toEqual(["2022:U21465,U21468"]);
    expect(commonIndicators(b, a).map((e) => e.id)).toEqual(["U21465", "U21468"]);
  });
  it("compares the common-set ranks, not the published ones: 0001 has not passed 0002", () => {
    expect(rows.map((r) => [r.municipality, r.rank_from, r.rank_to, r.places, r.verdict, r.certain])).toEqual([
      ["0001", 2, 2, 0, "oförändrad", false],
      ["0002", 1, 1, 0, "oförändrad", false],
    ]);
    expect(rows[0]).toMatchObject({ from_year: 2020, to_year: 2022, total_from: 60, total_to: 61, indicators: "U21465;U21468", same_indicators: false });
  });
  it("leaves Riket out", () => {
    expect(rows.some((r) => r.municipality === "0000")).toBe(false);
  });
});

describe("rank changes from the model (synthetic data)", () => {
  // 2022 gets exactly the 2020 values on every indicator 2020 has; only the welfare-technology
  // indicators (in use from 2021) are new. On the common set nothing has changed.
  const base = syntheticData({ municipalities: 30, seed: 4 });
  const own2020 = new Set(base.values.filter((v) => v.year === 2020).map((v) => v.kpi));
  const values = [
    ...base.values.filter((v) => !(v.year === 2022 && own2020.has(v.kpi))),
    ...base.values.filter((v) => v.year === 2020).map((v) => ({ ...v, year: 2022 })),
  ];
  const data = { ...base, values, units: [], unitValues: [] };
  const out = runModel(data, { bootstrapSamples: 40, seed: 3 });
  const pair = (from: number, to: number) => out.rankChanges.filter((r) =>
    r.from_year === from && r.to_year === to && r.weight_set === "seniorernas-prioritering" && r.missing_rule === "riksmedian");

  it("has a row for every pair of published years, set, rule and municipality", () => {
    expect(out.rankChanges.length).toBe(3 * 30 * 2 * 2);
  });
  it("finds no change when the common indicators have the same values, though published ranks moved", () => {
    const rows = pair(2020, 2022);
    expect(rows.every((r) => !r.same_indicators)).toBe(true);
    for (const r of rows) {
      expect(r.total_to).toBe(r.total_from);
      expect(r.rank_to).toBe(r.rank_from);
      if (r.rank_to !== null) expect(r.verdict).toBe("oförändrad");
    }
    const published = (y: number) => new Map(out.scores.filter((s) => s.year === y && s.weight_set === "seniorernas-prioritering" &&
      s.missing_rule === "riksmedian").map((s) => [s.municipality, s.rank]));
    const p20 = published(2020), p22 = published(2022);
    expect([...p20].filter(([code, rank]) => rank !== null && p22.get(code) !== rank).length).toBeGreaterThan(5);
  });
  it("uses the published rows when both years have the same indicators", () => {
    const pub = new Map(out.scores.filter((s) => s.year === 2020 && s.weight_set === "seniorernas-prioritering" && s.missing_rule === "riksmedian")
      .map((s) => [s.municipality, s]));
    for (const r of pair(2019, 2020)) {
      expect(r.same_indicators).toBe(true);
      expect([r.rank_to, r.rank_low_to, r.rank_high_to]).toEqual([pub.get(r.municipality)!.rank, pub.get(r.municipality)!.rank_low, pub.get(r.municipality)!.rank_high]);
    }
  });
  it("scores the later year on the common indicators with weights re-normalised over them", () => {
    const prepared = prepareModel(data);
    const common = commonIndicators(prepared.activeByYear.get(2022)!, prepared.activeByYear.get(2020)!);
    expect(common.map((e) => e.id)).toEqual(prepared.activeByYear.get(2020)!.map((e) => e.id));
    const rows = scoreYearOnIndicators(prepared, 2022, common, 0, 1)
      .filter((s) => s.weight_set === "seniorernas-prioritering" && s.missing_rule === "riksmedian" && s.municipality !== "0000");
    const totals2020 = new Map(out.scores.filter((s) => s.year === 2020 && s.weight_set === "seniorernas-prioritering" &&
      s.missing_rule === "riksmedian").map((s) => [s.municipality, s.total]));
    for (const s of rows) expect(s.total).toBe(totals2020.get(s.municipality));
  });
});
