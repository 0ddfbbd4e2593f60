// Export of the premium result, with hostile provider names as an uploaded file might carry them.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../pipeline/csv";
import { evaluatePremium, prepareInput, STOCKHOLM_2022 } from "../../model/qualityPremium";
import { exportCsv, exportXlsx } from "./exportTable";

const HEADER = "utforare;regi;utforda_timmar;andel_kunder_inom_riktvarde;andel_timmar_timavlonade;andel_utbildade;andel_underskoterskor";
const upload = [
  HEADER,
  '"Hemtjänst Öst;=1+1";enskild;100;90;22;80;20',
  '"=HYPERLINK(""http://evil.example"";""x"")";enskild;50;10;22;80;20',
  '"@SUM(A1)\tx";kommunal;10,5;95;30;80;20',
].join("\r\n");

describe("premium export", () => {
  const prepared = prepareInput({ providers: upload }).prepared!;
  const result = evaluatePremium(prepared.providers, STOCKHOLM_2022);

  it("CSV: BOM, comma, decimal point; every formula segment in hostile names neutralised", () => {
    const csv = exportCsv(result);
    expect(csv.startsWith("\ufeffutforare,regi,utforda_timmar,")).toBe(true);
    const rows = parseCsv(csv);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Hemtjänst Öst;'=1+1", '\'=HYPERLINK("http://evil.example";"x")', "'@SUM(A1)\tx"]);
    // 100 h × 8 × 15 = 12 000; second 2 of 3 → 50 × 8 × 5 = 2 000; third 2 of 3 → 10,5 × 8 × 5 = 420.
    expect(rows.slice(1).map((r) => [r[2], r[13], r[14], r[16]])).toEqual([["100", "3", "15", "12000"], ["50", "2", "5", "2000"], ["10.5", "2", "5", "420"]]);
  });

  it("XLSX: names are text cells (never formulas), numbers are numbers, rules documented", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exportXlsx(result, "Exempeldata")) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Utförare")!;
    expect(ws.getCell("A3").value).toBe('=HYPERLINK("http://evil.example";"x")');
    expect(ws.getCell("A3").formula).toBeUndefined();
    expect(ws.getCell("Q2").value).toBe(12_000);
    expect(wb.getWorksheet("Beräkning")!.getCell("B2").value).toBe("Exempeldata");
    expect(wb.getWorksheet("Kolumner")!.rowCount).toBe(18);
  });
});
