// Output rows of the model and their Parquet column specs (same contract style as
// src/pipeline/tables.ts). Scores are rounded to one decimal, coverage to three; strings hold ids.

import type { ColumnSpec, TableSpec } from "../pipeline/tables";

/** scores.parquet: one row per year × municipality (and "0000" Riket, not ranked) × weight set × missing rule. */
export interface ScoreRow {
  year: number;
  municipality: string; // 4-character code; "0000" = Riket (reference row, never ranked)
  weight_set: string; // "seniorernas-prioritering" | "harledd-ur-brukarnas-svar" | "egna-vikter"
  missing_rule: string; // "riksmedian" | "som-hemtjanstindex"
  information: number | null; // sub-index scores 0–100, one decimal; null when the sub-index has no value of its own
  bistandshandlaggning: number | null;
  utforande: number | null;
  stod_utveckling: number | null;
  total: number | null; // 0–100, one decimal; ranks are computed on this rounded value. null = no data or
  //   coverage below the limit (flag "lag_tackning": only the sub-indices are published)
  rank: number | null; // 1..n_ranked, ties share the best rank; null = no data or coverage below the limit
  rank_low: number | null; // 90 % interval of the rank (best end)
  rank_high: number | null; // 90 % interval of the rank (worst end)
  n_ranked: number; // municipalities forming the ranking (total and coverage ≥ limit) in this year/set/rule
  group: string | null; // "högt" | "över medel" | "nära medel" | "under medel" | "lågt"; null if not ranked
  coverage: number; // share of weight resting on actual values, 0..1, three decimals
  flags: string; // ";"-separated codes, "" when none (see FLAGS_SV in method.ts)
  missing_indicators: string; // ";"-separated ids of the indicators in use that year without a value, "" when none
  indistinguishable: string | null; // ";"-separated codes that cannot be told apart (default set + rule,
  //   municipalities in the ranking only; null elsewhere and without bootstrap)
  rank_shift_weight_set: number | null; // rank here − rank with the default weight set (same rule); null unless ranked in both
  rank_shift_missing_rule: number | null; // rank here − rank with the other missing rule (same set)
}

/** unit_scores.parquet: one row per year × unit × weight set × missing rule. Ranks are within the municipality. */
export interface UnitScoreRow {
  year: number;
  unit_id: string;
  municipality: string;
  weight_set: string;
  missing_rule: string;
  information: number | null;
  bistandshandlaggning: number | null;
  utforande: number | null;
  stod_utveckling: number | null;
  total: number | null;
  respondents: number | null; // survey respondents of the unit (overall satisfaction item, else the largest)
  rank: number | null; // within the municipality; null when < 30 respondents or no data
  rank_low: number | null;
  rank_high: number | null;
  n_ranked: number; // ranked units in the municipality
  coverage: number;
  flags: string; // e.g. "fa_svarande;exempeldata"
  synthetic: boolean;
}

/** indicator_scores.parquet: one row per year × municipality × indicator in use that year. */
export interface IndicatorScoreRow {
  year: number;
  municipality: string; // incl. "0000" Riket
  indicator: string; // catalogue id (= KPI id)
  sub_index: string;
  value: number | null; // raw value as published by the source
  score: number | null; // 0–100, one decimal; null when missing
  missing: boolean; // true: no value (national median under "riksmedian", 0 under "som-hemtjanstindex")
  weight_in_sub_index: number; // default set, before a municipality's own re-weighting
  weight: number; // default set: sub-index weight × weight in sub-index (share of the total)
  weight_in_sub_index_derived: number; // "harledd-ur-brukarnas-svar"
  weight_derived: number;
  unit_count: number; // units with ≥ 30 respondents and a value (0 for municipality-wide indicators)
  unit_min: number | null; // lowest unit score among them
  unit_max: number | null; // highest unit score
  unit_spread: number | null; // unit_max − unit_min (needs ≥ 2 units)
}

/**
 * rank_changes.parquet: one row per pair of published years (earlier → later) × municipality × weight
 * set × missing rule. Both years are scored on the indicators both have (src/model/rankChanges.ts), so
 * the ranks here can differ from each year's published rank when the indicator set changed.
 */
export interface RankChangeRow {
  from_year: number;
  to_year: number;
  municipality: string;
  weight_set: string;
  missing_rule: string;
  rank_from: number | null; // on the common indicators; null = not ranked (low coverage, no data)
  rank_low_from: number | null; // 90 % interval, best end
  rank_high_from: number | null; // 90 % interval, worst end
  total_from: number | null;
  rank_to: number | null;
  rank_low_to: number | null;
  rank_high_to: number | null;
  total_to: number | null;
  n_ranked_from: number;
  n_ranked_to: number;
  places: number | null; // rank_from − rank_to: positive = better; null unless ranked both years
  verdict: string; // "steg" | "föll" | "oförändrad" | "saknas" (the change rule)
  certain: boolean; // the two intervals do not overlap
  indicators: string; // ";"-separated ids of the common indicators compared
  same_indicators: boolean; // both years had exactly these indicators (ranks = published ranks)
}

