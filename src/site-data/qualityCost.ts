// Quality against cost (issue 18, /kvalitet-och-kostnad/): the total index (default weights and missing
// rule; derived) beside the cost of home care per inhabitant 80+ (Kolada N21024, raw: "Källa: Kolada"),
// per published year. Municipalities below the coverage limit get no index here (their result is only
// indicative) and are left out of the correlation. Pure; the loader at the end reads data/build.
import type { MunicipalityRow, ValueRow } from "../pipeline/tables";
import type { ScoreRow } from "../model/outputTables";
import { correlationWords, pearson } from "../model/correlation";
import { formatNumber, formatInt } from "../charts/format";

export const COST_KPI = "N21024";

export interface QualityCostRow {
  code: string;
  name: string;
  year: number;
  /** Total index; null below the coverage limit or without data. */
  total: number | null;
  /** Kronor per inhabitant 80+, as Kolada publishes it. */
  cost: number | null;
}

export function qualityCostRows(
  scores: readonly ScoreRow[], values: readonly ValueRow[], municipalities: readonly MunicipalityRow[], years: readonly number[],
  weightSet: string, missingRule: string, coverageLimit: number,
): QualityCostRow[] {
  const wanted = new Set(years);
  const total = new Map<string, number | null>();
  for (const s of scores) {
    if (!wanted.has(s.year) || s.weight_set !== weightSet || s.missing_rule !== missingRule) continue;
    total.set(`${s.year}|${s.municipality}`, s.coverage >= coverageLimit ? s.total : null);
  }
  const cost = new Map<string, number>();
  for (const v of values) {
    if (v.kpi === COST_KPI && v.gender === "T" && wanted.has(v.year) && v.value !== null && Number.isFinite(v.value)) cost.set(`${v.year}|${v.municipality}`, v.value);
  }
  const sortedMunicipalities = [...municipalities].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return [...years].sort((a, b) => a - b).flatMap((year) => sortedMunicipalities.map((m) => ({
    code: m.code, name: m.name, year, total: total.get(`${year}|${m.code}`) ?? null, cost: cost.get(`${year}|${m.code}`) ?? null,
  })));
}

export interface QualityCostSummary { year: number; n: number; r: number | null; words: string }

/** The correlation of one year in words, for people. */
export function qualityCostSummary(rows: readonly QualityCostRow[], year: number): QualityCostSummary {
  const ofYear = rows.filter((r) => r.year === year);
  const c = pearson(ofYear.map((r) => r.total), ofYear.map((r) => r.cost));
  if (!c) return { year, n: 0, r: null, words: `För ${year} finns för få kommuner med både index och kostnad för att säga något om sambandet.` };
  const strength = correlationWords(c.r);
  const rText = `r = ${formatNumber(c.r, 2)}`;
  const words = strength === "inget"
    ? `${year} fanns inget samband mellan kostnad och kvalitet bland de ${formatInt(c.n)} kommunerna (${rText}): kommuner som lägger mer per invånare 80+ på hemtjänst får varken högre eller lägre index.`
    : `${year} fanns ett ${strength} ${c.r > 0 ? "positivt" : "negativt"} samband mellan kostnad och kvalitet bland de ${formatInt(c.n)} kommunerna (${rText}): ` +
      `kommuner som lägger mer per invånare 80+ på hemtjänst får i genomsnitt ${strength === "starkt" ? "" : "något "}${c.r > 0 ? "högre" : "lägre"} index, men spridningen är stor.`;
  return { year, n: c.n, r: c.r, words };
}

export const QUALITY_COST_CSV_HEADER = ["kommunkod", "kommun", "ar", "totalindex", "kostnad_kr_per_inv_80"] as const;
