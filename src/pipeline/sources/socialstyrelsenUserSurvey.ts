// Importer for the user survey's per-unit files ("Vad tycker de äldre om äldreomsorgen?", hemtjänst):
// "bilaga-hemtjanst-verksamheter-<år>_<kommunkod>_….csv", one per municipality, metadata rows above the
// table, one row per unit with respondents and the share of positive answers per question (F<n>).
// The header is found by its column names, never by row number, because the layout moves between years.
import { readFileSync } from "node:fs";
import type { UnitRow, UnitValueRow } from "../tables";
import {
  column, decodeCsv, findHeader, headerKey, layoutError, municipalityCode, municipalityFromFileName,
  parseCount, parseShare, providerType, slug, tableRows, yearFromFileName, yearFromMetadata, type Quarantined,
} from "./sosCsv";

/**
 * Question → Kolada KPI. The numbering follows the hemtjänst questionnaire as laid out in our constructed
 * fixtures (no real file was available offline): check it against the first real file of each year.
 * A question's "share positive" is what Kolada publishes for the KPI, so the values can be compared.
 */
export const USER_SURVEY_QUESTIONS: readonly { question: string; kpi: string; label: string }[] = [
  { question: "F2", kpi: "U21447", label: "hälsotillstånd (mycket/ganska gott)" },
  { question: "F3", kpi: "U21449", label: "besväras av ängslan, oro eller rädsla" },
  { question: "F4", kpi: "U21478", label: "besväras ofta av ensamhet" },
  { question: "F5", kpi: "U21462", label: "kan påverka vilka tider hjälpen ges" },
  { question: "F6", kpi: "U21463", label: "personalen tar hänsyn till åsikter och önskemål" },
  { question: "F7", kpi: "U21461", label: "personalen har tillräckligt med tid" },
  { question: "F8", kpi: "U21474", label: "personalen utför arbetsuppgifterna bra" },
  { question: "F9", kpi: "U21504", label: "bemötande alltid/oftast bra" },
  { question: "F9a", kpi: "U21466", label: "bemötande alltid bra" },
  { question: "F10", kpi: "U21477", label: "förtroende för personalen" },
  { question: "F11", kpi: "U21475", label: "personalen kommer på avtalad tid" },
  { question: "F12", kpi: "U21472", label: "hjälpen anpassas efter behov" },
  { question: "F13", kpi: "U21465", label: "information om tillfälliga förändringar" },
  { question: "F14", kpi: "U21481", label: "lätt att få kontakt med personalen" },
  { question: "F15", kpi: "U21464", label: "vet vart man vänder sig med synpunkter/klagomål" },
  { question: "F16", kpi: "U21505", label: "känner sig mycket/ganska trygg hemma" },
  { question: "F16a", kpi: "U21467", label: "känner sig mycket trygg hemma" },
  { question: "F17", kpi: "U21473", label: "kunde välja utförare" },
  { question: "F18", kpi: "U21468", label: "helhetssyn: mycket/ganska nöjd med hemtjänsten" },
  { question: "F19", kpi: "U21482", label: "besvarade enkäten själv" },
];
const QUESTION_KPI = new Map(USER_SURVEY_QUESTIONS.map((q) => [q.question.slice(1).toLowerCase(), q.kpi])); // "f9a" → "9a"

// Header aliases as header keys (see headerKey): letters and digits only, lower case.
const NAME = ["verksamhet", "verksamhetsnamn", "enhet", "enhetsnamn", "utförare", "utforare"];
const RESPONDENTS = ["antalsvarande", "antalsvar", "svarande", "antalbesvaradeenkäter"];
const UNIT_ID = ["verksamhetsid", "enhetsid", "id", "kolada ouid", "ouid"].map(headerKey);
const MUNICIPALITY = ["kommunkod", "kommunnr", "kommunnummer"];
const MUNICIPALITY_NAME = ["kommun", "kommunnamn"]; // used only when its cells carry a code ("0180 Stockholm")
const REGI = ["regi", "driftsform", "regiform"];
const QUESTION = /^\s*F\s?(\d+[a-z]?)\b(.*)$/i;

export const USER_SURVEY_EXPECTED =
  `columns "Verksamhet", "Antal svarande" and question columns "F<n> …" (e.g. "F18 Helhetssyn")`;

/** True when a header row looks like the user survey's unit table. */
export function isUserSurveyHeader(keys: string[]): boolean {
  return column(keys, NAME) >= 0 && column(keys, RESPONDENTS) >= 0 && keys.some((k) => /^f\d+/.test(k));
}

export interface UnitImport {
  file: string;
  year: number;
  units: UnitRow[];
  unitValues: UnitValueRow[];
  quarantined: Quarantined[];
  /** Question columns found but not mapped to a KPI (listed so a new question is noticed). */
  ignoredColumns: string[];
}

export interface ImportOptions {
  year?: number; // overrides the year found in the file name or metadata
  knownMunicipalities?: ReadonlySet<string>; // rows for other codes are quarantined
}

