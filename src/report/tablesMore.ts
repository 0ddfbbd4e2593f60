// Builders of the units, peers, trend and method tables (see tables.ts for the others). Pure.
import type { ReportView } from "./reportView";
import { LEARN_RULE_SV } from "./learnFrom";
import { col, yesNo, type ReportColumn, type ReportRow, type ReportTable } from "./tableSpec";

const DERIVED = "Bearbetning av data från Kolada";

export function unitsTable(r: ReportView): ReportTable {
  const v = r.view;
  const u = v.units;
  const valueOf = new Map(u.values.map((x) => [`${x.unitId}|${x.indicatorId}`, x.value]));
  const indicatorCols: ReportColumn[] = u.indicators.map((i) =>
    col(`andel_${i.id.toLowerCase()}`, `${i.name} (${i.id})`, "share", `Enhetens andel för ${i.id} (${i.name}), procent.`));
  const rows: ReportRow[] = u.units.map((x) => ({
    cells: {
      enhet_id: x.id, enhet: x.name, regi: x.providerType === "kommunal" ? "kommunal" : "enskild", ar: u.year,
      svarande: x.respondents, index: x.total, rang: x.rank, rang_lag: x.rankLow, rang_hog: x.rankHigh,
      antal_rangordnade: x.nRanked, fa_svarande: yesNo(x.small), exempeldata: yesNo(u.synthetic),
      ...Object.fromEntries(u.indicators.map((i) => [`andel_${i.id.toLowerCase()}`, valueOf.get(`${x.id}|${i.id}`) ?? null])),
    },
  }));
  return {
    id: "enheter", sheet: "Enheter",
    title: `Enheterna i ${v.name}${u.year !== null ? ` ${u.year}` : ""}${u.synthetic ? " (Exempeldata: påhittade enheter)" : ""}`,
    source: (u.synthetic ? "Enheter: Exempeldata (påhittade, kalibrerade mot kommunens värde). " : "Enheter: Källa: Kolada. ") +
      `Index och rang: ${DERIVED}.`,
    columns: [
      col("enhet_id", "Enhetens id", "text", "Enhetens id (EX-… för exempelenheter)."),
      col("enhet", "Enhet", "text", "Enhetens namn."),
      col("regi", "Regi", "text", "kommunal eller enskild."),
      col("ar", "År", "year", "Året enhetsvärdena gäller."),
      col("svarande", "Svarande", "int", "Antal svarande i brukarundersökningen."),
      col("index", "Index", "score", "Enhetens index 0–100 (samma modell som kommunerna)."),
      col("rang", "Placering i kommunen", "int", "Placering bland kommunens enheter med minst 30 svarande."),
      col("rang_lag", "Placering, bästa i osäkerhetsintervallet", "int", "90 %-intervallets bästa ände."),
      col("rang_hog", "Placering, sämsta i osäkerhetsintervallet", "int", "90 %-intervallets sämsta ände."),
      col("antal_rangordnade", "Antal enheter med placering", "int", "Antal rangordnade enheter i kommunen."),
      col("fa_svarande", "Färre än 30 svarande", "text", "ja: visas men rangordnas inte."),
      col("exempeldata", "Exempeldata", "text", "ja: påhittad enhet, inte en verklig utförare."),
      ...indicatorCols,
    ],
    rows,
  };
}

export function peersTable(r: ReportView): ReportTable {
  const v = r.view;
  const subs = v.subIndices;
  return {
    id: "liknande-kommuner", sheet: "Liknande kommuner", title: `${v.name} och liknande kommuner ${v.year}`,
    source: `${DERIVED}. Gruppen ”Liknande kommuner äldreomsorg”: Kolada.`,
    columns: [
      col("kommunkod", "Kommunkod", "text", "Kommunkod, fyra tecken."),
      col("kommun", "Kommun", "text", "Kommunens namn."),
      col("egen_kommun", "Egen kommun", "text", "ja för kommunen rapporten gäller."),
      col("totalindex", "Totalindex", "score", "Totalindex 0–100."),
      col("rang", "Placering", "int", `Placering bland ${v.total.nRanked} kommuner.`),
      col("rang_basta", "Placering, bästa i osäkerhetsintervallet", "int", "Bästa placeringen i 90 %-intervallet."),
      col("rang_samsta", "Placering, sämsta i osäkerhetsintervallet", "int", "Sämsta placeringen i 90 %-intervallet."),
      col("jamfort_med_kommunen", `Jämfört med ${v.name}`, "text", "tydligt före / tydligt efter när rangintervallen inte överlappar, annars går inte att skilja."),
      ...subs.map((s) => col(s.id, s.name, "score", `Delindex ${s.name}, 0–100.`)),
    ],
    rows: r.peerRows.map((p) => ({
      cells: {
        kommunkod: p.code, kommun: p.name, egen_kommun: yesNo(p.self), totalindex: p.total, rang: p.rank,
        rang_basta: p.rankLow, rang_samsta: p.rankHigh,
        jamfort_med_kommunen: p.self ? null : p.versus === "före" ? "tydligt före" : p.versus === "efter" ? "tydligt efter" : p.versus === "osäkert" ? "går inte att skilja" : "ingen placering",
        ...Object.fromEntries(subs.map((s) => [s.id, p.subIndices[s.id] ?? null])),
      },
    })),
  };
}

