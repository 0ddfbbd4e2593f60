// The indicator catalogue, kept as data: the method page, the weights file and the scores are all
// generated from these rows, so the published method cannot drift from the code.
// KPI meanings: Kolada's KPI catalogue (https://api.kolada.se/v3/kpi/{id}) and DESIGN.md §3.1/§4.

import type { CatalogueEntry, ScoringRule, SubIndexDef } from "./types";

export const SUB_INDICES: readonly SubIndexDef[] = [
  {
    id: "information", column: "information", name_sv: "Information",
    description_sv: "Om de äldre får veta när något ändras och kan framföra synpunkter och klagomål.",
  },
  {
    id: "bistandshandlaggning", column: "bistandshandlaggning", name_sv: "Biståndshandläggning",
    description_sv: "Om hjälpen anpassas efter behov och önskemål och om de äldre kan påverka den.",
  },
  {
    id: "utforande", column: "utforande", name_sv: "Utförande",
    description_sv: "Hur hjälpen i hemmet fungerar: tid, bemötande, trygghet, förtroende och kontinuitet.",
  },
  {
    id: "stod_utveckling", column: "stod_utveckling", name_sv: "Stöd och utveckling",
    description_sv: "Hur kommunen följer upp och utvecklar hemtjänsten: de äldres deltagande i " +
      "uppföljningen, välfärdsteknik, förebyggande arbete och rutiner.",
  },
];

const SHARE: ScoringRule = { kind: "andel" };
const CODED: ScoringRule = { kind: "kod_012" };
const YES_NO: ScoringRule = { kind: "ja_nej" };

const SURVEY_FIRST = 2012; // first year of the survey in Kolada
const SURVEY_SOURCE_SV = "Socialstyrelsens brukarundersökning ”Vad tycker de äldre om äldreomsorgen?”";

function survey(
  kpi: string, subIndex: CatalogueEntry["subIndex"], weight: number, name_sv: string,
  description_sv: string, rationale_sv: string, lastYear: number | null = null,
): CatalogueEntry {
  return {
    id: kpi, kpi, name_sv, description_sv: `${description_sv} Källa: ${SURVEY_SOURCE_SV}.`,
    source: "kolada", subIndex, direction: "hogre_battre", rule: SHARE, weight, level: "enhet",
    survey: true, firstYear: SURVEY_FIRST, lastYear, rationale_sv,
  };
}

const EHEALTH: [string, string][] = [
  ["U21340", "Tillsyn med digital teknik (t.ex. kamera) dag eller natt"],
  ["U21341", "GPS-larm"],
  ["U21342", "Passiva larm och sensorer"],
  ["U21343", "Samordnad planering (SIP) via video inför utskrivning från sjukhus"],
  ["U21344", "Samordnad planering (SIP) via video vid andra tillfällen"],
  ["U21345", "Digitalt stöd för träning och aktivering"],
  ["U21346", "Digitalt stöd för dagliga aktiviteter"],
  ["U21347", "Stöd för digitala inköp"],
  ["U21348", "Digital kommunikation med personal eller närstående"],
  ["U21349", "Digitala lås till bostaden"],
];

function ehealth([kpi, what]: [string, string]): CatalogueEntry {
  return {
    id: kpi, kpi, name_sv: `Välfärdsteknik: ${what}`,
    description_sv: `Om kommunen erbjuder äldre i eget boende: ${what.toLowerCase()}. ` +
      "Nej ger 0, försöksverksamhet 50 och breddinfört 100 poäng. Källa: kommunenkäten via Kolada.",
    source: "kolada", subIndex: "stod_utveckling", direction: "hogre_battre", rule: CODED,
    weight: 0.025, level: "kommun", survey: false, firstYear: 2021, lastYear: null,
    rationale_sv: "Välfärdsteknik kan ge trygghet och självständighet och visar om kommunen utvecklar " +
      "hemtjänsten. Tio tekniker med lika vikt, tillsammans en fjärdedel av delindexet, så att ingen " +
      "enskild teknik avgör. Frågan finns i underlaget från 2021.",
  };
}

function unitSurvey(
  kpi: string, weight: number, name_sv: string, description_sv: string, rationale_sv: string,
  subIndex: CatalogueEntry["subIndex"] = "stod_utveckling", unitRule?: ScoringRule,
): CatalogueEntry {
  return {
    id: kpi, kpi, name_sv, description_sv: `${description_sv} Källa: Socialstyrelsens enhetsundersökning.`,
    source: "kolada", subIndex, direction: "hogre_battre", rule: SHARE, unitRule, weight,
    level: "enhet", survey: false, firstYear: null, lastYear: null, rationale_sv,
  };
}

