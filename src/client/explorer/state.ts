// URL state of the explorer (/utforska/): weights, the weight set they started from, the missing-data
// rule, the year and the filters. Pure: no DOM, so it is unit-tested in Node. Every value read from a
// URL or a form is validated against what the page knows (years, counties, groups, municipalities);
// anything else is rejected with a Swedish message and the last valid value is kept.

import type { MissingRuleId, SubIndexId } from "../../model/types";

export const SUB_INDEX_ORDER: readonly SubIndexId[] = [
  "information", "bistandshandlaggning", "utforande", "stod_utveckling",
];

/** URL parameter names of the four sub-index weights (short, readable, stable). */
export const WEIGHT_PARAM: Record<SubIndexId, string> = {
  information: "information",
  bistandshandlaggning: "bistand",
  utforande: "utforande",
  stod_utveckling: "stod",
};

export const MISSING_RULES: readonly MissingRuleId[] = ["riksmedian", "som-hemtjanstindex"];

/** Largest weight a reader may enter (weights are relative; they are normalised to sum to 100 %). */
export const MAX_WEIGHT = 100;

/** Size groups by population (the reference table's population, 2022). */
export const SIZE_GROUPS: readonly { id: string; label: string; min: number; max: number }[] = [
  { id: "under-10000", label: "Färre än 10 000 invånare", min: 0, max: 9_999 },
  { id: "10000-24999", label: "10 000–24 999 invånare", min: 10_000, max: 24_999 },
  { id: "25000-49999", label: "25 000–49 999 invånare", min: 25_000, max: 49_999 },
  { id: "50000-99999", label: "50 000–99 999 invånare", min: 50_000, max: 99_999 },
  { id: "100000-", label: "100 000 invånare eller fler", min: 100_000, max: Number.MAX_SAFE_INTEGER },
];

export function sizeGroupOf(population: number): string {
  return SIZE_GROUPS.find((g) => population >= g.min && population <= g.max)?.id ?? SIZE_GROUPS[0].id;
}

export interface WeightSetOption {
  id: string;
  name_sv: string;
  /** Sub-index weights of the set (fractions summing to 1, or any non-negative relative weights). */
  subIndex: Record<SubIndexId, number>;
}

/** What the page knows, against which every state is validated. */
export interface StateContext {
  weightSets: readonly WeightSetOption[]; // the first one is the default
  years: readonly number[]; // published years, ascending; the last one is the default
  counties: readonly string[]; // county codes "01"…
  groups: readonly string[]; // kommungrupp ids
  municipalities: readonly string[]; // 4-character codes
}

export interface ExplorerState {
  start: string; // weight set id the weights started from
  weights: Record<SubIndexId, number>; // as the reader entered them (percent, relative)
  missing: MissingRuleId;
  year: number;
  county: string | null;
  group: string | null;
  size: string | null;
  peersOf: string | null;
}

export const SUB_INDEX_LABEL: Record<SubIndexId, string> = {
  information: "Information",
  bistandshandlaggning: "Biståndshandläggning",
  utforande: "Utförande",
  stod_utveckling: "Stöd och utveckling",
};

/** A weight set's sub-index weights as percentages with at most one decimal (what the fields show). */
export function percentWeights(sub: Record<SubIndexId, number>): Record<SubIndexId, number> {
  const total = SUB_INDEX_ORDER.reduce((a, s) => a + sub[s], 0);
  return Object.fromEntries(SUB_INDEX_ORDER.map((s) => [
    s, total > 0 ? Math.round((sub[s] / total) * 1000) / 10 : 0,
  ])) as Record<SubIndexId, number>;
}

export function defaultState(ctx: StateContext): ExplorerState {
  const set = ctx.weightSets[0];
  return {
    start: set.id,
    weights: percentWeights(set.subIndex),
    missing: "riksmedian",
    year: ctx.years[ctx.years.length - 1],
    county: null, group: null, size: null, peersOf: null,
  };
}

// A plain decimal number: digits, optionally a decimal comma or point and up to four decimals. No
// signs, exponents, spaces, hex or anything else (so "1e3", "-1", "0x10", "NaN", "Infinity", "1;DROP"
// are all refused).
const DECIMAL = /^\d{1,6}(?:[.,]\d{1,4})?$/;

export type WeightParse = { ok: true; value: number } | { ok: false; message: string };

/** Parse one weight as typed by a reader or found in a URL. */
export function parseWeight(raw: string | null | undefined, label: string): WeightParse {
  const text = (raw ?? "").trim();
  if (text === "") return { ok: false, message: `Ange en vikt för ${label}.` };
  if (/^[−-]/.test(text)) return { ok: false, message: `Vikten för ${label} får inte vara negativ.` };
  if (!DECIMAL.test(text)) {
    return { ok: false, message: `Vikten för ${label} måste vara ett tal mellan 0 och ${MAX_WEIGHT}, till exempel 25 eller 12,5.` };
  }
  const value = Number(text.replace(",", "."));
  if (!Number.isFinite(value)) return { ok: false, message: `Vikten för ${label} måste vara ett tal.` };
  if (value > MAX_WEIGHT) return { ok: false, message: `Vikten för ${label} får vara högst ${MAX_WEIGHT}.` };
  return { ok: true, value };
}

