// The method as data: the method page, weights.json and method.json are rendered from this, so the
// published method cannot drift from the code.

import { BOOTSTRAP_RULE_SV, INTERVAL_LEVEL, ITEM_ERROR_CORRELATION } from "./bootstrap";
import { CATALOGUE, NOT_SCORED, SUB_INDICES } from "./catalogue";
import { CHANGE_RULE_SV, type ChangeComparison } from "./changeSummary";
import type { PooledDerivedAnalysis } from "./derivedWeights";
import { DERIVED_RULE_SV } from "./derivedWeights";
import type { EffectiveWeightRow } from "./effectiveWeights";
import { EFFECTIVE_WEIGHTS_RULE_SV } from "./effectiveWeights";
import type { MethodChecks } from "./methodChecks";
import {
  ACTIVE_SHARE, COVERAGE_LIMIT, DEFAULT_MISSING_RULE, INDICATOR_RULES_SV, MISSING_RULE_CHOICE_SV, MISSING_RULES, PUBLISHED_YEARS_RULE_SV,
  thinSubIndices,
} from "./missing";
import { COLUMNS_SV } from "./outputTables";
import { GROUP_END_SHARE, GROUP_RULE_SV, GROUPS } from "./ranking";
import type { RelativeImportanceResult } from "./relativeImportance";
import { SCORING_RULES_SV, roundTo } from "./scoring";
import type { ShiftSummary } from "./sensitivity";
import { SENSITIVITY_RULE_SV } from "./sensitivity";
import type { CatalogueEntry, SubIndexDef, WeightSet, WeightSetId } from "./types";
import { MIN_UNIT_RESPONDENTS, UNIT_RULES_SV } from "./units";
import { CUSTOM_RULES_SV, SENIOR_SUB_INDEX_WEIGHTS, WEIGHTS_VERSION } from "./weights";

export const MODEL_VERSION = "1.0.0";

export const FLAGS_SV: Record<string, string> = {
  inga_data: "Inga värden det året; inte rangordnad.",
  lag_tackning: `Mindre än ${Math.round(COVERAGE_LIMIT * 100)} % av vikten vilar på faktiska värden; bara delindexen visas (ingen total, placering, osäkerhet, grupp eller förändring).`,
  saknar_delindex: "Ett helt delindex saknar värden.",
  antaget_antal_svarande: "Antal svarande saknas; årets median används i osäkerhetsberäkningen.",
  fa_svarande: `Färre än ${MIN_UNIT_RESPONDENTS} svarande; visas men rangordnas inte.`,
  okant_antal_svarande: "Antal svarande okänt; visas men rangordnas inte.",
  exempeldata: "Exempeldata: påhittad enhet, kalibrerad mot kommunens verkliga värde.",
  riket: "Riket som jämförelse; rangordnas inte.",
};

export const LIMITATIONS_SV: readonly string[] = [
  "Mått från Senior alert och enhetsundersökningen saknas i det underlag som byggs utan nätverk; " +
    "de används de år de finns.",
  "Enkätandelarna är skattningar från ett urval. Osäkerheten visas som ett intervall för rangen; " +
    "kommuner vars intervall överlappar kan ofta inte skiljas åt.",
  "Personalkontinuiteten saknas för ungefär var femte kommun. Med riksmedianen (standard) får de " +
    "medianpoängen för måttet; med regeln som Hemtjänstindex ger den 0 poäng. Vilka indikatorer som " +
    "saknas visas för varje kommun.",
  "Indikatorerna i bruk skiljer sig något mellan åren. Placeringar jämförs därför på de indikatorer som " +
    "finns båda åren, men ett års totalindex bygger på alla det årets indikatorer: jämför inte totalindex " +
    "rakt av mellan år med olika indikatorer, utan delindex och enskilda indikatorer.",
  "Enheterna i underlaget utan nätverk är exempeldata, inte verkliga enheter.",
];