const ROUTINE_RATIONALE = "En beslutad och aktuell rutin är en förutsättning för att personalen ska " +
  "agera rätt. På enhetsnivå Ja/Nej (0/100), på kommunnivå andel enheter med rutin.";

export const CATALOGUE: readonly CatalogueEntry[] = [
  // ---- Information
  survey("U21465", "information", 0.5, "Information om förändringar",
    "Andel som tycker att personalen alltid eller oftast meddelar i förväg om tillfälliga förändringar.",
    "Seniorer lyfter information som en egen del av kvaliteten; lika vikt som synpunkter."),
  survey("U21464", "information", 0.5, "Vet hur man framför synpunkter och klagomål",
    "Andel som vet var de ska vända sig för att framföra synpunkter eller klagomål på hemtjänsten.",
    "Att kunna säga ifrån är grunden för inflytande; lika vikt som information om förändringar."),
  // ---- Biståndshandläggning
  survey("U21472", "bistandshandlaggning", 0.3, "Beslutet är anpassat efter behoven",
    "Andel som tycker att handläggarens beslut om hjälp är anpassat efter deras behov.",
    "Kärnan i biståndsbeslutet: att insatserna motsvarar behovet. Störst vikt i delindexet."),
  survey("U21462", "bistandshandlaggning", 0.25, "Kan påverka tiderna",
    "Andel som alltid eller oftast kan påverka vid vilka tider de får hjälp.",
    "Inflytande över vardagen är det seniorer oftast nämner efter behovet av hjälp."),
  survey("U21463", "bistandshandlaggning", 0.25, "Hänsyn till åsikter och önskemål",
    "Andel som tycker att personalen alltid eller oftast tar hänsyn till deras åsikter och önskemål.",
    "Att egna önskemål styr hur hjälpen ges; samma vikt som att kunna påverka tiderna."),
  survey("U21473", "bistandshandlaggning", 0.2, "Fick välja utförare",
    "Andel som svarat ja på frågan om de fick välja utförare av hemtjänsten.",
    "Valfrihet är viktig för många, men beror på om kommunen har valfrihetssystem; därför lägst vikt. " +
      "Frågan ställdes till och med 2023 och används inte därefter.", 2023),
  // ---- Utförande
  survey("U21468", "utforande", 0.2, "Nöjd med hemtjänsten som helhet",
    "Andel som är mycket eller ganska nöjda med hemtjänsten sammantaget.",
    "Den samlade bedömningen från de äldre själva; störst enskild vikt i delindexet."),
  survey("U21461", "utforande", 0.08, "Personalen har tillräckligt med tid",
    "Andel som tycker att personalen alltid eller oftast har tillräckligt med tid för att utföra arbetet.",
    "Tid är en förutsättning för god omsorg."),
  survey("U21466", "utforande", 0.06, "Alltid bra bemötande",
    "Andel som alltid får ett bra bemötande av personalen.",
    "Bemötande räknas med två mått (alltid; alltid eller oftast) med halva vikten var, så att både " +
      "nivån och skillnaderna i toppen syns utan att bemötandet räknas dubbelt."),
  survey("U21504", "utforande", 0.06, "Alltid eller oftast bra bemötande",
    "Andel som alltid eller oftast får ett bra bemötande av personalen.",
    "Se ”Alltid bra bemötande”: ett bemötandebegrepp med två mått och halva vikten var."),
  survey("U21467", "utforande", 0.06, "Känner sig mycket trygg med hemtjänsten",
    "Andel som känner sig mycket trygga med att bo hemma med stöd från hemtjänsten.",
    "Trygghet räknas med två mått (mycket trygg; mycket eller ganska trygg) med halva vikten var."),
  survey("U21505", "utforande", 0.06, "Känner sig mycket eller ganska trygg",
    "Andel som känner sig mycket eller ganska trygga med att bo hemma med stöd från hemtjänsten.",
    "Se ”Känner sig mycket trygg”: ett trygghetsbegrepp med två mått och halva vikten var."),
  survey("U21477", "utforande", 0.08, "Förtroende för personalen",
    "Andel som känner förtroende för alla eller de flesta i personalen som kommer hem till dem.",
    "Förtroende för dem som kommer hem till en är centralt för seniorer."),
  survey("U21475", "utforande", 0.08, "Personalen kommer på avtalad tid",
    "Andel som tycker att personalen alltid eller oftast kommer på avtalad tid.",
    "Passning av tider styr hela dagen för den som väntar på hjälp."),
  survey("U21474", "utforande", 0.08, "Personalen utför sina uppgifter bra",
    "Andel som tycker att personalen utför sina arbetsuppgifter mycket eller ganska bra.",
    "Själva hjälpen: att det som ska göras blir gjort."),
  survey("U21481", "utforande", 0.08, "Lätt att få kontakt med personalen",
    "Andel som tycker att det är mycket eller ganska lätt att få kontakt med hemtjänstpersonalen.",
    "Att nå hemtjänsten när något händer."),
  {
    id: "U21401", kpi: "U21401", name_sv: "Personalkontinuitet (antal personal på 14 dagar)",
    description_sv: "Genomsnittligt antal olika personer ur personalen som en hemtjänsttagare med " +
      "minst två besök om dagen möter under 14 dagar. Färre är bättre: 8 eller färre ger 100 poäng, " +
      "25 eller fler ger 0, däremellan linjärt. Källa: Kolada (kommunenkäten).",
    source: "kolada", subIndex: "utforande", direction: "lagre_battre",
    rule: { kind: "ankare", best: 8, worst: 25 }, weight: 0.16, level: "kommun", survey: false,
    firstYear: null, lastYear: 2024,
    rationale_sv: "Att möta få olika personer är det seniorer oftast efterfrågar. Fasta ankare (8 och 25 " +
      "personer) gör att poängen betyder samma sak alla år. Måttet upphörde efter 2024; därefter " +
      "används fast omsorgskontakt när den finns.",
  },
  unitSurvey("N21600", 0.16, "Erbjudits fast omsorgskontakt",
    "Andel hemtjänsttagare som erbjudits en fast omsorgskontakt, en undersköterska med särskilt ansvar.",
    "Efterträder personalkontinuiteten (som upphörde efter 2024) som mått på kontinuitet, med samma vikt.",
    "utforande"),
  // ---- Stöd och utveckling
  {
    id: "U23593", kpi: "U23593", name_sv: "Svarsfrekvens i brukarundersökningen",
    description_sv: "Andel av hemtjänsttagarna som besvarat Socialstyrelsens brukarundersökning. " +
      `Källa: ${SURVEY_SOURCE_SV}.`,
    source: "kolada", subIndex: "stod_utveckling", direction: "hogre_battre", rule: SHARE, weight: 0.25,
    level: "kommun", survey: false, firstYear: 2019, lastYear: null,
    rationale_sv: "Hur många som svarar visar hur väl kommunen ger de äldre möjlighet att göra sin röst " +
      "hörd, och ger ett säkrare underlag för att utveckla hemtjänsten. Kommunen kan påverka den " +
      "genom information och hjälp att svara. Åren 2019–2020 är det den enda indikatorn med data i " +
      "delindexet; det redovisas som en begränsning.",
  },
  ...EHEALTH.map(ehealth),
  {
    id: "U21432", kpi: "U21432", name_sv: "Förebyggande åtgärder (Senior alert)",
    description_sv: "Andel äldre med hemsjukvård i eget boende som bedömts ha risk för fall, " +
      "undernäring, trycksår eller dålig munhälsa och som fått minst en åtgärd inom sex månader. " +
      "Källa: Senior alert via Kolada.",
    source: "senioralert", subIndex: "stod_utveckling", direction: "hogre_battre", rule: SHARE,
    weight: 0.2, level: "kommun", survey: false, firstYear: null, lastYear: null,
    rationale_sv: "Förebyggande arbete mot fall och undernäring skyddar hälsan hos dem som bor hemma. " +
      "Måttet för särskilt boende (U23433) används inte, eftersom det inte gäller hemtjänsten.",
  },
  unitSurvey("U21452", 0.05, "Aktuell genomförandeplan",
    "Andel hemtjänsttagare med en genomförandeplan som är högst sex månader gammal.",
    "Genomförandeplanen beskriver hur hjälpen ska ges; att den är aktuell visar systematisk uppföljning."),
  unitSurvey("U21554", 0.05, "Delaktig i sin genomförandeplan",
    "Andel hemtjänsttagare där det är dokumenterat hur de själva deltagit i sin genomförandeplan.",
    "Den äldres eget deltagande i planeringen är en grund för inflytande."),
  unitSurvey("U21557", 0.025, "Rutin vid risk för undernäring",
    "Om enheten har en aktuell rutin för vad personalen gör vid misstanke om undernäring.",
    ROUTINE_RATIONALE, "stod_utveckling", YES_NO),
  unitSurvey("U21558", 0.025, "Rutin vid våld eller övergrepp",
    "Om enheten har en aktuell rutin för vad personalen gör vid misstanke om våld från närstående.",
    ROUTINE_RATIONALE, "stod_utveckling", YES_NO),
  unitSurvey("U21559", 0.025, "Rutin vid läkemedelsmissbruk",
    "Om enheten har en aktuell rutin vid misstanke om beroende eller missbruk av läkemedel.",
    ROUTINE_RATIONALE, "stod_utveckling", YES_NO),
  unitSurvey("U21561", 0.025, "Rutin för samarbete med anhöriga",
    "Om enheten har en aktuell rutin för hur personalen samarbetar med anhöriga.",
    ROUTINE_RATIONALE, "stod_utveckling", YES_NO),
  unitSurvey("N21603", 0.05, "Rutin för fast omsorgskontakt",
    "Om enheten har en skriftlig rutin, beslutad på ledningsnivå, för arbetet med fasta omsorgskontakter.",
    ROUTINE_RATIONALE, "stod_utveckling", YES_NO),
  unitSurvey("N21608", 0.025, "Undersköterskor bland personalen, vardagar",
    "Andel av omsorgspersonalen som är undersköterskor, vardagar.",
    "Personalens utbildning är en förutsättning för kvalitet och utveckling."),
  unitSurvey("N21609", 0.025, "Undersköterskor bland personalen, helger",
    "Andel av omsorgspersonalen som är undersköterskor, helger.",
    "Som vardagar; helgerna räknas för sig eftersom bemanningen ofta är svagare då."),
];