/** Import one per-municipality file (bytes or text). Throws on an unknown layout; quarantines bad rows. */
export function importUserSurveyCsv(input: string | Uint8Array, file: string, options: ImportOptions = {}): UnitImport {
  const text = decodeCsv(input);
  const header = findHeader(text, isUserSurveyHeader);
  if (!header) throw layoutError(file, Math.min(60, text.split("\n").length), USER_SURVEY_EXPECTED);
  const { lines, index, keys, cells } = header;
  const headerRow = lines[index].row;

  const shareCols: { col: number; kpi: string; cell: string; countCol: number }[] = [];
  const ignoredColumns: string[] = [];
  const countCols = new Map<string, number>();
  cells.forEach((cell, col) => {
    const m = QUESTION.exec(cell);
    if (m && /antal/i.test(m[2])) countCols.set(m[1].toLowerCase(), col);
  });
  cells.forEach((cell, col) => {
    const m = QUESTION.exec(cell);
    if (!m || /antal/i.test(m[2])) return;
    const kpi = QUESTION_KPI.get(m[1].toLowerCase());
    if (kpi) shareCols.push({ col, kpi, cell, countCol: countCols.get(m[1].toLowerCase()) ?? -1 });
    else ignoredColumns.push(cell);
  });
  if (shareCols.length === 0) {
    throw new Error(`${file}, row ${headerRow}: header found but no question column maps to a KPI; expected some of ` +
      USER_SURVEY_QUESTIONS.map((q) => q.question).join(", ") + `; found ${cells.join(" | ")}`);
  }
  const dup = shareCols.find((c, i) => shareCols.findIndex((d) => d.kpi === c.kpi) !== i);
  if (dup) throw new Error(`${file}, row ${headerRow}: two columns map to ${dup.kpi} ("${dup.cell}")`);

  const year = options.year ?? yearFromFileName(file) ?? yearFromMetadata(lines, index);
  if (year === null) throw new Error(`${file}: cannot tell the survey year; expected a year in the file name (…-2025_<kommunkod>_….csv) or in the rows above the header`);
  const col = {
    name: column(keys, NAME), respondents: column(keys, RESPONDENTS), id: column(keys, UNIT_ID),
    municipality: column(keys, MUNICIPALITY), municipalityName: column(keys, MUNICIPALITY_NAME), regi: column(keys, REGI),
  };
  const fileMunicipality = municipalityFromFileName(file);
  if (col.municipality < 0 && col.municipalityName < 0 && !fileMunicipality) {
    throw new Error(`${file}, row ${headerRow}: cannot tell the municipality; expected a "Kommunkod" column or a file name like bilaga-hemtjanst-verksamheter-${year}_<kommunkod>_….csv`);
  }

  const out: UnitImport = { file, year, units: [], unitValues: [], quarantined: [], ignoredColumns };
  const q = (row: number, field: string, reason: string) => out.quarantined.push({ file, row, field, reason });
  const seen = new Map<string, number>();

  for (const line of tableRows(file, header, out.quarantined)) {
    const f = line.fields;
    const name = f[col.name].trim();
    if (!name) { q(line.row, cells[col.name], "unit name is empty"); continue; }
    const codeField = col.municipality >= 0 ? cells[col.municipality] : "file name";
    const municipality = col.municipality >= 0 ? municipalityCode(f[col.municipality])
      : (col.municipalityName >= 0 ? municipalityCode(f[col.municipalityName]) : null) ?? fileMunicipality;
    if (!municipality) { q(line.row, col.municipality >= 0 ? codeField : cells[col.municipalityName], `expected a 4-digit kommunkod, found "${f[col.municipality >= 0 ? col.municipality : col.municipalityName]}"`); continue; }
    if (fileMunicipality && municipality !== fileMunicipality) {
      q(line.row, codeField, `kommunkod ${municipality} differs from ${fileMunicipality} in the file name`);
      continue;
    }
    if (options.knownMunicipalities && !options.knownMunicipalities.has(municipality)) {
      q(line.row, codeField, `unknown municipality code "${municipality}"`);
      continue;
    }
    const respondents = parseCount(f[col.respondents]);
    if ("error" in respondents) { q(line.row, cells[col.respondents], respondents.error); continue; }
    const regiText = col.regi >= 0 ? f[col.regi].trim() : "";
    const type = regiText === "" ? "kommunal" : providerType(regiText);
    if (!type) { q(line.row, cells[col.regi], `unknown regi "${regiText}"; expected Kommunal or Enskild/Privat`); continue; }
    const localId = col.id >= 0 && f[col.id].trim() ? f[col.id].trim() : slug(name);
    const unitId = /^V\d{2}E/.test(localId) ? localId : `SOS-${municipality}-${localId}`; // Kolada OU ids kept as is
    const first = seen.get(unitId);
    if (first !== undefined) { q(line.row, col.id >= 0 ? cells[col.id] : cells[col.name], `duplicate unit "${unitId}" (first in row ${first}); the first row was kept`); continue; }
    seen.set(unitId, line.row);

    out.units.push({ unit_id: unitId, name, municipality, provider_type: type, synthetic: false, source: "socialstyrelsen" });
    for (const c of shareCols) {
      const share = parseShare(f[c.col]);
      if ("error" in share) { q(line.row, c.cell, share.error); continue; }
      let n = respondents.value;
      if (c.countCol >= 0) {
        const own = parseCount(f[c.countCol]);
        if ("error" in own) q(line.row, cells[c.countCol], `${own.error}; the unit's respondents were used`);
        else if (own.value !== null) n = own.value;
      }
      out.unitValues.push({
        unit_id: unitId, kpi: c.kpi, year, value: share.value, respondents: n,
        status: share.status,
        synthetic: false, source: "socialstyrelsen",
      });
    }
  }
  out.quarantined.sort((x, y) => x.row - y.row); // structural and field problems in file order
  if (out.units.length === 0) {
    const why = out.quarantined[0];
    throw new Error(`${file}: no usable unit rows below the header in row ${headerRow}` +
      (why ? `; first problem: row ${why.row}, ${why.field}: ${why.reason}` : " (the table is empty)"));
  }
  return out;
}

export function importUserSurveyFile(path: string, options: ImportOptions = {}): UnitImport {
  return importUserSurveyCsv(readFileSync(path), path, options);
}
