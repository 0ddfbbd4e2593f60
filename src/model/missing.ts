// Missing data: which indicators are in use in a year, which years are published, the two switchable
// rules for a municipality's missing values, and the coverage limit. Never silent: every result carries
// its coverage and flags.

import { CATALOGUE } from "./catalogue";
import type { CatalogueEntry, MissingRuleId, SubIndexId } from "./types";
import { SUB_INDEX_IDS } from "./types";
import type { ValueIndex } from "./yearData";

/** An indicator is in use in a year when it is inside its years and at least this share of the
 *  municipalities has a value. Below that, it is left out for everyone that year (not scored 0). */
export const ACTIVE_SHARE = 0.5;

/** A result whose weight rests on less than this share of actual values is flagged (and gets no group). */
export const COVERAGE_LIMIT = 0.75;

export const MISSING_RULES: readonly { id: MissingRuleId; name_sv: string; description_sv: string }[] = [
  {
    id: "riksmedian",
    name_sv: "Riksmedianen (standard)",
    description_sv: "En indikator som saknas för en kommun får det årets riksmedian för indikatorn: " +
      "poängen för kommunen i mitten av alla kommuner som har ett värde. Ett saknat värde kan därför " +
      "varken lyfta eller sänka kommunen jämfört med andra på den indikatorn. Sidan visar vilka " +
      "indikatorer som saknas, och täckningen visar hur stor del av vikten som vilar på kommunens egna " +
      "värden. Saknas ett helt delindex visas det inte, men det räknas med riksmedianerna i totalen.",
  },
  {
    id: "som-hemtjanstindex",
    name_sv: "Som Hemtjänstindex",
    description_sv: "En indikator som saknas för en kommun ger 0 poäng, så som SPF Seniorernas " +
      "Hemtjänstindex gör när en kommun inte deltagit. Det straffar kommuner som saknar data och " +
      "visas därför bara som jämförelse.",
  },
];

export const DEFAULT_MISSING_RULE: MissingRuleId = "riksmedian";

/** Why the national median and not something else (method page). */
export const MISSING_RULE_CHOICE_SV: readonly string[] = [
  "Tidigare räknades en saknad indikator bort och dess vikt fördelades på de andra i delindexet. Det " +
    "gav i praktiken kommunen delindexets genomsnitt i stället. Personalkontinuiteten har en median " +
    "kring 53 poäng medan de andra måtten i Utförande ligger kring 80–88, så en kommun utan " +
    "kontinuitetsmått fick ett värde nära de bästa kommunernas. Det lyfte kommuner utan data.",
  "Riksmedianen används för att den ligger på indikatorns egen skala och mitt i fältet: en kommun " +
    "som saknar ett mått hamnar varken före eller efter andra på just det måttet. Kommungruppens " +
    "median prövades som alternativ men förkastades: grupperna är små (för kontinuiteten har den " +
    "minsta gruppen bara en eller två kommuner med värde och de flesta färre än 25), medianerna " +
    "hoppar mellan åren, och kommungruppen skulle då påverka rangen.",
  "Riksmedianen behandlas som känd i osäkerhetsberäkningen. Att värdet i själva verket är okänt " +
    "syns i stället i täckningen och i listan över saknade indikatorer.",
];
export function isInsideYears(entry: CatalogueEntry, year: number): boolean {
  return (entry.firstYear === null || year >= entry.firstYear) &&
    (entry.lastYear === null || year <= entry.lastYear);
}

function valueCount(index: ValueIndex, kpi: string, year: number, codes: readonly string[]): number {
  const byCode = index.get(kpi)?.get(year);
  if (!byCode) return 0;
  let n = 0;
  for (const code of codes) {
    const v = byCode.get(code);
    if (v !== undefined && v !== null) n++;
  }
  return n;
}

/** The indicators in use in a year (catalogue order). */
export function activeIndicators(
  index: ValueIndex, year: number, codes: readonly string[],
): CatalogueEntry[] {
  const need = Math.max(1, Math.ceil(ACTIVE_SHARE * codes.length));
  return CATALOGUE.filter((e) => isInsideYears(e, year) && valueCount(index, e.kpi, year, codes) >= need);
}

/** A year is published when every one of the four sub-indices has at least one indicator in use. */
export function isPublishable(active: readonly CatalogueEntry[]): boolean {
  const present = new Set<SubIndexId>(active.map((e) => e.subIndex));
  return SUB_INDEX_IDS.every((s) => present.has(s));
}

export const PUBLISHED_YEARS_RULE_SV =
  "Ett år publiceras när alla fyra delindex har minst en indikator i bruk det året. En indikator är " +
  "i bruk när året ligger inom indikatorns giltighetsår och minst hälften av kommunerna har ett värde. " +
  "Brukarundersökningen gjordes inte 2021, och svarsfrekvensen (det första måttet i Stöd och " +
  "utveckling) redovisas från 2019; därför är 2019 det första publicerade året.";

const SUB_NAMES_SV: Record<SubIndexId, string> = {
  information: "Information", bistandshandlaggning: "Biståndshandläggning", utforande: "Utförande",
  stod_utveckling: "Stöd och utveckling",
};

/** Why a year with data is not published, e.g. "2021: inget mått i bruk i Information, …". */
export function unpublishedReason(year: number, active: readonly CatalogueEntry[]): string {
  const present = new Set(active.map((e) => e.subIndex));
  const missing = SUB_INDEX_IDS.filter((s) => !present.has(s)).map((s) => SUB_NAMES_SV[s]);
  return `${year}: inget mått i bruk i ${missing.join(", ")}.`;
}

/** Sub-indices resting on a single indicator in a published year (shown as a limitation). */
export function thinSubIndices(year: number, active: readonly CatalogueEntry[]): string[] {
  return SUB_INDEX_IDS.filter((s) => active.filter((e) => e.subIndex === s).length === 1).map((s) => {
    const only = active.find((e) => e.subIndex === s) as CatalogueEntry;
    return `${year}: ${SUB_NAMES_SV[s]} bygger bara på en indikator (${only.name_sv}).`;
  });
}

export const INDICATOR_RULES_SV: readonly string[] = [
  "En indikator som upphört (t.ex. personalkontinuiteten efter 2024 och valet av utförare efter 2023) " +
    "används inte efter sitt sista år. Dess vikt fördelas på de övriga indikatorerna i delindexet.",
  "En indikator som saknas för de flesta kommuner ett år (färre än hälften har värde) används inte " +
    "det året för någon kommun; dess vikt fördelas på de övriga i delindexet. Ingen kommun får 0 " +
    "för en mätning som inte gjordes.",
  "Brukarundersökningen gjordes inte 2021; året publiceras därför inte.",
  `En kommun vars resultat vilar på mindre än ${Math.round(COVERAGE_LIMIT * 100)} % av vikten ` +
    "(täckning) flaggas ”låg täckning”. Då visas bara delindexen: kommunen får ingen placering, inget " +
    "osäkerhetsintervall, ingen resultatgrupp och ingen förändring, och den räknas inte med i " +
    "känslighetsanalysen. En placering utan underlag vore missvisande.",
];
