// Build-time view of the model's scores for the ranking, start, compare and data pages: one row per
// municipality with the names, län, kommungrupp and size group joined in, per year × weight set ×
// missing rule ("variant"). Pages never compute scores; they read these rows.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { MunicipalityRow, ValueRow } from "../pipeline/tables";
import type { MunicipalityGeo } from "../charts/geo";
import type { RankChangeRow, ScoreRow } from "../model/outputTables";
import { COVERAGE_LIMIT, DEFAULT_MISSING_RULE } from "../model/missing";
import type { MissingRuleId, WeightSetId } from "../model/types";
import { collator } from "../charts/format";
import { KOMMUNGRUPP_ORDER, SIZE_GROUPS as CHART_SIZE_GROUPS } from "../charts/groupComparisonChart";
import { loadBuildData } from "./load";

export const DEFAULT_WEIGHT_SET: WeightSetId = "seniorernas-prioritering";
export { DEFAULT_MISSING_RULE };

/** Weight sets published as pre-rendered variants (the reader's own weights live on /utforska/). */
export const PUBLISHED_WEIGHT_SETS: readonly { id: WeightSetId; label: string; short: string }[] = [
  { id: "seniorernas-prioritering", label: "Seniorernas prioritering", short: "Seniorernas prioritering" },
  { id: "harledd-ur-brukarnas-svar", label: "Härledd ur de äldres svar", short: "Härledd ur de äldres svar" },
];
export const PUBLISHED_MISSING_RULES: readonly { id: MissingRuleId; label: string; short: string }[] = [
  { id: "riksmedian", label: "Ge riksmedianen (neutralt)", short: "Saknat värde ger riksmedianen" },
  { id: "som-hemtjanstindex", label: "Ge 0 poäng (som Hemtjänstindex)", short: "Saknat värde ger 0" },
];

/** Municipality size groups by population (31 Dec 2022): the charts' definition, with ids for filters. */
export const SIZE_GROUPS: readonly { id: string; label: string; min: number; max: number }[] = CHART_SIZE_GROUPS.map((g, i) => ({
  id: String(i + 1), label: g.label, min: g.min, max: (CHART_SIZE_GROUPS[i + 1]?.min ?? Number.POSITIVE_INFINITY) - 1,
}));

export function sizeGroupOf(population: number): (typeof SIZE_GROUPS)[number] {
  return SIZE_GROUPS.find((g) => population >= g.min && population <= g.max) ?? SIZE_GROUPS[0];
}

export interface Variant {
  year: number;
  weightSet: WeightSetId;
  missingRule: MissingRuleId;
}

export interface RankingRow {
  code: string;
  name: string;
  countyCode: string;
  county: string;
  kommungruppId: string;
  kommungrupp: string;
  sizeGroup: string; // SIZE_GROUPS id
  population: number;
  rank: number | null;
  nRanked: number;
  total: number | null;
  information: number | null;
  bistandshandlaggning: number | null;
  utforande: number | null;
  stod_utveckling: number | null;
  group: string | null;
  coverage: number;
  lowCoverage: boolean;
  flags: string[];
  rankLow: number | null;
  rankHigh: number | null;
}

export function variantKey(v: Variant): string {
  return `${v.year}|${v.weightSet}|${v.missingRule}`;
}

/** Rows of one variant joined with the municipality table, in rank order (unranked last, by name). */
export function rankingRows(scores: readonly ScoreRow[], municipalities: readonly MunicipalityRow[], v: Variant): RankingRow[] {
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const rows: RankingRow[] = [];
  for (const s of scores) {
    if (s.year !== v.year || s.weight_set !== v.weightSet || s.missing_rule !== v.missingRule) continue;
    const m = byCode.get(s.municipality);
    if (!m) continue; // "0000" Riket and anything not in the reference table
    rows.push({
      code: m.code, name: m.name, countyCode: m.county_code, county: m.county,
      kommungruppId: m.kommungrupp_id, kommungrupp: m.kommungrupp,
      sizeGroup: sizeGroupOf(m.population).id, population: m.population,
      rank: s.rank, nRanked: s.n_ranked, total: s.total,
      information: s.information, bistandshandlaggning: s.bistandshandlaggning, utforande: s.utforande,
      stod_utveckling: s.stod_utveckling, group: s.group, coverage: s.coverage,
      lowCoverage: s.coverage < COVERAGE_LIMIT, flags: s.flags ? s.flags.split(";").filter(Boolean) : [],
      rankLow: s.rank_low, rankHigh: s.rank_high,
    });
  }
  return sortByRank(rows);
}

