// Relative importance of survey items for overall satisfaction (U21468), by Johnson's relative
// weights: Johnson, J. W. (2000), "A heuristic method for estimating the relative weight of predictor
// variables in multiple regression", Multivariate Behavioral Research 35(1), 1–19.
// The raw weights split the model R² between correlated predictors and sum to R².

export interface RelativeImportanceItem {
  kpi: string;
  raw: number; // share of variance in satisfaction explained by this item (sums to r2)
  share: number; // raw / r2 (sums to 1)
}

export interface RelativeImportanceResult {
  year: number;
  outcome: string; // "U21468"
  method: "johnson-relative-weights";
  n: number; // municipalities with every item and the outcome
  r2: number;
  items: RelativeImportanceItem[];
}

/** Eigen-decomposition of a symmetric matrix (cyclic Jacobi). Returns values and column vectors. */
export function symmetricEigen(a: number[][]): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const m = a.map((row) => [...row]);
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += m[i][j] * m[i][j];
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(m[p][q]) < 1e-300) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k][p], mkq = m[k][q];
          m[k][p] = c * mkp - s * mkq;
          m[k][q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p][k], mqk = m[q][k];
          m[p][k] = c * mpk - s * mqk;
          m[q][k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: m.map((row, i) => row[i]), vectors: v };
}

function standardise(xs: number[]): number[] {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return xs.map((x) => (sd > 0 ? (x - mean) / sd : 0));
}

/**
 * Johnson's relative weights of predictors `x` (columns, each of length n) for outcome `y`.
 * Returns raw weights (summing to R²).
 */
export function johnsonRelativeWeights(x: number[][], y: number[]): { raw: number[]; r2: number } {
  const p = x.length, n = y.length;
  const zx = x.map(standardise), zy = standardise(y);
  const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i], 0) / (n - 1);
  const rxx = zx.map((a) => zx.map((b) => dot(a, b)));
  const rxy = zx.map((a) => dot(a, zy));
  const { values, vectors } = symmetricEigen(rxx);
  // Λ = V diag(√λ) V' (correlations of X with its orthogonal counterpart Z), Λ⁻¹ = V diag(1/√λ) V'
  const sq = values.map((l) => Math.sqrt(Math.max(l, 0)));
  const inv = sq.map((s) => (s > 1e-7 ? 1 / s : 0));
  const lambda = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => {
    let s = 0;
    for (let k = 0; k < p; k++) s += vectors[i][k] * sq[k] * vectors[j][k];
    return s;
  }));
  const beta = Array.from({ length: p }, (_, i) => {
    let s = 0;
    for (let j = 0; j < p; j++) {
      let inv_ij = 0;
      for (let k = 0; k < p; k++) inv_ij += vectors[i][k] * inv[k] * vectors[j][k];
      s += inv_ij * rxy[j];
    }
    return s;
  });
  const raw = Array.from({ length: p }, (_, j) => {
    let s = 0;
    for (let k = 0; k < p; k++) s += lambda[j][k] ** 2 * beta[k] ** 2;
    return s;
  });
  return { raw, r2: raw.reduce((a, b) => a + b, 0) };
}

/** Minimum complete observations for the analysis of a year; fewer → no derived weights that year. */
export const MIN_OBSERVATIONS = 30;

/**
 * Relative importance of `items` for `outcome` across rows (municipalities) in one year. `get(kpi, row)`
 * returns the value or NaN. Rows missing any item or the outcome are left out.
 */
export function relativeImportance(
  year: number, outcome: string, items: readonly string[], rows: number,
  get: (kpi: string, row: number) => number,
): RelativeImportanceResult | null {
  const x: number[][] = items.map(() => []);
  const y: number[] = [];
  for (let r = 0; r < rows; r++) {
    const yr = get(outcome, r);
    const xr = items.map((k) => get(k, r));
    if (yr !== yr || xr.some((v) => v !== v)) continue;
    y.push(yr);
    xr.forEach((v, i) => x[i].push(v));
  }
  if (items.length === 0 || y.length < Math.max(MIN_OBSERVATIONS, items.length + 2)) return null;
  const { raw, r2 } = johnsonRelativeWeights(x, y);
  return {
    year, outcome, method: "johnson-relative-weights", n: y.length, r2,
    items: items.map((kpi, i) => ({ kpi, raw: raw[i], share: r2 > 0 ? raw[i] / r2 : 0 })),
  };
}
