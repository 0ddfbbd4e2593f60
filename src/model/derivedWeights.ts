// Weight set 2, "Härledd ur brukarnas svar": weights derived from how much each survey item explains
// overall satisfaction (U21468) across municipalities, per year (Johnson's relative weights).

import { OVERALL_KPI } from "./catalogue";
import type { RelativeImportanceResult } from "./relativeImportance";
import { relativeImportance } from "./relativeImportance";
import type { CatalogueEntry, SubIndexId, WeightSet, YearWeights } from "./types";
import { SUB_INDEX_IDS } from "./types";
import { SENIOR_SUB_INDEX_WEIGHTS, WEIGHTS_VERSION, catalogueIndicatorWeights, yearWeights } from "./weights";
import type { YearMatrix } from "./yearData";

export const DERIVED_RULE_SV: readonly string[] = [
  "För varje år beräknas hur mycket varje enkätfråga förklarar av andelen nöjda med hemtjänsten som " +
    "helhet (U21468) mellan kommunerna, med Johnsons relativa vikter (Johnson 2000). Metoden delar upp " +
    "förklaringsgraden (R²) mellan frågor som hänger ihop, så att ingen fråga får vikt bara för att den " +
    "liknar en annan.",
  "Inom varje delindex fördelas den vikt som enkätfrågorna har i standardvikterna efter frågornas " +
    "relativa vikter. Helhetsomdömet och mått som inte kommer från enkäten (t.ex. personalkontinuitet, " +
    "välfärdsteknik, svarsfrekvens) behåller sin standardvikt.",
  "Stöd och utveckling behåller sina 15 %, eftersom inga enkätfrågor mäter det. Resterande 85 % " +
    "fördelas på Information, Biståndshandläggning och Utförande i proportion till summan av deras " +
    "frågors relativa vikter.",
  "Vikterna beräknas inte om i osäkerhetsberäkningen (bootstrap); de behandlas som givna för året.",
];

/** Items analysed in a year: active survey items except the outcome itself. */
export function predictorItems(active: readonly CatalogueEntry[]): CatalogueEntry[] {
  return active.filter((e) => e.survey && e.kpi !== OVERALL_KPI);
}

export function analyseYear(m: YearMatrix): RelativeImportanceResult | null {
  const col = new Map(m.indicators.map((e, i) => [e.kpi, i]));
  const nInd = m.indicators.length;
  const items = predictorItems(m.indicators).map((e) => e.kpi);
  if (!col.has(OVERALL_KPI)) return null;
  return relativeImportance(m.year, OVERALL_KPI, items, m.codes.length,
    (kpi, r) => m.raw[r * nInd + (col.get(kpi) as number)]);
}

/** Derived weights of one year from the default year weights and the analysis. */
export function derivedYearWeights(
  base: YearWeights, active: readonly CatalogueEntry[], ri: RelativeImportanceResult,
): YearWeights {
  const raw = new Map(ri.items.map((it) => [it.kpi, it.raw]));
  const indicator = { ...base.indicator };
  const explained: Record<string, number> = {};
  for (const s of SUB_INDEX_IDS) {
    const items = active.filter((e) => e.subIndex === s && raw.has(e.kpi));
    const pool = items.reduce((a, e) => a + base.indicator[e.id], 0);
    const sumRaw = items.reduce((a, e) => a + (raw.get(e.kpi) as number), 0);
    explained[s] = sumRaw;
    if (sumRaw <= 0) continue;
    for (const e of items) indicator[e.id] = (pool * (raw.get(e.kpi) as number)) / sumRaw;
  }
  const fixed: SubIndexId = "stod_utveckling";
  const rest = SUB_INDEX_IDS.filter((s) => s !== fixed);
  const restExplained = rest.reduce((a, s) => a + explained[s], 0);
  const subIndex = { ...base.subIndex };
  if (restExplained > 0) {
    const restWeight = 1 - base.subIndex[fixed];
    for (const s of rest) subIndex[s] = (restWeight * explained[s]) / restExplained;
  }
  return { subIndex, indicator };
}

export function derivedWeightSet(
  senior: WeightSet, activeByYear: Map<number, CatalogueEntry[]>,
  analyses: Map<number, RelativeImportanceResult | null>,
): WeightSet {
  const byYear: Record<string, YearWeights> = {};
  const notes: string[] = [...DERIVED_RULE_SV];
  for (const [year, active] of activeByYear) {
    const base = senior.byYear[String(year)] ??
      yearWeights(SENIOR_SUB_INDEX_WEIGHTS, catalogueIndicatorWeights(), active);
    const ri = analyses.get(year) ?? null;
    if (!ri) {
      notes.push(`${year}: för få kommuner med fullständiga svar; standardvikterna används.`);
      byYear[String(year)] = base;
    } else {
      byYear[String(year)] = derivedYearWeights(base, active, ri);
    }
  }
  return {
    id: "harledd-ur-brukarnas-svar", version: WEIGHTS_VERSION, name_sv: "Härledd ur brukarnas svar",
    description_sv: "Vikterna bygger på vad äldre med hemtjänst själva svarat: frågor som betyder mer " +
      "för hur nöjda de är med hemtjänsten som helhet väger tyngre. Vikterna beräknas för varje år.",
    subIndex: { ...SENIOR_SUB_INDEX_WEIGHTS }, indicator: catalogueIndicatorWeights(), byYear,
    notes_sv: notes,
  };
}
