// Pure mapping from validated Kolada v3 objects to the project's tables (src/pipeline/tables.ts).
// No clock here: `fetchedAt` comes from the caller, so the same answers always give the same rows.
import { SURVEY_KPIS, sourceOfKpi } from "../../kpis";
import type { Gender, IndicatorMetaRow, ProviderType, UnitRow, UnitValueRow, ValueRow } from "../../tables";
import type { KoladaDataRecord, KoladaKpi, KoladaOu, KoladaOuDataRecord, KoladaValueEntry } from "./schema";

/** Kolada marks ended KPIs with a title suffix such as "(-2023)" or "(- 2024)". */
export function endedYearFromTitle(title: string): number | null {
  const m = /\(\s*-\s*(\d{4})\s*\)\s*$/.exec(title);
  return m ? Number(m[1]) : null;
}

/**
 * Value and reason for one Kolada value entry. Per issue 3, a null value or a non-empty status is kept
 * as a missing value with its reason (the status text), never dropped: the row stays, `value` is null.
 * A deleted value (isdeleted) is missing with reason "deleted"; a bare null is "missing".
 */
export function valueAndStatus(v: KoladaValueEntry): { value: number | null; status: string | null } {
  const status = v.status?.trim() ? v.status.trim() : null;
  if (v.isdeleted) return { value: null, status: status ? `deleted: ${status}` : "deleted" };
  if (status) return { value: null, status };
  if (v.value === null) return { value: null, status: "missing" };
  return { value: v.value, status: null };
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

/** Hemtjänst units: Kolada OU ids for äldreomsorg/hemtjänst start with "V21E" (inferred, DESIGN.md §3.1). */
export const HOME_CARE_UNIT_PREFIX = "V21E";
export function isHomeCareUnit(ou: KoladaOu, prefix = HOME_CARE_UNIT_PREFIX): boolean {
  return ou.id.startsWith(prefix);
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

const SURVEY_SET = new Set<string>(SURVEY_KPIS);

/**
 * Unit values use the gender total (T). For user-survey KPIs Kolada's `count` is the number of respondents;
 * for other KPIs (Enhetsundersökningen) it is not, so respondents stay null there. A record without a total
 * is kept as missing ("no total") rather than dropped.
 */
export function toUnitValueRows(records: readonly KoladaOuDataRecord[]): UnitValueRow[] {
  const rows = records.map((r): UnitValueRow => {
    const total = r.values.find((v) => v.gender === "T");
    const vs = total ? valueAndStatus(total) : { value: null, status: "no total (T) value" };
    const count = total?.count ?? null;
    return {
      unit_id: r.ou, kpi: r.kpi, year: r.period, ...vs,
      respondents: SURVEY_SET.has(r.kpi) ? count : null,
      synthetic: false, source: sourceOfKpi(r.kpi),
    };
  });
  return rows.sort((a, b) => a.unit_id.localeCompare(b.unit_id) || a.kpi.localeCompare(b.kpi) || a.year - b.year);
}
