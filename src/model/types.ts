// Shared types of the index model. Pure data: no I/O, no DOM.

export type SubIndexId = "information" | "bistandshandlaggning" | "utforande" | "stod_utveckling";
export const SUB_INDEX_IDS: readonly SubIndexId[] = [
  "information", "bistandshandlaggning", "utforande", "stod_utveckling",
];

export type Direction = "hogre_battre" | "lagre_battre";
export type Level = "kommun" | "enhet";
export type IndicatorSource = "kolada" | "senioralert";

/** How a raw value becomes a 0–100 score (absolute scale, never min–max). */
export type ScoringRule =
  | { kind: "andel" } // a share in percent, scored as it is (100 − share when lower is better)
  | { kind: "ja_nej" } // 1 (yes) → 100, 0 (no) → 0
  | { kind: "kod_012" } // 0 nej → 0, 1 test → 50, 2 breddinfört → 100
  | { kind: "ankare"; best: number; worst: number }; // fixed anchors: 100 at best, 0 at worst, linear between

/** One indicator of the index (one row of the catalogue). */
export interface CatalogueEntry {
  id: string; // equal to the Kolada KPI id it is built on
  kpi: string;
  name_sv: string;
  description_sv: string; // plain language, for the method page and municipality pages
  source: IndicatorSource;
  subIndex: SubIndexId;
  direction: Direction;
  rule: ScoringRule; // rule for the municipality value
  unitRule?: ScoringRule; // rule for unit values when they are coded differently (Ja=1/Nej=0)
  weight: number; // relative weight within the sub-index (default weight set); normalised per year
  level: Level; // "enhet": units have their own value; "kommun": units inherit the municipality value
  survey: boolean; // a share from the user survey: has respondents, resampled in the bootstrap
  firstYear: number | null; // first year the indicator may be used (null: as soon as there is data)
  lastYear: number | null; // last year (the KPI ended), null: still running
  rationale_sv: string;
}

export interface SubIndexDef {
  id: SubIndexId;
  name_sv: string;
  description_sv: string;
  column: SubIndexId; // column name in scores.parquet / unit_scores.parquet
}

/** "riksmedian" (default): a missing indicator gets the national median score of that indicator and
 *  year; "som-hemtjanstindex": a missing indicator scores 0, as the national index does. */
export type MissingRuleId = "riksmedian" | "som-hemtjanstindex";
export const MISSING_RULE_IDS: readonly MissingRuleId[] = ["riksmedian", "som-hemtjanstindex"];

export type WeightSetId = "seniorernas-prioritering" | "harledd-ur-brukarnas-svar" | "egna-vikter";

/** Weights of one set for one year: sub-index weights and each active indicator's weight within its sub-index. */
export interface YearWeights {
  subIndex: Record<SubIndexId, number>; // sums to 1
  indicator: Record<string, number>; // within-sub-index weights of active indicators, each sub-index sums to 1
}

export interface WeightSet {
  id: WeightSetId;
  version: string;
  name_sv: string;
  description_sv: string;
  /** Catalogue-level weights (before the per-year normalisation over active indicators). */
  subIndex: Record<SubIndexId, number>;
  indicator: Record<string, number>;
  /** Effective weights per published year (as used for the scores). */
  byYear: Record<string, YearWeights>;
  notes_sv: string[];
}
