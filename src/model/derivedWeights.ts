// Weight set 2, "Härledd ur brukarnas svar": weights derived from how much the survey explains overall
// satisfaction (U21468) across municipalities (Johnson's relative weights, relativeImportance.ts).
// - Sub-index weights come from an analysis at sub-index level: each sub-index enters as ONE predictor
//   (the weighted mean of its survey questions), so a sub-index with more (or near-duplicate) questions
//   does not get more weight for that reason. Summing item weights per sub-index did exactly that.
// - Within a sub-index the survey questions share its survey weight by their item-level relative
//   weights (correlated questions split their share, so a copy does not add weight).
// - All published years are pooled (deviations from each year's mean), which steadies the estimate.
// - The outcome U21468 is neither a predictor nor part of the index under this set (weight 0).

import { OVERALL_KPI } from "./catalogue";
import type { RelativeImportanceResult } from "./relativeImportance";
import { johnsonRelativeWeights, MIN_OBSERVATIONS, relativeImportance } from "./relativeImportance";
import { roundTo } from "./scoring";
import type { CatalogueEntry, SubIndexId, WeightSet, YearWeights } from "./types";
import { SUB_INDEX_IDS } from "./types";
import { SENIOR_SUB_INDEX_WEIGHTS, WEIGHTS_VERSION, catalogueIndicatorWeights, yearWeights } from "./weights";
import type { YearMatrix } from "./yearData";

/** The sub-index without survey questions keeps its default weight. */
const FIXED: SubIndexId = "stod_utveckling";

/** Items analysed in a year: active survey items except the outcome itself. */
export function predictorItems(active: readonly CatalogueEntry[]): CatalogueEntry[] {
  return active.filter((e) => e.survey && e.kpi !== OVERALL_KPI);
}

/** Per-year item-level analysis (shown on the method page as a description of each year). */
export function analyseYear(m: YearMatrix): RelativeImportanceResult | null {
  const col = new Map(m.indicators.map((e, i) => [e.kpi, i]));
  const nInd = m.indicators.length;
  const items = predictorItems(m.indicators).map((e) => e.kpi);
  if (!col.has(OVERALL_KPI)) return null;
  return relativeImportance(m.year, OVERALL_KPI, items, m.codes.length,
    (kpi, r) => m.raw[r * nInd + (col.get(kpi) as number)]);
}

export interface PredictorItem {
  id: string;
  subIndex: SubIndexId;
  weight: number; // weight inside the sub-index's survey mean (catalogue weight)
  values: readonly number[]; // one per observation
}

export interface SubIndexAnalysis {
  n: number;
  r2SubIndex: number; // R² of the outcome on the sub-index means
  subIndex: Partial<Record<SubIndexId, number>>; // raw relative weights of the sub-index means (sum r2SubIndex)
  r2Items: number;
  items: Record<string, number>; // raw relative weights of the items (sum r2Items)
}

/**
 * Johnson's relative weights at two levels for outcome `y`: the sub-index means (each sub-index's
 * items averaged with their weights; one predictor per sub-index) and the items themselves.
 */
export function subIndexRelativeWeights(y: readonly number[], items: readonly PredictorItem[]): SubIndexAnalysis {
  const subs = SUB_INDEX_IDS.filter((s) => items.some((it) => it.subIndex === s));
  const means = subs.map((s) => {
    const inSub = items.filter((it) => it.subIndex === s);
    const wsum = inSub.reduce((a, it) => a + it.weight, 0);
    return y.map((_, r) => inSub.reduce((a, it) => a + it.weight * it.values[r], 0) / wsum);
  });
  const bySub = johnsonRelativeWeights(means, [...y]);
  const byItem = johnsonRelativeWeights(items.map((it) => [...it.values]), [...y]);
  return {
    n: y.length,
    r2SubIndex: bySub.r2, subIndex: Object.fromEntries(subs.map((s, k) => [s, bySub.raw[k]])),
    r2Items: byItem.r2, items: Object.fromEntries(items.map((it, k) => [it.id, byItem.raw[k]])),
  };
}

