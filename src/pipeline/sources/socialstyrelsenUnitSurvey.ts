// Importer for Enhetsundersökningen, hemtjänst: "resultat - Hemtjänst, enheter.csv", one file for all
// (~1 800) units, one row per unit with indicator columns ind2…ind32 and background items b9, b11.
// Like the user survey, the header is found by column names and bad rows are quarantined, not fatal.
import { readFileSync } from "node:fs";
import type { UnitRow, UnitValueRow } from "../tables";
import {
  column, decodeCsv, findHeader, headerKey, layoutError, municipalityCode, parseNumber, parseShare,
  providerType, slug, tableRows, yearFromFileName, yearFromMetadata, type Parsed,
} from "./sosCsv";
import type { ImportOptions, UnitImport } from "./socialstyrelsenUserSurvey";

export type UnitSurveyKind = "share" | "yesno" | "ratio";

/**
 * Column → KPI (ids as in UNIT_SURVEY_KPIS). Constructed from DESIGN.md §3.1 and the column naming of
 * the published file; the ind numbers must be checked against the year's variable list when a real file
 * arrives. Kinds: share = percent 0–100; yesno = Ja/Nej stored as 100/0 (Kolada's unit-level coding);
 * ratio = a non-negative number such as hemtjänsttagare per omsorgspersonal.
 */
export const UNIT_SURVEY_COLUMNS: readonly { column: string; kpi: string; kind: UnitSurveyKind; label: string }[] = [
  { column: "ind2", kpi: "U21452", kind: "share", label: "brukare med aktuell genomförandeplan" },
  { column: "ind3", kpi: "U21554", kind: "share", label: "brukare delaktiga i sin genomförandeplan" },
  { column: "ind5", kpi: "U21557", kind: "yesno", label: "rutin för att förebygga undernäring" },
  { column: "ind6", kpi: "U21558", kind: "yesno", label: "rutin för att upptäcka och hantera våld" },
  { column: "ind7", kpi: "U21559", kind: "yesno", label: "rutin för läkemedelsgenomgång/läkemedelshantering" },
  { column: "ind9", kpi: "U21561", kind: "yesno", label: "rutin för samarbete med anhöriga" },
  { column: "ind12", kpi: "N21600", kind: "yesno", label: "fast omsorgskontakt erbjuds" },
  { column: "ind13", kpi: "N21601", kind: "share", label: "brukare med utsedd fast omsorgskontakt" },
  { column: "ind14", kpi: "N21602", kind: "yesno", label: "fast omsorgskontakt utses inom 14 dagar" },
  { column: "ind15", kpi: "N21603", kind: "yesno", label: "rutin vid byte av fast omsorgskontakt" },
  { column: "ind16", kpi: "N21604", kind: "yesno", label: "brukaren informeras om sin fasta omsorgskontakt" },
  { column: "ind20", kpi: "N21608", kind: "share", label: "undersköterskor bland omsorgspersonalen, vardag" },
  { column: "ind21", kpi: "N21609", kind: "share", label: "undersköterskor bland omsorgspersonalen, helg" },
  { column: "b9", kpi: "N21610", kind: "ratio", label: "hemtjänsttagare per omsorgspersonal, vardag" },
  { column: "b11", kpi: "N21611", kind: "ratio", label: "hemtjänsttagare per omsorgspersonal, helg" },
];

const UNIT_ID = ["enhetsid", "enhetid", "id", "ouid"];
const NAME = ["enhetsnamn", "enhetnamn", "enhet", "namn", "verksamhet"];
const MUNICIPALITY = ["kommunkod", "kommunnr", "kommun", "kommunnamn"];
const REGI = ["regi", "driftsform", "regiform"];
const YEAR = ["år", "ar", "year", "period"];

export const UNIT_SURVEY_EXPECTED = `columns "Enhets-id" or "Enhetsnamn", "Kommunkod" (or "Kommun") and indicator columns "ind2" … "ind32", "b9", "b11"`;

export function isUnitSurveyHeader(keys: string[]): boolean {
  return (column(keys, UNIT_ID) >= 0 || column(keys, NAME) >= 0) && column(keys, MUNICIPALITY) >= 0 &&
    keys.some((k) => /^ind\d+$/.test(k));
}

const YES = new Set(["ja", "j", "1", "100", "yes"]);
const NO = new Set(["nej", "n", "0", "no"]);

function parseKind(kind: UnitSurveyKind, text: string): Parsed {
  if (kind === "share") return parseShare(text);
  if (kind === "yesno") {
    const t = text.trim().toLowerCase();
    if (YES.has(t)) return { value: 100, status: null };
    if (NO.has(t)) return { value: 0, status: null };
    const p = parseNumber(text);
    return "error" in p || p.value !== null ? { error: `expected Ja or Nej, found "${text.trim()}"` } : p;
  }
  const p = parseNumber(text);
  if ("error" in p || p.value === null) return p;
  return p.value < 0 || p.value > 100 ? { error: `ratio ${text.trim()} is outside the plausible 0–100` } : p;
}

