// Effective weights: how much of the between-municipality variance of the total each indicator carries.
// The total is T = Σ c_i x̃_i with c_i = sub-index weight × weight within the sub-index (the nominal share
// of the total) and x̃_i the score used (own value, or the national median under "riksmedian"). Then
// var(T) = Σ cov(c_i x̃_i, T), so s_i = cov(c_i x̃_i, T) / var(T) sums to 1 (OECD/JRC Handbook on
// Constructing Composite Indicators, 2008: nominal weights are not importance). An indicator with a
// large spread between municipalities, or one that moves with the others, ranks more than its nominal
// weight says; one where everyone scores alike ranks less.

import type { ColumnWeights } from "./aggregate";
import type { CatalogueEntry } from "./types";

export interface EffectiveWeightRow {
  year: number;
  weight_set: string;
  indicator: string;
  sub_index: string;
  nominal: number; // c_i, share of the total (sums to 1 over the indicators of the year)
  share: number; // share of the between-municipality variance of the total (sums to 1)
}

/**
 * Effective weights over the rows with include[r] = 1 (the ranked municipalities), for one year, weight
 * set and the "riksmedian" rule (missing values at the neutral score, as in the published total).
 */
export function effectiveWeights(
  year: number, weightSet: string, indicators: readonly CatalogueEntry[], score: Float64Array,
  cw: ColumnWeights, include: ArrayLike<number>,
): EffectiveWeightRow[] {
  const nInd = indicators.length;
  const rows = include.length;
  const c = indicators.map((_, i) => cw.sub[cw.subOf[i]] * cw.within[i]);
  const idx: number[] = [];
  for (let r = 0; r < rows; r++) if (include[r]) idx.push(r);
  const n = idx.length;
  // Contributions c_i x̃_i per included row, and their sum T.
  const contrib = indicators.map((_, i) => idx.map((r) => {
    const x = score[r * nInd + i];
    return c[i] * (x === x ? x : cw.neutral[i]);
  }));
  const total = idx.map((_, k) => contrib.reduce((a, col) => a + col[k], 0));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const mT = n > 0 ? mean(total) : 0;
  const varT = n > 1 ? total.reduce((a, t) => a + (t - mT) ** 2, 0) / (n - 1) : 0;
  return indicators.map((e, i) => {
    let share = 0;
    if (varT > 0) {
      const mi = mean(contrib[i]);
      let cov = 0;
      for (let k = 0; k < n; k++) cov += (contrib[i][k] - mi) * (total[k] - mT);
      share = cov / (n - 1) / varT;
    }
    return { year, weight_set: weightSet, indicator: e.id, sub_index: e.subIndex, nominal: c[i], share };
  });
}

export const EFFECTIVE_WEIGHTS_RULE_SV =
  "Den nominella vikten är indikatorns andel av totalen enligt viktuppsättningen. Den effektiva vikten " +
  "är indikatorns andel av skillnaderna i totalindex mellan kommunerna (andel av variansen: " +
  "kovariansen mellan indikatorns bidrag och totalen, delad med totalens varians; andelarna summerar " +
  "till 1 för ett år och en viktuppsättning). En indikator där kommunerna skiljer sig mycket åt, eller " +
  "som följer de andra, avgör mer av rangordningen än den nominella vikten säger; en där nästan alla " +
  "får samma poäng avgör mindre. Beräknat över de rangordnade kommunerna med regeln riksmedianen.";
