// Numbers behind the method page's discussion of debatable choices, computed on one year (the latest
// published) with the default weight set and missing rule. Pure: the model calls this once per run.

import { DEFAULT_MISSING_RULE } from "./missing";
import type { Combo, YearResult } from "./municipalityModel";
import { respondentsWithFallback } from "./municipalityModel";
import { OVERALL_KPI } from "./catalogue";
import { INTERVAL_LEVEL } from "./bootstrap";
import { roundTo } from "./scoring";
import type { CorrelationRow, MonteCarloError } from "./uncertaintyChecks";
import { correlationSensitivity, monteCarloError } from "./uncertaintyChecks";
import type { YearMatrix } from "./yearData";

/** Seeds of the Monte Carlo check (other than the published one) and the correlations tried. */
export const MC_SEEDS = 5;
export const CHECK_CORRELATIONS = [0.3, 0.5, 0.7] as const;
/** "Small" municipality in the top-of-table check: fewer survey respondents than this. */
export const SMALL_RESPONDENTS = 100;

export interface MethodChecks {
  year: number;
  monteCarlo: MonteCarloError | null;
  correlation: CorrelationRow[];
  /** Labels expected off the middle by chance alone if every municipality were truly equal. */
  chance: { n: number; expected_per_tail: number };
  /** Small municipalities (< SMALL_RESPONDENTS respondents) among the top tenth, against their share. */
  smallInTop: { top: number; small_in_top: number; expected: number; threshold: number };
  /** Pearson correlations between indicators across ranked municipalities. */
  correlations: { a: string; b: string; r: number | null }[];
}

function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** Pairs whose correlation the method page discusses (nested questions, response rate). */
const PAIRS: [string, string][] = [["U21466", "U21504"], ["U21467", "U21505"], ["U23593", OVERALL_KPI]];

export function methodChecks(m: YearMatrix, result: YearResult, defaultSet: string, samples: number, seed: number): MethodChecks {
  const c = result.combos.find((x) => x.set.id === defaultSet && x.rule === DEFAULT_MISSING_RULE) as Combo;
  const target = { cw: c.cw, rule: c.rule, ranks: c.ranks, counts: c.counts, n: c.n, low: c.low, high: c.high };
  const seeds = Array.from({ length: MC_SEEDS }, (_, k) => seed + 1 + k);
  const monteCarlo = samples > 0 ? monteCarloError(m.year, result.resample, target, samples, seeds) : null;
  const correlation = samples > 0 ? correlationSensitivity(m.year, result.resample, target, samples, seed, CHECK_CORRELATIONS) : [];
  const tail = (1 - INTERVAL_LEVEL) / 2;
  const { n: respondents } = respondentsWithFallback(m);
  const ranked = Array.from(c.ranks, (rk, r) => ({ rk, r })).filter((x) => x.rk > 0);
  const top = Math.round(c.n / 10);
  const small = (r: number) => m.respondents[r] > 0 && respondents[r] < SMALL_RESPONDENTS;
  const smallShare = ranked.filter((x) => small(x.r)).length / Math.max(1, ranked.length);
  const nInd = m.indicators.length;
  const col = (id: string) => m.indicators.findIndex((e) => e.id === id);
  const correlations = PAIRS.filter(([a, b]) => col(a) >= 0 && col(b) >= 0).map(([a, b]) => {
    const xs: number[] = [], ys: number[] = [];
    for (const { r } of ranked) {
      const x = m.raw[r * nInd + col(a)], y = m.raw[r * nInd + col(b)];
      if (x === x && y === y) { xs.push(x); ys.push(y); }
    }
    const r = pearson(xs, ys);
    return { a, b, r: r === null ? null : roundTo(r, 2) };
  });
  return {
    year: m.year, monteCarlo, correlation,
    chance: { n: c.n, expected_per_tail: roundTo(tail * c.n, 1) },
    smallInTop: {
      top, small_in_top: ranked.filter((x) => x.rk <= top && small(x.r)).length,
      expected: roundTo(smallShare * top, 1), threshold: SMALL_RESPONDENTS,
    },
    correlations,
  };
}
