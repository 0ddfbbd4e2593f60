// CSV of a report table for machines: UTF-8 with BOM (Excel reads å, ä, ö), comma separator, point as the
// decimal separator, numbers exactly as the model wrote them, CRLF line ends (RFC 4180), the same
// convention as the site's /data/ downloads.
import { toCsv } from "../pipeline/csv";
import type { ReportTable } from "./tableSpec";

export function tableCsv(table: ReportTable): string {
  const keys = table.columns.map((c) => c.key);
  return toCsv(keys, table.rows.map((r) => keys.map((k) => r.cells[k])), { bom: true, eol: "\r\n" });
}
