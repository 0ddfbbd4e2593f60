// The "Lär av" slides: one per weak indicator, with at most MAX_SLIDE_ROWS examples (similar
// municipalities first) and every example with its numbers in the speaker notes. Pure.
import { formatInt, formatNumber, formatRankInterval } from "../charts/format";
import { formatRawValue } from "../components/kommun/values";
import { shownExamples, type LearnExample, type LearnIndicator } from "./learnFrom";
import type { ReportView } from "./reportView";
import type { SlideSpec } from "./slides";

/** Data rows per slide table (plus the header row); the rest is in the workbook. */
export const MAX_SLIDE_ROWS = 5;
const DERIVED = "Bearbetning av data från Kolada";
/** Examples listed in the notes (the workbook has them all). */
const NOTES_EXAMPLES = 15;

const pm = (li: LearnIndicator, m: number | null) => (li.survey && m !== null && m > 0 ? ` ± ${formatNumber(m, 0)}` : "");
export const valueWithMargin = (li: LearnIndicator, x: number | null, m: number | null) => `${formatRawValue(li, x)}${pm(li, m)}`;
export const placeText = (e: Pick<LearnExample, "rank" | "rankLow" | "rankHigh">) =>
  (e.rank === null ? "ingen placering" : `${formatInt(e.rank)} (${formatRankInterval(e.rankLow ?? e.rank, e.rankHigh ?? e.rank)})`);
/** Why an example is an example for this question only: weak overall, or no rank at all (too little data). */
const notOverall = (e: Pick<LearnExample, "rank">) => (e.rank === null ? " (för lite underlag)" : " – svag totalt");
const groupText = (e: LearnExample) => (e.inPeers && e.inKommungrupp ? "Liknande, grupp" : e.inPeers ? "Liknande" : "Kommungrupp");

function exampleNote(li: LearnIndicator, e: LearnExample): string {
  return `${e.name} (${groupText(e).toLowerCase()}): ${valueWithMargin(li, e.value, e.ownMargin)}, ` +
    `${formatNumber(e.diff, 1)} poäng bättre${e.margin > 0 ? ` (osäkerhet ± ${formatNumber(e.margin, 1)})` : ""}, ` +
    `plats totalt ${placeText(e)}${e.lowOverall ? `${notOverall(e)}, ett exempel bara för denna fråga` : ""}.`;
}

export function learnSlides(r: ReportView): SlideSpec[] {
  const v = r.view;
  if (!r.learn.length) {
    return [{
      kind: "bullets", title: "Lär av andra kommuner",
      bullets: [`${v.name} ligger inte under medianen bland liknande kommuner på någon indikator med värde ${v.year}.`],
      source: DERIVED, notes: "Ingen indikator att visa under Lär av.",
    }];
  }
  return r.learn.map((li) => {
    const rows = shownExamples(li, MAX_SLIDE_ROWS);
    // A weak example is starred; one without a rank already says "ingen placering" in its cell.
    const weak = rows.some((e) => e.lowOverall && e.rank !== null);
    const unranked = rows.some((e) => e.rank === null);
    const bullets = [
      ...(weak ? ["* Svag totalt: ett exempel bara för just den här frågan."] : []),
      ...(unranked ? ["Ingen placering: för lite underlag för ett totalindex; ett exempel bara för just den här frågan."] : []),
    ];
    const lead = li.examples.length === 0
      ? `${v.name}: ${valueWithMargin(li, li.value, li.margin)}. Ingen av ${formatInt(li.compared)} jämförda kommuner är tydligt bättre ${v.year}.`
      : `${v.name}: ${valueWithMargin(li, li.value, li.margin)}. ${formatInt(li.examples.length)} av ${formatInt(li.compared)} jämförda ` +
        `kommuner är tydligt bättre ${v.year}` + (li.examples.length > rows.length ? "; liknande kommuner först." : ".");
    return {
      kind: "table" as const,
      title: `Lär av: ${li.name}`,
      lead,
      table: rows.length ? {
        header: ["Kommun", "Jämförs som", "Värde", "Skillnad", "Plats totalt"],
        align: ["left", "left", "right", "right", "right"],
        widths: [3, 2.4, 2, 2.2, 2.7],
        rows: rows.map((e) => [e.name, groupText(e), valueWithMargin(li, e.value, e.ownMargin),
          `+${formatNumber(e.diff, 0)}${e.margin > 0 ? ` (±${formatNumber(e.margin, 0)})` : ""}`, `${placeText(e)}${e.lowOverall && e.rank !== null ? " *" : ""}`]),
      } : undefined,
      bullets: bullets.length ? bullets : undefined,
      source: `Värden: Källa: Kolada. Skillnader, osäkerhet (90 %) och placeringar: ${DERIVED}.`,
      notes: [
        `${li.name}: ${v.name} ${valueWithMargin(li, li.value, li.margin)} (${formatNumber(li.score, 1)} poäng; median bland liknande kommuner ` +
          `${formatNumber(li.peersScore, 1)} poäng).`,
        "Tydligt bättre betyder att skillnaden är större än den sammanlagda felmarginalen (90 %) från antalet svarande, och minst 3 poäng.",
        ...li.examples.slice(0, NOTES_EXAMPLES).map((e) => exampleNote(li, e)),
        li.examples.length > NOTES_EXAMPLES ? `Ytterligare ${li.examples.length - NOTES_EXAMPLES} kommuner finns i arbetsboken (bladet Lär av).` : "",
      ].filter(Boolean).join("\n"),
    };
  });
}