/** KPIs in the project's list that were considered and deliberately not scored, with the reason. */
export const NOT_SCORED: readonly { kpi: string; reason_sv: string }[] = [
  { kpi: "U21482", reason_sv: "Andelen som svarat själv beskriver hur sköra de svarande är, inte kvaliteten. Visas som sammanhang." },
  { kpi: "U21447", reason_sv: "Hälsotillstånd beskriver de äldre, inte hemtjänsten. Visas som sammanhang." },
  { kpi: "U21449", reason_sv: "Oro och ängslan beror främst på hälsa; visas som sammanhang." },
  { kpi: "U21478", reason_sv: "Ensamhet påverkas av mycket utanför hemtjänsten; visas som sammanhang." },
  { kpi: "U21454", reason_sv: "Sammanvägt mått av frågor som redan ingår; skulle räkna dem dubbelt." },
  { kpi: "U21455", reason_sv: "Sammanvägt mått av frågor som redan ingår; skulle räkna dem dubbelt." },
  { kpi: "U23592", reason_sv: "Antal svarande poängsätts inte, men används för osäkerheten (bootstrap)." },
  { kpi: "U23433", reason_sv: "Gäller särskilt boende, inte hemtjänst." },
  { kpi: "N21601", reason_sv: "Om man tackar ja till fast omsorgskontakt är den enskildes val." },
  { kpi: "N21602", reason_sv: "Byte av fast omsorgskontakt kan vara både bra och dåligt; riktningen är oklar." },
  { kpi: "N21604", reason_sv: "Kolada beskriver måttet otydligt (titel och definition skiljer sig); används inte." },
  { kpi: "N21610", reason_sv: "Antal hemtjänsttagare per personal beror på behoven; riktningen är oklar. Visas som sammanhang." },
  { kpi: "N21611", reason_sv: "Som N21610, helger." },
];

const BY_ID = new Map(CATALOGUE.map((e) => [e.id, e]));

export function catalogueEntry(id: string): CatalogueEntry {
  const entry = BY_ID.get(id);
  if (!entry) throw new Error(`Unknown indicator id "${id}" (not in src/model/catalogue.ts)`);
  return entry;
}

/** The KPI holding survey respondents per municipality (used by the bootstrap, not scored). */
export const RESPONDENTS_KPI = "U23592";
/** Overall satisfaction, the outcome of the relative-importance analysis. */
export const OVERALL_KPI = "U21468";
