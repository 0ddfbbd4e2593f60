// The three weight sets: the seniors' priority order (default), weights derived from what older
// people answered (see relativeImportance.ts), and the reader's own weights (validated here).

import { CATALOGUE, SUB_INDICES } from "./catalogue";
import type { CatalogueEntry, SubIndexId, WeightSet, YearWeights } from "./types";
import { SUB_INDEX_IDS } from "./types";

export const WEIGHTS_VERSION = "1.0.0";

/** The order of importance seniors gave the national Hemtjänstindex (DESIGN.md §4). */
export const SENIOR_SUB_INDEX_WEIGHTS: Record<SubIndexId, number> = {
  utforande: 0.4, bistandshandlaggning: 0.25, information: 0.2, stod_utveckling: 0.15,
};

export function catalogueIndicatorWeights(): Record<string, number> {
  return Object.fromEntries(CATALOGUE.map((e) => [e.id, e.weight]));
}

/**
 * Effective weights for one year: each sub-index's weights normalised over its active indicators.
 * A sub-index whose active indicators all have weight 0 drops out, and the sub-index weights are
 * normalised over the rest.
 */
export function yearWeights(
  subIndex: Record<SubIndexId, number>, indicator: Record<string, number>,
  active: readonly CatalogueEntry[],
): YearWeights {
  const sums: Record<string, number> = {};
  for (const e of active) sums[e.subIndex] = (sums[e.subIndex] ?? 0) + (indicator[e.id] ?? 0);
  const within: Record<string, number> = {};
  for (const e of active) {
    const s = sums[e.subIndex];
    within[e.id] = s > 0 ? (indicator[e.id] ?? 0) / s : 0;
  }
  const raw = SUB_INDEX_IDS.map((s) => ((sums[s] ?? 0) > 0 ? subIndex[s] : 0));
  const total = raw.reduce((a, b) => a + b, 0);
  const sub = Object.fromEntries(
    SUB_INDEX_IDS.map((s, k) => [s, total > 0 ? raw[k] / total : 0]),
  ) as Record<SubIndexId, number>;
  return { subIndex: sub, indicator: within };
}

export function seniorWeightSet(activeByYear: Map<number, CatalogueEntry[]>): WeightSet {
  const indicator = catalogueIndicatorWeights();
  const byYear: Record<string, YearWeights> = {};
  for (const [year, active] of activeByYear) {
    byYear[String(year)] = yearWeights(SENIOR_SUB_INDEX_WEIGHTS, indicator, active);
  }
  return {
    id: "seniorernas-prioritering", version: WEIGHTS_VERSION, name_sv: "Seniorernas prioritering",
    description_sv: "Delindexen vägs efter den ordning seniorer har angett som viktigast i det " +
      "nationella Hemtjänstindexet: Utförande 40 %, Biståndshandläggning 25 %, Information 20 % och " +
      "Stöd och utveckling 15 %. Inom varje delindex gäller vikterna i indikatorkatalogen, med motivering.",
    subIndex: { ...SENIOR_SUB_INDEX_WEIGHTS }, indicator, byYear,
    notes_sv: [
      "Vikterna inom ett delindex räknas om varje år över de indikatorer som är i bruk det året.",
    ],
  };
}

export interface CustomWeightsInput {
  subIndex: Partial<Record<SubIndexId, number>>;
  /** Optional weights within sub-indices, by indicator id; missing ids keep the catalogue weight. */
  indicator?: Record<string, number>;
}

export type ValidationResult =
  | { ok: true; subIndex: Record<SubIndexId, number>; indicator: Record<string, number> }
  | { ok: false; errors: string[] };

const SUB_NAME = new Map(SUB_INDICES.map((s) => [s.id, s.name_sv]));

function checkNumber(value: unknown, label: string, errors: string[]): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    errors.push(`Vikten för ${label} måste vara ett tal.`);
    return 0;
  }
  if (value < 0) {
    errors.push(`Vikten för ${label} får inte vara negativ.`);
    return 0;
  }
  return value;
}

