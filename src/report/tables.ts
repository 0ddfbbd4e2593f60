// Builders of the report package's tables (Excel sheets and CSV files) from the report view. Pure:
// numbers stay raw (no rounding beyond the model's), so the workbook reads back as the model's numbers.
import { groupLabel } from "./summaryText";
import type { ReportView } from "./reportView";
import { col, yesNo, type Cell, type ReportColumnKind, type ReportRow, type ReportTable } from "./tableSpec";
import { unitsTable, peersTable, trendTable, methodTable } from "./tablesMore";
import { learnTable } from "./tablesLearn";
import { MIN_AREA_GAP } from "./keyMessages";

export const SRC_DERIVED = "Bearbetning av data från Kolada";
export const SRC_RAW = "Källa: Kolada";

const row = (cells: Record<string, Cell>, kinds?: Partial<Record<string, ReportColumnKind>>): ReportRow => (kinds ? { cells, kinds } : { cells });

export function summaryTable(r: ReportView): ReportTable {
  const v = r.view;
  const t = v.total;
  const fact = (uppgift: string, varde: Cell, kind: ReportColumnKind, enhet: string, kalla: string) =>
    row({ uppgift, varde, enhet, kalla }, { varde: kind });
  const rows: ReportRow[] = [
    fact("Kommun", v.name, "text", "", "SCB"),
    fact("Kommunkod", v.code, "text", "", "SCB"),
    fact("Län", v.county, "text", "", "SCB"),
    fact("Kommungrupp (SKR)", v.kommungrupp, "text", "", "Kolada"),
    fact("Invånare", v.population, "int", "personer", "SCB"),
    fact("År", v.year, "year", "", ""),
    fact("Totalindex", t.score, "score", "poäng 0–100", SRC_DERIVED),
    fact("Placering", t.rank, "int", `av ${t.nRanked}`, SRC_DERIVED),
    fact("Antal kommuner med placering", t.nRanked, "int", "kommuner", SRC_DERIVED),
    fact("Placering, bästa i osäkerhetsintervallet (90 %)", t.rankLow, "int", "", SRC_DERIVED),
    fact("Placering, sämsta i osäkerhetsintervallet (90 %)", t.rankHigh, "int", "", SRC_DERIVED),
    fact("Resultatgrupp", groupLabel(t.group), "text", "", SRC_DERIVED),
    fact("Täckning (andel av vikten med värden)", t.coverage, "share01", "", SRC_DERIVED),
    fact(`Placering med regeln ”${v.otherMissingRuleName}”`, t.rankOtherMissingRule, "int", "", SRC_DERIVED),
    fact("Placering med vikter härledda ur brukarnas svar", t.rankDerivedWeights, "int", "", SRC_DERIVED),
    fact("Totalindex, median liknande kommuner", v.peersMedianTotal, "score", "poäng 0–100", SRC_DERIVED),
    ...v.subIndices.map((s) => fact(`Delindex ${s.name}`, s.municipality, "score", "poäng 0–100", SRC_DERIVED)),
    fact("Det viktigaste: bedömning", r.keyMessages.verdict, "text", "", SRC_DERIVED),
    ...r.keyMessages.messages.map((s, i) => fact(`Det viktigaste: budskap ${i + 1}`, s, "text", "", SRC_DERIVED)),
    ...r.summary.map((s, i) => fact(`Sammanfattning ${i + 1}`, s, "text", "", SRC_DERIVED)),
    ...v.total.flags.map((f) => fact("Markering", f.text, "text", "", SRC_DERIVED)),
    fact("Vikter", v.weightSetName, "text", "", ""),
    fact("Regel för saknade värden", v.missingRule.name, "text", "", ""),
    fact("Data hämtade", r.data.date, "text", "", ""),
    fact("Dataversion", r.data.dataVersion, "text", "", ""),
    fact("Metodversion", r.data.methodVersion, "text", "", ""),
  ];
  return {
    id: "sammanfattning", sheet: "Sammanfattning", title: `Hemtjänsten i ${v.name} ${v.year}: sammanfattning`,
    source: `Index, rang och grupp: ${SRC_DERIVED}. Kommunuppgifter: SCB och Kolada.`,
    columns: [
      col("uppgift", "Uppgift", "text", "Vad raden visar."),
      col("varde", "Värde", "text", "Värdet (tal eller text; tal som tal)."),
      col("enhet", "Enhet", "text", "Enhet eller jämförelsetal."),
      col("kalla", "Källa", "text", "Källa eller ”Bearbetning av data från Kolada” för Hemtjänstkollens beräkningar."),
    ],
    rows,
  };
}

