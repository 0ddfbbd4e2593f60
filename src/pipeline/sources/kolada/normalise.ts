// Pure mapping from validated Kolada v3 objects to the project's tables (src/pipeline/tables.ts).
// No clock here: `fetchedAt` comes from the caller, so the same answers always give the same rows.
import { sourceOfKpi } from "../../kpis";
import type { Gender, IndicatorMetaRow, ProviderType, UnitRow, UnitValueRow, ValueRow } from "../../tables";
import type { ListedOu } from "./client";
import { ouSchema, parseRows, type KoladaDataRecord, type KoladaKpi, type KoladaOu, type KoladaOuDataRecord, type KoladaValueEntry } from "./schema";

/** Kolada marks ended KPIs with a title suffix such as "(-2023)" or "(- 2024)". */
export function endedYearFromTitle(title: string): number | null {
  const m = /\(\s*-\s*(\d{4})\s*\)\s*$/.exec(title);
  return m ? Number(m[1]) : null;
}

/**
 * Value and status for one (current, not withdrawn) Kolada value entry. Only a null value is missing; a
 * status is kept beside the value whatever it says (DESIGN.md §3.1: "Missing" comes with null, other
 * statuses are passed on, never used to throw a value away). A null value without status is "missing".
 */
export function valueAndStatus(v: KoladaValueEntry): { value: number | null; status: string | null } {
  const status = v.status?.trim() ? v.status.trim() : null;
  if (v.value === null) return { value: null, status: status ?? "missing" };
  return { value: v.value, status };
}

const GENDER_ORDER: Record<Gender, number> = { T: 0, K: 1, M: 2 };

export function toValueRows(records: readonly KoladaDataRecord[], fetchedAt: string): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const r of records) {
    for (const v of r.values) {
      rows.push({
        kpi: r.kpi, municipality: r.municipality, year: r.period, gender: v.gender,
        ...valueAndStatus(v), source: sourceOfKpi(r.kpi), fetched_at: fetchedAt,
      });
    }
  }
  // Same order as the snapshot importer, so both paths give identical tables.
  return rows.sort((a, b) =>
    a.kpi.localeCompare(b.kpi) || a.municipality.localeCompare(b.municipality) || a.year - b.year ||
    GENDER_ORDER[a.gender] - GENDER_ORDER[b.gender]);
}

export function toIndicatorRows(kpis: readonly KoladaKpi[]): IndicatorMetaRow[] {
  return kpis
    .map((k): IndicatorMetaRow => {
      const endedYear = endedYearFromTitle(k.title);
      return {
        kpi: k.id, title: k.title, description: k.description ?? "", source: sourceOfKpi(k.id),
        has_ou_data: k.has_ou_data, is_divided_by_gender: k.is_divided_by_gender,
        ended: endedYear !== null, ended_year: endedYear,
      };
    })
    .sort((a, b) => a.kpi.localeCompare(b.kpi));
}

/**
 * A hint only: third-party clients map hemtjänst OUs to ids starting "V21" (unconfirmed by Kolada).
 * Units are chosen by what they hold (chooseHomeCareUnits); the prefix is used for a log line.
 */
export const HOME_CARE_UNIT_HINT = "V21";

export interface UnitChoice {
  /** Listed units that hold hemtjänst values, validated. */
  units: KoladaOu[];
  /** Listed entries holding no hemtjänst value (schools, särskilt boende, new or closed units…). */
  notHolding: number;
  /** Of those, entries whose id carries the hemtjänst hint (listed, V21…, but no values). */
  hintedWithoutValues: string[];
  /** Chosen units whose id does not carry the hint (chosen by content all the same). */
  chosenWithoutHint: string[];
  /** Holding entries skipped: no usable id, or listed under another municipality than the one asked. */
  skipped: string[];
}

/**
 * Chooses hemtjänst units from the unit lists by content: a listed entry is a hemtjänst unit when it holds
 * at least one value of the unit-level hemtjänst KPIs (`holders`). Entries are looked at only as far as
 * their id until chosen, so an odd entry of another kind never stops the run; a chosen entry is then
 * validated in full (a garbled name still stops the run, naming URL, row and field).
 */
