// The OpenGraph image of a municipality page (1200 × 630, what link previews show): the municipality's
// index, rank and result group for the year, with the source line. Pure: view numbers → SVG string; the
// PNG is rendered after the build with the site font (scripts/chart-png.ts). Below the coverage limit there
// is no rank (method rule), and the card says so instead of showing one.
import { formatRank, formatScore, formatYear } from "./format";
import { fontFamily, truncate } from "./layout";
import { ink } from "./palette";

export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;

export interface ShareCardInput {
  name: string;
  year: number;
  score: number | null;
  rank: number | null;
  nRanked: number;
  group: string | null;
  lowCoverage: boolean;
  host: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function shareCardSvg(c: ShareCardInput): string {
  const title = truncate(`Hemtjänsten i ${c.name}`, 1040, 60);
  const score = c.score === null ? "Inget index" : formatScore(c.score);
  const rankLine = c.rank === null
    ? (c.lowCoverage ? "Ingen rang: för få indikatorer med värden" : "Ingen rang")
    : `Plats ${formatRank(c.rank, c.nRanked)} rangordnade${c.group ? ` · Resultatgrupp: ${c.group}` : ""}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SHARE_CARD_WIDTH} ${SHARE_CARD_HEIGHT}" width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" font-family="${esc(fontFamily)}" role="img" aria-label="${esc(`Hemtjänsten i ${c.name} ${formatYear(c.year)}: index ${score}. ${rankLine}`)}">`,
    `<rect width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" fill="${ink.background}"/>`,
    `<rect width="24" height="${SHARE_CARD_HEIGHT}" fill="#0b5394"/>`,
    `<text x="80" y="100" font-size="32" font-weight="700" fill="#0b5394">Hemtjänstkollen</text>`,
    `<text x="80" y="200" font-size="60" font-weight="700" fill="${ink.text}">${esc(title)}</text>`,
    `<text x="80" y="370" font-size="140" font-weight="700" fill="${ink.text}">${esc(score)}</text>`,
    c.score === null ? "" : `<text x="80" y="436" font-size="34" fill="${ink.muted}">index av 100, ${esc(formatYear(c.year))}</text>`,
    `<text x="80" y="506" font-size="38" fill="${ink.text}">${esc(rankLine)}</text>`,
    `<text x="80" y="580" font-size="26" fill="${ink.muted}">Bearbetning av data från Kolada · ${esc(c.host)}</text>`,
    `</svg>`,
  ].join("");
}