export interface PooledDerivedAnalysis extends SubIndexAnalysis {
  years: number[];
  outcome: string;
  method: "johnson-relative-weights";
  /** Each analysed sub-index's share of the non-fixed weight (sums to 1). */
  subIndexShare: Partial<Record<SubIndexId, number>>;
}

/**
 * The pooled analysis: every municipality-year with the outcome and all items that are in use in every
 * published year; each variable as its deviation from that year's mean (so year-to-year shifts in the
 * survey do not count as differences between municipalities).
 */
export function analysePooled(matrices: readonly YearMatrix[]): PooledDerivedAnalysis | null {
  if (matrices.length === 0) return null;
  const common = predictorItems(matrices[0].indicators)
    .filter((e) => matrices.every((m) => m.indicators.some((x) => x.id === e.id)));
  if (common.length === 0 || !matrices.every((m) => m.indicators.some((e) => e.kpi === OVERALL_KPI))) return null;
  const weights = catalogueIndicatorWeights();
  const y: number[] = [];
  const xs: number[][] = common.map(() => []);
  for (const m of matrices) {
    const nInd = m.indicators.length;
    const col = (id: string) => m.indicators.findIndex((e) => e.id === id);
    const yc = col(OVERALL_KPI), cols = common.map((e) => col(e.id));
    const rowsY: number[] = [], rowsX: number[][] = common.map(() => []);
    for (let r = 0; r < m.codes.length; r++) {
      const yr = m.raw[r * nInd + yc];
      const xr = cols.map((c) => m.raw[r * nInd + c]);
      if (yr !== yr || xr.some((v) => v !== v)) continue;
      rowsY.push(yr);
      xr.forEach((v, i) => rowsX[i].push(v));
    }
    if (rowsY.length === 0) continue;
    const centre = (vs: number[]) => { const mean = vs.reduce((a, b) => a + b, 0) / vs.length; return vs.map((v) => v - mean); };
    y.push(...centre(rowsY));
    rowsX.forEach((vs, i) => xs[i].push(...centre(vs)));
  }
  if (y.length < Math.max(MIN_OBSERVATIONS, common.length + 2)) return null;
  const analysis = subIndexRelativeWeights(y, common.map((e, i) => ({ id: e.id, subIndex: e.subIndex, weight: weights[e.id], values: xs[i] })));
  const total = Object.values(analysis.subIndex).reduce((a, b) => a + (b ?? 0), 0);
  const subIndexShare = Object.fromEntries(Object.entries(analysis.subIndex).map(([s, v]) => [s, total > 0 ? (v ?? 0) / total : 0]));
  return { ...analysis, years: matrices.map((m) => m.year), outcome: OVERALL_KPI, method: "johnson-relative-weights", subIndexShare };
}

/** Derived weights of one year from the default year weights and the pooled analysis. */
export function derivedYearWeights(
  base: YearWeights, active: readonly CatalogueEntry[], a: Pick<PooledDerivedAnalysis, "items" | "subIndexShare">,
): YearWeights {
  const indicator: Record<string, number> = { ...base.indicator };
  if (OVERALL_KPI in indicator) indicator[OVERALL_KPI] = 0; // the outcome is not part of the index here
  for (const s of SUB_INDEX_IDS) {
    const items = active.filter((e) => e.subIndex === s && a.items[e.id] !== undefined);
    const pool = items.reduce((acc, e) => acc + base.indicator[e.id], 0);
    const sumRaw = items.reduce((acc, e) => acc + a.items[e.id], 0);
    if (sumRaw > 0) for (const e of items) indicator[e.id] = (pool * a.items[e.id]) / sumRaw;
  }
  // Renormalise within each sub-index (the outcome's weight is spread over the rest of Utförande).
  const subIndex = { ...base.subIndex };
  const rest = SUB_INDEX_IDS.filter((s) => s !== FIXED && a.subIndexShare[s] !== undefined);
  const restWeight = rest.reduce((acc, s) => acc + base.subIndex[s], 0) > 0 ? 1 - base.subIndex[FIXED] : 0;
  for (const s of rest) subIndex[s] = restWeight * (a.subIndexShare[s] as number);
  const norm = yearWeights(subIndex, indicator, active);
  return norm;
}

