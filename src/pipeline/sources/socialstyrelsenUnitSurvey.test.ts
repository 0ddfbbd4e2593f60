import path from "node:path";
import { describe, expect, it } from "vitest";
import { UNIT_SURVEY_KPIS } from "../kpis";
import { importUnitSurveyCsv, importUnitSurveyFile, UNIT_SURVEY_COLUMNS } from "./socialstyrelsenUnitSurvey";

const DIR = path.resolve(__dirname, "../../../tests/fixtures/sos");

describe("Enhetsundersökningen (unit survey)", () => {
  it("maps each column to a distinct KPI from UNIT_SURVEY_KPIS, covering all of them", () => {
    const kpis = UNIT_SURVEY_COLUMNS.map((c) => c.kpi);
    expect(new Set(kpis).size).toBe(kpis.length);
    expect([...kpis].sort()).toEqual([...UNIT_SURVEY_KPIS].sort());
  });

  it("reads the national file: year from the metadata, codes padded, Ja/Nej as 100/0, ratios with decimal commas", () => {
    const r = importUnitSurveyFile(path.join(DIR, "good", "resultat - Hemtjänst, enheter.csv"));
    expect(r.year).toBe(2024);
    expect(r.quarantined).toEqual([]);
    expect(r.units).toHaveLength(7);
    expect(r.units.find((u) => u.unit_id === "SOS-0114-E0114-001")).toMatchObject({ municipality: "0114", provider_type: "kommunal" }); // "114" in the file
    expect(r.units.find((u) => u.unit_id === "SOS-0114-E0114-002")?.provider_type).toBe("privat");
    const kungsholmen = (kpi: string) => r.unitValues.find((v) => v.unit_id === "SOS-0180-E0180-001" && v.kpi === kpi);
    expect(kungsholmen("U21452")).toMatchObject({ value: 75.1, year: 2024, respondents: null, synthetic: false, source: "socialstyrelsen" });
    expect(kungsholmen("U21557")?.value).toBe(100); // "Ja"
    expect(kungsholmen("N21604")?.value).toBe(0); // "Nej"
    expect(kungsholmen("N21610")?.value).toBe(3.66);
    // The last unit's b9 is suppressed ("..") and b11 empty: kept as missing with the reason.
    expect(r.unitValues.filter((v) => v.unit_id === "SOS-0114-E0114-002" && v.kpi.startsWith("N2161")).map((v) => [v.kpi, v.value, v.status]))
      .toEqual([["N21610", null, "suppressed"], ["N21611", null, "missing"]]);
    expect(r.ignoredColumns).toEqual(["ind4", "ind32"]);
    expect(r.unitValues).toHaveLength(7 * UNIT_SURVEY_COLUMNS.length);
  });

  it("stops on an unknown layout, naming the file and the expected columns", () => {
    expect(() => importUnitSurveyFile(path.join(DIR, "broken", "unit-survey-unknown-layout.csv")))
      .toThrow(/unit-survey-unknown-layout\.csv: unknown layout, no header row found in rows 1–\d+; expected columns "Enhets-id" .* "ind2"/);
  });

  it("quarantines bad yes/no, shares over 100, duplicates, bad codes, unknown regi and negative ratios", () => {
    const r = importUnitSurveyFile(path.join(DIR, "broken", "unit-survey-bad-values.csv"), { knownMunicipalities: new Set(["0180", "1480"]) });
    expect(r.quarantined.map((q) => [q.row, q.field, q.reason])).toEqual([
      [3, "ind5", 'expected Ja or Nej, found "Kanske"'],
      [4, "ind2", "share 250 is outside 0–100"],
      [5, "Enhets-ID", 'duplicate unit "SOS-0180-E0180-002" for 2024 (first in row 4); the first row was kept'],
      [6, "Kommunkod", 'expected a 4-digit kommunkod, found "ABC"'],
      [7, "Kommunkod", 'unknown municipality code "9999"'],
      [8, "Regi", 'unknown regi "Kooperativ"; expected Kommunal or Enskild/Privat'],
      [9, "b9", "ratio -2 is outside the plausible 0–100"],
    ]);
    expect(r.units.map((u) => u.unit_id)).toEqual(["SOS-0180-E0180-001", "SOS-0180-E0180-002", "SOS-1480-E1480-002"]);
    // Good fields of a row with one bad field are kept.
    expect(r.unitValues.filter((v) => v.unit_id === "SOS-0180-E0180-001").map((v) => v.kpi)).toEqual(["U21452", "N21610"]);
  });

  it("takes the year from an År column when the file states none, and needs one otherwise", () => {
    const text = "Enhets-ID;Kommunkod;År;ind2\nE1;0180;2023;80,0\nE1;0180;2024;82,5\n";
    const r = importUnitSurveyCsv(text, "enheter.csv");
    expect(r.unitValues.map((v) => [v.year, v.value])).toEqual([[2023, 80], [2024, 82.5]]);
    expect(r.units).toHaveLength(1);
    expect(() => importUnitSurveyCsv("Enhets-ID;Kommunkod;ind2\nE1;0180;80,0\n", "enheter.csv")).toThrow(/enheter\.csv: cannot tell the survey year/);
  });
});
