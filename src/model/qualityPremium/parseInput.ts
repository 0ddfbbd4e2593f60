// The municipality's own files, parsed with papaparse: ";" or "," (or tab) separated, decimal comma or
// point, UTF-8 with or without BOM. Every problem becomes one Swedish message naming the row as the file
// shows it (header = row 1) and the column. Pure: text in, rows and problems out (no file system, no DOM).
import Papa from "papaparse";
import type { CustomerInput, ProviderInput } from "./types";

export interface InputProblem {
  /** Line in the file where the row starts (header = 1). */
  row: number;
  /** Column name as documented (null: the whole row or file). */
  column: string | null;
  /** A full Swedish sentence, with row and column. */
  message: string;
  /** Problems with the header or the file as a whole cannot be skipped. */
  fatal: boolean;
}

export interface ParsedFile<T> {
  rows: T[];
  problems: InputProblem[];
  /** Rows (file line numbers) that have a problem; skipped only if the user asks. */
  badRows: number[];
}

export const PROVIDER_COLUMNS = [
  "utforare", "regi", "utforda_timmar", "andel_kunder_inom_riktvarde", "andel_timmar_timavlonade", "andel_utbildade", "andel_underskoterskor",
] as const;
export const CUSTOMER_COLUMNS = ["utforare", "kund", "timmar_per_manad", "antal_personal"] as const;

export function problem(row: number, column: string | null, detail: string, fatal = false): InputProblem {
  return { row, column, fatal, message: `Rad ${row}${column ? `, kolumn ${column}` : ""}: ${detail}` };
}

/** "Utförda timmar" → "utforda_timmar": headers typed by hand still match. */
export function normaliseHeader(name: string): string {
  return name.replace(/^\ufeff/, "").trim().toLowerCase()
    .replace(/[åä]/g, "a").replace(/ö/g, "o").replace(/é/g, "e").replace(/[\s-]+/g, "_");
}

/** The separator: whichever of ; , tab occurs most often in the header line. */
export function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\ufeff/, "").split(/\r?\n|\r/, 1)[0] ?? "";
  const counts = [";", ",", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ",";
}

/**
 * A number as people write it: decimal comma or point, spaces as thousands separators, an optional
 * trailing %, U+2212 as minus. Null when it is not a number ("1.234,5" and "1,234.5" are refused:
 * ambiguous).
 */
export function parseSwedishNumber(raw: string): number | null {
  const s = raw.trim().replace(/[\s\u00a0\u202f]/g, "").replace(/%$/, "").replace(/^\u2212/, "-");
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(",", "."));
}

interface RawRow { line: number; cells: string[] }

/** Rows with the line each starts on; blank lines dropped. */
function readRows(text: string): { delimiter: string; rows: RawRow[]; unterminated: number | null } {
  const body = text.replace(/^\ufeff/, "");
  const delimiter = detectDelimiter(body);
  const rows: RawRow[] = [];
  let start = 0;
  let line = 1;
  let unterminated: number | null = null;
  Papa.parse<string[]>(body, {
    delimiter, skipEmptyLines: false,
    step: (r) => {
      if (r.errors.some((e) => e.code === "MissingQuotes") && unterminated === null) unterminated = line;
      if (!(r.data.length === 1 && r.data[0].trim() === "")) rows.push({ line, cells: r.data });
      const end = r.meta.cursor;
      for (let i = start; i < end; i++) if (body[i] === "\n" || (body[i] === "\r" && body[i + 1] !== "\n")) line++;
      start = end;
    },
  });
  return { delimiter, rows, unterminated };
}

interface ColumnSpec { name: string; required: boolean }

/** Header → column index; problems for missing, duplicate columns. */
function readHeader(header: RawRow | undefined, specs: ColumnSpec[], problems: InputProblem[]): Map<string, number> | null {
  if (!header) { problems.push(problem(1, null, "filen är tom. Första raden ska vara kolumnnamnen.", true)); return null; }
  const index = new Map<string, number>();
  header.cells.forEach((c, i) => {
    const name = normaliseHeader(c);
    if (name === "") return;
    if (index.has(name)) problems.push(problem(1, name, "kolumnen finns två gånger.", true));
    else index.set(name, i);
  });
  for (const s of specs) {
    if (s.required && !index.has(s.name)) {
      problems.push(problem(1, s.name, `kolumnen saknas. Filen ska ha kolumnerna ${specs.map((x) => x.name).join(";")}.`, true));
    }
  }
  return problems.some((p) => p.fatal) ? null : index;
}

type CellReader = (column: string, kind: "text" | "share" | "hours" | "count", optional?: boolean) => string | number | null;

type Reporter = (column: string, detail: string) => void;

/**
 * Shared driver: header, width check, one problem per bad cell; a row is kept only when it raised no
 * problem (so `build` may return fields that are null after reporting them).
 */
