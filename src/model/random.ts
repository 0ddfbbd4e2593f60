// Seeded pseudo-random numbers, so bootstraps and example data are reproducible byte for byte.
// mulberry32: small, fast, good enough for resampling (not for cryptography).

export type Random = () => number; // uniform in [0, 1)

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a string (FNV-1a), e.g. a municipality code. */
export function seedFromString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Standard normal draw (Box–Muller) from a uniform source. */
export function normal(random: Random): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Binomial draw: normal approximation for large n, exact Bernoulli sum for small n. */
export function binomial(random: Random, n: number, p: number): number {
  if (n <= 0) return 0;
  const q = Math.min(1, Math.max(0, p));
  if (n < 60) {
    let k = 0;
    for (let i = 0; i < n; i++) if (random() < q) k++;
    return k;
  }
  const draw = Math.round(n * q + Math.sqrt(n * q * (1 - q)) * normal(random));
  return Math.min(n, Math.max(0, draw));
}

/** Fill `out[0..count)` with standard normal draws (Box–Muller, both values of each pair used). */
export function fillNormal(random: Random, out: Float64Array, count = out.length): Float64Array {
  for (let i = 0; i < count; i += 2) {
    let u = 0;
    while (u === 0) u = random();
    const radius = Math.sqrt(-2 * Math.log(u)), angle = 2 * Math.PI * random();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < count) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function inverseNormalCdf(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -inverseNormalCdf(1 - p);
  const q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

const TABLE_BITS = 16;
let normalTable: Float64Array | null = null;

/**
 * Fast standard normal draws for the bootstrap: each uniform picks one of 2^16 equally likely
 * normal quantiles (at the midpoints), so a draw costs one table lookup. The discretisation is far
 * finer than the bootstrap's own Monte Carlo error.
 */
export function fillNormalFast(random: Random, out: Float64Array, count = out.length): Float64Array {
  if (!normalTable) {
    const size = 1 << TABLE_BITS;
    normalTable = Float64Array.from({ length: size }, (_, i) => inverseNormalCdf((i + 0.5) / size));
  }
  const table = normalTable, size = table.length;
  for (let i = 0; i < count; i++) out[i] = table[(random() * size) | 0];
  return out;
}