export function trendTable(r: ReportView): ReportTable {
  const v = r.view;
  return {
    id: "trend", sheet: "Trend", title: `${v.name}: totalindex, rang och delindex per år`,
    source: `${DERIVED}. Förändring: placeringar sedan föregående publicerade år (+ = bättre).`,
    columns: [
      col("ar", "År", "year", "Publicerat år."),
      col("totalindex", "Totalindex", "score", "Totalindex 0–100."),
      col("rang", "Placering", "int", "Placering det året."),
      col("rang_basta", "Placering, bästa i osäkerhetsintervallet", "int", "Bästa placeringen i 90 %-intervallet."),
      col("rang_samsta", "Placering, sämsta i osäkerhetsintervallet", "int", "Sämsta placeringen i 90 %-intervallet."),
      col("antal_rangordnade", "Antal kommuner med placering", "int", "Antal rangordnade kommuner det året."),
      col("forandring", "Förändring (placeringar)", "int", "Placeringar sedan föregående publicerade år; positivt = bättre. Båda åren räknas på de indikatorer som finns båda åren, så talet kan skilja sig från skillnaden mellan årens placeringar. En förändring är säker bara när årens intervall inte överlappar."),
      ...v.subIndices.map((s) => col(s.id, s.name, "score", `Delindex ${s.name}, 0–100.`)),
      col("riket_median", "Riket (median)", "score", "Medianen av alla kommuners totalindex."),
    ],
    rows: v.trend.map((t) => ({
      cells: {
        ar: t.year, totalindex: t.total, rang: t.rank, antal_rangordnade: t.nRanked, forandring: t.change,
        rang_basta: r.rankYears.find((y) => y.year === t.year)?.rankLow ?? null,
        rang_samsta: r.rankYears.find((y) => y.year === t.year)?.rankHigh ?? null,
        ...Object.fromEntries(v.subIndices.map((s) => [s.id, t.subIndices[s.id]])), riket_median: t.nationalMedian,
      },
    })),
  };
}

export function methodTable(r: ReportView): ReportTable {
  const m = r.method;
  const rows: ReportRow[] = [];
  const add = (avsnitt: string, beskrivning: string, varde: number | null = null) =>
    rows.push({ cells: { avsnitt, beskrivning, varde } });
  add("Indexet", m.summary);
  add("Vikter", `${m.weightSetName}: ${m.weightSetDescription}`);
  for (const w of m.subIndexWeights) add(`Vikt: ${w.name}`, w.description, w.weight);
  add("Saknade värden", m.missingRule);
  for (const s of m.indicatorRules) add("Indikatorer i bruk", s);
  add("Publicerade år", m.publishedYears);
  add("Rangordning", m.ranking);
  add("Resultatgrupper", m.groups);
  for (const s of m.uncertainty) add("Osäkerhet", s);
  for (const s of m.units) add("Enheter", s);
  add("Styrkor och svagheter", m.strengthRule);
  add("Förbättra först", m.priorityRule);
  add("Lär av", LEARN_RULE_SV);
  add("Det viktigaste", "Högre, lägre och förändring sägs bara när skillnaden är större än den statistiska osäkerheten (90 %). " +
    "Ett delindex osäkerhet är det viktade medelvärdet av dess enkätfrågors felmarginaler; en förändring i placering räknas bara " +
    "när årens rangintervall inte överlappar.");
  for (const s of m.limitations) add("Begränsningar", s);
  for (const s of r.data.sources) add("Källa", `${s.name}. ${s.credit}. Villkor: ${s.licence}.`);
  add("Bearbetning", m.credit);
  add("Data hämtade", r.data.date ?? "–");
  add("Dataversion", r.data.dataVersion);
  add("Metodversion", r.data.methodVersion);
  return {
    id: "metod", sheet: "Metod", title: "Så räknas indexet (metoden i korthet)",
    source: "Hela metoden med alla vikter och formler: Hemtjänstkollens metodsida (/metod/).",
    columns: [
      col("avsnitt", "Avsnitt", "text", "Vilken del av metoden raden gäller."),
      col("beskrivning", "Beskrivning", "text", "Regeln i ord."),
      col("varde", "Vikt", "share01", "Vikt 0–1 där raden gäller en vikt."),
    ],
    rows,
  };
}