export function sortByRank<R extends { rank: number | null; name: string }>(rows: R[]): R[] {
  return rows.sort((a, b) => {
    if (a.rank === null || b.rank === null) return a.rank === b.rank ? collator.compare(a.name, b.name) : a.rank === null ? 1 : -1;
    return a.rank - b.rank || collator.compare(a.name, b.name);
  });
}

/** The national reference row ("0000" Riket) of a variant, when the model published one. */
export function nationalRow(scores: readonly ScoreRow[], v: Variant): ScoreRow | undefined {
  return scores.find((s) => s.municipality === "0000" && s.year === v.year && s.weight_set === v.weightSet && s.missing_rule === v.missingRule);
}

export function publishedYears(scores: readonly ScoreRow[]): number[] {
  return [...new Set(scores.filter((s) => s.weight_set === DEFAULT_WEIGHT_SET).map((s) => s.year))].sort((a, b) => a - b);
}

/** Every pre-rendered variant: published years × published weight sets × missing rules. */
export function allVariants(years: readonly number[]): Variant[] {
  return years.flatMap((year) => PUBLISHED_WEIGHT_SETS.flatMap((w) =>
    PUBLISHED_MISSING_RULES.map((r) => ({ year, weightSet: w.id, missingRule: r.id }))));
}

export function isDefaultVariant(v: Variant, latestYear: number): boolean {
  return v.year === latestYear && v.weightSet === DEFAULT_WEIGHT_SET && v.missingRule === DEFAULT_MISSING_RULE;
}

/** URL of a variant's ranking page; the default variant is /rankning/ itself. */
export function variantPath(v: Variant, latestYear: number): string {
  return isDefaultVariant(v, latestYear) ? "/rankning/" : `/rankning/${v.year}/${v.weightSet}/${v.missingRule}/`;
}

export interface SiteRanking {
  municipalities: MunicipalityRow[];
  scores: ScoreRow[];
  /** Rank changes between pairs of published years, on the indicators both years have (rank_changes.parquet). */
  rankChanges: RankChangeRow[];
  years: number[];
  latestYear: number;
  variants: Variant[];
  rows(v: Variant): RankingRow[];
  /** Default weight set and missing rule for a year (latest when omitted). */
  defaultRows(year?: number): RankingRow[];
}

/** The model's scores, as the pipeline wrote them to data/build/scores.parquet (via load.ts). */
export async function loadScores(): Promise<ScoreRow[]> {
  return (await loadBuildData()).scores;
}

let cached: Promise<SiteRanking> | null = null;

/** Loaded once per build. */
export function loadRanking(): Promise<SiteRanking> {
  cached ??= (async () => {
    const data = await loadBuildData();
    const scores = await loadScores();
    const years = publishedYears(scores);
    if (years.length === 0) throw new Error("site-data/ranking: the model published no year (scores are empty)");
    const latestYear = years[years.length - 1];
    const memo = new Map<string, RankingRow[]>();
    const rows = (v: Variant) => {
      const key = variantKey(v);
      let r = memo.get(key);
      if (!r) memo.set(key, (r = rankingRows(scores, data.municipalities, v)));
      return r;
    };
    return {
      municipalities: data.municipalities, scores, rankChanges: data.rankChanges, years, latestYear, variants: allVariants(years), rows,
      defaultRows: (year = latestYear) => rows({ year, weightSet: DEFAULT_WEIGHT_SET, missingRule: DEFAULT_MISSING_RULE }),
    };
  })();
  return cached;
}

export { KOMMUNGRUPP_ORDER };

/** Compare kommungrupp titles in SKR's order (unknown titles last, alphabetically). */
export function compareKommungrupp(a: string, b: string): number {
  const i = KOMMUNGRUPP_ORDER.indexOf(a);
  const j = KOMMUNGRUPP_ORDER.indexOf(b);
  if (i >= 0 && j >= 0) return i - j;
  if (i >= 0 || j >= 0) return i >= 0 ? -1 : 1;
  return collator.compare(a, b);
}

