// The SQL box speaks Swedish: one view per table with the column names of the site's downloads
// (src/site-data/downloads.ts: ar, kommunkod, kommun, rang, totalindex, tackning, varde …). Pure: the
// page documents the views from this list, the engine creates them from it, and views.test.ts checks
// them against the built tables in native DuckDB.

export interface ViewColumn { name: string; expr: string; description_sv: string }

export interface ViewDoc {
  name: string;
  table: string; // the table underneath (English names, as in the Parquet files)
  description_sv: string;
  columns: readonly ViewColumn[];
  /** Extra FROM text after the table's alias `t` (e.g. a join for the municipality's name). */
  join?: string;
}

const c = (name: string, expr: string, description_sv: string): ViewColumn => ({ name, expr, description_sv });

const NAME_JOIN = "LEFT JOIN municipalities m ON m.code = t.municipality";
const KOMMUN = c("kommun", "CASE WHEN t.municipality = '0000' THEN 'Riket' ELSE m.name END", "Kommunens namn (Riket för 0000).");

const SUB_SCORES = (what: string): ViewColumn[] => [
  c("totalindex", "t.total", `${what}s index 0–100 (en decimal). Högre är bättre.`),
  c("information", "t.information", "Delindex Information, 0–100."),
  c("bistandshandlaggning", "t.bistandshandlaggning", "Delindex Biståndshandläggning, 0–100."),
  c("utforande", "t.utforande", "Delindex Utförande, 0–100."),
  c("stod_och_utveckling", "t.stod_utveckling", "Delindex Stöd och utveckling, 0–100."),
];

