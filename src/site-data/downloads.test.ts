import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ScoreRow } from "../model/outputTables";
import type { MunicipalityRow, ValueRow } from "../pipeline/tables";
import { parseCsv } from "../pipeline/csv";
import {
  EFFECTIVE_WEIGHTS_COLUMNS, RANKING_COLUMNS, VALUES_COLUMNS, downloadCsv, downloadXlsx, effectiveWeightsRows, rankingDownloadRows,
  valuesDownloadRows, zipEntryText,
} from "./downloads";

const muni = (code: string, name: string) => ({ code, name }) as MunicipalityRow;
const score = (year: number, municipality: string, extra: Partial<ScoreRow> = {}): ScoreRow => ({
  year, municipality, weight_set: "seniorernas-prioritering", missing_rule: "riksmedian",
  information: 61.5, bistandshandlaggning: null, utforande: 80, stod_utveckling: 45.8, total: 70.1, rank: 3,
  rank_low: 1, rank_high: 9, n_ranked: 290, group: "över medel", coverage: 0.936, flags: "", missing_indicators: "", indistinguishable: null,
  rank_shift_weight_set: null, rank_shift_missing_rule: null, ...extra,
});
const municipalities = [muni("0114", "Upplands Väsby"), muni("1280", "Malmö"), muni("0180", "Stockholm, \"city\"")];
const scores = [
  score(2022, "1280", { missing_indicators: "U21401" }), score(2019, "0114"), score(2022, "0114", { rank: null, total: null, group: null, rank_low: null, rank_high: null }),
  score(2022, "0000"), score(2022, "0180"), score(2022, "1280", { weight_set: "harledd-ur-brukarnas-svar" }),
];

describe("rankning.csv", () => {
  const rows = rankingDownloadRows(scores, municipalities, "seniorernas-prioritering", "riksmedian");
  const csv = downloadCsv(RANKING_COLUMNS, rows);

  it("starts with a BOM and the documented header", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1, csv.indexOf("\r\n"))).toBe(
      "ar,kommunkod,kommun,rang,totalindex,information,bistandshandlaggning,utforande,stod_och_utveckling,resultatgrupp,tackning,rang_lag,rang_hog,saknade_indikatorer");
  });

  it("has one row per municipality and year of the default variant, Riket excluded, ordered by year and code", () => {
    const parsed = parseCsv(csv).slice(1).filter((r) => r.length > 1);
    expect(parsed.map((r) => `${r[0]} ${r[1]}`)).toEqual(["2019 0114", "2022 0114", "2022 0180", "2022 1280"]);
    expect(parsed[3]).toEqual(["2022", "1280", "Malmö", "3", "70.1", "61.5", "", "80", "45.8", "över medel", "0.936", "1", "9", "U21401"]);
    expect(parsed[1].slice(3, 5)).toEqual(["", ""]); // not ranked: empty, not 0
    expect(parsed[2][2]).toBe('Stockholm, "city"'); // quoted and escaped, round-trips
  });
});

describe("varden.csv", () => {
  const value = (kpi: string, municipality: string, year: number, gender: "T" | "K" | "M", v: number | null, source: ValueRow["source"] = "kolada"): ValueRow =>
    ({ kpi, municipality, year, gender, value: v, status: null, source, fetched_at: "2024-08-31" });
  const values = [
    value("U21468", "1280", 2022, "T", 77), value("U21468", "0000", 2022, "K", 86), value("U21468", "1280", 2021, "T", 70),
    value("N01951", "1280", 2022, "T", 357377), value("U21432", "0114", 2022, "T", 12.5, "senioralert"), value("U21461", "0114", 2022, "T", null),
  ];
  const rows = valuesDownloadRows(values, new Set(["U21468", "U21432", "U21461"]), new Set([2022]),
    new Map([["kolada", "Kolada"], ["senioralert", "Senior alert via Kolada"]]));

  it("keeps the used KPIs in published years with a value, and names the source", () => {
    expect(rows).toEqual([
      { ar: 2022, kommunkod: "0000", kpi: "U21468", kon: "K", varde: 86, kalla: "Kolada" },
      { ar: 2022, kommunkod: "0114", kpi: "U21432", kon: "T", varde: 12.5, kalla: "Senior alert via Kolada" },
      { ar: 2022, kommunkod: "1280", kpi: "U21468", kon: "T", varde: 77, kalla: "Kolada" },
    ]);
    const csv = downloadCsv(VALUES_COLUMNS, rows);
    expect(csv.split("\r\n")[0]).toBe("\ufeffar,kommunkod,kpi,kon,varde,kalla");
  });
});

describe("XLSX", () => {
  const rows = rankingDownloadRows(scores, municipalities, "seniorernas-prioritering", "riksmedian");
  it("stores real numbers with formats, documents the columns and is byte-identical across runs", async () => {
    const a = await downloadXlsx({ name: "Rankning", title: "T", columns: RANKING_COLUMNS, rows }, ["Om"]);
    const b = await downloadXlsx({ name: "Rankning", title: "T", columns: RANKING_COLUMNS, rows }, ["Om"]);
    expect(a.equals(b)).toBe(true);
    expect(zipEntryText(a, "docProps/core.xml")).toContain("2000-01-01");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Rankning", "Kolumner", "Om filen"]);
    const ws = wb.getWorksheet("Rankning")!;
    expect(ws.getRow(1).values).toEqual([undefined, ...RANKING_COLUMNS.map((c) => c.label ?? c.name)]);
    expect(ws.getRow(1).values).toContain("Stöd och utveckling"); // readable Swedish headers for people
    expect(ws.rowCount).toBe(rows.length + 1);
    const malmo = ws.getRow(5);
    expect(malmo.getCell(3).value).toBe("Malmö");
    expect(malmo.getCell(5).value).toBe(70.1);
    expect(malmo.getCell(5).numFmt).toBe("0.0");
    expect(malmo.getCell(11).value).toBe(0.936);
    expect(malmo.getCell(11).numFmt).toBe("0.0%");
    expect(wb.getWorksheet("Kolumner")!.rowCount).toBe(RANKING_COLUMNS.length + 1);
  });
});

describe("effektiva-vikter.csv", () => {
  it("is ;-separated with a BOM and exactly the documented columns", () => {
    const rows = effectiveWeightsRows([
      { year: 2022, weight_set: "seniorernas-prioritering", indicator: "U21465", nominal: 0.1, share: 0.18 },
      { year: 2022, weight_set: "seniorernas-prioritering", indicator: "U21504", nominal: 0.024, share: 0.007 },
    ]);
    const csv = downloadCsv(EFFECTIVE_WEIGHTS_COLUMNS, rows, ";");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "ar;viktset;indikator;nominell_vikt;andel_av_variansen",
      "2022;seniorernas-prioritering;U21465;0.1;0.18",
      "2022;seniorernas-prioritering;U21504;0.024;0.007",
      "",
    ]);
  });
});
