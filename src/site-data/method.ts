// The view model of the method page (/metod/): everything it shows comes from the model's machine-readable
// method description (method.json) and weight sets (weights.json), so the page cannot drift from the code.
// Pure: no I/O; numbers stay numbers (the page formats them through src/charts/format.ts).
import type { WeightsDoc } from "../model";
import type { MethodCatalogueRow, MethodDoc } from "../model/method";
import type { SubIndexId } from "../model/types";

export interface MethodIndicatorView {
  id: string;
  kpi: string;
  name: string;
  description: string;
  source: string;
  direction: string;
  rule: string;
  weightInSubIndex: number; // catalogue weight of the default set (before the yearly normalisation)
  level: string;
  years: string;
  rationale: string;
  activeYears: number[]; // published years in which the indicator is in use
}

export interface WeightYearRow {
  id: string;
  name: string;
  subIndex: SubIndexId;
  /** year → weight within the sub-index and share of the total (null: not in use that year). */
  byYear: Record<string, { inSubIndex: number; total: number } | null>;
}

export interface WeightSetView {
  id: string;
  name: string;
  description: string;
  version: string;
  isDefault: boolean;
  notes: string[];
  /** Sub-index weights per year (they differ between years in the derived set). */
  subIndexByYear: { id: SubIndexId; name: string; byYear: Record<string, number | null> }[];
  indicators: WeightYearRow[];
}

export interface RelativeImportanceView {
  year: number;
  n: number;
  r2: number;
  items: { kpi: string; name: string; share: number }[];
}

export interface MethodView {
  doc: MethodDoc;
  years: number[];
  subIndices: { id: SubIndexId; name: string; description: string; defaultWeight: number }[];
  catalogue: { id: SubIndexId; name: string; rows: MethodIndicatorView[] }[];
  indicatorCount: number;
  notScored: { kpi: string; name: string | null; reason: string }[];
  weightSets: WeightSetView[];
  relativeImportance: RelativeImportanceView[];
  flags: { code: string; text: string }[];
}

const SOURCE_SV: Record<string, string> = {
  kolada: "Kolada",
  senioralert: "Senior alert via Kolada",
};

function yearsText(e: MethodCatalogueRow): string {
  if (e.firstYear === null && e.lastYear === null) return "Alla år med data";
  if (e.firstYear !== null && e.lastYear !== null) return `${e.firstYear}–${e.lastYear}`;
  return e.firstYear !== null ? `Från ${e.firstYear}` : `Till och med ${e.lastYear}`;
}

/** Names of KPIs that are not in the catalogue (context KPIs), from the indicator metadata if given. */
export type KpiTitles = ReadonlyMap<string, string>;