/** The map file (SCB boundaries, CC0), prepared by scripts/make-geo.ts. */
export function loadMapGeo(root = process.cwd()): MunicipalityGeo {
  return JSON.parse(readFileSync(path.join(root, "data", "reference", "kommuner.geo.json"), "utf8")) as MunicipalityGeo;
}

/** Latest year with values for a KPI among the municipalities (not Riket). */
export function latestYearOf(values: readonly ValueRow[], kpi: string): number | null {
  let year: number | null = null;
  for (const v of values) if (v.kpi === kpi && v.gender === "T" && v.municipality !== "0000" && v.value !== null && (year === null || v.year > year)) year = v.year;
  return year;
}


/** Indicators shown on the compare page (raw values of the latest published year). */
export const COMPARE_INDICATORS: readonly string[] = [
  "U21468", "U21461", "U21466", "U21467", "U21477", "U21475", "U21462", "U21465", "U21401", "U23593",
];

export interface CompareIndicator { kpi: string; name: string; unit: "share" | "count"; lowerIsBetter: boolean }

export interface CompareMunicipality {
  code: string;
  name: string;
  county: string;
  kommungrupp: string;
  population: number;
  peers: string[];
  rank: number | null;
  nRanked: number;
  total: number | null;
  sub: (number | null)[]; // information, bistandshandlaggning, utforande, stod_utveckling
  group: string | null;
  coverage: number;
  lowCoverage: boolean;
  rankLow: number | null;
  rankHigh: number | null;
  values: (number | null)[]; // COMPARE_INDICATORS order
}

export interface CompareData {
  year: number;
  indicators: CompareIndicator[];
  national: { total: number | null; sub: (number | null)[]; values: (number | null)[] };
  municipalities: CompareMunicipality[]; // Swedish alphabetical order
}

/** Compact data for /jamfor/ (default weights and missing rule, latest published year). */
export async function compareData(): Promise<CompareData> {
  const { CATALOGUE } = await import("../model/catalogue");
  const data = await loadBuildData();
  const ranking = await loadRanking();
  const year = ranking.latestYear;
  const variant = { year, weightSet: DEFAULT_WEIGHT_SET, missingRule: DEFAULT_MISSING_RULE };
  const indicators = COMPARE_INDICATORS.map((kpi) => {
    const e = CATALOGUE.find((c) => c.kpi === kpi);
    if (!e) throw new Error(`site-data/ranking: compare indicator ${kpi} is not in the model catalogue`);
    return { kpi, name: e.name_sv, unit: e.rule.kind === "andel" ? "share" : "count", lowerIsBetter: e.direction === "lagre_battre" } as CompareIndicator;
  });
  const wanted = new Set(COMPARE_INDICATORS);
  const valueMap = new Map<string, number | null>();
  for (const v of data.values) {
    if (v.year === year && v.gender === "T" && wanted.has(v.kpi)) valueMap.set(`${v.municipality}|${v.kpi}`, v.value);
  }
  const valuesFor = (code: string) => COMPARE_INDICATORS.map((kpi) => valueMap.get(`${code}|${kpi}`) ?? null);
  const byCode = new Map(data.municipalities.map((m) => [m.code, m]));
  const riket = nationalRow(ranking.scores, variant);
  const municipalities = ranking.rows(variant).map((r) => ({
    code: r.code, name: r.name, county: r.county, kommungrupp: r.kommungrupp, population: r.population,
    peers: (byCode.get(r.code)?.peers ?? "").split(";").filter(Boolean),
    rank: r.rank, nRanked: r.nRanked, total: r.total,
    sub: [r.information, r.bistandshandlaggning, r.utforande, r.stod_utveckling],
    group: r.group, coverage: r.coverage, lowCoverage: r.lowCoverage, rankLow: r.rankLow, rankHigh: r.rankHigh,
    values: valuesFor(r.code),
  })).sort((a, b) => collator.compare(a.name, b.name));
  return {
    year, indicators,
    national: {
      total: riket?.total ?? null,
      sub: riket ? [riket.information, riket.bistandshandlaggning, riket.utforande, riket.stod_utveckling] : [null, null, null, null],
      values: valuesFor("0000"),
    },
    municipalities,
  };
}