/** The four sub-index scores and the total, shared by municipality and unit scores. */
const SCORE_COLUMNS: ColumnSpec[] = [
    { name: "information", type: "DOUBLE", nullable: true },
    { name: "bistandshandlaggning", type: "DOUBLE", nullable: true },
    { name: "utforande", type: "DOUBLE", nullable: true },
    { name: "stod_utveckling", type: "DOUBLE", nullable: true },
    { name: "total", type: "DOUBLE", nullable: true },
];
/** Rank, its 90 % interval and how many were ranked. */
const RANK_COLUMNS: ColumnSpec[] = [
    { name: "rank", type: "SMALLINT", nullable: true },
    { name: "rank_low", type: "SMALLINT", nullable: true },
    { name: "rank_high", type: "SMALLINT", nullable: true },
    { name: "n_ranked", type: "SMALLINT" },
];

export const scoresTable: TableSpec<ScoreRow> = {
  name: "scores",
  columns: [
    { name: "year", type: "SMALLINT" },
    { name: "municipality", type: "VARCHAR" },
    { name: "weight_set", type: "VARCHAR" },
    { name: "missing_rule", type: "VARCHAR" },
    ...SCORE_COLUMNS,
    ...RANK_COLUMNS,
    { name: "group", type: "VARCHAR", nullable: true },
    { name: "coverage", type: "DOUBLE" },
    { name: "flags", type: "VARCHAR" },
    { name: "missing_indicators", type: "VARCHAR" },
    { name: "indistinguishable", type: "VARCHAR", nullable: true },
    { name: "rank_shift_weight_set", type: "SMALLINT", nullable: true },
    { name: "rank_shift_missing_rule", type: "SMALLINT", nullable: true },
  ],
  key: ["year", "municipality", "weight_set", "missing_rule"],
};

export const unitScoresTable: TableSpec<UnitScoreRow> = {
  name: "unit_scores",
  columns: [
    { name: "year", type: "SMALLINT" },
    { name: "unit_id", type: "VARCHAR" },
    { name: "municipality", type: "VARCHAR" },
    { name: "weight_set", type: "VARCHAR" },
    { name: "missing_rule", type: "VARCHAR" },
    ...SCORE_COLUMNS,
    { name: "respondents", type: "INTEGER", nullable: true },
    ...RANK_COLUMNS,
    { name: "coverage", type: "DOUBLE" },
    { name: "flags", type: "VARCHAR" },
    { name: "synthetic", type: "BOOLEAN" },
  ],
  key: ["year", "unit_id", "weight_set", "missing_rule"],
};

export const indicatorScoresTable: TableSpec<IndicatorScoreRow> = {
  name: "indicator_scores",
  columns: [
    { name: "year", type: "SMALLINT" },
    { name: "municipality", type: "VARCHAR" },
    { name: "indicator", type: "VARCHAR" },
    { name: "sub_index", type: "VARCHAR" },
    { name: "value", type: "DOUBLE", nullable: true },
    { name: "score", type: "DOUBLE", nullable: true },
    { name: "missing", type: "BOOLEAN" },
    { name: "weight_in_sub_index", type: "DOUBLE" },
    { name: "weight", type: "DOUBLE" },
    { name: "weight_in_sub_index_derived", type: "DOUBLE" },
    { name: "weight_derived", type: "DOUBLE" },
    { name: "unit_count", type: "SMALLINT" },
    { name: "unit_min", type: "DOUBLE", nullable: true },
    { name: "unit_max", type: "DOUBLE", nullable: true },
    { name: "unit_spread", type: "DOUBLE", nullable: true },
  ],
  key: ["year", "municipality", "indicator"],
};

export const rankChangesTable: TableSpec<RankChangeRow> = {
  name: "rank_changes",
  columns: [
    { name: "from_year", type: "SMALLINT" },
    { name: "to_year", type: "SMALLINT" },
    { name: "municipality", type: "VARCHAR" },
    { name: "weight_set", type: "VARCHAR" },
    { name: "missing_rule", type: "VARCHAR" },
    { name: "rank_from", type: "SMALLINT", nullable: true },
    { name: "rank_low_from", type: "SMALLINT", nullable: true },
    { name: "rank_high_from", type: "SMALLINT", nullable: true },
    { name: "total_from", type: "DOUBLE", nullable: true },
    { name: "rank_to", type: "SMALLINT", nullable: true },
    { name: "rank_low_to", type: "SMALLINT", nullable: true },
    { name: "rank_high_to", type: "SMALLINT", nullable: true },
    { name: "total_to", type: "DOUBLE", nullable: true },
    { name: "n_ranked_from", type: "SMALLINT" },
    { name: "n_ranked_to", type: "SMALLINT" },
    { name: "places", type: "SMALLINT", nullable: true },
    { name: "verdict", type: "VARCHAR" },
    { name: "certain", type: "BOOLEAN" },
    { name: "indicators", type: "VARCHAR" },
    { name: "same_indicators", type: "BOOLEAN" },
  ],
  key: ["from_year", "to_year", "municipality", "weight_set", "missing_rule"],
};

