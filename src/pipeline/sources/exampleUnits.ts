// Offline example units ("Exempeldata", DESIGN.md §3.6). No unit-level data exists offline, so every
// municipality gets invented home-care units whose respondent-weighted mean equals the real municipality
// value for every survey KPI and year. Deterministic: seeded by municipality code, never by run or order.
import { mulberry32, normal, seedFromString, type Random } from "../../model/random";
import { SURVEY_KPIS } from "../kpis";
import type { MunicipalityRow, ProviderType, UnitRow, UnitValueRow, ValueRow } from "../tables";

export interface ExampleUnitsInput { municipalities: MunicipalityRow[]; values: ValueRow[] }
export interface ExampleUnits { units: UnitRow[]; unitValues: UnitValueRow[] }

/** Tuning constants, in one place so the method page can quote them. */
export const EXAMPLE_PARAMS = {
  usersPerUnit: [60, 120] as const, // one unit per 60–120 hemtjänst users (drawn per municipality)
  minUnits: 2,
  maxUnits: 40,
  usersPer80Plus: 0.25, // N21702 / N01957, national median 2022: fallback when N21702 is missing
  responseRate: 0.56, // U23592 / N21702, national median 2019–2022: fallback when U23592 is missing
  minRespondents: 5, // per unit and year (units with very few answers are suppressed in real files)
  unitSizeSd: 0.7, // log-normal spread of unit sizes
  yearSizeSd: 0.12, // year-to-year wobble of a unit's share of respondents
  qualitySd: 0.4, // between-unit quality effect, logit scale (same unit quality across KPIs and years)
  qualityShare: 0.6, // share of the quality effect's variance that is common to all KPIs of a unit
  samplingScale: 1.8, // >1 widens the sampling error (design effect: answers cluster within units)
  maxSamplingSd: 1.5, // cap on the logit-scale sampling error of the smallest units
  maxDeviation: 1.6, // soft cap (tanh) on a unit's total deviation from its municipality, logit scale
  truncate: 2.2, // normal draws are cut at ±2.2 sd, so one unit cannot run away from its municipality
};

/** Direction of the common quality effect per KPI: +1 more is better, -1 less is better, 0 context. */
const QUALITY_LOADING: Record<string, number> = { U21449: -1, U21478: -1, U21447: 0, U21482: 0 };

// Invented names: generic Swedish place-name endings for municipal districts, plant/bird names for
// private providers. Every name ends in "(exempel)" so nobody can mistake it for a real provider.
const DISTRICTS = [
  "Norra", "Södra", "Östra", "Västra", "Centrum", "Backen", "Dalen", "Ängen", "Hagen", "Åsen", "Stranden",
  "Skogen", "Torpet", "Viken", "Holmen", "Lunden", "Bäcken", "Kullen", "Slätten", "Udden", "Myren", "Gärdet",
  "Näset", "Heden", "Hällen", "Älvsidan", "Mossen", "Vretarna", "Åkern", "Ljungen", "Sjösidan", "Bryggan",
  "Kvarnen", "Lyckan", "Tegen", "Åkanten", "Klinten", "Liden", "Sundet", "Forsen",
];
const PRIVATE_FIRST = [
  "Lärkan", "Vitsippan", "Blåklinten", "Havtornet", "Rönnbäret", "Kastanjen", "Tranan", "Svalan", "Lönnen",
  "Klövern", "Ugglan", "Linblomman", "Hassel", "Nyponet", "Kattfoten",
];
const PRIVATE_SECOND = ["Hemomsorg", "Omsorg", "Hemtjänst", "Vård och omsorg", "Omsorgsteam"];

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));
function cutNormal(random: Random, limit = EXAMPLE_PARAMS.truncate): number {
  for (;;) { const z = normal(random); if (Math.abs(z) <= limit) return z; }
}
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [out[i], out[j]] = [out[j], out[i]]; }
  return out;
}

/** Split `total` over weights in whole numbers (largest remainder), each at least `min`. */
export function allocate(total: number, weights: number[], min: number): number[] {
  const free = total - min * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (free * w) / sum);
  const out = raw.map((r) => Math.floor(r));
  let left = free - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out.map((n) => n + min);
}

/**
 * Shift unit values on the logit scale until their weighted mean equals `target` (percent), then correct
 * the last floating-point residue linearly. A shift keeps every unit's relative position and 0–100 bounds.
 */
