// RFC 4180 CSV reading (papaparse: quoted fields, doubled quotes, CRLF or LF, optional BOM) and writing.
// Used for the reference table, the committed snapshot and the shared reference files.
import Papa from "papaparse";

export function parseCsv(text: string, delimiter = ","): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body === "") return [];
  const result = Papa.parse<string[]>(body, { delimiter, header: false, skipEmptyLines: false, quoteChar: '"', escapeChar: '"' });
  const open = result.errors.find((e) => e.code === "MissingQuotes");
  if (open) throw new Error(`CSV ends inside a quoted field (truncated file?) at row ${(open.row ?? 0) + 1}`);
  const rows = result.data;
  // A final line break is not one more (empty) row.
  if (/[\r\n]$/.test(body) && rows.length && rows.at(-1)!.length === 1 && rows.at(-1)![0] === "") rows.pop();
  return rows;
}

/** Parse with a header row into records; throws naming the file and row when a row has the wrong width. */
export function parseCsvRecords(text: string, file: string, delimiter = ","): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, delimiter);
  if (!header) throw new Error(`${file}: empty CSV, expected a header row`);
  return rows.filter((r) => !(r.length === 1 && r[0] === "")).map((r, i) => {
    if (r.length !== header.length) {
      throw new Error(`${file}, row ${i + 2}: expected ${header.length} fields (${header.join(",")}), found ${r.length}`);
    }
    return Object.fromEntries(header.map((h, j) => [h, r[j]]));
  });
}

// Writing (and the formula neutraliser) is shared with the browser: one implementation in src/shared/csv.ts.
export { formulaSafe, neutraliseFormulas, toCsv, type CsvCell } from "../shared/csv";