export function subIndexTable(r: ReportView): ReportTable {
  const v = r.view;
  const weights = new Map(r.method.subIndexWeights.map((w) => [w.id, w.weight]));
  return {
    id: "delindex", sheet: "Delindex", title: `Delindex ${v.year}: ${v.name} jämfört med riket, kommungruppen och liknande kommuner`,
    source: `${SRC_DERIVED}. Jämförelserna är medianer.`,
    columns: [
      col("delindex_id", "Delindexets id", "text", "Delindexets id."),
      col("delindex", "Delindex", "text", "Delindexets namn."),
      col("vikt", "Vikt i totalen", "share01", "Delindexets vikt i totalindexet (standardvikterna), 0–1."),
      col("kommun", v.name, "score", "Kommunens delindex, 0–100."),
      col("riket_median", "Riket (median)", "score", "Medianen för alla kommuner."),
      col("kommungrupp_median", "Kommungruppen (median)", "score", `Medianen i kommungruppen ${v.kommungrupp}.`),
      col("liknande_median", "Liknande kommuner (median)", "score", "Medianen bland de sju liknande kommunerna."),
      col("skillnad_mot_liknande", "Skillnad mot liknande", "number1", "Kommunen minus liknande kommuners median, i poäng."),
      col("felmarginal", "Felmarginal (±, 90 %)", "number1", "Delindexets osäkerhet: det viktade medelvärdet av enkätfrågornas felmarginaler (0 för registeruppgifter)."),
      col("tydlig_skillnad", "Tydlig skillnad", "text", "ja när skillnaden mot liknande är större än felmarginalen och minst 3 poäng."),
    ],
    rows: v.subIndices.map((s) => row({
      delindex_id: s.id, delindex: s.name, vikt: weights.get(s.id) ?? null, kommun: s.municipality, riket_median: s.nation,
      kommungrupp_median: s.kommungrupp, liknande_median: s.peers,
      skillnad_mot_liknande: s.municipality !== null && s.peers !== null ? round(s.municipality - s.peers, 1) : null,
      felmarginal: r.areaMargins[s.id] ?? null,
      tydlig_skillnad: s.municipality === null || s.peers === null || r.areaMargins[s.id] == null ? null
        : yesNo(Math.abs(s.municipality - s.peers) > Math.max(MIN_AREA_GAP, r.areaMargins[s.id]!)),
    })),
  };
}

export function priorityTable(r: ReportView): ReportTable {
  const v = r.view;
  const names = new Map<string, string>(v.subIndices.map((s) => [s.id, s.name]));
  return {
    id: "forbattra-forst", sheet: "Förbättra först", title: `Vad ${v.name} kan förbättra först (${v.year})`,
    source: `${SRC_DERIVED}. ${r.method.priorityRule}`,
    columns: [
      col("prioritet", "Prioritet", "int", "1 = störst viktad skillnad mot den bästa liknande kommunen."),
      col("indikator_id", "Nyckeltal (Kolada)", "text", "Indikatorns id (Koladas nyckeltal)."),
      col("indikator", "Indikator", "text", "Indikatorns namn."),
      col("delindex", "Delindex", "text", "Delindexet indikatorn hör till."),
      col("ingar", "Ingår", "text", "För sammanslagna rader (välfärdsteknik): indikatorerna som ingår."),
      col("poang", "Poäng", "score", "Kommunens poäng 0–100 (sammanslagna rader: viktat medelvärde)."),
      col("poang_felmarginal", "Felmarginal för poängen (±, 90 %)", "number1", "Felmarginal från antalet svarande; 0 för registeruppgifter."),
      col("basta_liknande_poang", "Bästa liknande kommun (poäng)", "score", "Högsta poängen bland de liknande kommunerna."),
      col("basta_liknande_felmarginal", "Felmarginal för bästa liknande (±, 90 %)", "number1", "Felmarginal från den kommunens antal svarande; 0 för registeruppgifter."),
      col("basta_liknande_kommun", "Bästa liknande kommun", "text", "Den eller de liknande kommuner som har den högsta poängen."),
      col("skillnad", "Skillnad (poäng)", "number1", "Bästa liknande kommuns poäng minus kommunens."),
      col("vikt", "Vikt i totalen", "share01", "Indikatorns andel av totalindexet, 0–1."),
      col("viktad_skillnad", "Möjlig höjning av totalindex", "number2", "Skillnad gånger vikt: ungefär hur mycket totalindexet skulle stiga."),
    ],
    rows: r.priorities.map((p) => row({
      prioritet: p.rank, indikator_id: p.id, indikator: p.name, delindex: names.get(p.subIndex) ?? p.subIndex,
      ingar: p.members.length > 1 ? p.members.map((m) => m.name).join("; ") : null, poang: p.score,
      poang_felmarginal: r.priorityMargins[p.id]?.own ?? null, basta_liknande_felmarginal: r.priorityMargins[p.id]?.best ?? null,
      basta_liknande_poang: p.bestScore, basta_liknande_kommun: p.bestPeers.map((b) => b.name).join(", "),
      skillnad: p.gap, vikt: p.weight, viktad_skillnad: p.weightedGap,
    })),
  };
}