export const VIEWS: readonly ViewDoc[] = [
  {
    name: "kommuner", table: "municipalities", description_sv: "Kommunerna: län, kommungrupp, folkmängd och liknande kommuner.",
    columns: [
      c("kommunkod", "t.code", "Kommunkod, fyra tecken med inledande nolla (t.ex. 0114)."),
      c("kommun", "t.name", "Kommunens namn."),
      c("lanskod", "t.county_code", "Länets kod, två tecken."),
      c("lan", "t.county", "Länets namn."),
      c("kommungruppskod", "t.kommungrupp_id", "SKR:s kommungrupp, kod."),
      c("kommungrupp", "t.kommungrupp", "SKR:s kommungrupp, namn."),
      c("folkmangd", "t.population", "Antal invånare."),
      c("folkmangd_65_79", "t.pop_65_79", "Invånare 65–79 år."),
      c("folkmangd_80_plus", "t.pop_80plus", "Invånare 80 år och äldre."),
      c("liknande_kommuner", "t.peers", "Koder för de liknande kommunerna i äldreomsorgen (Kolada), åtskilda med semikolon."),
    ],
  },
  {
    name: "resultat", table: "scores", join: NAME_JOIN,
    description_sv: "Modellens resultat per år, kommun, viktuppsättning och regel för saknade värden. Bearbetning av data från Kolada.",
    columns: [
      c("ar", "t.year", "Året resultatet gäller."),
      c("kommunkod", "t.municipality", "Kommunkod (0000 = riket)."),
      KOMMUN,
      c("viktuppsattning", "t.weight_set", "Viktuppsättningens id, t.ex. seniorernas-prioritering."),
      c("regel", "t.missing_rule", "Regeln för saknade värden: riksmedian (standard) eller som-hemtjanstindex."),
      c("rang", "t.rank", "Plats 1–n, 1 är bäst; lika totalindex delar plats. Tom: ej rangordnad."),
      ...SUB_SCORES("Hemtjänstkollen"),
      c("resultatgrupp", "t.\"group\"", "högt, över medel, nära medel, under medel eller lågt."),
      c("tackning", "t.coverage", "Andel av vikten (0–1) som vilar på faktiska värden."),
      c("rang_lag", "t.rank_low", "Rangintervallets bästa ände (90 % osäkerhetsintervall)."),
      c("rang_hog", "t.rank_high", "Rangintervallets sämsta ände (90 % osäkerhetsintervall)."),
      c("antal_rangordnade", "t.n_ranked", "Antal rangordnade kommuner."),
      c("flaggor", "t.flags", "Flaggor, t.ex. lag_tackning (se metodsidan)."),
      c("kan_inte_skiljas_fran", "t.indistinguishable", "Kommuner som inte kan skiljas från denna (koder)."),
    ],
  },
  {
    name: "forandring", table: "rank_changes", join: NAME_JOIN,
    description_sv: "Förändring i placering mellan två publicerade år. Båda åren är räknade på de indikatorer som finns båda åren, " +
      "så placeringarna kan skilja sig från de publicerade när indikatorerna ändrats. Bearbetning av data från Kolada.",
    columns: [
      c("fran_ar", "t.from_year", "Det tidigare året."),
      c("till_ar", "t.to_year", "Det senare året."),
      c("kommunkod", "t.municipality", "Kommunkod."),
      KOMMUN,
      c("viktuppsattning", "t.weight_set", "Viktuppsättningens id."),
      c("regel", "t.missing_rule", "Regeln för saknade värden."),
      c("rang_fran", "t.rank_from", "Placering det tidigare året (på de gemensamma indikatorerna). Tom: ingen placering."),
      c("lag_fran", "t.rank_low_from", "Rangintervallets bästa ände det tidigare året (90 %)."),
      c("hog_fran", "t.rank_high_from", "Rangintervallets sämsta ände det tidigare året (90 %)."),
      c("rang_till", "t.rank_to", "Placering det senare året (på de gemensamma indikatorerna)."),
      c("lag_till", "t.rank_low_to", "Rangintervallets bästa ände det senare året (90 %)."),
      c("hog_till", "t.rank_high_to", "Rangintervallets sämsta ände det senare året (90 %)."),
      c("forandring", "t.places", "Placeringar framåt, rang_fran − rang_till (positivt = bättre)."),
      c("bedomning", "t.verdict", "steg, föll, oförändrad (intervallen överlappar) eller saknas."),
      c("sakerstalld", "t.certain", "Sant när årens intervall inte överlappar."),
      c("indikatorer", "t.indicators", "Indikatorerna som jämförs (id, semikolon mellan)."),
      c("samma_indikatorer", "t.same_indicators", "Sant när båda åren hade exakt dessa indikatorer (placeringarna är då de publicerade)."),
    ],
  },
  {
    name: "indikatorpoang", table: "indicator_scores", join: NAME_JOIN,
    description_sv: "Varje indikators värde och poäng per år och kommun, med vikterna och spridningen mellan enheter.",
    columns: [
      c("ar", "t.year", "Året."),
      c("kommunkod", "t.municipality", "Kommunkod (0000 = riket)."),
      KOMMUN,
      c("indikator", "t.indicator", "Indikatorns id (Koladas nyckeltal, t.ex. U21468)."),
      c("delindex", "t.sub_index", "Delindexet indikatorn hör till."),
      c("varde", "t.value", "Värdet från källan (Källa: Kolada)."),
      c("poang", "t.score", "Poäng 0–100, en decimal."),
      c("saknas", "t.missing", "Sant när värdet saknas."),
      c("vikt_i_delindex", "t.weight_in_sub_index", "Vikt inom delindexet (standardvikter)."),
      c("vikt", "t.weight", "Vikt i totalen (standardvikter)."),
      c("antal_enheter", "t.unit_count", "Enheter med minst 30 svarande och ett värde."),
      c("enhet_lagst", "t.unit_min", "Lägsta enhetspoäng."),
      c("enhet_hogst", "t.unit_max", "Högsta enhetspoäng."),
      c("enhet_spridning", "t.unit_spread", "Skillnad mellan bästa och sämsta enhet (poäng)."),
    ],
  },
  {
    name: "varden", table: "values", join: NAME_JOIN, description_sv: "Alla hämtade rådata i långt format. Källa: Kolada.",
    columns: [
      c("ar", "t.year", "Året värdet gäller."),
      c("kommunkod", "t.municipality", "Kommunkod (0000 = riket)."),
      KOMMUN,
      c("kpi", "t.kpi", "Nyckeltalets id i Kolada."),
      c("kon", "t.gender", "T = totalt, K = kvinnor, M = män."),
      c("varde", "t.value", "Värdet som källan publicerat (andelar i procent 0–100). Tom: saknas."),
      c("status", "t.status", "Källans status för värdet."),
      c("kalla", "t.source", "Källan till värdet."),
      c("hamtad", "t.fetched_at", "När värdet hämtades."),
    ],
  },
  {
    name: "nyckeltal", table: "indicators", description_sv: "Nyckeltalen från Kolada: titel, beskrivning och källa.",
    columns: [
      c("kpi", "t.kpi", "Nyckeltalets id."),
      c("titel", "t.title", "Titel."),
      c("beskrivning", "t.description", "Beskrivning."),
      c("kalla", "t.source", "Källa."),
      c("finns_for_enheter", "t.has_ou_data", "Sant om nyckeltalet finns per enhet."),
      c("per_kon", "t.is_divided_by_gender", "Sant om nyckeltalet finns per kön."),
      c("upphort_ar", "t.ended_year", "Sista året, om nyckeltalet har upphört."),
    ],
  },
  {
    name: "enheter", table: "units", description_sv: "Hemtjänstens enheter (utförare). Exempeldata är markerade.",
    columns: [
      c("enhet_id", "t.unit_id", "Enhetens id (EX-… för exempeldata)."),
      c("enhet", "t.name", "Enhetens namn."),
      c("kommunkod", "t.municipality", "Kommunkod."),
      c("regi", "t.provider_type", "Kommunal eller enskild regi."),
      c("exempeldata", "t.synthetic", "Sant för påhittade exempelenheter (Exempeldata)."),
      c("kalla", "t.source", "Källa."),
    ],
  },
  {
    name: "enhetsvarden", table: "unit_values", description_sv: "Enheternas värden per nyckeltal och år, med antal svarande.",
    columns: [
      c("enhet_id", "t.unit_id", "Enhetens id."),
      c("kpi", "t.kpi", "Nyckeltalets id."),
      c("ar", "t.year", "Året."),
      c("varde", "t.value", "Värdet."),
      c("antal_svarande", "t.respondents", "Antal svarande."),
      c("exempeldata", "t.synthetic", "Sant för exempeldata."),
      c("kalla", "t.source", "Källa."),
    ],
  },
  {
    name: "enhetsresultat", table: "unit_scores", description_sv: "Enheternas delindex, totalindex och rang inom kommunen.",
    columns: [
      c("ar", "t.year", "Året."),
      c("enhet_id", "t.unit_id", "Enhetens id."),
      c("kommunkod", "t.municipality", "Kommunkod."),
      c("viktuppsattning", "t.weight_set", "Viktuppsättning."),
      c("regel", "t.missing_rule", "Regel för saknade värden."),
      ...SUB_SCORES("Enhetens"),
      c("antal_svarande", "t.respondents", "Antal svarande."),
      c("rang", "t.rank", "Plats inom kommunen (enheter med minst 30 svarande)."),
      c("rang_lag", "t.rank_low", "Rangintervallets bästa ände."),
      c("rang_hog", "t.rank_high", "Rangintervallets sämsta ände."),
      c("tackning", "t.coverage", "Täckning (0–1)."),
      c("exempeldata", "t.synthetic", "Sant för exempeldata."),
    ],
  },
  {
    name: "vikter", table: "weights", description_sv: "Vikterna i varje viktuppsättning per år (exakta värden).",
    columns: [
      c("viktuppsattning", "t.weight_set", "Viktuppsättningens id."),
      c("ar", "t.year", "Året."),
      c("indikator", "t.indicator", "Indikatorns id."),
      c("delindex", "t.sub_index", "Delindex."),
      c("vikt_i_delindex", "t.weight_in_sub_index", "Vikt inom delindexet."),
      c("delindexets_vikt", "t.sub_index_weight", "Delindexets vikt i totalen."),
    ],
  },
  {
    name: "poangregler", table: "indicator_rules", description_sv: "Hur varje indikator poängsätts: regel, riktning och ankare.",
    columns: [
      c("indikator", "t.indicator", "Indikatorns id."),
      c("ordning", "t.pos", "Plats i katalogen."),
      c("delindex", "t.sub_index", "Delindex."),
      c("namn", "t.name", "Indikatorns namn."),
      c("regel", "t.kind", "andel, ja_nej, kod_012 eller ankare."),
      c("riktning", "t.direction", "hogre_battre eller lagre_battre."),
      c("basta", "t.best", "Ankare för 100 poäng (bara regeln ankare)."),
      c("samsta", "t.worst", "Ankare för 0 poäng (bara regeln ankare)."),
    ],
  },
];

/** CREATE VIEW statements for the views whose table is loaded. */
export function viewSql(loaded: ReadonlySet<string>): string[] {
  return VIEWS.filter((v) => loaded.has(v.table) && (!v.join || loaded.has("municipalities"))).map((v) =>
    `CREATE OR REPLACE VIEW ${v.name} AS SELECT ${v.columns.map((col) => `${col.expr} AS ${col.name}`).join(", ")} ` +
    `FROM "${v.table}" t${v.join ? ` ${v.join}` : ""}`);
}
