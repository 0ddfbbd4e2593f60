import { describe, expect, it } from "vitest";
import {
  placesAgainst, defaultState, effectiveWeights, makeSelection, normalisedWeights, parseState, parseWeight,
  percentWeights, sameRanking, serializeState, validateWeights, type MunicipalityMeta, type StateContext,
} from "./state";

const ctx: StateContext = {
  weightSets: [
    { id: "seniorernas-prioritering", name_sv: "Seniorernas prioritering", subIndex: { information: 0.2, bistandshandlaggning: 0.25, utforande: 0.4, stod_utveckling: 0.15 } },
    { id: "harledd-ur-brukarnas-svar", name_sv: "Härledd", subIndex: { information: 0.21345, bistandshandlaggning: 0.2, utforande: 0.43655, stod_utveckling: 0.15 } },
  ],
  years: [2019, 2020, 2022],
  counties: ["01", "03", "25"],
  groups: ["G92786", "G92787"],
  municipalities: ["0114", "0180", "2584"],
};

describe("parseWeight", () => {
  it("accepts plain decimals with comma or point", () => {
    expect(parseWeight("25", "X")).toEqual({ ok: true, value: 25 });
    expect(parseWeight("12,5", "X")).toEqual({ ok: true, value: 12.5 });
    expect(parseWeight(" 0.25 ", "X")).toEqual({ ok: true, value: 0.25 });
    expect(parseWeight("100", "X")).toEqual({ ok: true, value: 100 });
  });
  it("rejects negative, non-numbers, huge and injected values with Swedish messages", () => {
    const bad = (raw: string) => {
      const r = parseWeight(raw, "Utförande");
      expect(r.ok).toBe(false);
      return r.ok ? "" : r.message;
    };
    expect(bad("-5")).toMatch(/får inte vara negativ/);
    expect(bad("−5")).toMatch(/får inte vara negativ/);
    for (const raw of ["abc", "NaN", "Infinity", "1e3", "0x10", "1;DROP TABLE scores", "<script>", "5%", "1 000", "12,34567"]) {
      expect(bad(raw)).toMatch(/måste vara ett tal mellan 0 och 100/);
    }
    expect(bad("101")).toMatch(/högst 100/);
    expect(bad("999999")).toMatch(/högst 100/);
    expect(bad("")).toMatch(/Ange en vikt/);
  });
});

describe("validateWeights", () => {
  it("refuses all zero", () => {
    const r = validateWeights({ information: "0", bistandshandlaggning: "0", utforande: "0", stod_utveckling: "0" });
    expect(r).toEqual({ ok: false, errors: ["Minst ett delindex måste ha en vikt större än noll."] });
  });
  it("reports each bad field", () => {
    const r = validateWeights({ information: "-1", bistandshandlaggning: "x", utforande: "40", stod_utveckling: Number.NaN });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(3);
  });
  it("normalises", () => {
    const r = validateWeights({ information: 1, bistandshandlaggning: 1, utforande: 2, stod_utveckling: 0 });
    expect(r.ok && normalisedWeights(r.weights)).toEqual({ information: 0.25, bistandshandlaggning: 0.25, utforande: 0.5, stod_utveckling: 0 });
  });
});