export type WeightsResult =
  | { ok: true; weights: Record<SubIndexId, number> }
  | { ok: false; errors: string[] };

/** Validate the four weights together: each a number in [0, MAX_WEIGHT], not all zero. */
export function validateWeights(raw: Record<SubIndexId, string | number | null | undefined>): WeightsResult {
  const errors: string[] = [];
  const weights = {} as Record<SubIndexId, number>;
  for (const s of SUB_INDEX_ORDER) {
    const v = raw[s];
    const parsed = typeof v === "number"
      ? (Number.isFinite(v) ? (v < 0 ? { ok: false as const, message: `Vikten för ${SUB_INDEX_LABEL[s]} får inte vara negativ.` }
        : v > MAX_WEIGHT ? { ok: false as const, message: `Vikten för ${SUB_INDEX_LABEL[s]} får vara högst ${MAX_WEIGHT}.` }
          : { ok: true as const, value: v })
        : { ok: false as const, message: `Vikten för ${SUB_INDEX_LABEL[s]} måste vara ett tal.` })
      : parseWeight(v, SUB_INDEX_LABEL[s]);
    if (parsed.ok) weights[s] = parsed.value;
    else errors.push(parsed.message);
  }
  if (errors.length === 0 && SUB_INDEX_ORDER.every((s) => weights[s] === 0)) {
    errors.push("Minst ett delindex måste ha en vikt större än noll.");
  }
  return errors.length ? { ok: false, errors } : { ok: true, weights };
}

/** Normalised weights (fractions summing to 1) from valid entered weights. */
export function normalisedWeights(weights: Record<SubIndexId, number>): Record<SubIndexId, number> {
  const total = SUB_INDEX_ORDER.reduce((a, s) => a + weights[s], 0);
  return Object.fromEntries(SUB_INDEX_ORDER.map((s) => [s, weights[s] / total])) as Record<SubIndexId, number>;
}

export interface ParsedState {
  state: ExplorerState;
  /** Swedish messages for every parameter that was refused (its last valid value was kept). */
  errors: string[];
}

const MAX_PARAM_LENGTH = 64;

/**
 * Read a state from a URL query string. Parameters that are absent keep the value of `base`; parameters
 * that are present but invalid are refused with a message and also keep the value of `base`.
 */
export function parseState(search: string, ctx: StateContext, base: ExplorerState = defaultState(ctx)): ParsedState {
  const params = new URLSearchParams(search);
  const errors: string[] = [];
  const state: ExplorerState = { ...base, weights: { ...base.weights } };
  const get = (name: string): string | null => {
    const v = params.get(name);
    if (v === null) return null;
    if (v.length > MAX_PARAM_LENGTH) {
      errors.push(`Värdet för ”${name}” i adressen är för långt och används inte.`);
      return null;
    }
    return v;
  };

  const start = get("start");
  if (start !== null) {
    const set = ctx.weightSets.find((w) => w.id === start);
    if (set) {
      state.start = set.id;
      state.weights = percentWeights(set.subIndex);
    } else errors.push("Okänd viktuppsättning i adressen; standardvikterna används.");
  }

  const present = SUB_INDEX_ORDER.filter((s) => params.has(WEIGHT_PARAM[s]));
  if (present.length > 0) {
    const raw = Object.fromEntries(SUB_INDEX_ORDER.map((s) => [
      s, params.has(WEIGHT_PARAM[s]) ? (get(WEIGHT_PARAM[s]) ?? "") : String(state.weights[s]),
    ])) as Record<SubIndexId, string>;
    const result = validateWeights(raw);
    if (result.ok) state.weights = result.weights;
    else errors.push(...result.errors.map((e) => `${e} Vikterna i adressen används inte.`));
  }

  const missing = get("regel");
  if (missing !== null) {
    if ((MISSING_RULES as readonly string[]).includes(missing)) state.missing = missing as MissingRuleId;
    else errors.push("Okänd regel för saknade värden i adressen; riksmedianen används.");
  }

  const year = get("ar");
  if (year !== null) {
    const y = /^\d{4}$/.test(year) ? Number(year) : NaN;
    if (ctx.years.includes(y)) state.year = y;
    else errors.push(`Året i adressen finns inte i underlaget; ${state.year} visas.`);
  }

  const pick = (name: string, allowed: readonly string[], pattern: RegExp, what: string): string | null | undefined => {
    const v = get(name);
    if (v === null) return undefined;
    if (v === "") return null;
    if (pattern.test(v) && allowed.includes(v)) return v;
    errors.push(`Okänd ${what} i adressen; filtret används inte.`);
    return null;
  };
  const county = pick("lan", ctx.counties, /^\d{2}$/, "län");
  if (county !== undefined) state.county = county;
  const group = pick("grupp", ctx.groups, /^[A-Za-z0-9]{1,16}$/, "kommungrupp");
  if (group !== undefined) state.group = group;
  const size = pick("storlek", SIZE_GROUPS.map((g) => g.id), /^[0-9a-z-]{1,16}$/, "storleksgrupp");
  if (size !== undefined) state.size = size;
  const peers = pick("liknande", ctx.municipalities, /^\d{4}$/, "kommun för liknande kommuner");
  if (peers !== undefined) state.peersOf = peers;

  return { state, errors };
}

