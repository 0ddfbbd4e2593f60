// "I korthet" (issue 18): the plain-Swedish verdict that opens every municipality page and its report.
// Pure text from numbers: the verdict in words, the range the municipalities actually reach, the change
// since the previous published year under the change rule (src/model/rankChange.ts), the data year, and
// what the reader can do next. The report package (src/report) imports it, so the two always agree.
import { formatInt, formatRankInterval, formatScore, formatShare, rankedOutOf } from "../charts/format";
import type { RankChange } from "../model/rankChange";

/** A change by the rule and, when known, what the two years were compared on (src/site-data/change.ts). */
export type ChangeLike = RankChange & { sameIndicators?: boolean; indicatorCount?: number };

export interface InBriefInput {
  name: string;
  year: number;
  score: number | null;
  rank: number | null;
  rankLow: number | null;
  rankHigh: number | null;
  nRanked: number;
  /** All municipalities (290), so that "av 286" says why it is not 290. */
  nMunicipalities?: number;
  /** Result group id from the model ("högt" … "lågt"), null when not grouped. */
  group: string | null;
  lowCoverage: boolean;
  coverage: number;
  coverageLimit: number;
  /** Lowest and highest total among the ranked municipalities that year. */
  range: { min: number; max: number } | null;
  change: ChangeLike | null;
  /** Data date in words ("5 mars 2024"), from the build manifest. */
  dataDateText?: string;
}

export interface InBrief {
  verdict: string;
  range: string | null;
  change: string | null;
  dataLine: string;
  next: string;
}

const VERDICT: Record<string, string> = {
  "högt": "hör till de bästa i landet",
  "över medel": "är bättre än i de flesta kommuner",
  "nära medel": "ligger nära mitten bland landets kommuner",
  "under medel": "är sämre än i de flesta kommuner",
  "lågt": "hör till de svagaste i landet",
};

/** The verdict sentence: the result group in words, never a grade. */
export function verdictSentence(b: InBriefInput): string {
  if (b.lowCoverage) {
    return `Hemtjänsten i ${b.name} kan inte jämföras säkert med andra kommuner ${b.year}: bara ` +
      `${formatShare(b.coverage * 100, 0)} av underlaget finns (gränsen är ${formatShare(b.coverageLimit * 100, 0)}), ` +
      "så kommunen får ingen placering.";
  }
  if (b.score === null || b.rank === null) return `Det finns inget index för hemtjänsten i ${b.name} ${b.year}: underlaget saknas.`;
  const words = b.group ? VERDICT[b.group] : undefined;
  return words
    ? `Hemtjänsten i ${b.name} ${words}, enligt de äldres svar och kommunens arbetssätt ${b.year}.`
    : `Hemtjänsten i ${b.name} har fått ett index ${b.year}, men ingen resultatgrupp.`;
}

/** Where the municipality stands within the range municipalities reach, with its rank interval. */
export function rangeSentence(b: InBriefInput): string | null {
  if (b.score === null) {
    // Below the coverage limit the model publishes no total, only the sub-indices.
    return b.lowCoverage
      ? `${b.range ? `Kommunerna får mellan ${formatScore(b.range.min)} och ${formatScore(b.range.max)} av 100. ` : ""}` +
        `För ${b.name} visas bara delindexen, eftersom underlaget inte räcker för ett totalindex.`
      : null;
  }
  const own = `${b.name} får ${formatScore(b.score)}`;
  const range = b.range ? `Kommunerna får mellan ${formatScore(b.range.min)} och ${formatScore(b.range.max)} av 100; ${own}` : `${own} av 100`;
  if (b.lowCoverage || b.rank === null) return `${range}, men på ett ofullständigt underlag.`;
  const place = b.rankLow !== null && b.rankHigh !== null && b.rankLow !== b.rankHigh
    ? `någonstans mellan plats ${formatInt(b.rankLow)} och ${formatInt(b.rankHigh)} ${rankedOutOf(b.nRanked, b.nMunicipalities)}, osäkerheten räknad med`
    : `plats ${formatInt(b.rank)} ${rankedOutOf(b.nRanked, b.nMunicipalities)}`;
  return `${range} och hamnar ${place}.`;
}

/**
 * The change since the previous published year, worded by the change rule. When the two years did not
 * have the same indicators, the intervals are those on the indicators both had, and the sentence says so.
 */
export function changeSentence(name: string, c: ChangeLike | null): string | null {
  if (!c || c.verdict === "saknas" || c.places === null) return null;
  const then = formatRankInterval(c.from.low ?? c.from.rank, c.from.high ?? c.from.rank);
  const now = formatRankInterval(c.to.low ?? c.to.rank, c.to.high ?? c.to.rank);
  const intervals = `plats ${then} år ${c.from.year}, ${now} år ${c.to.year}`;
  const set = c.sameIndicators === false
    ? ` Båda åren är räknade på ${c.indicatorCount ? `de ${formatInt(c.indicatorCount)} indikatorer` : "de indikatorer"} som fanns båda åren.`
    : "";
  if (c.verdict === "steg") return `Sedan ${c.from.year} har ${name} klart förbättrat sin placering (${intervals}).${set}`;
  if (c.verdict === "föll") return `Sedan ${c.from.year} har ${name} klart försämrat sin placering (${intervals}).${set}`;
  return `Sedan ${c.from.year} är placeringen ungefär oförändrad: skillnaden ryms inom osäkerheten (${intervals}).${set}`;
}

export function inBrief(b: InBriefInput): InBrief {
  return {
    verdict: verdictSentence(b),
    range: rangeSentence(b),
    change: changeSentence(b.name, b.change),
    dataLine: `Senaste uppgifter: ${b.year}${b.dataDateText ? ` (hämtade ${b.dataDateText})` : ""}.`,
    next: "Läs nedan vad kommunen gör bättre och sämre än liknande kommuner, jämför enheterna, " +
      "eller ställ frågor till kommunen om hur den arbetar med det som är svagt.",
  };
}
