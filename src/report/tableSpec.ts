// The tables of a report package, as data: one spec feeds both the Excel sheet (Swedish headers, real
// numbers with number formats) and the CSV file (snake_case column names, raw numbers). Pure.
export type ReportColumnKind =
  | "text"
  | "int" // whole number, grouped: 12 345
  | "year" // 2022, never grouped
  | "score" // 0–100, one decimal
  | "share" // a percentage as published (0–100)
  | "share01" // a share 0..1 shown as a percentage (weights, coverage)
  | "number1"
  | "number2"
  | "coded"; // 0/1/2 welfare-technology codes

export type Cell = string | number | null;

export interface ReportColumn {
  key: string; // CSV column name (snake_case, Swedish, ASCII)
  label: string; // Excel header (Swedish)
  kind: ReportColumnKind;
  description: string; // what the column holds (Metod sheet, om-rapportpaketet.txt)
}

export interface ReportRow {
  cells: Record<string, Cell>;
  /** Per-cell kind where a column mixes kinds (raw indicator values, the summary's value column). */
  kinds?: Partial<Record<string, ReportColumnKind>>;
}

export interface ReportTable {
  id: string; // CSV file stem: tabeller/<id>.csv
  sheet: string; // Excel sheet name (≤ 31 characters)
  title: string;
  source: string; // source line under the title
  columns: ReportColumn[];
  rows: ReportRow[];
}

export const col = (key: string, label: string, kind: ReportColumnKind, description: string): ReportColumn =>
  ({ key, label, kind, description });

export const yesNo = (b: boolean): string => (b ? "ja" : "nej");

/** The kind of one cell: the row's override, else the column's. */
export function cellKind(table: ReportTable, row: ReportRow, column: ReportColumn): ReportColumnKind {
  return row.kinds?.[column.key] ?? column.kind;
}

/** Decimals a number needs (0–2) when its kind does not fix them. */
export function neededDecimals(x: number): number {
  for (let d = 0; d < 2; d++) if (Math.abs(Math.round(x * 10 ** d) - x * 10 ** d) < 1e-6) return d;
  return 2;
}