function parseTable<T>(text: string, specs: ColumnSpec[], build: (cell: CellReader, line: number, report: Reporter) => T): ParsedFile<T> {
  const problems: InputProblem[] = [];
  const { rows, unterminated } = readRows(text);
  if (unterminated !== null) problems.push(problem(unterminated, null, "ett citattecken (\") öppnas men stängs aldrig.", true));
  const [header, ...data] = rows;
  const index = readHeader(header, specs, problems);
  if (!index || problems.some((p) => p.fatal)) return { rows: [], problems, badRows: [] };
  const out: T[] = [];
  const badRows: number[] = [];
  for (const r of data) {
    const before = problems.length;
    if (r.cells.length !== header.cells.length) {
      problems.push(problem(r.line, null, `raden har ${r.cells.length} fält men rubrikraden har ${header.cells.length}. Kontrollera avgränsare och citattecken.`));
    } else {
      const cell: CellReader = (column, kind, optional = false) => {
        const i = index.get(column);
        const raw = i === undefined ? "" : (r.cells[i] ?? "").trim();
        if (raw === "") {
          if (!optional) problems.push(problem(r.line, column, "värdet saknas."));
          return null;
        }
        if (kind === "text") return raw;
        const n = parseSwedishNumber(raw);
        if (n === null) { problems.push(problem(r.line, column, `”${raw}” är inte ett tal.`)); return null; }
        if (kind === "share" && (n < 0 || n > 100)) { problems.push(problem(r.line, column, `${raw} ligger utanför 0–100 (andel i procent).`)); return null; }
        if (n < 0) { problems.push(problem(r.line, column, `${raw} är negativt.`)); return null; }
        if (kind === "count" && !Number.isInteger(n)) { problems.push(problem(r.line, column, `${raw} är inte ett heltal.`)); return null; }
        return n;
      };
      const row = build(cell, r.line, (column, detail) => problems.push(problem(r.line, column, detail)));
      if (problems.length === before) out.push(row);
    }
    if (problems.length > before) badRows.push(r.line);
  }
  if (data.length === 0) problems.push(problem(1, null, "filen har inga rader under rubrikraden.", true));
  return { rows: out, problems, badRows };
}

/**
 * The provider file. The continuity share is optional when a customer file gives it (then an empty cell,
 * or no column, is fine).
 */
export function parseProviderFile(
  text: string, options: { continuityFromCustomers?: boolean } = {},
): ParsedFile<ProviderInput> & { names: Set<string> } {
  const fromCustomers = options.continuityFromCustomers ?? false;
  const specs = PROVIDER_COLUMNS.map((name) => ({ name, required: name !== "regi" && !(fromCustomers && name === "andel_kunder_inom_riktvarde") }));
  const seen = new Map<string, number>();
  const names = new Set<string>();
  const parsed = parseTable<ProviderInput>(text, specs, (cell, line, report) => {
    const utforare = cell("utforare", "text") as string;
    if (utforare !== null) names.add(utforare);
    const regiRaw = cell("regi", "text", true) as string | null;
    const regi = regiRaw === null ? null : regiRaw.toLowerCase();
    if (regi !== null && regi !== "kommunal" && regi !== "enskild") report("regi", `”${regiRaw}” ska vara kommunal eller enskild (eller tomt).`);
    if (utforare !== null) {
      const key = utforare.toLocaleLowerCase("sv");
      const first = seen.get(key);
      if (first !== undefined) report("utforare", `”${utforare}” finns redan på rad ${first}.`);
      else seen.set(key, line);
    }
    return {
      row: line, utforare, regi: regi as ProviderInput["regi"],
      utforda_timmar: cell("utforda_timmar", "hours") as number,
      andel_kunder_inom_riktvarde: cell("andel_kunder_inom_riktvarde", "share", fromCustomers) as number | null,
      andel_timmar_timavlonade: cell("andel_timmar_timavlonade", "share") as number,
      andel_utbildade: cell("andel_utbildade", "share") as number,
      andel_underskoterskor: cell("andel_underskoterskor", "share") as number,
    };
  });
  return { ...parsed, names };
}

/** The customer file: one row per customer, staff met in the reading month. */
export function parseCustomerFile(text: string): ParsedFile<CustomerInput> {
  const specs = CUSTOMER_COLUMNS.map((name) => ({ name, required: true }));
  const seen = new Map<string, number>();
  return parseTable<CustomerInput>(text, specs, (cell, line, report) => {
    const row: CustomerInput = {
      row: line,
      utforare: cell("utforare", "text") as string,
      kund: cell("kund", "text") as string,
      timmar_per_manad: cell("timmar_per_manad", "hours") as number,
      antal_personal: cell("antal_personal", "count") as number,
    };
    if (row.utforare !== null && row.kund !== null) {
      const key = `${row.utforare.toLocaleLowerCase("sv")}\u0000${row.kund}`;
      const first = seen.get(key);
      if (first !== undefined) report("kund", `kunden ”${row.kund}” hos ”${row.utforare}” finns redan på rad ${first}.`);
      else seen.set(key, line);
    }
    return row;
  });
}

/**
 * Bytes of an uploaded file as text: UTF-8 with or without BOM. Anything else (Excel's "CSV
 * (semikolonavgränsad)" is Windows-1252) gets a clear message instead of mangled names.
 */
export function decodeUpload(bytes: Uint8Array): { text: string } | { error: string } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { error: "Filen är inte sparad som UTF-8. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen." };
  }
}

/** Which file this is, by its header: the customer file has kund and antal_personal. */
export function classifyUpload(text: string): "utforare" | "kunder" {
  const header = text.replace(/^\ufeff/, "").split(/\r?\n|\r/, 1)[0] ?? "";
  const names = header.split(detectDelimiter(text)).map(normaliseHeader);
  return names.includes("kund") && names.includes("antal_personal") ? "kunder" : "utforare";
}