describe("URL state", () => {
  it("defaults to the first weight set, riksmedian and the latest year", () => {
    const s = defaultState(ctx);
    expect(s).toMatchObject({ start: "seniorernas-prioritering", missing: "riksmedian", year: 2022, county: null });
    expect(s.weights).toEqual({ information: 20, bistandshandlaggning: 25, utforande: 40, stod_utveckling: 15 });
    expect(serializeState(s, ctx)).toBe("");
  });

  it("round-trips every field", () => {
    const s = {
      ...defaultState(ctx), start: "harledd-ur-brukarnas-svar",
      weights: { information: 10, bistandshandlaggning: 12.5, utforande: 70, stod_utveckling: 0 },
      missing: "som-hemtjanstindex" as const, year: 2020, county: "25", group: "G92787", size: "10000-24999", peersOf: "0180",
    };
    const q = serializeState(s, ctx);
    expect(q).toContain("utforande=70");
    expect(q).toContain("bistand=12.5");
    const back = parseState(q, ctx);
    expect(back.errors).toEqual([]);
    expect(back.state).toEqual(s);
    expect(sameRanking(back.state, s)).toBe(true);
  });

  it("takes a weight set's weights from start= when no weights are given", () => {
    const r = parseState("start=harledd-ur-brukarnas-svar", ctx);
    expect(r.state.weights).toEqual(percentWeights(ctx.weightSets[1].subIndex));
    expect(r.state.weights.information).toBe(21.3);
    // Unchanged weights of a set → the set's exact weights; changed → the entered ones, normalised.
    expect(effectiveWeights(r.state, ctx).information).toBeCloseTo(0.21345, 12);
    const changed = { ...r.state, weights: { ...r.state.weights, information: 30 } };
    expect(effectiveWeights(changed, ctx).information).toBeCloseTo(30 / (30 + 20 + 43.7 + 15), 12);
  });

  it("refuses invalid or injected parameters with Swedish messages and keeps the last valid state", () => {
    const base = parseState("utforande=60&ar=2020", ctx).state;
    const r = parseState("utforande=-5&information=abc&ar=1999&regel=drop&lan=%3Cscript%3E&grupp=G1&storlek=huge&liknande=9999&start=x", ctx, base);
    expect(r.state).toEqual(base);
    expect(r.errors.join(" ")).toMatch(/negativ/);
    expect(r.errors.join(" ")).toMatch(/Året i adressen finns inte/);
    expect(r.errors.join(" ")).toMatch(/Okänd regel/);
    expect(r.errors.join(" ")).toMatch(/Okänd län/);
    expect(r.errors.join(" ")).toMatch(/Okänd viktuppsättning/);
    expect(r.errors.length).toBeGreaterThanOrEqual(8);
    const zero = parseState("information=0&bistand=0&utforande=0&stod=0", ctx, base);
    expect(zero.state.weights).toEqual(base.weights);
    expect(zero.errors[0]).toMatch(/Minst ett delindex/);
    const long = parseState(`utforande=${"9".repeat(100)}`, ctx, base);
    expect(long.errors[0]).toMatch(/för långt/);
  });

  it("empty filter values clear the filter", () => {
    const base = { ...defaultState(ctx), county: "01" };
    expect(parseState("lan=", ctx, base).state.county).toBeNull();
  });
});

describe("selection", () => {
  const meta = new Map<string, MunicipalityMeta>([
    ["0114", { code: "0114", name: "Upplands Väsby", county_code: "01", county: "Stockholms län", kommungrupp_id: "G92787", kommungrupp: "B", population: 48_000, peers: "0180;2584" }],
    ["0180", { code: "0180", name: "Stockholm", county_code: "01", county: "Stockholms län", kommungrupp_id: "G92786", kommungrupp: "A", population: 980_000, peers: "0114" }],
    ["2584", { code: "2584", name: "Kiruna", county_code: "25", county: "Norrbottens län", kommungrupp_id: "G92787", kommungrupp: "B", population: 22_000, peers: "" }],
  ]);
  const pick = (patch: object) => [...meta.keys()].filter(makeSelection({ ...defaultState(ctx), ...patch }, meta));
  it("filters by county, group, size and peers", () => {
    expect(pick({})).toEqual(["0114", "0180", "2584"]);
    expect(pick({ county: "01" })).toEqual(["0114", "0180"]);
    expect(pick({ group: "G92787" })).toEqual(["0114", "2584"]);
    expect(pick({ size: "100000-" })).toEqual(["0180"]);
    expect(pick({ size: "10000-24999" })).toEqual(["2584"]);
    expect(pick({ peersOf: "0114" })).toEqual(["0114", "0180", "2584"]);
    expect(pick({ peersOf: "0180" })).toEqual(["0114", "0180"]);
    expect(pick({ peersOf: "0180", county: "25" })).toEqual([]);
  });
  it("numbers a selection with shared places; entries that do not count move nobody", () => {
    expect(placesAgainst([80, 75.5, 75.5, 70, null], [true, true, true, true, false])).toEqual([1, 2, 2, 4, null]);
    expect(placesAgainst([82.4, 76.4, 76.4, 76.3, 76.3, 70], [false, true, true, false, true, true])).toEqual([1, 1, 1, 3, 3, 4]);
  });
});