export const DERIVED_RULE_SV: readonly string[] = [
  "Vikterna bygger på hur väl enkätsvaren förklarar andelen som är nöjda med hemtjänsten som helhet " +
    "(U21468) mellan kommunerna, med Johnsons relativa vikter (Johnson 2000). Alla publicerade år " +
    "analyseras tillsammans, som avvikelser från respektive års medelvärde, så att vikterna inte hoppar " +
    "mellan åren.",
  "Delindexens vikter räknas på delindexnivå: varje delindex går in i analysen som ett enda mått (det " +
    "viktade medelvärdet av dess frågor). Ett delindex får alltså inte mer vikt för att det har fler " +
    "frågor eller frågor som liknar varandra. Tidigare summerades frågornas vikter per delindex, vilket " +
    "gav Utförande (nio frågor) mycket mer vikt än Information (två frågor) av just det skälet.",
  "Inom ett delindex delar frågorna på sin sammanlagda standardvikt efter sina relativa vikter. Frågor " +
    "som mäter nästan samma sak delar på förklaringen, så en kopia av en fråga ger inte mer vikt till " +
    "delindexet.",
  "Helhetsomdömet (U21468) är det som förklaras. Det ingår därför varken bland de förklarande frågorna " +
    "eller i indexet med den här viktuppsättningen; dess vikt fördelas på de övriga måtten i Utförande.",
  "Stöd och utveckling behåller sina 15 %, eftersom inga enkätfrågor mäter det. Resterande 85 % " +
    "fördelas på Information, Biståndshandläggning och Utförande efter analysen på delindexnivå. Mått " +
    "som inte kommer från enkäten (t.ex. personalkontinuitet) behåller sin standardvikt inom delindexet.",
  "Vikterna beräknas inte om i osäkerhetsberäkningen (bootstrap); de behandlas som givna.",
];

export function derivedWeightSet(
  senior: WeightSet, activeByYear: Map<number, CatalogueEntry[]>, pooled: PooledDerivedAnalysis | null,
): WeightSet {
  const byYear: Record<string, YearWeights> = {};
  const notes: string[] = [...DERIVED_RULE_SV];
  const subNames: Record<SubIndexId, string> = {
    information: "Information", bistandshandlaggning: "Biståndshandläggning", utforande: "Utförande", stod_utveckling: "Stöd och utveckling",
  };
  if (pooled) {
    const pct = (x: number) => `${String(roundTo(x * 100, 1)).replace(".", ",")} %`;
    const parts = SUB_INDEX_IDS.filter((s) => pooled.subIndexShare[s] !== undefined)
      .map((s) => `${subNames[s]} ${pct(pooled.subIndexShare[s] as number)}`);
    notes.push(`Analysen (${pooled.n} kommunår, ${pooled.years.join(", ")}; R² ${String(roundTo(pooled.r2SubIndex, 2)).replace(".", ",")}) ` +
      `fördelar de 85 % så: ${parts.join(", ")}.`);
  }
  for (const [year, active] of activeByYear) {
    const base = senior.byYear[String(year)] ??
      yearWeights(SENIOR_SUB_INDEX_WEIGHTS, catalogueIndicatorWeights(), active);
    byYear[String(year)] = pooled ? derivedYearWeights(base, active, pooled) : base;
  }
  if (!pooled) notes.push("För få kommuner med fullständiga svar; standardvikterna används.");
  return {
    id: "harledd-ur-brukarnas-svar", version: WEIGHTS_VERSION, name_sv: "Härledd ur brukarnas svar",
    description_sv: "Vikterna bygger på vad äldre med hemtjänst själva svarat: det som hänger starkare " +
      "ihop med hur nöjda de är med hemtjänsten som helhet väger tyngre. Delindexens vikter räknas på " +
      "delindexnivå, så antalet frågor i ett delindex påverkar inte dess vikt.",
    subIndex: { ...SENIOR_SUB_INDEX_WEIGHTS }, indicator: { ...catalogueIndicatorWeights(), [OVERALL_KPI]: 0 }, byYear,
    notes_sv: notes,
  };
}
