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
