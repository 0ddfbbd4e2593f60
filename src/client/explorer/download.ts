// Downloads of the explorer: the displayed ranking and the SQL box's result, as CSV (UTF-8 with BOM,
// for machines: comma-separated, decimal point, formula-safe through the site's one CSV writer) and as
// XLSX (for people; exceljs is imported only when a reader asks for it).

import { toCsv as sharedCsv } from "../../shared/csv";
import { saveBlob } from "../saveBlob";

export type Cell = string | number | null;

export interface DownloadTable {
  /** Swedish column names. */
  columns: { name: string; kind: "text" | "int" | "score" | "share" | "number" }[];
  rows: Cell[][];
  /** Lines describing the selection (weights, rule, year, filters, source, link). */
  about: [string, string][];
  fileStem: string; // e.g. "hemtjanstkollen-egen-rankning-2022"
  sheetName?: string; // the data sheet of the workbook; default "Rangordning"
}

/** CSV text with a BOM (so spreadsheet programs read UTF-8), comma separator, CRLF line ends, formula-safe. */
export function toCsv(table: Pick<DownloadTable, "columns" | "rows">): string {
  return sharedCsv(table.columns.map((c) => c.name), table.rows, { bom: true, eol: "\r\n" });
}


export function downloadCsv(table: DownloadTable): void {
  saveBlob(new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" }), `${table.fileStem}.csv`);
}

const NUM_FMT: Record<DownloadTable["columns"][number]["kind"], string | undefined> = {
  text: undefined, int: "0", score: "0.0", share: "0.0%", number: undefined,
};

export async function downloadXlsx(table: DownloadTable): Promise<void> {
  const mod = await import("exceljs");
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Hemtjänstkollen";
  // No wall-clock time: the same selection gives the same workbook contents.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet(table.sheetName ?? "Rangordning", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = table.columns.map((c) => ({
    header: c.name, key: c.name, width: c.kind === "text" ? Math.max(12, c.name.length + 2) : Math.max(10, c.name.length + 2),
    style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of table.rows) ws.addRow(r.map((v) => (v === null ? null : v)));
  const about = wb.addWorksheet("Om urvalet");
  about.columns = [{ header: "Uppgift", key: "k", width: 28 }, { header: "Värde", key: "v", width: 90 }];
  about.getRow(1).font = { bold: true };
  for (const [k, v] of table.about) about.addRow([k, v]);
  const buffer = await wb.xlsx.writeBuffer();
  saveBlob(new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), `${table.fileStem}.xlsx`);
}
