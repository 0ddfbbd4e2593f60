import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SURVEY_KPIS } from "../kpis";
import { importUserSurveyCsv, importUserSurveyFile, USER_SURVEY_QUESTIONS } from "./socialstyrelsenUserSurvey";

const DIR = path.resolve(__dirname, "../../../tests/fixtures/sos");
const good = (name: string) => path.join(DIR, "good", name);
const broken = (name: string) => path.join(DIR, "broken", name);

describe("user survey per-unit files", () => {
  it("maps every question to a distinct unit-level survey KPI", () => {
    const kpis = USER_SURVEY_QUESTIONS.map((q) => q.kpi);
    expect(new Set(kpis).size).toBe(kpis.length);
    for (const k of kpis) expect(SURVEY_KPIS).toContain(k);
    expect(USER_SURVEY_QUESTIONS.find((q) => q.kpi === "U21468")?.question).toBe("F18");
  });

  it("reads a ';' file with BOM, CRLF, metadata rows and the header in row 13", () => {
    const r = importUserSurveyFile(good("bilaga-hemtjanst-verksamheter-2025_0180_Stockholm.csv"));
    expect(r.year).toBe(2025);
    expect(r.quarantined).toEqual([]);
    expect(r.units).toHaveLength(6);
    expect(r.units[0]).toEqual({ unit_id: "SOS-0180-H0180-01", name: "Hemtjänst Kungsholmen", municipality: "0180", provider_type: "kommunal", synthetic: false, source: "socialstyrelsen" });
    expect(r.units.find((u) => u.unit_id === "SOS-0180-H0180-05")?.name).toBe("Hemtjänst Vasastan, nattpatrull"); // quoted field
    expect(r.units.filter((u) => u.provider_type === "privat").map((u) => u.unit_id)).toEqual(["SOS-0180-H0180-03", "SOS-0180-H0180-04", "SOS-0180-H0180-06"]);
    const overall = r.unitValues.find((v) => v.unit_id === "SOS-0180-H0180-01" && v.kpi === "U21468")!;
    expect(overall).toMatchObject({ year: 2025, respondents: 212, status: null, synthetic: false, source: "socialstyrelsen" });
    expect(overall.value).toBe(88.7); // "88,7" with a decimal comma
    expect(r.unitValues.filter((v) => v.unit_id === "SOS-0180-H0180-01")).toHaveLength(20);
    // A unit under the publication threshold: values kept as suppressed, not invented, not dropped.
    const tiny = r.unitValues.filter((v) => v.unit_id === "SOS-0180-H0180-06");
    expect(tiny.every((v) => v.value === null && v.status === "suppressed" && v.respondents === null)).toBe(true);
    expect(r.ignoredColumns).toEqual(["F1 Hur länge har du haft hemtjänst (andel mer än ett år)"]);
    expect(r.ignoredColumns.join()).not.toContain("F20"); // "F20 Antal personal" is a count column, not a share
  });

  it("reads a ',' file with quoted decimal commas, a Kommunkod column and per-question counts", () => {
    const r = importUserSurveyFile(good("bilaga-hemtjanst-verksamheter-2025_1480_Goteborg.csv"));
    expect(r.units.map((u) => u.municipality)).toEqual(["1480", "1480", "1480", "1480"]);
    const v = r.unitValues.find((x) => x.unit_id === "SOS-1480-hemtjanst-majorna" && x.kpi === "U21462")!;
    expect(v.value).toBe(61.1);
    expect(v.respondents).toBe(146); // the question's own count, not the unit's 150
    expect(new Set(r.unitValues.map((x) => x.kpi))).toEqual(new Set(["U21462", "U21461", "U21504", "U21477", "U21465", "U21505", "U21468"]));
  });

  it("reads a Windows-1252 file and the same content as UTF-8 alike", () => {
    const file = good("bilaga-hemtjanst-verksamheter-2025_2281_Sundsvall.csv");
    const r = importUserSurveyFile(file);
    expect(r.units.map((u) => u.name)).toEqual(["Hemtjänst Skönsberg", "Hemtjänst Njurunda", "Omsorgsfirman Björkdungen AB"]);
    const utf8 = importUserSurveyCsv(new TextDecoder("windows-1252").decode(readFileSync(file)), file);
    expect(utf8).toEqual(r);
  });

  it("stops on an unknown layout, naming the file, the rows searched and the expected columns", () => {
    const file = broken("bilaga-hemtjanst-verksamheter-2025_0114_unknown-layout.csv");
    expect(() => importUserSurveyFile(file)).toThrow(/0114_unknown-layout\.csv: unknown layout, no header row found in rows 1–\d+; expected columns "Verksamhet", "Antal svarande"/);
  });

  it("stops when the header has no mapped question, naming the header row", () => {
    expect(() => importUserSurveyFile(broken("bilaga-hemtjanst-verksamheter-2025_0125_no-mapped-questions.csv")))
      .toThrow(/no-mapped-questions\.csv, row 4: header found but no question column maps to a KPI; expected some of F2, .*found .*F40 Ny fråga/);
  });

  it("stops when no year can be found, and accepts one from options", () => {
    const file = broken("bilaga-hemtjanst-verksamheter_0126_no-year.csv");
    expect(() => importUserSurveyFile(file)).toThrow(/no-year\.csv: cannot tell the survey year/);
    expect(importUserSurveyFile(file, { year: 2024 }).unitValues.every((v) => v.year === 2024)).toBe(true);
  });

  it("quarantines bad decimals field by field and keeps the rest of the row", () => {
    const r = importUserSurveyFile(broken("bilaga-hemtjanst-verksamheter-2025_0114_bad-decimal.csv"));
    expect(r.quarantined).toEqual([
      { file: expect.stringContaining("bad-decimal.csv"), row: 5, field: "F7 Tillräckligt med tid", reason: 'expected a number such as 85,3, found "85,3,1"' },
      { file: expect.stringContaining("bad-decimal.csv"), row: 6, field: "F5 Kan påverka tider", reason: 'expected a number such as 85,3, found "8x,5"' },
      { file: expect.stringContaining("bad-decimal.csv"), row: 7, field: "Antal svarande", reason: 'expected a whole number of respondents, found "3,5"' },
    ]);
    expect(r.units.map((u) => u.unit_id)).toEqual(["SOS-0114-A1", "SOS-0114-A2"]); // A3 had no usable respondent count
    expect(r.unitValues.filter((v) => v.unit_id === "SOS-0114-A1").map((v) => v.kpi)).toEqual(["U21462", "U21468"]);
  });

  it("quarantines shares outside 0–100", () => {
    const r = importUserSurveyFile(broken("bilaga-hemtjanst-verksamheter-2025_0115_share-250.csv"));
    expect(r.quarantined.map((q) => [q.row, q.field, q.reason])).toEqual([
      [5, "F5 Kan påverka tider", "share 250 is outside 0–100"],
      [6, "F7 Tillräckligt med tid", "share -4,0 is outside 0–100"],
    ]);
    expect(r.unitValues.every((v) => v.value === null || (v.value >= 0 && v.value <= 100))).toBe(true);
    expect(r.unitValues).toHaveLength(4);
  });

  it("keeps the first of two rows for the same unit and quarantines the second", () => {
    const r = importUserSurveyFile(broken("bilaga-hemtjanst-verksamheter-2025_0117_duplicate-unit.csv"));
    expect(r.units.map((u) => u.name)).toEqual(["Hemtjänst Åkersberga", "Hemtjänst Ljusterö"]);
    expect(r.quarantined).toHaveLength(1);
    expect(r.quarantined[0]).toMatchObject({ row: 6, field: "Verksamhets-id", reason: expect.stringContaining('duplicate unit "SOS-0117-C1" (first in row 5)') });
  });

  it("quarantines a short row and a row cut inside a quote (truncated file)", () => {
    const r = importUserSurveyFile(broken("bilaga-hemtjanst-verksamheter-2025_0120_truncated.csv"));
    expect(r.units.map((u) => u.unit_id)).toEqual(["SOS-0120-D1"]);
    expect(r.quarantined.map((q) => [q.row, q.field, q.reason])).toEqual([
      [6, "row", "5 fields, but the header in row 4 has 7 (truncated row or mixed separators?)"],
      [7, "row", "a quoted field never ends (truncated file?)"],
    ]);
  });

  it("quarantines a row written with the other separator", () => {
    const r = importUserSurveyFile(broken("bilaga-hemtjanst-verksamheter-2025_0123_mixed-separators.csv"));
    expect(r.units.map((u) => u.unit_id)).toEqual(["SOS-0123-E1", "SOS-0123-E3"]);
    expect(r.quarantined).toEqual([expect.objectContaining({ row: 6, field: "row", reason: expect.stringContaining("mixed separators") })]);
  });

  it("throws when every data row is unusable, naming the first problem", () => {
    expect(() => importUserSurveyFile(broken("bilaga-hemtjanst-verksamheter-2025_0127_all-bad.csv")))
      .toThrow(/all-bad\.csv: no usable unit rows below the header in row 4; first problem: row 5, Antal svarande: expected a whole number/);
  });

  it("quarantines unknown municipality codes and codes that contradict the file name", () => {
    const text = "Verksamhet;Kommunkod;Antal svarande;F18 Helhetssyn\nHemtjänst A;0180;40;90,0\nHemtjänst B;0181;30;80,0\n";
    const r = importUserSurveyCsv(text, "bilaga-hemtjanst-verksamheter-2025_0180_x.csv");
    expect(r.quarantined).toEqual([{ file: "bilaga-hemtjanst-verksamheter-2025_0180_x.csv", row: 3, field: "Kommunkod", reason: "kommunkod 0181 differs from 0180 in the file name" }]);
    const other = "Verksamhet;Kommunkod;Antal svarande;F18 Helhetssyn\nHemtjänst A;180;40;90,0\nHemtjänst B;0114;30;80,0\n";
    const known = importUserSurveyCsv(other, "undersokning-2025.csv", { knownMunicipalities: new Set(["0180"]) });
    expect(known.units.map((u) => u.municipality)).toEqual(["0180"]); // "180": a spreadsheet dropped the zero
    expect(known.quarantined.map((q) => [q.row, q.field, q.reason])).toEqual([[3, "Kommunkod", 'unknown municipality code "0114"']]);
  });
});