export interface MethodCatalogueRow extends CatalogueEntry {
  rule_sv: string; // the scoring rule in words, with its parameters
}

export interface MethodDoc {
  version: string;
  title_sv: string;
  summary_sv: string;
  credit_sv: string;
  subIndices: SubIndexDef[];
  catalogue: MethodCatalogueRow[];
  notScored: { kpi: string; reason_sv: string }[];
  scoringRules: { id: string; name_sv: string; formula_sv: string }[];
  weightSets: { id: WeightSetId; version: string; name_sv: string; description_sv: string }[];
  defaultWeightSet: WeightSetId;
  derivedWeightsRules_sv: readonly string[];
  missingRules: typeof MISSING_RULES;
  defaultMissingRule: string;
  coverageLimit: number;
  activeShare: number;
  indicatorRules_sv: readonly string[];
  publishedYears: number[];
  publishedYearsRule_sv: string;
  unpublishedYears_sv: string[];
  activeIndicatorsByYear: Record<string, string[]>;
  ranking_sv: string;
  riket_sv: string;
  defaultSubIndexWeights: Record<string, number>;
  groups: { ids: readonly string[]; endShare: number; rule_sv: string };
  bootstrap: { samples: number; seed: number; level: number; itemCorrelation: number; rules_sv: readonly string[] };
  units: { minRespondents: number; rules_sv: readonly string[] };
  sensitivity: { rule_sv: string; summary: ShiftSummary[] };
  missingRuleChoice_sv: readonly string[];
  effectiveWeights: { rule_sv: string; rows: EffectiveWeightRow[] };
  checks: MethodChecks | null;
  relativeImportance: RelativeImportanceResult[];
  flags: Record<string, string>;
  columns_sv: Record<string, Record<string, string>>;
  limitations_sv: string[];
  /** How changes between years are compared (the change rule, on the indicators both years have). */
  changes: { rules_sv: readonly string[]; pairs: ChangeComparison[] };
}

function ruleInWords(e: CatalogueEntry): string {
  const base = SCORING_RULES_SV[e.rule.kind].formula_sv;
  if (e.rule.kind === "ankare") {
    return `${base} Bäst ${e.rule.best} (100 poäng), sämst ${e.rule.worst} (0 poäng).`;
  }
  if (e.unitRule) return `${base} För enheter: ${SCORING_RULES_SV[e.unitRule.kind].formula_sv}`;
  return base;
}