export function buildMethodView(doc: MethodDoc, weights: WeightsDoc, kpiTitles: KpiTitles = new Map()): MethodView {
  const years = [...doc.publishedYears].sort((a, b) => a - b);
  const names = new Map(doc.catalogue.map((e) => [e.id, e.name_sv]));
  const subName = new Map(doc.subIndices.map((s) => [s.id, s.name_sv]));
  const defaultSet = weights.sets.find((s) => s.id === doc.defaultWeightSet) ?? weights.sets[0];
  const activeYears = (id: string) => years.filter((y) => (doc.activeIndicatorsByYear[String(y)] ?? []).includes(id));

  const catalogue = doc.subIndices.map((s) => ({
    id: s.id, name: s.name_sv,
    rows: doc.catalogue.filter((e) => e.subIndex === s.id).map((e): MethodIndicatorView => ({
      id: e.id, kpi: e.kpi, name: e.name_sv, description: e.description_sv, source: SOURCE_SV[e.source] ?? e.source,
      direction: e.direction === "hogre_battre" ? "Högre är bättre" : "Lägre är bättre",
      rule: e.rule_sv, weightInSubIndex: defaultSet?.indicator[e.id] ?? e.weight,
      level: e.level === "enhet" ? "Enhet (och kommun)" : "Kommun (enheter ärver)",
      years: yearsText(e), rationale: e.rationale_sv, activeYears: activeYears(e.id),
    })),
  }));

  const weightSets = weights.sets.map((set): WeightSetView => ({
    id: set.id, name: set.name_sv, description: set.description_sv, version: set.version,
    isDefault: set.id === doc.defaultWeightSet, notes: [...set.notes_sv],
    subIndexByYear: doc.subIndices.map((s) => ({
      id: s.id, name: s.name_sv,
      byYear: Object.fromEntries(years.map((y) => [String(y), set.byYear[String(y)]?.subIndex[s.id] ?? null])),
    })),
    indicators: doc.catalogue.filter((e) => years.some((y) => set.byYear[String(y)]?.indicator[e.id] !== undefined)).map((e) => ({
      id: e.id, name: e.name_sv, subIndex: e.subIndex,
      byYear: Object.fromEntries(years.map((y) => {
        const yw = set.byYear[String(y)];
        const w = yw?.indicator[e.id];
        return [String(y), yw && w !== undefined ? { inSubIndex: w, total: w * yw.subIndex[e.subIndex] } : null];
      })),
    })),
  }));

  return {
    doc, years,
    subIndices: doc.subIndices.map((s) => ({
      id: s.id, name: s.name_sv, description: s.description_sv, defaultWeight: defaultSet?.subIndex[s.id] ?? 0,
    })),
    catalogue,
    indicatorCount: doc.catalogue.length,
    notScored: doc.notScored.map((n) => ({ kpi: n.kpi, name: kpiTitles.get(n.kpi) ?? null, reason: n.reason_sv })),
    weightSets,
    relativeImportance: [...(weights.relativeImportance ?? doc.relativeImportance)].sort((a, b) => a.year - b.year).map((r) => ({
      year: r.year, n: r.n, r2: r.r2,
      items: [...r.items].sort((a, b) => b.share - a.share || a.kpi.localeCompare(b.kpi))
        .map((it) => ({ kpi: it.kpi, name: names.get(it.kpi) ?? it.kpi, share: it.share })),
    })),
    flags: Object.entries(doc.flags).map(([code, text]) => ({ code, text })),
  };
}

/** Sub-index names by id (for table groupings). */
export function subIndexNames(doc: MethodDoc): Map<string, string> {
  return new Map(doc.subIndices.map((s) => [s.id, s.name_sv]));
}

export interface EffectiveCell { nominal: number; share: number }
export interface EffectiveWeightsView {
  id: string;
  name: string;
  subIndices: { id: SubIndexId; name: string; byYear: Record<string, EffectiveCell | null> }[];
  indicators: { id: string; name: string; subIndex: SubIndexId; byYear: Record<string, EffectiveCell | null> }[];
}

/** Nominal and effective weights (share of the between-municipality variance) per weight set, year and indicator. */
export function effectiveWeightsView(doc: MethodDoc): EffectiveWeightsView[] {
  const rows = doc.effectiveWeights?.rows ?? [];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const sets = [...new Set(rows.map((r) => r.weight_set))];
  const setName = new Map<string, string>(doc.weightSets.map((s) => [s.id, s.name_sv]));
  return sets.map((set) => {
    const mine = rows.filter((r) => r.weight_set === set);
    const cell = (pick: (r: (typeof mine)[number]) => boolean, year: number): EffectiveCell | null => {
      const rs = mine.filter((r) => r.year === year && pick(r));
      return rs.length ? { nominal: rs.reduce((a, r) => a + r.nominal, 0), share: rs.reduce((a, r) => a + r.share, 0) } : null;
    };
    return {
      id: set, name: setName.get(set) ?? set,
      subIndices: doc.subIndices.map((s) => ({
        id: s.id, name: s.name_sv,
        byYear: Object.fromEntries(years.map((y) => [String(y), cell((r) => r.sub_index === s.id, y)])),
      })),
      indicators: doc.catalogue.filter((e) => mine.some((r) => r.indicator === e.id)).map((e) => ({
        id: e.id, name: e.name_sv, subIndex: e.subIndex,
        byYear: Object.fromEntries(years.map((y) => [String(y), cell((r) => r.indicator === e.id, y)])),
      })),
    };
  });
}
