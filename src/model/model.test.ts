import { describe, expect, it } from "vitest";
import { CATALOGUE, catalogueEntry } from "./catalogue";
import { scoreIndicator } from "./scoring";
import { prepareModel, runModel, scoreWithCustomWeights } from "./index";
import { activeIndicators } from "./missing";
import { mulberry32 } from "./random";
import { syntheticData, valueRow } from "./testFixtures";
import { indexValues } from "./yearData";

const data = syntheticData({ municipalities: 40, seed: 2, unitsPerMunicipality: 2 });
const out = runModel(data, { bootstrapSamples: 30, seed: 9 });
const scoreOf = (id: string, v: number) => scoreIndicator(catalogueEntry(id), v);
const pick = (year: number, set = "seniorernas-prioritering", rule = "riksmedian") =>
  out.scores.filter((r) => r.year === year && r.weight_set === set && r.missing_rule === rule && r.municipality !== "0000");

describe("published years and indicator rules", () => {
  it("publishes the survey years in which all four sub-indices have indicators (not 2021)", () => {
    expect(out.publishedYears).toEqual([2019, 2020, 2022]);
    expect(out.method.publishedYears).toEqual([2019, 2020, 2022]);
    for (const y of out.publishedYears) {
      const subs = new Set(out.method.activeIndicatorsByYear[String(y)].map((id) => CATALOGUE.find((e) => e.id === id)!.subIndex));
      expect(subs.size).toBe(4);
    }
  });
  it("stops using an indicator after its last year and one that most municipalities lack", () => {
    const codes = Array.from({ length: 10 }, (_, i) => String(2000 + i));
    const rows = codes.flatMap((c, i) => [
      valueRow("U21401", c, 2025, 12), valueRow("U21468", c, 2025, 90), valueRow("U21473", c, 2025, 40),
      valueRow("U21468", c, 2024, 90), valueRow("U21401", c, 2024, 12), valueRow("U21473", c, 2023, 40),
      ...(i < 4 ? [valueRow("U21461", c, 2025, 80)] : []), // 4 of 10: below the 50 % rule
    ]);
    const index = indexValues(rows);
    expect(activeIndicators(index, 2025, codes).map((e) => e.id)).toEqual(["U21468"]);
    expect(activeIndicators(index, 2024, codes).map((e) => e.id)).toEqual(["U21468", "U21401"]);
    expect(activeIndicators(index, 2023, codes).map((e) => e.id)).toEqual(["U21473"]);
  });
});

