// The Excel workbook of a report package (exceljs): one sheet per table, a title and source line above a
// frozen, filterable header row, real numbers with number formats (Excel shows them with the reader's
// decimal comma and digit grouping), column widths from the content. Byte-identical for identical input.
import ExcelJS from "exceljs";
import { FIXED_DATE, normaliseZip } from "../site-data/downloads";
import { cellKind, neededDecimals, type ReportColumnKind, type ReportTable } from "./tableSpec";

/** Row (1-based) of each sheet's header; the data starts on the next row. */
export const HEADER_ROW = 4;

/** Excel number format of a numeric cell of `kind` (format codes use "." and ","; Excel localises them). */
export function numberFormat(kind: ReportColumnKind, value: number): string {
  switch (kind) {
    case "int": return "#,##0";
    case "year": case "coded": return "0";
    case "score": case "number1": return "0.0";
    case "number2": return "0.00";
    case "share01": return value === 0 || value === 1 ? "0%" : "0.0%";
    case "share": return neededDecimals(value) === 0 ? '0" %"' : neededDecimals(value) === 1 ? '0.0" %"' : '0.00" %"';
    case "text": return "General";
  }
}

function width(table: ReportTable, i: number): number {
  const c = table.columns[i];
  const lens = table.rows.map((r) => {
    const v = r.cells[c.key];
    return v === null || v === undefined ? 1 : typeof v === "number" ? 10 : String(v).length;
  });
  return Math.min(c.kind === "text" ? 70 : 18, Math.max(8, Math.min(c.label.length, 28) + 2, ...lens.map((l) => l + 2)));
}

export function addTableSheet(wb: ExcelJS.Workbook, table: ReportTable): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(table.sheet, { views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 0 }] });
  ws.getCell(1, 1).value = table.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = table.source;
  ws.getCell(2, 1).font = { italic: true, color: { argb: "FF4A5560" } };
  const header = ws.getRow(HEADER_ROW);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label;
    ws.getColumn(i + 1).width = width(table, i);
  });
  header.font = { bold: true };
  header.alignment = { vertical: "top", wrapText: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7F0F9" } };
  table.rows.forEach((r, ri) => {
    const xr = ws.getRow(HEADER_ROW + 1 + ri);
    table.columns.forEach((c, ci) => {
      const v = r.cells[c.key];
      const cell = xr.getCell(ci + 1);
      if (v === null || v === undefined) return;
      cell.value = v;
      if (typeof v === "number") {
        cell.numFmt = numberFormat(cellKind(table, r, c), v);
        cell.alignment = { horizontal: "right" };
      } else if (c.kind === "text" && v.length > 60) {
        cell.alignment = { wrapText: true, vertical: "top" };
      }
    });
  });
  if (table.rows.length) {
    ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: table.columns.length } };
  }
  return ws;
}

export async function reportWorkbook(tables: readonly ReportTable[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Hemtjänstkollen";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = title;
  for (const t of tables) addTableSheet(wb, t);
  return normaliseZip(Buffer.from(await wb.xlsx.writeBuffer()));
}
