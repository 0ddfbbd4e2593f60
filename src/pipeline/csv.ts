// A small RFC 4180 CSV reader/writer: quoted fields, doubled quotes, CRLF or LF, optional BOM.
// Used for the reference table and the committed snapshot (both written by us, so "," always).

export function parseCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += c;
  }
  if (quoted) throw new Error("CSV ends inside a quoted field (truncated file?)");
  if (field !== "" || row.length > 0) { row.push(field); rows.push(row); }
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
