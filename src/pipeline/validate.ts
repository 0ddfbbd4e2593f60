// Validation of a normalised data set before anything is written. Rows that would be wrong to publish
// (unknown codes, shares outside 0–100, duplicate keys, non-finite numbers) are quarantined and listed in
// validation.json, so the rest can go on; a data set that is unusable as a whole throws.
import { isShareKpi } from "./kpis";
import type { DataSet, UnitValueRow, ValueRow } from "./tables";
import { RIKET } from "./tables";

export interface QuarantinedRow {
  table: "values" | "units" | "unit_values";
  key: string;
  field: string;
  reason: string;
  source: string;
}

export interface CoverageRow { kpi: string; year: number; municipalities: number; missing: number }

export interface ValidationReport {
  counts: Record<string, number>;
  coverage: CoverageRow[];
  outOfRange: QuarantinedRow[];
  duplicates: QuarantinedRow[];
  unknownCodes: QuarantinedRow[];
  other: QuarantinedRow[];
  quarantinedTotal: number;
}

const valueKey = (r: ValueRow) => `${r.kpi}|${r.municipality}|${r.year}|${r.gender}`;
const unitValueKey = (r: UnitValueRow) => `${r.unit_id}|${r.kpi}|${r.year}`;

function checkNumber(kpi: string, value: number | null): string | null {
  if (value === null) return null;
  if (!Number.isFinite(value)) return "value is not a finite number";
  if (isShareKpi(kpi) && (value < 0 || value > 100)) return `share ${value} is outside 0–100`;
  if (value < 0) return `value ${value} is negative`;
  return null;
}

export function validateDataSet(data: DataSet): { data: DataSet; report: ValidationReport } {
  const report: ValidationReport = {
    counts: {}, coverage: [], outOfRange: [], duplicates: [], unknownCodes: [], other: [], quarantinedTotal: 0,
  };
  if (data.municipalities.length !== 290) throw new Error(`municipalities: expected 290 rows, found ${data.municipalities.length}`);
  if (data.values.length === 0) throw new Error("values: no values at all; refusing to write an empty data set");
  const codes = new Set(data.municipalities.map((m) => m.code));

  const seen = new Set<string>();
  const values = data.values.filter((r) => {
    const key = valueKey(r);
    if (!codes.has(r.municipality) && r.municipality !== RIKET) {
      report.unknownCodes.push({ table: "values", key, field: "municipality", reason: `unknown municipality code "${r.municipality}"`, source: r.source });
      return false;
    }
    const problem = checkNumber(r.kpi, r.value);
    if (problem) {
      (problem.startsWith("share") ? report.outOfRange : report.other).push({ table: "values", key, field: "value", reason: problem, source: r.source });
      return false;
    }
    if (seen.has(key)) {
      report.duplicates.push({ table: "values", key, field: "kpi+municipality+year+gender", reason: "duplicate key; the first row was kept", source: r.source });
      return false;
    }
    seen.add(key);
    return true;
  });

  const unitIds = new Set<string>();
  const units = data.units.filter((u) => {
    if (!codes.has(u.municipality)) {
      report.unknownCodes.push({ table: "units", key: u.unit_id, field: "municipality", reason: `unknown municipality code "${u.municipality}"`, source: u.source });
      return false;
    }
    if (unitIds.has(u.unit_id)) {
      report.duplicates.push({ table: "units", key: u.unit_id, field: "unit_id", reason: "duplicate unit id; the first row was kept", source: u.source });
      return false;
    }
    unitIds.add(u.unit_id);
    return true;
  });

  const seenUnitValues = new Set<string>();
  const unitValues = data.unitValues.filter((r) => {
    const key = unitValueKey(r);
    if (!unitIds.has(r.unit_id)) {
      report.unknownCodes.push({ table: "unit_values", key, field: "unit_id", reason: `unknown unit "${r.unit_id}"`, source: r.source });
      return false;
    }
    const problem = checkNumber(r.kpi, r.value) ?? (r.respondents !== null && (!Number.isInteger(r.respondents) || r.respondents < 0) ? `respondents ${r.respondents} is not a count` : null);
    if (problem) {
      (problem.startsWith("share") ? report.outOfRange : report.other).push({ table: "unit_values", key, field: "value", reason: problem, source: r.source });
      return false;
    }
    if (seenUnitValues.has(key)) {
      report.duplicates.push({ table: "unit_values", key, field: "unit_id+kpi+year", reason: "duplicate key; the first row was kept", source: r.source });
      return false;
    }
    seenUnitValues.add(key);
    return true;
  });

  report.coverage = coverageOf(values, codes.size);
  report.quarantinedTotal = report.outOfRange.length + report.duplicates.length + report.unknownCodes.length + report.other.length;
  const clean: DataSet = { ...data, values, units, unitValues };
  report.counts = {
    municipalities: clean.municipalities.length, indicators: clean.indicators.length, values: values.length,
    units: units.length, unit_values: unitValues.length,
  };
  return { data: clean, report };
}

/** Municipalities with a total (T) value per KPI and year, and how many of the 290 lack one. */
export function coverageOf(values: ValueRow[], municipalityCount: number): CoverageRow[] {
  const counts = new Map<string, number>();
  for (const r of values) {
    if (r.gender !== "T" || r.municipality === RIKET || r.value === null) continue;
    const key = `${r.kpi}|${r.year}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => {
    const [kpi, year] = key.split("|");
    return { kpi, year: Number(year), municipalities: n, missing: municipalityCount - n };
  }).sort((a, b) => a.kpi.localeCompare(b.kpi) || a.year - b.year);
}
