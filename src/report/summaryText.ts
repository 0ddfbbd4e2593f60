// The report's summary in plain Swedish: a few sentences an official can read aloud. Pure; numbers go
// through src/charts/format.ts. The first sentence says the same as the municipality page's lead.
import { formatInt, formatNumber, formatRank, formatScore, formatShare } from "../charts/format";
import { resultGroupStyle, type ResultGroup } from "../charts/palette";
import { joinSv, type MunicipalityView } from "../site-data/municipality";
import type { Priority } from "./priorities";

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
  if (t.score === null || t.rank === null) return `${v.name} har inget index för ${v.year}: underlaget saknas.`;
  const group = groupLabel(t.group);
  const interval = t.rankLow !== null && t.rankHigh !== null && t.rankLow !== t.rankHigh
    ? ` Med hänsyn till den statistiska osäkerheten ligger kommunen någonstans mellan plats ${formatInt(t.rankLow)} och ${formatInt(t.rankHigh)}.`
    : "";
  return `${v.name} får ${formatScore(t.score)} av 100 i Hemtjänstkollens index ${v.year} och hamnar på plats ` +
    `${formatRank(t.rank, t.nRanked)}.${interval} ` +
    (group ? `Resultatgruppen är ${group.toLowerCase()}.` : "Kommunen placeras inte i någon resultatgrupp.");
}

function peerSentence(v: MunicipalityView): string | null {
  if (v.peersMedianTotal === null || v.total.score === null) return null;
  const ahead = v.peers.filter((p) => p.better).length;
  const diff = v.total.score - v.peersMedianTotal;
  const where = Math.abs(diff) < 0.05 ? "lika med" : diff > 0 ? `${formatNumber(diff, 1)} poäng över` : `${formatNumber(-diff, 1)} poäng under`;
  return `Totalindexet ligger ${where} medianen för de sju liknande kommunerna (${formatScore(v.peersMedianTotal)}); ` +
    (ahead === 0 ? "ingen av dem har ett högre totalindex." : `${formatInt(ahead)} av dem har ett högre totalindex.`);
}

function subIndexSentence(v: MunicipalityView): string | null {
  const diffs = v.subIndices
    .filter((s) => s.municipality !== null && s.peers !== null)
    .map((s) => ({ s, d: s.municipality! - s.peers! }));
  if (diffs.length < 2) return null;
  diffs.sort((a, b) => b.d - a.d);
  const best = diffs[0];
  const worst = diffs[diffs.length - 1];
  const part = (x: typeof best) => `${x.s.name} (${formatScore(x.s.municipality)} mot ${formatScore(x.s.peers)})`;
  return `Jämfört med liknande kommuner går det bäst inom ${part(best)} och sämst inom ${part(worst)}.`;
}

function trendSentence(v: MunicipalityView): string | null {
  const ranked = v.trend.filter((t) => t.rank !== null);
  if (ranked.length < 2) return null;
  const first = ranked[0];
  const last = ranked[ranked.length - 1];
  const moved = first.rank! - last.rank!;
  return `Från ${first.year} till ${last.year} ` + (moved > 0
    ? `gick ${v.name} fram ${formatInt(moved)} placeringar.`
    : moved < 0 ? `föll ${v.name} ${formatInt(-moved)} placeringar.` : `behöll ${v.name} sin placering.`);
}

function prioritySentence(v: MunicipalityView, priorities: readonly Priority[]): string {
  if (!priorities.length) return `${v.name} ligger inte tydligt efter den bästa liknande kommunen på någon indikator.`;
  const top = priorities.slice(0, 2).map((p) => `${lowerFirst(p.name)} (${formatNumber(p.score, 0)} mot ${formatNumber(p.bestScore, 0)} poäng hos ${p.bestPeers[0].name})`);
  return `Mest att vinna finns inom ${joinSv(top)}. Att nå den bästa liknande kommunens nivå där skulle höja ` +
    `totalindexet med ungefär ${formatPoints(priorities.slice(0, 2).reduce((s, p) => s + p.weightedGap, 0))}.`;
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
export function reportSummary(v: MunicipalityView, priorities: readonly Priority[]): string[] {
  return [totalSentence(v), coverageSentence(v), peerSentence(v), subIndexSentence(v), prioritySentence(v, priorities),
    trendSentence(v), unitSentence(v)].filter((s): s is string => s !== null);
}
