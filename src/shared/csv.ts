// CSV writing shared by the build (downloads, reports, chart CSVs) and the browser (explorer, premium
// tool): one formula neutraliser and one field quoting rule, pure, no Node or DOM APIs.

export type CsvCell = string | number | boolean | null | undefined;

/**
 * Formula injection (OWASP "CSV injection"): a spreadsheet reads a cell that starts with =, +, -, @, tab,
 * CR or LF as a formula. Swedish Excel splits a CSV on ";" (the Swedish list separator), and some importers
 * on tab or line breaks, so every segment after ";", tab, CR or LF counts as a cell start too:
 * "Hemtjänst Öst;=1+1" becomes "Hemtjänst Öst;'=1+1". Spaces before the formula character do not help
 * it escape. The apostrophe is what spreadsheets take as "text follows".
 */
export function neutraliseFormulas(text: string): string {
  return text.replace(/(^|[;\t\r\n])(?=[ ]*[=+\-@\t\r\n])/g, "$1'");
}

/** A text cell made formula-safe; numbers (also negative ones) and other types are never touched. */
export function formulaSafe(value: CsvCell): CsvCell {
  return typeof value === "string" ? neutraliseFormulas(value) : value;
}

/** RFC 4180 quoting: a field with the delimiter, a quote or a line break is quoted, quotes doubled. */
export function quoteCsvField(value: string, delimiter = ","): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CsvOptions {
  /** Start with a UTF-8 BOM (so Excel reads å, ä, ö). */
  bom?: boolean;
  /** Line end; default LF. */
  eol?: string;
  /** Neutralise formulas in header and text cells; default: on when `bom` (files people open). */
  formulaSafe?: boolean;
  delimiter?: string;
  /** Write numbers with a decimal comma (Swedish Excel; use with delimiter ";"). Text is left as it is. */
  decimalComma?: boolean;
}

/**
 * Rows as CSV (numbers as JavaScript prints them, so values round-trip exactly). Files with a BOM are
 * downloads people open in a spreadsheet, so their header and text cells are formula-safe by default;
 * our own round-trip files (snapshot, reference) have no BOM and stay verbatim.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const eol = options.eol ?? "\n";
  const delimiter = options.delimiter ?? ",";
  const safe = options.formulaSafe ?? options.bom ?? false;
  const field = (v: CsvCell) => {
    const c = safe ? formulaSafe(v) : v;
    const text = typeof c === "number" && options.decimalComma ? String(c).replace(".", ",") : c == null ? "" : String(c);
    return quoteCsvField(text, delimiter);
  };
  const lines = [header.map(field).join(delimiter), ...rows.map((r) => r.map(field).join(delimiter))];
  return (options.bom ? "\ufeff" : "") + lines.join(eol) + eol;
}
