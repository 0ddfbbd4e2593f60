// The light XLSX writer, read back with exceljs (an independent reader): values, types, formats.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { sheetName, xlsxWorkbook, xmlText } from "./xlsx";

const sheet = {
  name: "Utförare",
  columns: [{ header: "utforare", kind: "text" as const }, { header: "uppfyllda", kind: "int" as const }, { header: "andel", kind: "decimal1" as const }, { header: "premie_kr", kind: "kr" as const }],
  rows: [["=1+1 & <Öst>", 3, 90.5, 120000.5], ["Björk", null, 0, -5]] as (string | number | null)[][],
};

describe("xlsxWorkbook", () => {
  it("writes a workbook exceljs reads: text stays text (no formula), numbers stay numbers", async () => {
    const bytes = xlsxWorkbook([sheet, { name: "Om filen", columns: [{ header: "text", kind: "text" }], rows: [["Exempeldata"]] }], "Kvalitetspremie");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Utförare")!;
    expect(ws.getRow(1).values).toEqual([undefined, "utforare", "uppfyllda", "andel", "premie_kr"]);
    expect(ws.getCell("A2").value).toBe("=1+1 & <Öst>");
    expect(ws.getCell("A2").formula).toBeUndefined();
    expect(ws.getCell("B2").value).toBe(3);
    expect(ws.getCell("C2").value).toBe(90.5);
    expect(ws.getCell("C2").numFmt).toBe("0.0");
    expect(ws.getCell("D2").value).toBe(120000.5);
    expect(ws.getCell("B3").value).toBe(null);
    expect(ws.getCell("D3").value).toBe(-5);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(wb.getWorksheet("Om filen")!.getCell("A2").value).toBe("Exempeldata");
  });

  it("gives the same bytes for the same table", () => {
    expect(Buffer.from(xlsxWorkbook([sheet])).equals(Buffer.from(xlsxWorkbook([sheet])))).toBe(true);
  });

  it("escapes XML and drops forbidden control characters; sheet names follow Excel's rules", () => {
    expect(xmlText('a<b>&"c"\u0001\t')).toBe("a&lt;b&gt;&amp;&quot;c&quot;\t");
    expect(sheetName("a/b:c?" + "x".repeat(40))).toHaveLength(31);
  });
});
