// Tolerant CSV reading shared by the Socialstyrelsen and Senior alert importers. Files from authorities
// come as ";" or "," separated, UTF-8 with or without BOM (older ones Windows-1252), with metadata rows
// above the table and Swedish decimal commas. Nothing here throws on a bad row: importers decide.
// Records are split by papaparse (DESIGN's package list) rather than a hand-written reader.
import Papa from "papaparse";

export interface Quarantined { file: string; row: number; field: string; reason: string }

/** One CSV record; `row` is the 1-based physical line it starts on (what a spreadsheet user sees). */
export interface CsvLine { row: number; fields: string[]; unterminated: boolean }

/** Decode bytes: UTF-8 when valid (BOM dropped), else Windows-1252, the other encoding Swedish files use. */
export function decodeCsv(input: string | Uint8Array): string {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      text = new TextDecoder("windows-1252").decode(input);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Split into records with papaparse (quoted fields, doubled quotes, separators and line breaks inside
 * quotes, CRLF/LF/CR). Each record keeps the physical line it starts on; a quote still open at the end
 * of the file marks the last record `unterminated` instead of throwing (the importer quarantines it).
 */
export function splitCsv(input: string, sep: string): CsvLine[] {
  // Files mix line endings (CRLF from one tool, LF from another): one kind makes every break a break.
  const text = input.replace(/\r\n?/g, "\n");
  if (text === "") return [];
  const out: CsvLine[] = [];
  const breaks = lineStarts(text);
  let from = 0; // character offset where the next record starts (papaparse's cursor is past the break)
  Papa.parse<string[]>(text, {
    delimiter: sep, newline: "\n", header: false, skipEmptyLines: false, quoteChar: '"', escapeChar: '"',
    step: (result) => {
      const unterminated = result.errors.some((e) => e.code === "MissingQuotes");
      out.push({ row: lineAt(breaks, from), fields: result.data, unterminated });
      from = result.meta.cursor;
    },
  });
  // papaparse reports a trailing line break as one more, empty record; the table has none.
  const last = out.at(-1);
  if (last && text.endsWith("\n") && last.fields.length === 1 && last.fields[0] === "" && !last.unterminated) out.pop();
  return out;
}

/** Offsets where each physical line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

/** 1-based line number of an offset (binary search in lineStarts). */
function lineAt(starts: number[], offset: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo + 1;
}

/** A header cell as a comparison key: lower case, letters and digits only ("Verksamhets-id" → "verksamhetsid"). */
export function headerKey(cell: string): string {
  return cell.normalize("NFC").toLowerCase().replace(/[^a-z0-9åäöéü]/g, "");
}

export const isBlank = (fields: string[]) => fields.every((f) => f.trim() === "");

export interface Header { sep: string; lines: CsvLine[]; index: number; keys: string[]; cells: string[] }

/**
 * Find the header row by its column names, trying ";" then ",". `accept` gets the header keys of a
 * candidate row; the first row it accepts wins. Returns null when no row in the first `scan` rows fits.
 */
export function findHeader(text: string, accept: (keys: string[]) => boolean, scan = 60): Header | null {
  let best: Header | null = null;
  for (const sep of [";", ","]) {
    const lines = splitCsv(text, sep);
    for (let i = 0; i < Math.min(scan, lines.length); i++) {
      const cells = lines[i].fields.map((f) => f.trim());
      const keys = cells.map(headerKey);
      if (accept(keys)) {
        if (!best || cells.length > best.cells.length) best = { sep, lines, index: i, keys, cells };
        break;
      }
    }
  }
  return best;
}

/** Index of the first header key in `aliases` (already header keys), or -1. */
export function column(keys: string[], aliases: readonly string[]): number {
  for (const a of aliases) {
    const i = keys.indexOf(a);
    if (i >= 0) return i;
  }
  return -1;
}

/** Markers authorities use for "too few answers to publish" or "no value". */
const SUPPRESSED = new Set(["..", "…", "-", "–", "—", "x", "*", "s", "ej redovisat", "<5", "< 5", "sekretess"]);

export type Parsed = { value: number | null; status: string | null } | { error: string };

/** Parse a number written the Swedish way ("85,3", "1 234", "−2") or the English way ("85.3"). */
export function parseNumber(text: string): Parsed {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return { value: null, status: "missing" };
  if (SUPPRESSED.has(t.toLowerCase())) return { value: null, status: "suppressed" };
  const compact = t.replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return { error: `expected a number such as 85,3, found "${text}"` };
  return { value: Number(compact.replace(",", ".")), status: null };
}

/** A share in percent: a number within 0–100. */
export function parseShare(text: string): Parsed {
  const p = parseNumber(text);
  if ("error" in p || p.value === null) return p;
  if (p.value < 0 || p.value > 100) return { error: `share ${text.trim()} is outside 0–100` };
  return p;
}

/** A respondent count: a whole number ≥ 0 (suppressed/missing allowed). */
export function parseCount(text: string): Parsed {
  const p = parseNumber(text);
  if (!("error" in p) && p.value === null) return p;
  if ("error" in p || !Number.isInteger(p.value) || p.value! < 0) return { error: `expected a whole number of respondents, found "${text.trim()}"` };
  return p;
}

/** A municipality code from "0180", "180" (a spreadsheet dropped the zero), "0180 Stockholm" or "Stockholm (0180)". */
export function municipalityCode(text: string): string | null {
  const m = /(?:^|\D)(\d{3,4})(?:\D|$)/.exec(text.trim());
  return m ? m[1].padStart(4, "0") : null;
}

/** Kommunkod from a file name such as "bilaga-hemtjanst-verksamheter-2025_0180_Stockholm.csv". */
export function municipalityFromFileName(file: string): string | null {
  const m = /_(\d{4})(?:_|\.|$)/.exec(file.split(/[\\/]/).pop() ?? "");
  return m ? m[1] : null;
}

/** A plausible survey year (2000–2099) from a file name, or null. */
export function yearFromFileName(file: string): number | null {
  const m = /(?:^|[^\d])(20\d{2})(?:[^\d]|$)/.exec(file.split(/[\\/]/).pop() ?? "");
  return m ? Number(m[1]) : null;
}

/** A year from the metadata rows above the header ("År: 2025", "Enhetsundersökningen 2024"). */
export function yearFromMetadata(lines: CsvLine[], headerIndex: number): number | null {
  for (let i = 0; i < headerIndex; i++) {
    const m = /(?:^|[^\d])(20\d{2})(?:[^\d-]|$)/.exec(lines[i].fields.join(" "));
    if (m) return Number(m[1]);
  }
  return null;
}

/** An ISO date from the metadata rows ("Uttagsdatum: 2025-03-01"), or null. */
export function dateFromMetadata(lines: CsvLine[], headerIndex: number): string | null {
  for (let i = 0; i < headerIndex; i++) {
    const m = /(20\d{2}-\d{2}-\d{2})/.exec(lines[i].fields.join(" "));
    if (m) return m[1];
  }
  return null;
}

/** "Kommunal", "Offentlig", "Kommunal regi" → kommunal; "Enskild", "Privat", "Enskild regi" → privat. */
export function providerType(text: string): "kommunal" | "privat" | null {
  const t = headerKey(text);
  if (/^(kommunal|offentlig|egenregi|kommun)/.test(t)) return "kommunal";
  if (/^(enskild|privat|extern)/.test(t)) return "privat";
  return null;
}

/** Text of an unknown-layout error: file, how far we looked, and what we expected. */
export function layoutError(file: string, lines: number, expected: string): Error {
  return new Error(`${file}: unknown layout, no header row found in rows 1–${lines}; expected ${expected}`);
}

/** A stable id part from a unit name ("Hemtjänst Norra AB" → "hemtjanst-norra-ab"). */
export function slug(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/**
 * The table's data rows below the header: blank rows and footnotes (text in the first cell only) are
 * skipped, rows with an open quote or the wrong number of fields are quarantined, the rest returned.
 */
export function tableRows(file: string, header: Header, quarantined: Quarantined[]): CsvLine[] {
  const width = header.cells.length;
  const headerRow = header.lines[header.index].row;
  const out: CsvLine[] = [];
  for (const line of header.lines.slice(header.index + 1)) {
    const f = line.fields;
    if (isBlank(f)) continue;
    if (line.unterminated) {
      quarantined.push({ file, row: line.row, field: "row", reason: "a quoted field never ends (truncated file?)" });
      continue;
    }
    if (f.slice(1).every((x) => x.trim() === "")) {
      // Text in the first cell only is a footnote, unless it is a whole row written with the other separator.
      const other = splitCsv(f[0], header.sep === ";" ? "," : ";")[0]?.fields.length ?? 0;
      if (other >= Math.max(3, width / 2)) {
        quarantined.push({ file, row: line.row, field: "row", reason: `row is separated by "${header.sep === ";" ? "," : ";"}" but the header in row ${headerRow} by "${header.sep}" (mixed separators)` });
      }
      continue;
    }
    const extraEmpty = f.length > width && f.slice(width).every((x) => x.trim() === "");
    if (f.length !== width && !extraEmpty) {
      quarantined.push({ file, row: line.row, field: "row", reason: `${f.length} fields, but the header in row ${headerRow} has ${width} (truncated row or mixed separators?)` });
      continue;
    }
    out.push(line);
  }
  return out;
}
