import { describe, expect, it } from "vitest";
import type { UnitValueRow } from "../pipeline/tables";
import { runModel } from "./index";
import { municipality, syntheticData, valueRow } from "./testFixtures";

function unitValue(unit_id: string, kpi: string, value: number, respondents: number): UnitValueRow {
  return { unit_id, kpi, year: 2022, value, respondents, status: null, synthetic: false, source: "kolada" };
}

describe("units (hand-computed)", () => {
  // One municipality, 2022: one indicator per sub-index plus continuity (8 staff → 100) in Utförande.
  const values = [
    valueRow("U21465", "0114", 2022, 80), valueRow("U21472", "0114", 2022, 70),
    valueRow("U21468", "0114", 2022, 90), valueRow("U21401", "0114", 2022, 8),
    valueRow("U23593", "0114", 2022, 50), valueRow("U23592", "0114", 2022, 300),
  ];
  const units = ["A", "B", "C"].map((u) => ({
    unit_id: `U${u}`, name: u, municipality: "0114", provider_type: "kommunal" as const, synthetic: false, source: "kolada" as const,
  }));
  const unitValues = [
    unitValue("UA", "U21465", 60, 40), unitValue("UA", "U21472", 80, 40), unitValue("UA", "U21468", 100, 40),
    unitValue("UB", "U21465", 95, 20), unitValue("UB", "U21472", 95, 20), unitValue("UB", "U21468", 95, 20),
    unitValue("UC", "U21465", 70, 35), unitValue("UC", "U21472", 60, 35), unitValue("UC", "U21468", 80, 35),
  ];
  const out = runModel({ municipalities: [municipality("0114")], values, units, unitValues }, { bootstrapSamples: 0 });
  const unit = (id: string) => out.unitScores.find((r) => r.unit_id === id && r.weight_set === "seniorernas-prioritering" && r.missing_rule === "riksmedian")!;

  it("scores a unit with its own survey values and inherited municipality-wide indicators", () => {
    const a = unit("UA");
    expect([a.information, a.bistandshandlaggning, a.utforande, a.stod_utveckling]).toEqual([60, 80, 100, 50]);
    expect(a.total).toBe(79.5); // .2·60 + .25·80 + .4·100 + .15·50
    const m = out.scores.find((r) => r.municipality === "0114" && r.weight_set === "seniorernas-prioritering" && r.missing_rule === "riksmedian")!;
    expect(m.utforande).toBe(94.4); // (0.2·90 + 0.16·100) / 0.36
    expect(m.total).toBe(78.8);
  });
  it("shows units under 30 respondents but flags them and does not rank them", () => {
    const b = unit("UB");
    expect(b.total).toBe(89.1); // .2·95 + .25·95 + .4·(0.2·95 + 0.16·100)/0.36 + .15·50
    expect(b.rank).toBeNull();
    expect(b.flags).toBe("fa_svarande");
    expect(unit("UA").rank).toBe(1);
    expect(unit("UC").rank).toBe(2);
    expect(unit("UA").n_ranked).toBe(2);
  });
  it("gives the spread between best and worst ranked unit per indicator", () => {
    const row = out.indicatorScores.find((r) => r.municipality === "0114" && r.indicator === "U21465")!;
    expect([row.unit_count, row.unit_min, row.unit_max, row.unit_spread]).toEqual([2, 60, 70, 10]);
    const cont = out.indicatorScores.find((r) => r.municipality === "0114" && r.indicator === "U21401")!;
    expect(cont.unit_count).toBe(0); // municipality-wide: no unit spread
  });
});

describe("units on synthetic data", () => {
  const data = syntheticData({ municipalities: 12, unitsPerMunicipality: 4, seed: 8 });
  const out = runModel(data, { bootstrapSamples: 40, seed: 5 });
  it("ranks units within their municipality, 1..n, and marks example data", () => {
    const rows = out.unitScores.filter((r) => r.year === 2022 && r.weight_set === "seniorernas-prioritering" && r.missing_rule === "riksmedian");
    expect(rows.length).toBe(12 * 4);
    for (const code of new Set(rows.map((r) => r.municipality))) {
      const ranks = rows.filter((r) => r.municipality === code && r.rank !== null).map((r) => r.rank!).sort();
      expect(ranks.length).toBe(3); // the first unit of each has 12 respondents
      expect(ranks[0]).toBe(1);
      expect(ranks[2]).toBeLessThanOrEqual(3);
    }
    expect(rows.every((r) => r.synthetic && r.flags.includes("exempeldata"))).toBe(true);
    for (const r of rows.filter((x) => x.rank !== null)) {
      expect(r.rank_low!).toBeLessThanOrEqual(r.rank!);
      expect(r.rank_high!).toBeGreaterThanOrEqual(r.rank!);
      expect(r.rank_high!).toBeLessThanOrEqual(r.n_ranked);
    }
  });
});

describe("units with unknown respondents (live Kolada units: Kolada has no per-unit count)", () => {
  const values = [
    valueRow("U21465", "0114", 2022, 80), valueRow("U21472", "0114", 2022, 70),
    valueRow("U21468", "0114", 2022, 90), valueRow("U21401", "0114", 2022, 8),
    valueRow("U23593", "0114", 2022, 50), valueRow("U23592", "0114", 2022, 300),
  ];
  const units = ["A", "C", "D"].map((u) => ({
    unit_id: `U${u}`, name: u, municipality: "0114", provider_type: "kommunal" as const, synthetic: false, source: "kolada" as const,
  }));
  const row = (unit_id: string, kpi: string, value: number, respondents: number | null): UnitValueRow =>
    ({ unit_id, kpi, year: 2022, value, respondents, status: null, synthetic: false, source: "kolada" });
  const unitValues = [
    row("UA", "U21465", 60, 40), row("UA", "U21472", 80, 40), row("UA", "U21468", 100, 40),
    row("UC", "U21465", 70, 35), row("UC", "U21472", 60, 35), row("UC", "U21468", 80, 35),
    row("UD", "U21465", 99, null), row("UD", "U21472", 99, null), row("UD", "U21468", 99, null),
  ];
  const out = runModel({ municipalities: [municipality("0114")], values, units, unitValues }, { bootstrapSamples: 40 });

  it("are shown with their index, flagged, never ranked and given no interval; others rank without them", () => {
    const d = out.unitScores.filter((r) => r.unit_id === "UD");
    expect(d.length).toBeGreaterThan(0);
    for (const r of d) {
      expect(r.total).not.toBeNull();
      expect(r.respondents).toBeNull();
      expect([r.rank, r.rank_low, r.rank_high]).toEqual([null, null, null]);
      expect(r.flags.split(";")).toContain("okant_antal_svarande");
      expect(r.flags.split(";")).not.toContain("fa_svarande");
    }
    for (const r of out.unitScores.filter((x) => x.unit_id !== "UD")) expect(r.n_ranked).toBe(2);
  });
});