export function calibrate(logits: number[], weights: number[], target: number): number[] {
  if (target <= 0 || target >= 100) return logits.map(() => clamp(target, 0, 100));
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = (c: number) => logits.reduce((s, x, i) => s + weights[i] * 100 * sigmoid(x + c), 0) / total;
  let lo = -60, hi = 60;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (mean(mid) < target) lo = mid; else hi = mid;
  }
  const values = logits.map((x) => 100 * sigmoid(x + (lo + hi) / 2));
  for (let round = 0; round < 5; round++) {
    const err = target - values.reduce((s, v, i) => s + weights[i] * v, 0) / total;
    if (err === 0) break;
    // Spread the residue over units with room to move, weighted so the mean moves by exactly err.
    const movable = values.map((v) => (err > 0 ? v + err <= 100 : v + err >= 0));
    const w = weights.reduce((s, wi, i) => s + (movable[i] ? wi : 0), 0);
    if (w === 0) break;
    values.forEach((v, i) => { if (movable[i]) values[i] = clamp(v + (err * total) / w, 0, 100); });
  }
  return values;
}

interface Series { byYear: Map<number, number>; latest: number | null }
function indexValues(values: ValueRow[]): Map<string, Series> {
  const index = new Map<string, Series>();
  for (const r of values) {
    if (r.gender !== "T" || r.value === null || !Number.isFinite(r.value)) continue;
    const key = `${r.kpi}|${r.municipality}`;
    let s = index.get(key);
    if (!s) index.set(key, (s = { byYear: new Map(), latest: null }));
    s.byYear.set(r.year, r.value);
  }
  for (const s of index.values()) s.latest = Math.max(...s.byYear.keys());
  return index;
}

interface PlannedUnit { id: string; name: string; type: ProviderType; size: number; quality: number }

function planUnits(m: MunicipalityRow, users: number, privateShare: number): PlannedUnit[] {
  const random = mulberry32(seedFromString(m.code));
  const [a, b] = EXAMPLE_PARAMS.usersPerUnit;
  const perUnit = a + (b - a) * random();
  const count = clamp(Math.round(users / perUnit), EXAMPLE_PARAMS.minUnits, EXAMPLE_PARAMS.maxUnits);
  // Every municipality keeps at least one unit in its own regi (the provider of last resort).
  const privateCount = Math.min(count - 1, Math.round(count * clamp(privateShare, 0, 1)));
  const districts = shuffled(DISTRICTS, random);
  const privateNames = shuffled(PRIVATE_FIRST.flatMap((f) => PRIVATE_SECOND.map((s) => `${f} ${s}`)), random);
  return Array.from({ length: count }, (_, i) => {
    const type: ProviderType = i < count - privateCount ? "kommunal" : "privat";
    const base = type === "kommunal" ? `Hemtjänst ${districts[i % districts.length]}` : privateNames[i - (count - privateCount)];
    return {
      id: `EX-${m.code}-${String(i + 1).padStart(2, "0")}`,
      name: `${base} (exempel)`,
      type,
      size: Math.exp(EXAMPLE_PARAMS.unitSizeSd * cutNormal(random)),
      quality: cutNormal(random),
    };
  });
}