describe("scores", () => {
  it("ranks every municipality with data 1..N with shared ties, for every set and rule", () => {
    for (const y of out.publishedYears) {
      for (const set of ["seniorernas-prioritering", "harledd-ur-brukarnas-svar"]) {
        for (const rule of ["riksmedian", "som-hemtjanstindex"]) {
          const rows = pick(y, set, rule);
          expect(rows.length).toBe(40);
          const ranked = rows.filter((r) => r.rank !== null);
          expect(ranked.length).toBe(rows.filter((r) => r.total !== null).length);
          const counted = ranked.filter((r) => !r.flags.includes("lag_tackning"));
          for (const r of ranked) {
            const better = counted.filter((o) => o.total! > r.total!).length;
            expect(r.rank).toBe(better + 1);
            expect(r.n_ranked).toBe(counted.length);
          }
        }
      }
    }
  });
  it("shows sub-indices and total with one decimal and coverage between 0 and 1", () => {
    for (const r of out.scores) {
      for (const v of [r.information, r.bistandshandlaggning, r.utforande, r.stod_utveckling, r.total]) {
        if (v !== null) expect(Math.round(v * 10) / 10).toBe(v);
      }
      expect(r.coverage).toBeGreaterThanOrEqual(0);
      expect(r.coverage).toBeLessThanOrEqual(1);
    }
  });
  it("penalises missing continuity under som-hemtjanstindex and scores it at the median under riksmedian", () => {
    // Every fifth synthetic municipality lacks continuity (U21401).
    const code = data.municipalities[0].code;
    const a = pick(2022).find((r) => r.municipality === code)!;
    const b = pick(2022, "seniorernas-prioritering", "som-hemtjanstindex").find((r) => r.municipality === code)!;
    expect(a.coverage).toBeLessThan(1);
    expect(a.coverage).toBe(b.coverage);
    expect(b.utforande!).toBeLessThan(a.utforande!);
    expect(a.missing_indicators.split(";")).toContain("U21401");
    expect(b.missing_indicators).toBe(a.missing_indicators);
    // Hand check: the published Utförande equals the weighted mean with the national median written in.
    const ind = out.indicatorScores.filter((r) => r.year === 2022 && r.sub_index === "utforande" && r.municipality !== "0000");
    const median = (xs: number[]) => { const s = [...xs].sort((x, y) => x - y), h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };
    const w = out.weights.sets[0].byYear["2022"].indicator;
    let expected = 0;
    for (const id of [...new Set(ind.map((r) => r.indicator))]) {
      const own = ind.find((r) => r.municipality === code && r.indicator === id)!;
      const x = own.value === null ? median(ind.filter((r) => r.indicator === id && r.value !== null).map((r) => scoreOf(id, r.value!))) : scoreOf(id, own.value);
      expected += w[id] * x;
    }
    expect(a.utforande!).toBeCloseTo(expected, 1);
    const rows = out.indicatorScores.filter((r) => r.year === 2022 && r.municipality === code && r.indicator === "U21401");
    expect(rows[0].missing).toBe(true);
    expect(rows[0].score).toBeNull();
  });
  it("flags a municipality without survey answers and publishes only its sub-indices: no total, rank, interval, group or change", () => {
    const values = data.values.filter((v) => !(v.municipality === data.municipalities[3].code && v.year === 2022 && v.kpi !== "U21401" && !v.kpi.startsWith("U213")));
    const res = runModel({ ...data, values }, { bootstrapSamples: 0 });
    const row = res.scores.find((r) => r.year === 2022 && r.municipality === data.municipalities[3].code && r.weight_set === "seniorernas-prioritering" && r.missing_rule === "riksmedian")!;
    expect(row.flags.split(";")).toContain("lag_tackning");
    expect(row.coverage).toBeLessThan(0.75);
    expect([row.total, row.rank, row.rank_low, row.rank_high, row.group]).toEqual([null, null, null, null, null]);
    expect([row.rank_shift_weight_set, row.rank_shift_missing_rule]).toEqual([null, null]);
    expect(row.utforande).not.toBeNull(); // continuity is its own value: Utförande is published
    expect(row.information).toBeNull(); // no value of its own
    // It does not move anyone else: the others are ranked exactly as without it.
    const others = res.scores.filter((r) => r.year === 2022 && r.weight_set === "seniorernas-prioritering" && r.missing_rule === "riksmedian" && r.municipality !== "0000" && r !== row);
    expect(row.n_ranked).toBe(others.length);
    // Left out of the sensitivity summary: compared = the others only.
    const summary = res.method.sensitivity.summary.filter((x) => x.year === 2022);
    for (const x of summary) expect(x.compared).toBeLessThanOrEqual(others.length);
    for (const r of others) expect(r.rank).toBe(others.filter((o) => o.total! > r.total!).length + 1);
  });
  it("publishes effective weights per year and weight set that sum to 1, beside nominal weights summing to 1", () => {
    const rows = out.method.effectiveWeights.rows;
    const keys = [...new Set(rows.map((r) => `${r.year}|${r.weight_set}`))];
    expect(keys.length).toBe(3 * 2);
    for (const k of keys) {
      const g = rows.filter((r) => `${r.year}|${r.weight_set}` === k);
      expect(g.reduce((a, r) => a + r.share, 0)).toBeCloseTo(1, 4);
      expect(g.reduce((a, r) => a + r.nominal, 0)).toBeCloseTo(1, 4);
    }
    expect(out.method.checks?.monteCarlo?.samples).toBe(30);
    expect(out.method.checks?.correlation.map((c) => c.correlation)).toEqual([0.3, 0.5, 0.7]);
  });
  it("adds Riket as an unranked reference row", () => {
    const riket = out.scores.filter((r) => r.municipality === "0000");
    expect(riket.length).toBe(3 * 2 * 2);
    expect(riket.every((r) => r.rank === null && r.flags === "riket" && r.total !== null)).toBe(true);
  });
  it("gives every municipality-year indicator weights that sum to 1 in both weight sets", () => {
    const byKey = new Map<string, [number, number]>();
    for (const r of out.indicatorScores) {
      const k = `${r.year}|${r.municipality}`;
      const [a, b] = byKey.get(k) ?? [0, 0];
      byKey.set(k, [a + r.weight, b + r.weight_derived]);
    }
    for (const [a, b] of byKey.values()) {
      expect(a).toBeCloseTo(1, 4);
      expect(b).toBeCloseTo(1, 4);
    }
  });
  it("reports rank shifts against the default set and the other missing rule", () => {
    for (const r of pick(2022)) expect(r.rank_shift_weight_set).toBe(0);
    const other = new Map(pick(2022, "seniorernas-prioritering", "som-hemtjanstindex").map((r) => [r.municipality, r.rank]));
    for (const r of pick(2022)) {
      if (r.rank === null || other.get(r.municipality) === null) expect(r.rank_shift_missing_rule).toBeNull();
      else expect(r.rank_shift_missing_rule).toBe(r.rank - other.get(r.municipality)!);
    }
  });
});

