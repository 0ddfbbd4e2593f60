// The report's summary in plain Swedish: a few sentences an official can read aloud. Pure; numbers go
// through src/charts/format.ts. The first sentence says the same as the municipality page's lead.
import { formatInt, formatNumber, formatRankInterval, formatScore, formatShare, rankedOutOf } from "../charts/format";
import { resultGroupStyle, type ResultGroup } from "../charts/palette";
import { joinSv, type MunicipalityView } from "../site-data/municipality";
import type { Priority } from "./priorities";
import type { PeerRow, RankYear } from "./reportView";

export function groupLabel(group: string | null): string | null {
  return group ? (resultGroupStyle[group as ResultGroup]?.label ?? group) : null;
}

/** "0,8 poäng", or "under 0,1 poäng" for tiny effects. */
export function formatPoints(x: number): string {
  return x < 0.05 ? "under 0,1 poäng" : `${formatNumber(x, 1)} poäng`;
}

export function lowerFirst(s: string): string {
  return /^[A-ZÅÄÖ][a-zåäö]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function totalSentence(v: MunicipalityView): string {
  const t = v.total;
  if (t.score === null) {
    return t.coverage > 0
      ? `${v.name} får inget index för ${v.year}: bara ${formatShare(t.coverage * 100, 0)} av underlaget finns ` +
        `(gränsen är ${formatShare(v.coverageLimit * 100, 0)}), så en jämförelse vore inte rättvisande.`
      : `${v.name} får inget index för ${v.year}: underlaget saknas.`;
  }
  if (t.rank === null) {
    return `${v.name} får ${formatScore(t.score)} av 100 i Hemtjänstkollens index ${v.year} men ingen placering, ` +
      "eftersom underlaget är för ofullständigt för en säker jämförelse.";
  }
  const group = groupLabel(t.group);
  const interval = t.rankLow !== null && t.rankHigh !== null && t.rankLow !== t.rankHigh
    ? ` Med hänsyn till den statistiska osäkerheten ligger kommunen någonstans mellan plats ${formatInt(t.rankLow)} och ${formatInt(t.rankHigh)}.`
    : "";
  return `${v.name} får ${formatScore(t.score)} av 100 i Hemtjänstkollens index ${v.year} och hamnar på plats ` +
    `${formatInt(t.rank)} ${rankedOutOf(t.nRanked)}.${interval} ` +
    (group ? `Resultatgruppen är ${group.toLowerCase()}.` : "Kommunen placeras inte i någon resultatgrupp.");
}

/** The peers compared by rank interval: "före"/"efter" only when the intervals do not overlap. */
function peerSentence(v: MunicipalityView, rows: readonly PeerRow[]): string | null {
  if (v.peersMedianTotal === null || v.total.score === null) return null;
  // Point estimates only; whether the municipality is ahead or behind is said by rank interval below.
  const head = `Totalindexet är ${formatScore(v.total.score)} mot ${formatScore(v.peersMedianTotal)} i median för de sju liknande kommunerna.`;
  const others = rows.filter((r) => !r.self && r.versus !== null);
  if (v.total.rank === null || !others.length) return head;
  const ahead = others.filter((r) => r.versus === "före").length;
  const behind = others.filter((r) => r.versus === "efter").length;
  const unsure = others.length - ahead - behind;
  return `${head} Av de ${formatInt(others.length)} liknande kommunerna med placering ligger ${formatInt(ahead)} tydligt före ${v.name}, ` +
    `${formatInt(behind)} tydligt efter och ${formatInt(unsure)} går inte att skilja från ${v.name} ` +
    "(före eller efter bara när rangintervallen, 90 %, inte överlappar).";
}

/**
 * First to last ranked year under the change rule (a change only when the rank intervals do not overlap),
 * both years on the indicators they share (the page's view.overallChange).
 */
function trendSentence(v: MunicipalityView, years: readonly RankYear[]): string | null {
  const ranked = years.filter((t) => t.rank !== null);
  if (ranked.length < 3) return null; // two years: the key messages already say it
  const c = v.overallChange;
  if (!c || c.verdict === "saknas") return null;
  const common = c.sameIndicators ? "" : ` på de ${formatInt(c.indicatorCount)} indikatorer som fanns båda åren`;
  const span = `plats ${formatRankInterval(c.from.low ?? c.from.rank, c.from.high ?? c.from.rank)} år ${c.from.year}, ` +
    `${formatRankInterval(c.to.low ?? c.to.rank, c.to.high ?? c.to.rank)} år ${c.to.year}${common}`;
  if (c.verdict === "steg") return `Från ${c.from.year} till ${c.to.year} har ${v.name} klart förbättrat sin placering (${span}).`;
  if (c.verdict === "föll") return `Från ${c.from.year} till ${c.to.year} har ${v.name} klart försämrat sin placering (${span}).`;
  return `Från ${c.from.year} till ${c.to.year} har placeringen inte ändrats mer än osäkerheten (${span}).`;
}

function prioritySentence(v: MunicipalityView, priorities: readonly Priority[]): string {
  if (!priorities.length) return `${v.name} ligger inte tydligt efter den bästa liknande kommunen på någon indikator.`;
  const top = priorities.slice(0, 2).map((p) => lowerFirst(p.name));
  return `Mest att vinna finns inom ${joinSv(top)}: att nå den bästa liknande kommunens nivå där skulle höja ` +
    `totalindexet med ungefär ${formatPoints(priorities.slice(0, 2).reduce((s, p) => s + p.weightedGap, 0))}. ` +
    "Vilka kommuner som är tydligt bättre, med hänsyn till osäkerheten, står under ”Lär av”.";
}

function coverageSentence(v: MunicipalityView): string | null {
  if (!v.total.lowCoverage) return null;
  return `Underlaget är ofullständigt: bara ${formatShare(v.total.coverage * 100, 0)} av vikten vilar på faktiska värden, ` +
    "så placeringen ska läsas med stor försiktighet.";
}

function unitSentence(v: MunicipalityView): string | null {
  const u = v.units;
  if (!u.units.length || u.year === null) return null;
  const n = u.units.length;
  return `I underlaget finns ${formatInt(n)} ${n === 1 ? "enhet" : "enheter"} (${formatInt(u.counts.kommunal)} i kommunal och ` +
    `${formatInt(u.counts.privat)} i enskild regi)` + (u.synthetic ? "; de är exempeldata, inte verkliga utförare." : ".");
}

/** The summary paragraphs, in reading order. */
export function reportSummary(
  v: MunicipalityView, priorities: readonly Priority[], peerRows: readonly PeerRow[] = [], rankYears: readonly RankYear[] = [],
): string[] {
  return [totalSentence(v), coverageSentence(v), peerSentence(v, peerRows), prioritySentence(v, priorities),
    trendSentence(v, rankYears), unitSentence(v)].filter((s): s is string => s !== null);
}
