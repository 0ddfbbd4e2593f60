// The "Lär av" sheet: every clearly better municipality for each weak indicator (the PDF and slides show
// the first few), with values, margins, the difference and the overall rank with its interval. Pure.
import { LEARN_RULE_SV } from "./learnFrom";
import type { ReportView } from "./reportView";
import { col, yesNo, type ReportTable } from "./tableSpec";

export function learnTable(r: ReportView): ReportTable {
  const v = r.view;
  return {
    id: "lar-av", sheet: "Lär av", title: `Lär av: kommuner som är tydligt bättre än ${v.name} (${v.year})`,
    source: `Värden: Källa: Kolada. Skillnader, felmarginaler och placeringar: Bearbetning av data från Kolada. ${LEARN_RULE_SV}`,
    columns: [
      col("indikator_id", "Nyckeltal (Kolada)", "text", "Indikatorns id (Koladas nyckeltal)."),
      col("indikator", "Indikator", "text", "Indikatorns namn."),
      col("egen_poang", `${v.name}s poäng`, "score", "Kommunens poäng 0–100."),
      col("egen_felmarginal", `${v.name}s felmarginal (±, 90 %)`, "number1", "Från kommunens antal svarande; 0 för registeruppgifter."),
      col("kommunkod", "Kommunkod", "text", "Den bättre kommunens kod."),
      col("kommun", "Kommun", "text", "Den bättre kommunen."),
      col("liknande", "Liknande kommun", "text", "ja: i Koladas grupp Liknande kommuner äldreomsorg."),
      col("kommungrupp", "Samma kommungrupp", "text", "ja: i samma kommungrupp (SKR)."),
      col("varde", "Värde", "number2", "Kommunens värde så som källan publicerar det."),
      col("poang", "Poäng", "score", "Kommunens poäng 0–100."),
      col("felmarginal", "Felmarginal (±, 90 %)", "number1", "Från den kommunens antal svarande; 0 för registeruppgifter."),
      col("skillnad", "Skillnad (poäng)", "number1", "Den bättre kommunens poäng minus den egna."),
      col("sammanlagd_felmarginal", "Sammanlagd felmarginal (±, 90 %)", "number1", "Skillnaden måste vara större än denna (och minst 3 poäng)."),
      col("placering", "Placering totalt", "int", "Placering i totalindex."),
      col("placering_basta", "Placering, bästa i osäkerhetsintervallet", "int", "90 %-intervallets bästa ände."),
      col("placering_samsta", "Placering, sämsta i osäkerhetsintervallet", "int", "90 %-intervallets sämsta ände."),
      col("svag_totalt", "Svag totalt (exempel bara för denna fråga)", "text", "ja: utan placering eller bland den sämsta tredjedelen totalt."),
    ],
    rows: r.learn.flatMap((li) => li.examples.map((e) => ({
      cells: {
        indikator_id: li.id, indikator: li.name, egen_poang: li.score, egen_felmarginal: li.margin, kommunkod: e.code, kommun: e.name,
        liknande: yesNo(e.inPeers), kommungrupp: yesNo(e.inKommungrupp), varde: e.value, poang: e.score, felmarginal: e.ownMargin,
        skillnad: e.diff, sammanlagd_felmarginal: e.margin, placering: e.rank, placering_basta: e.rankLow, placering_samsta: e.rankHigh,
        svag_totalt: yesNo(e.lowOverall),
      },
    }))),
  };
}
