import { describe, expect, it } from "vitest";
import {
  chooseHomeCareUnits, endedYearFromTitle, providerTypeOf, publishedThrough, toIndicatorRows, toUnitRows, toUnitValueRows, toValueRows,
} from "./normalise";
import { dropWithdrawn, type ListedOu } from "./client";
import { dataRecordSchema, kpiSchema, ouDataRecordSchema, ouSchema, parseEnvelope, parseRows } from "./schema";
import { fixtureText } from "./testing";

function load<S extends Parameters<typeof parseRows>[2]>(name: string, schema: S) {
  return parseRows(name, parseEnvelope(name, JSON.parse(fixtureText(name))).values, schema);
}

describe("endedYearFromTitle", () => {
  it("reads both suffix spellings and ignores titles without one", () => {
    expect(endedYearFromTitle("Personalkontinuitet, … medelvärde (- 2024)")).toBe(2024);
    expect(endedYearFromTitle("Anhöriga som upplever … andel (%) (-2023)")).toBe(2023);
    expect(endedYearFromTitle("Brukarbedömning hemtjänst äldreomsorg -  helhetssyn, andel (%)")).toBeNull();
    expect(endedYearFromTitle("Kostnad (2024) per brukare")).toBeNull();
  });
});

describe("toIndicatorRows", () => {
  it("maps KPI metadata, sources and ended KPIs", () => {
    const rows = toIndicatorRows(load("kpi_meta.json", kpiSchema));
    expect(rows.map((r) => r.kpi)).toEqual(["N20508", "N21608", "U21401", "U21432", "U21461", "U21468"]);
    expect(rows.find((r) => r.kpi === "U21401")).toMatchObject({ ended: true, ended_year: 2024, has_ou_data: false, is_divided_by_gender: true, source: "kolada" });
    expect(rows.find((r) => r.kpi === "N20508")).toMatchObject({ ended: true, ended_year: 2023 });
    expect(rows.find((r) => r.kpi === "U21468")).toMatchObject({ ended: false, ended_year: null, has_ou_data: true });
    expect(rows.find((r) => r.kpi === "U21432")!.source).toBe("senioralert");
    expect(rows.find((r) => r.kpi === "U21468")!.description).toMatch(/^Antal personer i åldrarna 65 år/);
  });
});

describe("toValueRows", () => {
  const current = dropWithdrawn(load("data_status.json", dataRecordSchema), (r) => r.municipality).records;
  const rows = toValueRows(current, "2026-05-04");
  const get = (kpi: string, m: string, g: string) => rows.find((r) => r.kpi === kpi && r.municipality === m && r.gender === g)!;

  it("keeps normal values with no status", () => {
    expect(get("U21401", "0114", "T")).toEqual({
      kpi: "U21401", municipality: "0114", year: 2024, gender: "T", value: 12, status: null, source: "kolada", fetched_at: "2026-05-04",
    });
  });

  it("only a null value is missing; a status is kept beside a value, never throws it away", () => {
    expect(get("U21401", "0180", "T")).toMatchObject({ value: null, status: "Missing" });
    expect(get("U21401", "1480", "T")).toMatchObject({ value: 16, status: "Uncertain" });
    expect(get("U21432", "0114", "K")).toMatchObject({ value: null, status: "missing", source: "senioralert" });
  });

  it("has no withdrawn entry (dropped by the client), drops nothing else, sorts by kpi, municipality, year, gender", () => {
    expect(get("U21432", "0114", "M")).toBeUndefined(); // isdeleted: true in the fixture
    const entries = load("data_status.json", dataRecordSchema).reduce((n, r) => n + r.values.length, 0);
    expect(rows).toHaveLength(entries - 1);
    expect(rows.map((r) => `${r.kpi}${r.municipality}${r.gender}`).slice(0, 4)).toEqual(["U214010114T", "U214010114K", "U214010114M", "U214010180T"]);
  });
});