export function buildMethodDoc(args: {
  sets: readonly WeightSet[]; publishedYears: number[]; activeByYear: Map<number, CatalogueEntry[]>;
  samples: number; seed: number; shifts: ShiftSummary[]; analyses: RelativeImportanceResult[];
  unpublished: string[]; effective?: EffectiveWeightRow[]; checks?: MethodChecks | null;
  changes?: ChangeComparison[];
}): MethodDoc {
  const thin = [...args.activeByYear].flatMap(([year, active]) => thinSubIndices(year, active));
  return {
    version: MODEL_VERSION,
    title_sv: "Så räknas Hemtjänstkollens index",
    summary_sv: "Indexet (0–100) väger samman fyra delindex: Information, Biståndshandläggning, " +
      "Utförande samt Stöd och utveckling. Varje indikator poängsätts på en fast skala 0–100, " +
      "delindexen är viktade medelvärden av sina indikatorer och totalen ett viktat medelvärde av " +
      "delindexen. Alla vikter, regler och begränsningar redovisas här.",
    credit_sv: "Bearbetning av data från Kolada (RKA), Socialstyrelsen och Senior alert. " +
      "Poäng, rangordning och grupper är Hemtjänstkollens egna beräkningar.",
    subIndices: [...SUB_INDICES],
    catalogue: CATALOGUE.map((e) => ({ ...e, rule_sv: ruleInWords(e) })),
    notScored: [...NOT_SCORED],
    scoringRules: Object.entries(SCORING_RULES_SV).map(([id, r]) => ({ id, ...r })),
    weightSets: [
      ...args.sets.filter((s) => s.id !== "egna-vikter")
        .map((s) => ({ id: s.id, version: s.version, name_sv: s.name_sv, description_sv: s.description_sv })),
      { id: "egna-vikter", version: WEIGHTS_VERSION, name_sv: "Egna vikter", description_sv: CUSTOM_RULES_SV.join(" ") },
    ],
    defaultWeightSet: "seniorernas-prioritering",
    defaultSubIndexWeights: { ...SENIOR_SUB_INDEX_WEIGHTS },
    derivedWeightsRules_sv: DERIVED_RULE_SV,
    missingRules: MISSING_RULES,
    defaultMissingRule: DEFAULT_MISSING_RULE,
    coverageLimit: COVERAGE_LIMIT,
    activeShare: ACTIVE_SHARE,
    indicatorRules_sv: INDICATOR_RULES_SV,
    publishedYears: args.publishedYears,
    publishedYearsRule_sv: PUBLISHED_YEARS_RULE_SV,
    unpublishedYears_sv: args.unpublished,
    activeIndicatorsByYear: Object.fromEntries([...args.activeByYear].map(([y, a]) => [String(y), a.map((e) => e.id)])),
    ranking_sv: "Totalen avrundas till en decimal och kommunerna rangordnas på det avrundade värdet, " +
      "högst först. Lika totaler delar rang (1, 2, 2, 4). Bara kommuner med tillräcklig täckning " +
      "rangordnas; en kommun med låg täckning visas med sina delindex men utan total, placering, " +
      "intervall, grupp och förändring. Riket rangordnas inte.",
    riket_sv: "Riket visas som jämförelse med Koladas värden för riket. Där Kolada saknar ett värde för " +
      "riket (personalkontinuitet, välfärdsteknik) används medelvärdet av kommunernas värden.",
    groups: { ids: GROUPS, endShare: GROUP_END_SHARE, rule_sv: GROUP_RULE_SV },
    bootstrap: {
      samples: args.samples, seed: args.seed, level: INTERVAL_LEVEL, itemCorrelation: ITEM_ERROR_CORRELATION,
      rules_sv: BOOTSTRAP_RULE_SV,
    },
    units: { minRespondents: MIN_UNIT_RESPONDENTS, rules_sv: UNIT_RULES_SV },
    sensitivity: { rule_sv: SENSITIVITY_RULE_SV, summary: args.shifts },
    missingRuleChoice_sv: MISSING_RULE_CHOICE_SV,
    effectiveWeights: {
      rule_sv: EFFECTIVE_WEIGHTS_RULE_SV,
      rows: (args.effective ?? []).map((r) => ({ ...r, nominal: roundTo(r.nominal, 6), share: roundTo(r.share, 6) })),
    },
    checks: args.checks ?? null,
    relativeImportance: args.analyses.map(roundAnalysis),
    flags: FLAGS_SV,
    columns_sv: COLUMNS_SV,
    limitations_sv: [...thin, ...LIMITATIONS_SV],
    changes: { rules_sv: CHANGE_RULE_SV, pairs: args.changes ?? [] },
  };
}

export function roundPooled(a: PooledDerivedAnalysis | null): PooledDerivedAnalysis | null {
  if (!a) return null;
  const r = (rec: Record<string, number | undefined>) => Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, roundTo(v ?? 0, 4)]));
  return {
    ...a, r2SubIndex: roundTo(a.r2SubIndex, 4), r2Items: roundTo(a.r2Items, 4), subIndex: r(a.subIndex),
    items: r(a.items), subIndexShare: r(a.subIndexShare),
  };
}

export function roundAnalysis(a: RelativeImportanceResult): RelativeImportanceResult {
  return {
    ...a, r2: roundTo(a.r2, 4),
    items: a.items.map((it) => ({ kpi: it.kpi, raw: roundTo(it.raw, 4), share: roundTo(it.share, 4) })),
  };
}