describe("method as data", () => {
  it("describes every output column in Swedish and every flag that occurs", async () => {
    const { MODEL_TABLES } = await import("./outputTables");
    for (const t of MODEL_TABLES) {
      expect(Object.keys(out.method.columns_sv[t.name]).sort()).toEqual(t.columns.map((c) => c.name).sort());
    }
    const flags = new Set([...out.scores, ...out.unitScores].flatMap((r) => r.flags.split(";").filter(Boolean)));
    for (const f of flags) expect(out.method.flags[f]).toBeTruthy();
    expect(out.method.catalogue.every((e) => e.rationale_sv.length > 20 && e.rule_sv.length > 10)).toBe(true);
  });
});

describe("determinism and invariance", () => {
  it("gives identical output when input rows are permuted", () => {
    const random = mulberry32(77);
    const shuffle = <T,>(xs: T[]) => {
      const a = [...xs];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    };
    const shuffled = {
      municipalities: shuffle(data.municipalities), values: shuffle(data.values),
      units: shuffle(data.units), unitValues: shuffle(data.unitValues),
    };
    const again = runModel(shuffled, { bootstrapSamples: 30, seed: 9 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(out));
  });
  it("rejects conflicting duplicate values", () => {
    const dup = { ...data.values[0], value: (data.values[0].value ?? 0) + 1 };
    expect(() => runModel({ ...data, values: [...data.values, dup] }, { bootstrapSamples: 0 })).toThrow(/conflicting duplicate/);
  });
});

describe("own weights", () => {
  it("reproduces the default set when given the same weights, in any scale", () => {
    const custom = { subIndex: { utforande: 40, bistandshandlaggning: 25, information: 20, stod_utveckling: 15 } };
    const res = runModel(data, { bootstrapSamples: 0, customWeights: custom });
    const def = res.scores.filter((r) => r.weight_set === "seniorernas-prioritering");
    const own = res.scores.filter((r) => r.weight_set === "egna-vikter");
    expect(own.map((r) => [r.total, r.rank])).toEqual(def.map((r) => [r.total, r.rank]));
    expect(res.weights.sets.map((s) => s.id)).toEqual(["seniorernas-prioritering", "harledd-ur-brukarnas-svar", "egna-vikter"]);
  });
  it("re-scores quickly for the explorer with the same numbers as runModel", () => {
    const custom = { subIndex: { utforande: 1, bistandshandlaggning: 2, information: 3, stod_utveckling: 4 } };
    const full = runModel(data, { bootstrapSamples: 0, customWeights: custom }).scores.filter((r) => r.weight_set === "egna-vikter");
    const fast = scoreWithCustomWeights(prepareModel(data), custom);
    expect(fast).toEqual(full);
  });
  it("throws a Swedish error for invalid own weights", () => {
    expect(() => runModel(data, { bootstrapSamples: 0, customWeights: { subIndex: { utforande: -1 } } }))
      .toThrow("Vikten för delindexet Utförande får inte vara negativ.");
  });
});
