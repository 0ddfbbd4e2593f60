// The explorer's build-time configuration, inlined in the page as JSON (see
// src/pages/utforska/_explorer-data.ts): exact weights of the model's weight sets, the catalogue's
// scoring rules, the published years and the municipalities for the form.

import type { SubIndexId, YearWeights } from "../../model/types";

export interface ConfigWeightSet {
  id: string;
  name_sv: string;
  description_sv: string;
  subIndex: Record<SubIndexId, number>; // catalogue-level sub-index weights of the set
  byYear: Record<string, YearWeights>; // effective weights per published year (exact, unrounded)
  /** year → indicator → the score a missing value gets under "riksmedian" (the model's national median, exact) */
  neutral: Record<string, Record<string, number>>;
}

export interface ConfigRule {
  indicator: string;
  pos: number; // catalogue position: the order in which the model sums
  sub_index: SubIndexId;
  name_sv: string;
  kind: "andel" | "ja_nej" | "kod_012" | "ankare";
  direction: "hogre_battre" | "lagre_battre";
  best: number | null;
  worst: number | null;
}

export interface ConfigMunicipality {
  code: string;
  name: string;
  county_code: string;
  county: string;
  group_id: string;
  group: string;
  population: number;
}

export interface ExplorerConfig {
  years: number[];
  weightSets: ConfigWeightSet[];
  rules: ConfigRule[];
  municipalities: ConfigMunicipality[];
}

/** What the page inlines for the browser (no municipality list: the form's options carry it). */
export interface ClientConfig {
  years: number[];
  weightSets: ConfigWeightSet[];
  rules: ConfigRule[];
  examples: { label: string; sql: string }[];
}