export function chooseHomeCareUnits(lists: ReadonlyMap<string, readonly ListedOu[]>, holders: ReadonlySet<string>): UnitChoice {
  const choice: UnitChoice = { units: [], notHolding: 0, hintedWithoutValues: [], chosenWithoutHint: [], skipped: [] };
  const taken = new Set<string>();
  for (const [municipality, listed] of [...lists].sort(([a], [b]) => a.localeCompare(b))) {
    for (const entry of listed) {
      const id = (entry.raw as { id?: unknown } | null)?.id;
      if (typeof id !== "string" || id.trim() === "") { choice.skipped.push(`${entry.url} row ${entry.row}: no id`); continue; }
      if (!holders.has(id)) {
        choice.notHolding++;
        if (id.startsWith(HOME_CARE_UNIT_HINT)) choice.hintedWithoutValues.push(id);
        continue;
      }
      const [ou] = parseRows(entry.url, [entry.raw], ouSchema, entry.row);
      if (ou.municipality !== municipality) { choice.skipped.push(`${id}: listed for ${municipality} but says municipality ${ou.municipality}`); continue; }
      if (ou.title.trim() === "") { choice.skipped.push(`${id}: empty title`); continue; }
      if (taken.has(id)) continue; // listed twice: one unit
      taken.add(id);
      if (!id.startsWith(HOME_CARE_UNIT_HINT)) choice.chosenWithoutHint.push(id);
      choice.units.push(ou);
    }
  }
  return choice;
}

// Private providers seen in Swedish hemtjänst; titles often carry the company name or form ("AB").
const PRIVATE_HINTS = /\b(ab|aktiebolag|hb|kb|privat\w*|enskild\w*|attendo|humana|vardaga|ambea|aleris|nytida|frösunda|kavat|förenade care|temabo|norlandia|stiftelse\w*|kooperativ\w*)\b/iu;

/**
 * Provider type from the OU: Kolada does not document a provider field for OUs, so we read a `type` field
 * when present, else the title (company markers like "AB" or known provider names mean private). With no
 * signal we say "kommunal" (most hemtjänst units are municipal); this default is documented on the method page.
 */
export function providerTypeOf(ou: Pick<KoladaOu, "title" | "type">): ProviderType {
  const type = ou.type?.trim();
  if (type) {
    if (/privat|enskild|extern|^p$/iu.test(type)) return "privat";
    if (/kommun|offentlig|egen|^k$|^e$/iu.test(type)) return "kommunal";
  }
  return PRIVATE_HINTS.test(ou.title) ? "privat" : "kommunal";
}

export function toUnitRows(ous: readonly KoladaOu[]): UnitRow[] {
  return ous
    .map((ou): UnitRow => ({
      unit_id: ou.id, name: ou.title.trim(), municipality: ou.municipality,
      provider_type: providerTypeOf(ou), synthetic: false, source: "kolada",
    }))
    .sort((a, b) => a.unit_id.localeCompare(b.unit_id));
}

/**
 * Unit values use the gender total (T). Kolada has no respondent count per unit (its inner `count` is 1
 * for a value, 0 for a missing one; DESIGN.md §3.1), so `respondents` is null: unknown. Respondents
 * come only from Socialstyrelsen's per-unit files (--import-sos). A record without a total is kept as
 * missing ("no total") rather than dropped.
 */
export function toUnitValueRows(records: readonly KoladaOuDataRecord[]): UnitValueRow[] {
  const rows = records.map((r): UnitValueRow => {
    const total = r.values.find((v) => v.gender === "T");
    const vs = total ? valueAndStatus(total) : { value: null, status: "no total (T) value" };
    return { unit_id: r.ou, kpi: r.kpi, year: r.period, ...vs, respondents: null, synthetic: false, source: sourceOfKpi(r.kpi) };
  });
  return rows.sort((a, b) => a.unit_id.localeCompare(b.unit_id) || a.kpi.localeCompare(b.kpi) || a.year - b.year);
}

/**
 * The newest year Kolada has published for a KPI, from /kpi metadata: `publ_period` is the period of the
 * latest or next announced publication and `publication_date` its date (the April 2026 catalogue says
 * U21468: 2026, 2026-10-04). So the period counts as published once its date has passed, else the year
 * before. Null when the metadata says nothing usable (then every asked year is fetched).
 */
export function publishedThrough(kpi: Pick<KoladaKpi, "publ_period" | "publication_date">, today: string): number | null {
  const period = Number(String(kpi.publ_period ?? "").trim().slice(0, 4));
  if (!Number.isInteger(period) || period < 1990) return null;
  const date = String(kpi.publication_date ?? "").slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return period;
  return date <= today ? period : period - 1;
}