/** Write a state as a query string (without "?"); values equal to the defaults are left out. */
export function serializeState(state: ExplorerState, ctx: StateContext): string {
  const def = defaultState(ctx);
  const params = new URLSearchParams();
  if (state.start !== def.start) params.set("start", state.start);
  const startSet = ctx.weightSets.find((w) => w.id === state.start) ?? ctx.weightSets[0];
  const startWeights = percentWeights(startSet.subIndex);
  if (SUB_INDEX_ORDER.some((s) => state.weights[s] !== startWeights[s])) {
    for (const s of SUB_INDEX_ORDER) params.set(WEIGHT_PARAM[s], formatWeightForUrl(state.weights[s]));
  }
  if (state.missing !== def.missing) params.set("regel", state.missing);
  if (state.year !== def.year) params.set("ar", String(state.year));
  if (state.county) params.set("lan", state.county);
  if (state.group) params.set("grupp", state.group);
  if (state.size) params.set("storlek", state.size);
  if (state.peersOf) params.set("liknande", state.peersOf);
  return params.toString();
}

function formatWeightForUrl(w: number): string {
  return String(Math.round(w * 10_000) / 10_000);
}

/** Do the two states give the same ranking (same weights, rule and year)? Filters only change the view. */
export function sameRanking(a: ExplorerState, b: ExplorerState): boolean {
  return a.missing === b.missing && a.year === b.year && a.start === b.start &&
    SUB_INDEX_ORDER.every((s) => a.weights[s] === b.weights[s]);
}

/**
 * The sub-index weights the ranking uses (fractions summing to 1). While the reader has not changed the
 * weights of the set they started from, the set's exact weights are used (the fields show them rounded
 * to one decimal), so the explorer reproduces the published ranking of that set exactly.
 */
export function effectiveWeights(state: ExplorerState, ctx: StateContext): Record<SubIndexId, number> {
  const set = ctx.weightSets.find((w) => w.id === state.start);
  if (set) {
    const shown = percentWeights(set.subIndex);
    if (SUB_INDEX_ORDER.every((s) => shown[s] === state.weights[s])) {
      return normalisedWeights(set.subIndex);
    }
  }
  return normalisedWeights(state.weights);
}

/** What the filters need to know about a municipality. */
export interface MunicipalityMeta {
  code: string;
  name: string;
  county_code: string;
  county: string;
  kommungrupp_id: string;
  kommungrupp: string;
  population: number;
  peers: string; // ";"-separated codes (Kolada's "Liknande kommuner äldreomsorg")
}

/** Is a municipality in the selection of the state's filters (län, kommungrupp, size, peers of)? */
export function makeSelection(state: ExplorerState, meta: ReadonlyMap<string, MunicipalityMeta>): (code: string) => boolean {
  const size = SIZE_GROUPS.find((g) => g.id === state.size);
  const peers = state.peersOf
    ? new Set([state.peersOf, ...(meta.get(state.peersOf)?.peers ?? "").split(";").filter(Boolean)])
    : null;
  return (code) => {
    const m = meta.get(code);
    if (!m) return false;
    if (state.county && m.county_code !== state.county) return false;
    if (state.group && m.kommungrupp_id !== state.group) return false;
    if (size && (m.population < size.min || m.population > size.max)) return false;
    if (peers && !peers.has(code)) return false;
    return true;
  };
}

export function hasFilter(state: ExplorerState): boolean {
  return !!(state.county || state.group || state.size || state.peersOf);
}

/**
 * Places within a selection, as the model ranks (src/model/ranking.ts ranksAgainst): 1 + the number of
 * entries that form the ranking (`counts`) with a strictly higher value. Ties share a place (1, 2, 2, 4);
 * an entry that does not count gets the place it would take without moving others; null → null.
 */
export function placesAgainst(values: readonly (number | null)[], counts: readonly boolean[]): (number | null)[] {
  const ref = values.filter((v, i): v is number => v !== null && counts[i]);
  return values.map((v) => (v === null ? null : 1 + ref.filter((x) => x > v).length));
}
