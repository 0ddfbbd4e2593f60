// Turns the long `values` rows into one dense matrix per year (municipality × active indicator),
// the shape every later step (aggregation, ranking, bootstrap) works on.

import type { ValueRow } from "../pipeline/tables";
import { CATALOGUE, RESPONDENTS_KPI } from "./catalogue";
import { activeIndicators } from "./missing";
import { scoreIndicator } from "./scoring";
import type { CatalogueEntry } from "./types";

export const RIKET_CODE = "0000";

/** kpi → year → municipality → value (null kept: a row that says "no value"). */
export type ValueIndex = Map<string, Map<number, Map<string, number | null>>>;

const USED_KPIS = new Set<string>([...CATALOGUE.map((e) => e.kpi), RESPONDENTS_KPI]);

/** Index the total-gender values of the KPIs the model uses. Conflicting duplicates are an error. */
export function indexValues(values: readonly ValueRow[]): ValueIndex {
  const index: ValueIndex = new Map();
  for (const row of values) {
    if (row.gender !== "T" || !USED_KPIS.has(row.kpi)) continue;
    const value = row.value === null || !Number.isFinite(row.value) ? null : row.value;
    let byYear = index.get(row.kpi);
    if (!byYear) index.set(row.kpi, (byYear = new Map()));
    let byCode = byYear.get(row.year);
    if (!byCode) byYear.set(row.year, (byCode = new Map()));
    if (byCode.has(row.municipality)) {
      const prev = byCode.get(row.municipality) ?? null;
      if (prev !== value) {
        throw new Error(`values: conflicting duplicate rows for kpi ${row.kpi}, municipality ` +
          `${row.municipality}, year ${row.year}, gender T (${prev} and ${value})`);
      }
      continue;
    }
    byCode.set(row.municipality, value);
  }
  return index;
}

export function lookup(index: ValueIndex, kpi: string, year: number, code: string): number | null {
  return index.get(kpi)?.get(year)?.get(code) ?? null;
}

/** All years in which any catalogue KPI has a value, ascending. */
export function yearsWithData(index: ValueIndex): number[] {
  const years = new Set<number>();
  for (const e of CATALOGUE) for (const y of index.get(e.kpi)?.keys() ?? []) years.add(y);
  return [...years].sort((a, b) => a - b);
}

export interface YearMatrix {
  year: number;
  codes: string[]; // municipalities in ascending code order; rows of the matrices
  indicators: CatalogueEntry[]; // active indicators, in catalogue order; columns
  raw: Float64Array; // codes.length × indicators.length, NaN = missing
  score: Float64Array; // same shape, 0–100, NaN = missing
  respondents: Float64Array; // U23592 per municipality, NaN = missing
  neutral: Float64Array; // per indicator: the median score of the municipalities with a value (see medianScores)
}

/**
 * The neutral score of each column: the median of the rows' scores that are present (the mean of the
 * two middle values for an even count; NaN when no row has a value). A missing value scored at the
 * median neither lifts nor sinks a row against the others on that indicator.
 */
export function medianScores(score: Float64Array, rows: number, nInd: number): Float64Array {
  const out = new Float64Array(nInd).fill(NaN);
  for (let i = 0; i < nInd; i++) {
    const xs: number[] = [];
    for (let r = 0; r < rows; r++) {
      const x = score[r * nInd + i];
      if (x === x) xs.push(x);
    }
    if (xs.length === 0) continue;
    xs.sort((a, b) => a - b);
    const h = xs.length >> 1;
    out[i] = xs.length % 2 ? xs[h] : (xs[h - 1] + xs[h]) / 2;
  }
  return out;
}

/** Build the matrix of one year for the given codes (municipalities, or Riket alone). */
export function buildYearMatrix(
  index: ValueIndex, year: number, codes: readonly string[], indicators: readonly CatalogueEntry[],
): YearMatrix {
  const nInd = indicators.length;
  const raw = new Float64Array(codes.length * nInd).fill(NaN);
  const score = new Float64Array(codes.length * nInd).fill(NaN);
  const respondents = new Float64Array(codes.length).fill(NaN);
  codes.forEach((code, r) => {
    indicators.forEach((entry, i) => {
      const v = lookup(index, entry.kpi, year, code);
      if (v === null) return;
      raw[r * nInd + i] = v;
      score[r * nInd + i] = scoreIndicator(entry, v);
    });
    const n = lookup(index, RESPONDENTS_KPI, year, code);
    if (n !== null && n > 0) respondents[r] = n;
  });
  const neutral = medianScores(score, codes.length, nInd);
  return { year, codes: [...codes], indicators: [...indicators], raw, score, respondents, neutral };
}

/** Convenience: the active indicators and the matrix of one year. */
export function prepareYear(index: ValueIndex, year: number, codes: readonly string[]): YearMatrix {
  return buildYearMatrix(index, year, codes, activeIndicators(index, year, codes));
}

/**
 * Riket's reference row: Kolada's national value where there is one, otherwise (continuity, welfare
 * technology) the unweighted mean of the municipalities' values, so that Riket has every indicator.
 */
export function fillRiketGaps(riket: YearMatrix, municipalities: YearMatrix): YearMatrix {
  const nInd = riket.indicators.length;
  const raw = Float64Array.from(riket.raw), score = Float64Array.from(riket.score);
  riket.indicators.forEach((entry, i) => {
    if (raw[i] === raw[i]) return;
    let sum = 0, n = 0;
    for (let r = 0; r < municipalities.codes.length; r++) {
      const v = municipalities.raw[r * nInd + i];
      if (v === v) { sum += v; n++; }
    }
    if (n === 0) return;
    raw[i] = sum / n;
    score[i] = scoreIndicator(entry, raw[i]);
  });
  return { ...riket, raw, score, neutral: municipalities.neutral }; // Riket is filled against the municipalities' medians
}
