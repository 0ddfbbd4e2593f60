// The Kolada KPIs the project uses: what the committed snapshot holds and what `--source live` fetches.
// Grouped by purpose; the index model's catalogue (src/model/catalogue.ts) draws only on these.
// Ids and meanings: DESIGN.md §3.1 and Kolada's KPI catalogue (https://api.kolada.se/v3/kpi/{id}).

/** Socialstyrelsen's user survey "Vad tycker de äldre om äldreomsorgen?", hemtjänst (also at unit level). */
export const SURVEY_KPIS = [
  "U21468", "U21461", "U21462", "U21463", "U21464", "U21465", "U21466", "U21504", "U21467",
  "U21505", "U21472", "U21473", "U21474", "U21475", "U21477", "U21481",
  "U21447", "U21449", "U21478", "U21482",
] as const;

/** Survey response counts and composites (municipality level). */
export const SURVEY_META_KPIS = ["U23592", "U23593", "U21454", "U21455"] as const;

/** Personalkontinuitet, ended with 2024. */
export const CONTINUITY_KPIS = ["U21401"] as const;

/** Enhetsundersökningen, hemtjänst (unit survey; not in the offline data). */
export const UNIT_SURVEY_KPIS = [
  "U21452", "U21554", "U21557", "U21558", "U21559", "U21561",
  "N21608", "N21609", "N21610", "N21611", "N21600", "N21601", "N21602", "N21603", "N21604",
] as const;

/** E-hälsa / välfärdsteknik i ordinärt boende, coded 0 nej, 1 test, 2 breddinfört. */
export const EHEALTH_KPIS = [
  "U21340", "U21341", "U21342", "U21343", "U21344", "U21345", "U21346", "U21347", "U21348", "U21349",
] as const;

/** Senior alert results as Kolada carries them (its own source in the manifest, DESIGN.md §3.3). */
export const SENIOR_ALERT_KPIS = ["U21432", "U23433"] as const;

/** Context, shown but not scored. N21702 (hemtjänsttagare 65+) sizes the example units. */
export const CONTEXT_KPIS = [
  "N21701", "N21704", "N21702", "N21826", "N21006", "N21024", "N21804", "N01951", "N01956", "N01957",
] as const;

export const ALL_KPIS: readonly string[] = [
  ...SURVEY_KPIS, ...SURVEY_META_KPIS, ...CONTINUITY_KPIS, ...UNIT_SURVEY_KPIS,
  ...EHEALTH_KPIS, ...SENIOR_ALERT_KPIS, ...CONTEXT_KPIS,
];

/**
 * What `--source live` asks Kolada for: every KPI above except those not in the v3 catalogue (U23433,
 * Senior alert särskilt boende, is absent from the 2026 catalogue; the snapshot keeps its old values).
 */
export const NOT_IN_V3_CATALOGUE: readonly string[] = ["U23433"];
export const LIVE_KPIS: readonly string[] = ALL_KPIS.filter((k) => !NOT_IN_V3_CATALOGUE.includes(k));

/** The survey KPI whose newest year is "the data's age" (helhetssyn, the headline question). */
export const HEADLINE_SURVEY_KPI = "U21468";

/** KPIs published at unit (OU) level that the live fetcher asks `/oudata` for. */
export const UNIT_LEVEL_KPIS: readonly string[] = [...SURVEY_KPIS, ...UNIT_SURVEY_KPIS];

export const SENIOR_ALERT_SET = new Set<string>(SENIOR_ALERT_KPIS);

/** Which manifest source a Kolada KPI belongs to. */
export function sourceOfKpi(kpi: string): "kolada" | "senioralert" {
  return SENIOR_ALERT_SET.has(kpi) ? "senioralert" : "kolada";
}

/** KPIs whose values are shares in percent (0–100) and must be validated as such. */
export function isShareKpi(kpi: string): boolean {
  if (kpi === "U21401") return false; // a count of staff, not a share
  return kpi.startsWith("U214") || kpi.startsWith("U215") || kpi === "U23593" || kpi === "U21432" ||
    kpi === "U23433" || kpi === "N21701" || kpi === "N21704" || kpi === "N21804" || kpi === "U21452" ||
    kpi === "U21554" || kpi === "U21557" || kpi === "U21558" || kpi === "U21559" || kpi === "U21561";
}
