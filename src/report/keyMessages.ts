// "Det viktigaste": the verdict and three key messages that open the PDF (page 1) and the deck (slide 2).
// Each message is a full Swedish sentence with its number and the data year: the strongest area, the
// weakest area with its gap, and the change since the previous published year with its certainty. Pure.
//
// Areas are the four sub-indices, compared with the median of the similar municipalities (the nation's
// median when the peers have none). A sub-index is "higher" or "lower" only when the difference is larger
// than its 90 % margin, taken as the weighted sum of its survey indicators' margins (as if their errors
// were fully correlated, which overstates rather than understates the margin; the peers' median is
// treated as fixed). The change uses the change rule of src/model/rankChange.ts (a change only when the
// two years' rank intervals do not overlap), worded by src/site-data/inBrief.ts as on the page.
import { formatNumber, formatScore } from "../charts/format";
import { changeSentence, rangeSentence, verdictSentence, type ChangeLike, type InBriefInput } from "../site-data/inBrief";
import type { MunicipalityView } from "../site-data/municipality";

export interface KeyMessages {
  verdict: string;
  /** The verdict's parts: the judgement in words, and the score with the rank interval (slides show them apart). */
  lead: string;
  place: string | null;
  /** Strongest area, weakest area, change (each null-free; a sentence says when a message cannot be given). */
  messages: string[];
}

export interface AreaMargin { id: string; margin: number | null }

/**
 * 90 % margin of each sub-index (score points): Σ wᵢ·marginᵢ over its indicators with a value, weights
 * renormalised over those (register indicators have margin 0). Null when a survey margin is unknown.
 */
export function subIndexMargins(
  indicators: readonly { subIndex: string; weight: number; missing: boolean; margin: number | null }[], ids: readonly string[],
): AreaMargin[] {
  return ids.map((id) => {
    const rows = indicators.filter((x) => x.subIndex === id && !x.missing);
    const w = rows.reduce((a, x) => a + x.weight, 0);
    if (!rows.length || w <= 0 || rows.some((x) => x.margin === null)) return { id, margin: null };
    return { id, margin: rows.reduce((a, x) => a + (x.weight / w) * (x.margin as number), 0) };
  });
}

const pts = (x: number) => `${formatNumber(x, 1)} poäng`;

interface Area { name: string; own: number; ref: number; refName: string; margin: number | null; diff: number }

function areas(v: MunicipalityView, margins: readonly AreaMargin[]): Area[] {
  const m = new Map(margins.map((x) => [x.id, x.margin]));
  return v.subIndices.flatMap((s) => {
    if (s.municipality === null) return [];
    const ref = s.peers ?? s.nation;
    if (ref === null) return [];
    const refName = s.peers !== null ? "medianen bland liknande kommuner" : "medianen i riket";
    return [{ name: s.name, own: s.municipality, ref, refName, margin: m.get(s.id) ?? null, diff: s.municipality - ref }];
  });
}

/** Smaller differences than this (score points) are never called higher or lower (as on the page). */
export const MIN_AREA_GAP = 3;
const clear = (a: Area) => a.margin !== null && Math.abs(a.diff) > Math.max(MIN_AREA_GAP, a.margin);
/** Why a difference is not called one: within the margin, under the minimum gap, or no margin known. */
const within = (a: Area) => (a.margin === null ? "osäkerheten kan inte beräknas"
  : a.margin >= MIN_AREA_GAP ? `skillnaden ryms inom osäkerheten (±${pts(a.margin)})`
    : `skillnaden är inte större än ${MIN_AREA_GAP} poäng`);
/** "(±2,1 poäng)" or, without sampling error, "(registeruppgifter utan urvalsosäkerhet)". */
const beyond = (a: Area) => (a.margin! > 0 ? `mer än osäkerheten (±${pts(a.margin!)})` : "och uppgifterna är registeruppgifter utan urvalsosäkerhet");

export function strongestSentence(v: MunicipalityView, list: readonly Area[]): string {
  if (!list.length) return `Delindexen för ${v.name} ${v.year} kan inte jämföras med andra kommuner: underlaget saknas.`;
  const a = [...list].sort((x, y) => y.diff - x.diff || (x.name < y.name ? -1 : 1))[0];
  const head = `Starkast ${v.year} är ${a.name} med ${formatScore(a.own)} av 100`;
  if (clear(a) && a.diff > 0) return `${head}, ${pts(a.diff)} över ${a.refName} (${formatScore(a.ref)}), ${beyond(a)}.`;
  if (clear(a)) return `${head}, men även där ligger ${v.name} ${pts(-a.diff)} under ${a.refName} (${formatScore(a.ref)}).`;
  return `${head}, i nivå med ${a.refName} (${formatScore(a.ref)}): ${within(a)}.`;
}

export function weakestSentence(v: MunicipalityView, list: readonly Area[]): string | null {
  if (list.length < 2) return null;
  const a = [...list].sort((x, y) => x.diff - y.diff || (x.name < y.name ? -1 : 1))[0];
  const head = `Svagast ${v.year} är ${a.name} med ${formatScore(a.own)} av 100`;
  if (clear(a) && a.diff < 0) return `${head}, ${pts(-a.diff)} under ${a.refName} (${formatScore(a.ref)}), ${beyond(a).replace(/^mer än/, "en skillnad som är större än")}.`;
  if (clear(a)) return `${head}, och ändå ${pts(a.diff)} över ${a.refName} (${formatScore(a.ref)}).`;
  return `${head} mot ${formatScore(a.ref)} för ${a.refName}; skillnaden (${pts(Math.abs(a.diff))}) är inte säker: ${within(a)}.`;
}

/** The change message: the page's wording, or why no change can be told. */
export function changeMessage(v: MunicipalityView, change: ChangeLike | null, previousYear: number | null): string {
  const s = changeSentence(v.name, change);
  if (s) return s;
  if (previousYear === null) return `${v.year} är det första året i jämförelsen, så någon förändring kan inte visas.`;
  return `Förändringen sedan ${previousYear} kan inte bedömas: ${v.name} har ingen placering ${v.total.rank === null ? v.year : previousYear}.`;
}

/** The verdict and the three messages. */
export function keyMessages(
  v: MunicipalityView, margins: readonly AreaMargin[], change: ChangeLike | null, previousYear: number | null,
): KeyMessages {
  const t = v.total;
  const b: InBriefInput = {
    name: v.name, year: v.year, score: t.score, rank: t.rank, rankLow: t.rankLow, rankHigh: t.rankHigh, nRanked: t.nRanked,
    group: t.group, lowCoverage: t.lowCoverage, coverage: t.coverage, coverageLimit: v.coverageLimit, range: null,
    change,
  };
  const list = areas(v, margins);
  // Below the coverage limit the model gives no total at all (issue 19); the verdict should then say why
  // (too little data), not that data are missing: the low-coverage wording needs a score to be reached.
  const partial = t.score === null && t.coverage > 0;
  const lead = verdictSentence(partial ? { ...b, score: 0, lowCoverage: true } : b);
  const place = t.score === null ? null : rangeSentence(b);
  return {
    verdict: [lead, place].filter(Boolean).join(" "), lead, place,
    messages: [strongestSentence(v, list), weakestSentence(v, list), changeMessage(v, change, previousYear)]
      .filter((s): s is string => s !== null),
  };
}