export const MODEL_TABLES = [scoresTable, unitScoresTable, indicatorScoresTable, rankChangesTable] as const;

/** Swedish descriptions of every output column (method page, data page, CSV/XLSX downloads). */
export const COLUMNS_SV: Record<string, Record<string, string>> = {
  scores: {
    year: "År", municipality: "Kommunkod (0000 = riket)", weight_set: "Viktuppsättning",
    missing_rule: "Regel för saknade värden", information: "Delindex Information (0–100)",
    bistandshandlaggning: "Delindex Biståndshandläggning (0–100)", utforande: "Delindex Utförande (0–100)",
    stod_utveckling: "Delindex Stöd och utveckling (0–100)", total: "Index totalt (0–100)",
    rank: "Placering (lika värden delar placering)", rank_low: "Osäkerhetsintervall 90 %, bästa placering",
    rank_high: "Osäkerhetsintervall 90 %, sämsta placering", n_ranked: "Antal kommuner i rangordningen",
    group: "Resultatgrupp", coverage: "Täckning: andel av vikten som vilar på faktiska värden (0–1)",
    flags: "Flaggor (se metodsidan)",
    missing_indicators: "Indikatorer som saknas för kommunen det året (Koladas KPI-id, semikolonseparerade)",
    indistinguishable: "Kommuner som inte kan skiljas från denna",
    rank_shift_weight_set: "Flytt i placering jämfört med standardvikterna",
    rank_shift_missing_rule: "Flytt i placering jämfört med den andra regeln för saknade värden",
  },
  unit_scores: {
    year: "År", unit_id: "Enhetens id", municipality: "Kommunkod", weight_set: "Viktuppsättning",
    missing_rule: "Regel för saknade värden", information: "Delindex Information (0–100)",
    bistandshandlaggning: "Delindex Biståndshandläggning (0–100)", utforande: "Delindex Utförande (0–100)",
    stod_utveckling: "Delindex Stöd och utveckling (0–100)", total: "Index totalt (0–100)",
    respondents: "Antal svarande", rank: "Placering inom kommunen", rank_low: "Osäkerhetsintervall 90 %, bästa placering",
    rank_high: "Osäkerhetsintervall 90 %, sämsta placering", n_ranked: "Antal rangordnade enheter i kommunen",
    coverage: "Täckning (0–1)", flags: "Flaggor (se metodsidan)", synthetic: "Exempeldata (påhittad enhet)",
  },
  rank_changes: {
    from_year: "Från år", to_year: "Till år", municipality: "Kommunkod", weight_set: "Viktuppsättning",
    missing_rule: "Regel för saknade värden",
    rank_from: "Placering första året, räknad på indikatorerna som finns båda åren",
    rank_low_from: "Osäkerhetsintervall 90 % första året, bästa placering",
    rank_high_from: "Osäkerhetsintervall 90 % första året, sämsta placering",
    total_from: "Index första året på de gemensamma indikatorerna (0–100)",
    rank_to: "Placering andra året, räknad på indikatorerna som finns båda åren",
    rank_low_to: "Osäkerhetsintervall 90 % andra året, bästa placering",
    rank_high_to: "Osäkerhetsintervall 90 % andra året, sämsta placering",
    total_to: "Index andra året på de gemensamma indikatorerna (0–100)",
    n_ranked_from: "Antal rangordnade kommuner första året", n_ranked_to: "Antal rangordnade kommuner andra året",
    places: "Förändring i placeringar (positivt = bättre)",
    verdict: "steg, föll, oförändrad (intervallen överlappar) eller saknas",
    certain: "Säkerställd: årens intervall överlappar inte",
    indicators: "Indikatorerna som jämförs (Koladas KPI-id, semikolonseparerade)",
    same_indicators: "Sant när båda åren hade exakt dessa indikatorer (placeringarna är då de publicerade)",
  },
  indicator_scores: {
    year: "År", municipality: "Kommunkod (0000 = riket)", indicator: "Indikator (Koladas KPI-id)",
    sub_index: "Delindex", value: "Värde från källan", score: "Poäng (0–100)", missing: "Värde saknas",
    weight_in_sub_index: "Vikt inom delindexet (standardvikter)", weight: "Vikt i totalen (standardvikter)",
    weight_in_sub_index_derived: "Vikt inom delindexet (härledd ur brukarnas svar)",
    weight_derived: "Vikt i totalen (härledd ur brukarnas svar)",
    unit_count: "Antal enheter med minst 30 svarande", unit_min: "Lägsta enhetspoäng", unit_max: "Högsta enhetspoäng",
    unit_spread: "Skillnad mellan bästa och sämsta enhet (poäng)",
  },
};
