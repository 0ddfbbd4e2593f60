// Import of a Senior alert CSV export (DESIGN.md §3.3): Senior alert has no open API and reaches the
// public through Kolada's U21432/U23433, but a municipality may hold its own export. Long format, one
// row per municipality, year and indicator. Same tolerant reading and quarantine rules as the SoS files.
import { readFileSync, statSync } from "node:fs";
import { SENIOR_ALERT_KPIS } from "../kpis";
import type { Gender, ValueRow } from "../tables";
import { RIKET } from "../tables";
import {
  column, dateFromMetadata, decodeCsv, findHeader, headerKey, layoutError, municipalityCode, parseNumber,
  parseShare, tableRows, type Quarantined,
} from "./sosCsv";

const MUNICIPALITY = ["kommunkod", "kommunnr", "kod", "kommun"];
const YEAR = ["år", "ar", "year", "period"];
const INDICATOR = ["indikator", "kpi", "mått", "matt", "nyckeltal"];
const VALUE = ["värde", "varde", "value", "andel", "andelprocent"];
const GENDER = ["kön", "kon", "gender"];

export const SENIOR_ALERT_EXPECTED = `columns "Kommunkod", "År", "Indikator" and "Värde" (indicator U21432/U23433 or its name)`;

/** Indicator text → KPI: the Kolada id itself, or the care setting named in Senior alert's own label. */
export function seniorAlertKpi(text: string): string | null {
  const t = text.trim().toUpperCase();
  if ((SENIOR_ALERT_KPIS as readonly string[]).includes(t)) return t;
  const k = headerKey(text);
  if (/särskiltboende|sarskiltboende|sabo/.test(k)) return "U23433";
  if (/ordinärtboende|ordinartboende|hemsjukvård|hemsjukvard|hemtjänst|hemtjanst/.test(k)) return "U21432";
  return null;
}

export function isSeniorAlertHeader(keys: string[]): boolean {
  return column(keys, MUNICIPALITY) >= 0 && column(keys, YEAR) >= 0 && column(keys, INDICATOR) >= 0 && column(keys, VALUE) >= 0;
}

export interface SeniorAlertImport { file: string; values: ValueRow[]; quarantined: Quarantined[] }

export interface SeniorAlertOptions {
  knownMunicipalities?: ReadonlySet<string>;
  /** ISO date of the export; used when the file does not state one above the header. */
  fetchedAt?: string;
}

/** Import an export (bytes or text). Throws on an unknown layout; quarantines bad rows. */
export function importSeniorAlertCsv(input: string | Uint8Array, file: string, options: SeniorAlertOptions = {}): SeniorAlertImport {
  const text = decodeCsv(input);
  const header = findHeader(text, isSeniorAlertHeader);
  if (!header) throw layoutError(file, Math.min(60, text.split("\n").length), SENIOR_ALERT_EXPECTED);
  const { keys, cells, lines, index } = header;
  const fetchedAt = dateFromMetadata(lines, index) ?? options.fetchedAt;
  if (!fetchedAt) throw new Error(`${file}: no export date; expected a date such as "Uttagsdatum: 2025-03-01" above the header in row ${lines[index].row}`);
  const col = {
    municipality: column(keys, MUNICIPALITY), year: column(keys, YEAR), indicator: column(keys, INDICATOR),
    value: column(keys, VALUE), gender: column(keys, GENDER),
  };
  const out: SeniorAlertImport = { file, values: [], quarantined: [] };
  const q = (row: number, field: string, reason: string) => out.quarantined.push({ file, row, field, reason });
  const seen = new Map<string, number>();

  for (const line of tableRows(file, header, out.quarantined)) {
    const f = line.fields;
    const raw = f[col.municipality].trim();
    const municipality = /^(0|00|000|0000|riket|sverige)$/i.test(raw) ? RIKET : municipalityCode(raw);
    if (!municipality) { q(line.row, cells[col.municipality], `expected a 4-digit kommunkod, found "${raw}"`); continue; }
    if (municipality !== RIKET && options.knownMunicipalities && !options.knownMunicipalities.has(municipality)) {
      q(line.row, cells[col.municipality], `unknown municipality code "${municipality}"`);
      continue;
    }
    const y = parseNumber(f[col.year]);
    if ("error" in y || y.value === null || !Number.isInteger(y.value) || y.value < 2000 || y.value > 2099) {
      q(line.row, cells[col.year], `expected a year such as 2024, found "${f[col.year]}"`);
      continue;
    }
    const kpi = seniorAlertKpi(f[col.indicator]);
    if (!kpi) { q(line.row, cells[col.indicator], `unknown indicator "${f[col.indicator].trim()}"; expected U21432, U23433 or a name with "ordinärt boende"/"särskilt boende"`); continue; }
    const g = col.gender >= 0 ? genderOf(f[col.gender]) : "T";
    if (!g) { q(line.row, cells[col.gender], `expected Totalt, Kvinnor or Män, found "${f[col.gender]}"`); continue; }
    const v = parseShare(f[col.value]);
    if ("error" in v) { q(line.row, cells[col.value], v.error); continue; }
    const key = `${kpi}|${municipality}|${y.value}|${g}`;
    const first = seen.get(key);
    if (first !== undefined) { q(line.row, cells[col.indicator], `duplicate ${kpi} for ${municipality} ${y.value} ${g} (first in row ${first}); the first row was kept`); continue; }
    seen.set(key, line.row);
    out.values.push({ kpi, municipality, year: y.value, gender: g, value: v.value, status: v.status, source: "senioralert", fetched_at: fetchedAt });
  }
  out.quarantined.sort((x, y) => x.row - y.row); // structural and field problems in file order
  if (out.values.length === 0) {
    const why = out.quarantined[0];
    throw new Error(`${file}: no usable rows below the header in row ${lines[index].row}` +
      (why ? `; first problem: row ${why.row}, ${why.field}: ${why.reason}` : " (the table is empty)"));
  }
  return out;
}

function genderOf(text: string): Gender | null {
  const k = headerKey(text);
  if (k === "" || k === "t" || k === "totalt" || k === "total" || k === "alla") return "T";
  if (k === "k" || k === "kvinnor" || k === "kvinna") return "K";
  if (k === "m" || k === "män" || k === "man") return "M";
  return null;
}

/** Read a file; without a date in the file or in options, the file's modification date stands in. */
export function importSeniorAlertFile(path: string, options: SeniorAlertOptions = {}): SeniorAlertImport {
  const fetchedAt = options.fetchedAt ?? statSync(path).mtime.toISOString().slice(0, 10);
  return importSeniorAlertCsv(readFileSync(path), path, { ...options, fetchedAt });
}
