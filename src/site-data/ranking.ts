// Build-time view of the model's scores for the ranking, start, compare and data pages: one row per
// municipality with the names, län, kommungrupp and size group joined in, per year × weight set ×
// missing rule ("variant"). Pages never compute scores; they read these rows.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { MunicipalityRow, ValueRow } from "../pipeline/tables";
import type { MunicipalityGeo } from "../charts/geo";
import type { ScoreRow } from "../model/outputTables";
import { COVERAGE_LIMIT, DEFAULT_MISSING_RULE } from "../model/missing";
import type { MissingRuleId, WeightSetId } from "../model/types";
import { collator } from "../charts/format";
import { runModel } from "../model";
import { loadBuildData, type BuildData } from "./load";

export const DEFAULT_WEIGHT_SET: WeightSetId = "seniorernas-prioritering";
export { DEFAULT_MISSING_RULE };

/** Weight sets published as pre-rendered variants (the reader's own weights live on /utforska/). */
export const PUBLISHED_WEIGHT_SETS: readonly { id: WeightSetId; label: string; short: string }[] = [
  { id: "seniorernas-prioritering", label: "Seniorernas prioritering", short: "Seniorernas prioritering" },
  { id: "harledd-ur-brukarnas-svar", label: "Härledd ur de äldres svar", short: "Härledd ur de äldres svar" },
];
export const PUBLISHED_MISSING_RULES: readonly { id: MissingRuleId; label: string; short: string }[] = [
  { id: "omviktning", label: "Räkna om vikten", short: "Omviktning" },
  { id: "som-hemtjanstindex", label: "Ge 0 poäng (som Hemtjänstindex)", short: "Saknat värde ger 0" },
];

/** Municipality size groups by population (31 Dec 2022), used for filters and the national picture. */
export const SIZE_GROUPS: readonly { id: string; label: string; min: number; max: number }[] = [
  { id: "1", label: "Under 10 000 invånare", min: 0, max: 9_999 },
  { id: "2", label: "10 000–24 999 invånare", min: 10_000, max: 24_999 },
  { id: "3", label: "25 000–49 999 invånare", min: 25_000, max: 49_999 },
  { id: "4", label: "50 000–99 999 invånare", min: 50_000, max: 99_999 },
  { id: "5", label: "100 000 invånare eller fler", min: 100_000, max: Number.POSITIVE_INFINITY },
];

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
  years: number[];
  latestYear: number;
  variants: Variant[];
  rows(v: Variant): RankingRow[];
  /** Default weight set and missing rule for a year (latest when omitted). */
  defaultRows(year?: number): RankingRow[];
}

/** What load.ts carries once the model's outputs are in data/build (fields optional until then). */
type WithModel = BuildData & { scores?: ScoreRow[]; method?: { version?: string } | null };

let scoresCache: Promise<ScoreRow[]> | null = null;

/**
 * The model's scores: from data/build (scores.parquet via load.ts) when the pipeline has written them,
 * otherwise computed here with the same model code (src/model runModel).
 */
export function loadScores(): Promise<ScoreRow[]> {
  scoresCache ??= (async () => {
    const data = (await loadBuildData()) as WithModel;
    if (data.scores && data.scores.length > 0) return data.scores;
    const { municipalities, values, units, unitValues } = data;
    return runModel({ municipalities, values, units, unitValues }).scores;
  })();
  return scoresCache;
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
      municipalities: data.municipalities, scores, years, latestYear, variants: allVariants(years), rows,
      defaultRows: (year = latestYear) => rows({ year, weightSet: DEFAULT_WEIGHT_SET, missingRule: DEFAULT_MISSING_RULE }),
    };
  })();
  return cached;
}

/** SKR's kommungrupper in their own order (A1 Storstäder … C9), https://skr.se/kommungruppsindelning. */
export const KOMMUNGRUPP_ORDER: readonly string[] = [
  "Storstäder", "Pendlingskommun nära storstad", "Större stad", "Pendlingskommun nära större stad",
  "Lågpendlingskommun nära större stad", "Mindre stad/tätort", "Pendlingskommun nära mindre tätort",
  "Landsbygdskommun, ej nära större stad", "Landsbygdskommun med besöksnäring",
];

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

export interface GroupAverage {
  id: string;
  label: string;
  mean: number | null; // unweighted mean of the municipalities' values
  n: number; // municipalities with a value
  members: number; // municipalities in the group
}

/**
 * One KPI (total gender) in one year averaged over groups of municipalities: every municipality counts
 * once (unweighted), so the figure answers "how does a typical municipality of this kind do".
 */
export function groupAverages(
  values: readonly ValueRow[], municipalities: readonly MunicipalityRow[], kpi: string, year: number,
  groupOf: (m: MunicipalityRow) => { id: string; label: string }, order?: readonly string[],
): GroupAverage[] {
  const byCode = new Map<string, number>();
  for (const v of values) {
    if (v.kpi === kpi && v.year === year && v.gender === "T" && v.value !== null && Number.isFinite(v.value)) byCode.set(v.municipality, v.value);
  }
  const groups = new Map<string, { label: string; sum: number; n: number; members: number }>();
  for (const m of municipalities) {
    const g = groupOf(m);
    let acc = groups.get(g.id);
    if (!acc) groups.set(g.id, (acc = { label: g.label, sum: 0, n: 0, members: 0 }));
    acc.members++;
    const v = byCode.get(m.code);
    if (v !== undefined) { acc.sum += v; acc.n++; }
  }
  const rows = [...groups.entries()].map(([id, a]) => ({ id, label: a.label, mean: a.n ? a.sum / a.n : null, n: a.n, members: a.members }));
  return order
    ? rows.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
    : rows.sort((a, b) => collator.compare(a.label, b.label));
}

/** Latest year with values for a KPI among the municipalities (not Riket). */
export function latestYearOf(values: readonly ValueRow[], kpi: string): number | null {
  let year: number | null = null;
  for (const v of values) if (v.kpi === kpi && v.gender === "T" && v.municipality !== "0000" && v.value !== null && (year === null || v.year > year)) year = v.year;
  return year;
}

export function valueOf(values: readonly ValueRow[], kpi: string, year: number, code: string): number | null {
  return values.find((v) => v.kpi === kpi && v.year === year && v.municipality === code && v.gender === "T")?.value ?? null;
}
