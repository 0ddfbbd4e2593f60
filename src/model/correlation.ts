// Correlation between two measures over the same municipalities (the quality-and-cost page). Pure.

/** Pearson's r of paired values (pairs with a non-finite member are left out); null below 3 pairs or no spread. */
export function pearson(xs: readonly (number | null)[], ys: readonly (number | null)[]): { r: number; n: number } | null {
  const pairs: [number, number][] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i], y = ys[i];
    if (typeof x === "number" && typeof y === "number" && Number.isFinite(x) && Number.isFinite(y)) pairs.push([x, y]);
  }
  const n = pairs.length;
  if (n < 3) return null;
  const mx = pairs.reduce((a, p) => a + p[0], 0) / n, my = pairs.reduce((a, p) => a + p[1], 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (const [x, y] of pairs) { sxy += (x - mx) * (y - my); sxx += (x - mx) ** 2; syy += (y - my) ** 2; }
  if (sxx === 0 || syy === 0) return null;
  return { r: sxy / Math.sqrt(sxx * syy), n };
}

/** Strength in words, after the common rule of thumb (|r| < 0,1 none; < 0,3 weak; < 0,5 moderate; else strong). */
export function correlationWords(r: number): "inget" | "svagt" | "måttligt" | "starkt" {
  const a = Math.abs(r);
  return a < 0.1 ? "inget" : a < 0.3 ? "svagt" : a < 0.5 ? "måttligt" : "starkt";
}
