import { describe, expect, it } from "vitest";
import { CATALOGUE, catalogueEntry } from "./catalogue";
import type { SubIndexId } from "./types";
import { SUB_INDEX_IDS } from "./types";
import { SENIOR_SUB_INDEX_WEIGHTS, catalogueIndicatorWeights, validateCustomWeights, yearWeights } from "./weights";

describe("default weights", () => {
  it("follows the seniors' order: Utförande 0.40, Biståndshandläggning 0.25, Information 0.20, Stöd och utveckling 0.15", () => {
    expect(SENIOR_SUB_INDEX_WEIGHTS).toEqual({ utforande: 0.4, bistandshandlaggning: 0.25, information: 0.2, stod_utveckling: 0.15 });
  });
  it("has catalogue weights that sum to 1 within every sub-index (continuity and its successor counted once)", () => {
    for (const s of SUB_INDEX_IDS) {
      const sum = CATALOGUE.filter((e) => e.subIndex === s && e.id !== "N21600").reduce((a, e) => a + e.weight, 0);
      expect(sum).toBeCloseTo(1, 10);
    }
  });
  it("spreads an inactive indicator's weight over the active ones in its sub-index", () => {
    // Utförande without continuity (ended): the 0.16 is spread, helhetssyn becomes 0.20 / 0.84.
    const active = CATALOGUE.filter((e) => e.subIndex !== "utforande" || (e.survey && e.subIndex === "utforande"));
    const w = yearWeights(SENIOR_SUB_INDEX_WEIGHTS, catalogueIndicatorWeights(), active);
    expect(w.indicator.U21468).toBeCloseTo(0.2 / 0.84, 12);
    expect(w.indicator.U21401).toBeUndefined();
    const sum = active.filter((e) => e.subIndex === "utforande").reduce((a, e) => a + w.indicator[e.id], 0);
    expect(sum).toBeCloseTo(1, 12);
  });
  it("drops a sub-index whose active indicators all weigh 0 and renormalises the others", () => {
    const active = ["U21465", "U21472", "U21468", "U23593"].map(catalogueEntry);
    const w = yearWeights(SENIOR_SUB_INDEX_WEIGHTS, { ...catalogueIndicatorWeights(), U23593: 0 }, active);
    expect(w.subIndex.stod_utveckling).toBe(0);
    expect(w.subIndex.utforande).toBeCloseTo(0.4 / 0.85, 12);
  });
});

describe("own weights (egna vikter)", () => {
  const ok = { information: 1, bistandshandlaggning: 1, utforande: 2, stod_utveckling: 0 } as Record<SubIndexId, number>;
  it("normalises valid weights to sum to 1", () => {
    const r = validateCustomWeights({ subIndex: ok });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.subIndex).toEqual({ information: 0.25, bistandshandlaggning: 0.25, utforande: 0.5, stod_utveckling: 0 });
  });
  it("rejects negative, non-finite, all-zero and unknown weights with Swedish messages", () => {
    const errs = (input: Parameters<typeof validateCustomWeights>[0]) => {
      const r = validateCustomWeights(input);
      return r.ok ? [] : r.errors;
    };
    expect(errs({ subIndex: { ...ok, information: -1 } })).toEqual(["Vikten för delindexet Information får inte vara negativ."]);
    expect(errs({ subIndex: { ...ok, utforande: Number.NaN } })).toEqual(["Vikten för delindexet Utförande måste vara ett tal."]);
    expect(errs({ subIndex: { ...ok, utforande: Infinity } })).toEqual(["Vikten för delindexet Utförande måste vara ett tal."]);
    expect(errs({ subIndex: { information: 0, bistandshandlaggning: 0, utforande: 0, stod_utveckling: 0 } }))
      .toEqual(["Minst ett delindex måste ha en vikt större än noll."]);
    expect(errs({ subIndex: { ...ok, foo: 1 } as never })).toEqual(["Okänt delindex ”foo”."]);
    expect(errs({ subIndex: ok, indicator: { X1: 1 } })).toEqual(["Okänd indikator ”X1”."]);
    expect(errs({ subIndex: ok, indicator: { U21465: 0, U21464: 0 } }))
      .toEqual(["Alla indikatorer i Information har vikten noll; ge minst en en vikt."]);
    expect(errs({ subIndex: ok, indicator: { U21468: "2" as never } }))
      .toEqual(["Vikten för indikatorn Nöjd med hemtjänsten som helhet måste vara ett tal."]);
  });
});