/** Import the national unit file (bytes or text). Throws on an unknown layout; quarantines bad rows. */
export function importUnitSurveyCsv(input: string | Uint8Array, file: string, options: ImportOptions = {}): UnitImport {
  const text = decodeCsv(input);
  const header = findHeader(text, isUnitSurveyHeader);
  if (!header) throw layoutError(file, Math.min(60, text.split("\n").length), UNIT_SURVEY_EXPECTED);
  const { lines, index, keys, cells } = header;
  const headerRow = lines[index].row;
  const mapped = UNIT_SURVEY_COLUMNS.flatMap((m) => {
    const col = keys.indexOf(headerKey(m.column));
    return col >= 0 ? [{ ...m, col }] : [];
  });
  if (mapped.length === 0) {
    throw new Error(`${file}, row ${headerRow}: header found but none of the mapped columns ` +
      `(${UNIT_SURVEY_COLUMNS.map((m) => m.column).join(", ")}) is present; found ${cells.join(" | ")}`);
  }
  const known = new Set(UNIT_SURVEY_COLUMNS.map((m) => m.column));
  const ignoredColumns = cells.filter((c, i) => /^(ind|b)\d+$/.test(keys[i]) && !known.has(keys[i]));
  const col = {
    id: column(keys, UNIT_ID), name: column(keys, NAME), municipality: column(keys, MUNICIPALITY),
    regi: column(keys, REGI), year: column(keys, YEAR),
  };
  const fileYear = options.year ?? yearFromMetadata(lines, index) ?? yearFromFileName(file);
  if (fileYear === null && col.year < 0) {
    throw new Error(`${file}: cannot tell the survey year; expected an "År" column, a year in the rows above the header (row ${headerRow}) or in the file name`);
  }

  const out: UnitImport = { file, year: fileYear ?? 0, units: [], unitValues: [], quarantined: [], ignoredColumns };
  const q = (row: number, field: string, reason: string) => out.quarantined.push({ file, row, field, reason });
  const seenUnits = new Map<string, UnitRow>();
  const seenRows = new Map<string, number>();

  for (const line of tableRows(file, header, out.quarantined)) {
    const f = line.fields;
    const name = col.name >= 0 ? f[col.name].trim() : "";
    const localId = col.id >= 0 ? f[col.id].trim() : "";
    if (!name && !localId) { q(line.row, cells[col.id >= 0 ? col.id : col.name], "unit has neither id nor name"); continue; }
    const municipality = municipalityCode(f[col.municipality]);
    if (!municipality) { q(line.row, cells[col.municipality], `expected a 4-digit kommunkod, found "${f[col.municipality]}"`); continue; }
    if (options.knownMunicipalities && !options.knownMunicipalities.has(municipality)) {
      q(line.row, cells[col.municipality], `unknown municipality code "${municipality}"`);
      continue;
    }
    let year = fileYear;
    if (options.year === undefined && col.year >= 0) {
      const y = parseNumber(f[col.year]);
      if ("error" in y || y.value === null || !Number.isInteger(y.value) || y.value < 2000 || y.value > 2099) {
        q(line.row, cells[col.year], `expected a year such as 2024, found "${f[col.year]}"`);
        continue;
      }
      year = y.value;
    }
    const regiText = col.regi >= 0 ? f[col.regi].trim() : "";
    const type = regiText === "" ? "kommunal" : providerType(regiText);
    if (!type) { q(line.row, cells[col.regi], `unknown regi "${regiText}"; expected Kommunal or Enskild/Privat`); continue; }
    const key = localId || slug(name);
    const unitId = /^V\d{2}E/.test(key) ? key : `SOS-${municipality}-${key}`;
    const rowKey = `${unitId}|${year}`;
    const first = seenRows.get(rowKey);
    if (first !== undefined) { q(line.row, cells[col.id >= 0 ? col.id : col.name], `duplicate unit "${unitId}" for ${year} (first in row ${first}); the first row was kept`); continue; }
    seenRows.set(rowKey, line.row);
    const unit: UnitRow = { unit_id: unitId, name: name || localId, municipality, provider_type: type, synthetic: false, source: "socialstyrelsen" };
    const earlier = seenUnits.get(unitId);
    if (earlier && earlier.municipality !== municipality) { q(line.row, cells[col.municipality], `unit "${unitId}" was in ${earlier.municipality} in an earlier row`); continue; }
    if (!earlier) { seenUnits.set(unitId, unit); out.units.push(unit); }

    for (const m of mapped) {
      const v = parseKind(m.kind, f[m.col]);
      if ("error" in v) { q(line.row, cells[m.col], v.error); continue; }
      out.unitValues.push({ unit_id: unitId, kpi: m.kpi, year: year!, value: v.value, respondents: null, status: v.status, synthetic: false, source: "socialstyrelsen" });
    }
  }
  out.quarantined.sort((x, y) => x.row - y.row); // structural and field problems in file order
  if (out.units.length === 0) {
    const why = out.quarantined[0];
    throw new Error(`${file}: no usable unit rows below the header in row ${headerRow}` +
      (why ? `; first problem: row ${why.row}, ${why.field}: ${why.reason}` : " (the table is empty)"));
  }
  if (!fileYear) out.year = Math.max(...out.unitValues.map((r) => r.year));
  return out;
}

export function importUnitSurveyFile(path: string, options: ImportOptions = {}): UnitImport {
  return importUnitSurveyCsv(readFileSync(path), path, options);
}