describe("units", () => {
  const listed = (name: string): ListedOu[] =>
    (JSON.parse(fixtureText(name)).values as unknown[]).map((raw, row) => ({ raw, url: name, row }));

  it("chooses units by what they hold; the V21 prefix is only a hint; odd entries never stop the run", () => {
    const lists = new Map([["0180", [...listed("ou_0180.json"),
      { raw: { id: "X99E018000777", municipality: "0180", title: "Hemtjänst Farsta (ny kodserie)" }, url: "ou_0180.json", row: 5 }, // holds values, no hint
      { raw: { id: "V23E018000901", municipality: "0180", title: "" }, url: "ou_0180.json", row: 6 }, // särskilt boende, empty title
      { raw: { title: "no id at all" }, url: "ou_0180.json", row: 7 },
      { raw: null, url: "ou_0180.json", row: 8 },
      { raw: { id: "V21E018000555", municipality: "0181", title: "Listed under the wrong municipality" }, url: "ou_0180.json", row: 9 },
    ]]]);
    const holders = new Set(["V21E018000101", "V21E018000215", "X99E018000777", "V21E018000555"]);
    const c = chooseHomeCareUnits(lists, holders);
    expect(c.units.map((u) => u.id)).toEqual(["V21E018000101", "V21E018000215", "X99E018000777"]);
    expect(c.chosenWithoutHint).toEqual(["X99E018000777"]);
    expect(c.hintedWithoutValues).toEqual(["V21E018000102", "V21E018000318"]);
    expect(c.notHolding).toBe(4); // school, two hemtjänst ids without values, säbo
    expect(c.skipped).toEqual(["ou_0180.json row 7: no id", "ou_0180.json row 8: no id", "V21E018000555: listed for 0180 but says municipality 0181"]);
  });

  it("validates a chosen unit in full (a garbled name stops the run, naming row and field)", () => {
    const lists = new Map([["0180", [{ raw: { id: "V21E018000101", municipality: "0180", title: "HemtjÃ¤nst Norr" }, url: "ou?municipality=0180", row: 3 }]]]);
    expect(() => chooseHomeCareUnits(lists, new Set(["V21E018000101"]))).toThrow(/ou\?municipality=0180, row 3, field "title": text looks double-encoded/);
  });

  it("decides the provider type", () => {
    const ous = load("ou_0180.json", ouSchema).filter((o) => o.id.startsWith("V21"));
    const rows = toUnitRows(ous);
    expect(rows.map((r) => [r.unit_id, r.provider_type])).toEqual([
      ["V21E018000101", "kommunal"], ["V21E018000102", "kommunal"], ["V21E018000215", "privat"], ["V21E018000318", "privat"],
    ]);
    expect(rows.every((r) => r.municipality === "0180" && r.synthetic === false && r.source === "kolada")).toBe(true);
  });

  it("reads provider type from a `type` field when one is present, else defaults to kommunal", () => {
    expect(providerTypeOf({ title: "Hemtjänst Öst", type: "Privat utförare" })).toBe("privat");
    expect(providerTypeOf({ title: "Attendo Öst", type: "Kommunal" })).toBe("kommunal");
    expect(providerTypeOf({ title: "Kavat Vård AB, hemtjänst Hisingen" })).toBe("privat");
    expect(providerTypeOf({ title: "Hemtjänst Centrum, Göteborgs Stad" })).toBe("kommunal");
    expect(providerTypeOf({ title: "Hemtjänst Norr" })).toBe("kommunal"); // no signal: documented default
  });

  it("turns oudata into unit values; respondents are unknown (Kolada's count is 1/0, never respondents)", () => {
    const rows = toUnitValueRows(load("oudata_0180.json", ouDataRecordSchema));
    expect(rows).toHaveLength(11);
    const get = (u: string, k: string, y: number) => rows.find((r) => r.unit_id === u && r.kpi === k && r.year === y)!;
    expect(get("V21E018000101", "U21468", 2024)).toEqual({
      unit_id: "V21E018000101", kpi: "U21468", year: 2024, value: 88, respondents: null, status: null, synthetic: false, source: "kolada",
    });
    expect(get("V21E018000215", "U21468", 2024)).toMatchObject({ value: null, status: "Missing", respondents: null });
    expect(get("V21E018000101", "N21608", 2024)).toMatchObject({ value: 74.5, respondents: null });
  });

  it("publishedThrough: the period counts once its publication date has passed", () => {
    expect(publishedThrough({ publ_period: "2026", publication_date: "2026-10-04" }, "2026-05-04")).toBe(2025);
    expect(publishedThrough({ publ_period: "2026", publication_date: "2026-10-04" }, "2026-10-04")).toBe(2026);
    expect(publishedThrough({ publ_period: 2025, publication_date: "2026-03-11" }, "2026-05-04")).toBe(2025);
    expect(publishedThrough({ publ_period: "2024", publication_date: null }, "2026-05-04")).toBe(2024);
    expect(publishedThrough({ publ_period: null, publication_date: null }, "2026-05-04")).toBeNull();
    expect(publishedThrough({ publ_period: "", publication_date: "2026-01-01" }, "2026-05-04")).toBeNull();
  });

  it("keeps a unit record without a total as missing", () => {
    const [row] = toUnitValueRows([{ kpi: "U21468", ou: "V21E018000101", period: 2024, values: [{ gender: "K", value: 90, count: 30 }] }]);
    expect(row).toMatchObject({ value: null, status: "no total (T) value", respondents: null });
  });
});