/** Validate and normalise a reader's own weights. Errors are in Swedish, ready to show. */
export function validateCustomWeights(input: CustomWeightsInput): ValidationResult {
  const errors: string[] = [];
  const known = new Set<string>(SUB_INDEX_IDS);
  for (const key of Object.keys(input.subIndex ?? {})) {
    if (!known.has(key)) errors.push(`Okänt delindex ”${key}”.`);
  }
  const rawSub = SUB_INDEX_IDS.map((s) =>
    checkNumber(input.subIndex?.[s] ?? 0, `delindexet ${SUB_NAME.get(s)}`, errors));
  const subSum = rawSub.reduce((a, b) => a + b, 0);
  if (errors.length === 0 && subSum === 0) errors.push("Minst ett delindex måste ha en vikt större än noll.");

  const indicator = catalogueIndicatorWeights();
  const ids = new Set(CATALOGUE.map((e) => e.id));
  for (const [id, value] of Object.entries(input.indicator ?? {})) {
    if (!ids.has(id)) {
      errors.push(`Okänd indikator ”${id}”.`);
      continue;
    }
    const name = CATALOGUE.find((e) => e.id === id)?.name_sv ?? id;
    indicator[id] = checkNumber(value, `indikatorn ${name}`, errors);
  }
  SUB_INDEX_IDS.forEach((s, k) => {
    if (rawSub[k] <= 0) return;
    const sum = CATALOGUE.filter((e) => e.subIndex === s).reduce((a, e) => a + indicator[e.id], 0);
    if (sum === 0) errors.push(`Alla indikatorer i ${SUB_NAME.get(s)} har vikten noll; ge minst en en vikt.`);
  });
  if (errors.length > 0) return { ok: false, errors };
  const subIndex = Object.fromEntries(SUB_INDEX_IDS.map((s, k) => [s, rawSub[k] / subSum])) as
    Record<SubIndexId, number>;
  return { ok: true, subIndex, indicator };
}

export function customWeightSet(
  input: CustomWeightsInput, activeByYear: Map<number, CatalogueEntry[]>,
): WeightSet {
  const result = validateCustomWeights(input);
  if (!result.ok) throw new Error(`Ogiltiga egna vikter: ${result.errors.join(" ")}`);
  const byYear: Record<string, YearWeights> = {};
  for (const [year, active] of activeByYear) {
    byYear[String(year)] = yearWeights(result.subIndex, result.indicator, active);
  }
  return {
    id: "egna-vikter", version: WEIGHTS_VERSION, name_sv: "Egna vikter",
    description_sv: "Vikter som du själv väljer. De måste vara tal, inte negativa och inte alla noll; " +
      "de räknas om så att de summerar till 100 %.",
    subIndex: result.subIndex, indicator: result.indicator, byYear,
    notes_sv: ["Vikterna räknas om varje år över de indikatorer som är i bruk det året."],
  };
}

export const CUSTOM_RULES_SV: readonly string[] = [
  "Ange en vikt för varje delindex och, om du vill, för enskilda indikatorer (annars gäller " +
    "katalogens vikter).",
  "Vikterna måste vara tal, får inte vara negativa och får inte alla vara noll; inom ett delindex som " +
    "har vikt måste minst en indikator ha vikt.",
  "Vikterna räknas om så att de summerar till 100 %; bara förhållandet mellan dem spelar roll.",
];

export interface CustomWeightsDoc {
  id: "egna-vikter";
  version: string;
  name_sv: string;
  rules_sv: readonly string[];
  template: { subIndex: Record<SubIndexId, number>; indicator: Record<string, number> };
}

/** The third weight set as documentation and a starting template (the default weights). */
export function customWeightsDoc(): CustomWeightsDoc {
  return {
    id: "egna-vikter", version: WEIGHTS_VERSION, name_sv: "Egna vikter", rules_sv: CUSTOM_RULES_SV,
    template: { subIndex: { ...SENIOR_SUB_INDEX_WEIGHTS }, indicator: catalogueIndicatorWeights() },
  };
}
