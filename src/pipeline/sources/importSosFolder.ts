// `npm run data -- --import-sos <folder>`: read every CSV in a folder, tell by its header which file it
// is (user survey per unit, Enhetsundersökningen, Senior alert export) and route it to its importer.
// A file nobody recognises stops the import (a silent skip would hide a changed layout).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { UnitRow, UnitValueRow, ValueRow } from "../tables";
import { importSeniorAlertCsv, isSeniorAlertHeader, SENIOR_ALERT_EXPECTED } from "./seniorAlertCsv";
import { importUnitSurveyCsv, isUnitSurveyHeader, UNIT_SURVEY_EXPECTED } from "./socialstyrelsenUnitSurvey";
import { importUserSurveyCsv, isUserSurveyHeader, USER_SURVEY_EXPECTED } from "./socialstyrelsenUserSurvey";
import { decodeCsv, findHeader, type Quarantined } from "./sosCsv";

export type SosFileKind = "user-survey" | "unit-survey" | "senior-alert";

export interface SosFileReport {
  file: string; // path relative to the folder
  kind: SosFileKind;
  units: number;
  unitValues: number;
  values: number;
  quarantined: number;
  ignoredColumns: string[];
}

export interface SosImport {
  units: UnitRow[];
  unitValues: UnitValueRow[];
  values: ValueRow[];
  quarantined: Quarantined[];
  files: SosFileReport[];
}

export interface SosFolderOptions {
  knownMunicipalities?: ReadonlySet<string>;
  year?: number; // for unit-survey files that state no year
  fetchedAt?: string; // for Senior alert exports that state no date (else the file's modification date)
}

/** Which importer a file's header belongs to; user survey first, its header is the most specific. */
export function detectSosKind(text: string): SosFileKind | null {
  if (findHeader(text, isUserSurveyHeader)) return "user-survey";
  if (findHeader(text, isUnitSurveyHeader)) return "unit-survey";
  if (findHeader(text, isSeniorAlertHeader)) return "senior-alert";
  return null;
}

export function importSosFolder(folder: string, options: SosFolderOptions = {}): SosImport {
  const names = readdirSync(folder).filter((n) => n.toLowerCase().endsWith(".csv")).sort();
  if (names.length === 0) throw new Error(`${folder}: no .csv files to import`);
  const out: SosImport = { units: [], unitValues: [], values: [], quarantined: [], files: [] };
  const units = new Map<string, { unit: UnitRow; file: string }>();
  const unitValueKeys = new Map<string, string>();
  const valueKeys = new Map<string, string>();

  for (const name of names) {
    const file = path.join(folder, name);
    const bytes = readFileSync(file);
    const kind = detectSosKind(decodeCsv(bytes));
    if (!kind) {
      throw new Error(`${file}: unknown layout, not one of the known files; expected the user survey (${USER_SURVEY_EXPECTED}), ` +
        `Enhetsundersökningen (${UNIT_SURVEY_EXPECTED}) or a Senior alert export (${SENIOR_ALERT_EXPECTED})`);
    }
    const report: SosFileReport = { file: name, kind, units: 0, unitValues: 0, values: 0, quarantined: 0, ignoredColumns: [] };
    const q = out.quarantined.length;

    if (kind === "senior-alert") {
      const fetchedAt = options.fetchedAt ?? statSync(file).mtime.toISOString().slice(0, 10);
      const r = importSeniorAlertCsv(bytes, file, { knownMunicipalities: options.knownMunicipalities, fetchedAt });
      out.quarantined.push(...r.quarantined);
      for (const v of r.values) {
        const key = `${v.kpi}|${v.municipality}|${v.year}|${v.gender}`;
        const first = valueKeys.get(key);
        if (first) { out.quarantined.push({ file, row: 0, field: "kpi+municipality+year+gender", reason: `duplicate ${key}, already in ${first}; the first was kept` }); continue; }
        valueKeys.set(key, name);
        out.values.push(v);
        report.values++;
      }
    } else {
      const importer = kind === "user-survey" ? importUserSurveyCsv : importUnitSurveyCsv;
      const r = importer(bytes, file, { knownMunicipalities: options.knownMunicipalities, year: options.year });
      out.quarantined.push(...r.quarantined);
      report.ignoredColumns = r.ignoredColumns;
      const rejected = new Set<string>();
      for (const u of r.units) {
        const earlier = units.get(u.unit_id);
        if (earlier && earlier.unit.municipality !== u.municipality) {
          // The same id in two municipalities: keep the first file's unit, drop this one and its values.
          out.quarantined.push({ file, row: 0, field: "unit_id", reason: `unit "${u.unit_id}" is in ${earlier.unit.municipality} in ${earlier.file}` });
          rejected.add(u.unit_id);
          continue;
        }
        if (!earlier) { units.set(u.unit_id, { unit: u, file: name }); out.units.push(u); report.units++; }
      }
      for (const v of r.unitValues) {
        if (rejected.has(v.unit_id)) continue;
        const key = `${v.unit_id}|${v.kpi}|${v.year}`;
        const first = unitValueKeys.get(key);
        if (first) { out.quarantined.push({ file, row: 0, field: "unit_id+kpi+year", reason: `duplicate ${key}, already in ${first}; the first was kept` }); continue; }
        unitValueKeys.set(key, name);
        out.unitValues.push(v);
        report.unitValues++;
      }
    }
    report.quarantined = out.quarantined.length - q;
    out.files.push(report);
  }
  // Stable order whatever the folder listing: the pipeline writes these sorted by key anyway.
  out.units.sort((a, b) => a.unit_id.localeCompare(b.unit_id));
  out.unitValues.sort((a, b) => a.unit_id.localeCompare(b.unit_id) || a.kpi.localeCompare(b.kpi) || a.year - b.year);
  out.values.sort((a, b) => a.kpi.localeCompare(b.kpi) || a.municipality.localeCompare(b.municipality) || a.year - b.year || a.gender.localeCompare(b.gender));
  return out;
}