const KIND_SV = { share: "andel", coded: "kod", count: "antal" } as const;
const RAW_KIND: Record<keyof typeof KIND_SV, ReportColumnKind> = { share: "share", coded: "coded", count: "number1" };

export function indicatorTable(r: ReportView): ReportTable {
  const v = r.view;
  const names = new Map<string, string>(v.subIndices.map((s) => [s.id, s.name]));
  return {
    id: "indikatorer", sheet: "Indikatorer", title: `Alla indikatorer ${v.year}: ${v.name}`,
    source: `Värden: ${SRC_RAW} (Senior alert-mått: Källa: Senior alert via Kolada). Poäng, vikter och medianer: ${SRC_DERIVED}.`,
    columns: [
      col("delindex", "Delindex", "text", "Delindexet indikatorn hör till."),
      col("indikator_id", "Nyckeltal (Kolada)", "text", "Koladas nyckeltal (KPI)."),
      col("indikator", "Indikator", "text", "Indikatorns namn."),
      col("ar", "År", "year", "Året värdet gäller."),
      col("varde", "Värde", "number2", "Kommunens värde så som källan publicerar det (andelar i procent 0–100, koder 0/1/2, antal)."),
      col("felmarginal", "Felmarginal (±, 90 %)", "number1", "Felmarginal i procentenheter från kommunens antal svarande; 0 för registeruppgifter."),
      col("vardetyp", "Värdetyp", "text", "andel (procent), kod (0 nej, 1 försök, 2 breddinfört) eller antal."),
      col("lagre_ar_battre", "Lägre är bättre", "text", "ja när ett lägre värde är bättre."),
      col("riket_varde", "Riket", "number2", "Rikets värde enligt källan."),
      col("liknande_median_varde", "Liknande kommuner (median)", "number2", "Medianvärdet bland liknande kommuner med värde."),
      col("poang", "Poäng", "score", "Poäng 0–100 som indexet räknar med."),
      col("liknande_median_poang", "Liknande, median (poäng)", "score", "Medianpoängen bland liknande kommuner."),
      col("basta_liknande_poang", "Bästa liknande (poäng)", "score", "Högsta poängen bland liknande kommuner."),
      col("vikt", "Vikt i totalen", "share01", "Indikatorns andel av totalindexet (standardvikterna), 0–1."),
      col("viktad_skillnad_mot_basta", "Möjlig höjning av totalindex", "number2", "(Bästa liknande − kommunen) × vikt, när positiv."),
      col("saknas", "Saknas", "text", "ja när kommunen saknar värde."),
      col("kalla", "Källa", "text", "Källan till värdet."),
    ],
    rows: v.indicators.map((i) => {
      const best = r.peerBest[i.id];
      const wg = best && i.score !== null && !i.missing && best.score > i.score ? round((best.score - i.score) * i.weight, 6) : null;
      const rawKind = RAW_KIND[i.kind];
      return row({
        delindex: names.get(i.subIndex) ?? i.subIndex, indikator_id: i.kpi, indikator: i.name, ar: i.year,
        varde: i.missing ? null : i.value, felmarginal: r.margins[i.id] ?? null, vardetyp: KIND_SV[i.kind], lagre_ar_battre: yesNo(i.lowerIsBetter),
        riket_varde: i.nationValue, liknande_median_varde: i.peersValue, poang: i.missing ? null : i.score,
        liknande_median_poang: i.peersScore, basta_liknande_poang: best?.score ?? null, vikt: i.weight,
        viktad_skillnad_mot_basta: wg, saknas: yesNo(i.missing), kalla: i.source.replace(/^Källa:\s*/, ""),
      }, { varde: rawKind, riket_varde: rawKind, liknande_median_varde: i.kind === "coded" ? "number1" : rawKind });
    }),
  };
}

/** Every table of the package, in sheet order. */
export function reportTables(r: ReportView): ReportTable[] {
  return [summaryTable(r), subIndexTable(r), priorityTable(r), learnTable(r), indicatorTable(r), unitsTable(r), peersTable(r), trendTable(r), methodTable(r)];
}

export function round(x: number, decimals: number): number {
  const m = 10 ** decimals;
  const v = Math.round(x * m) / m;
  return v === 0 ? 0 : v;
}