/** Generate example units and their survey values for every municipality with survey data. */
export function generateExampleUnits(input: ExampleUnitsInput): ExampleUnits {
  const index = indexValues(input.values);
  const series = (kpi: string, code: string) => index.get(`${kpi}|${code}`);
  const units: UnitRow[] = [];
  const unitValues: UnitValueRow[] = [];
  const municipalities = [...input.municipalities].sort((x, y) => x.code.localeCompare(y.code));

  for (const m of municipalities) {
    const usersSeries = series("N21702", m.code);
    const users = usersSeries?.latest != null ? usersSeries.byYear.get(usersSeries.latest)! : m.pop_80plus * EXAMPLE_PARAMS.usersPer80Plus;
    const regi = series("N21804", m.code);
    const privateShare = regi?.latest != null ? regi.byYear.get(regi.latest)! / 100 : 0;
    const surveyYears = new Set<number>();
    for (const kpi of SURVEY_KPIS) for (const y of series(kpi, m.code)?.byYear.keys() ?? []) surveyYears.add(y);
    if (surveyYears.size === 0) continue; // nothing to calibrate against: no invented units
    const plan = planUnits(m, Math.max(1, users), privateShare);
    for (const u of plan) {
      units.push({ unit_id: u.id, name: u.name, municipality: m.code, provider_type: u.type, synthetic: true, source: "exempeldata" });
    }
    const rate = responseRate(series("U23592", m.code), usersSeries);

    for (const year of [...surveyYears].sort((x, y) => x - y)) {
      const yearRandom = mulberry32(seedFromString(`${m.code}|${year}`));
      const usersThisYear = usersSeries?.byYear.get(year) ?? users;
      const realRespondents = series("U23592", m.code)?.byYear.get(year);
      const total = Math.max(Math.round(realRespondents ?? usersThisYear * rate), EXAMPLE_PARAMS.minRespondents * plan.length);
      const respondents = allocate(total, plan.map((u) => u.size * Math.exp(EXAMPLE_PARAMS.yearSizeSd * cutNormal(yearRandom))), EXAMPLE_PARAMS.minRespondents);

      for (const kpi of SURVEY_KPIS) {
        const target = series(kpi, m.code)?.byYear.get(year);
        if (target === undefined) continue;
        const values = unitValuesFor(m.code, kpi, year, target, plan, respondents);
        plan.forEach((u, i) => unitValues.push({
          unit_id: u.id, kpi, year, value: values[i], respondents: respondents[i], status: null, synthetic: true, source: "exempeldata",
        }));
      }
    }
  }
  units.sort((x, y) => x.unit_id.localeCompare(y.unit_id));
  unitValues.sort((x, y) => x.unit_id.localeCompare(y.unit_id) || x.kpi.localeCompare(y.kpi) || x.year - y.year);
  return { units, unitValues };
}

/** The municipality's own response rate where both counts exist (mean over years), else the national one. */
function responseRate(respondents: Series | undefined, users: Series | undefined): number {
  const ratios = [...(respondents?.byYear ?? [])].flatMap(([y, r]) => {
    const u = users?.byYear.get(y);
    return u && u > 0 ? [r / u] : [];
  });
  return ratios.length ? clamp(ratios.reduce((a, b) => a + b, 0) / ratios.length, 0.2, 1) : EXAMPLE_PARAMS.responseRate;
}

/**
 * One KPI-year: unit value = municipality value + persistent unit quality (logit scale) + a binomial
 * sampling draw for the unit's respondents, then calibrated so the weighted mean is the real value.
 */
function unitValuesFor(code: string, kpi: string, year: number, target: number, plan: PlannedUnit[], respondents: number[]): number[] {
  const kpiRandom = mulberry32(seedFromString(`${code}|${kpi}`)); // same unit-by-KPI effect every year
  const random = mulberry32(seedFromString(`${code}|${kpi}|${year}`));
  const p = clamp(target / 100, 0.005, 0.995);
  const loading = QUALITY_LOADING[kpi] ?? 1;
  const { qualitySd, qualityShare } = EXAMPLE_PARAMS;
  const logits = plan.map((u, i) => {
    const own = cutNormal(kpiRandom);
    const effect = qualitySd * (loading * Math.sqrt(qualityShare) * u.quality + Math.sqrt(1 - qualityShare) * own);
    const pUnit = sigmoid(logit(p) + effect);
    // Sampling error of a share from n respondents (binomial variance p(1-p)/n, on the logit scale).
    const sd = Math.min(EXAMPLE_PARAMS.maxSamplingSd, EXAMPLE_PARAMS.samplingScale / Math.sqrt(respondents[i] * pUnit * (1 - pUnit)));
    // Soft cap on the total deviation: real units rarely sit more than ~30 points from their municipality.
    const cap = EXAMPLE_PARAMS.maxDeviation;
    return logit(p) + cap * Math.tanh((effect + sd * cutNormal(random)) / cap);
  });
  return roundKeepingMean(calibrate(logits, respondents, target), respondents, target);
}

/**
 * Round to one decimal (as published survey shares are) but let the largest unit carry the remainder, so
 * the weighted mean still equals the real value. Keeps unit_values.parquet small (low-entropy numbers).
 */
export function roundKeepingMean(values: number[], weights: number[], target: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const big = weights.indexOf(Math.max(...weights));
  const rounded = values.map((v) => Math.round(v * 10) / 10);
  const rest = rounded.reduce((s, v, i) => (i === big ? s : s + weights[i] * v), 0);
  const carry = (target * total - rest) / weights[big];
  if (!(carry >= 0 && carry <= 100)) return values; // rounding would push the carrier out of range
  rounded[big] = carry;
  return rounded;
}
