// "What if" for one threshold of the quality premium: as the limit moves, how many providers get a
// premium (top panel) and what it costs (bottom panel); a dashed line marks the limit in force. A plain
// SVG string (no Plot, no DOM), so the browser island draws it without loading d3; the text summary and
// the table twin carry the same numbers (WCAG 1.1.1, 1.4.1).
import { formatNumber, formatShare } from "./format";
import { ink, series } from "./palette";
import type { SweepPoint } from "../model/qualityPremium/whatIf";

export interface ThresholdChartInput {
  /** Used for ids and the title, e.g. "kontinuitet". */
  id: string;
  label: string;
  direction: "min" | "max";
  current: number;
  providers: number;
  points: readonly SweepPoint[];
}

export interface ThresholdChart {
  svg: string;
  summary: string;
  table: { columns: string[]; rows: string[][] };
}

const W = 340;
const H = 230;
const M = { left: 62, right: 12, top: 22, bottom: 34 };
const GAP = 30;
const PANEL = (H - M.top - M.bottom - GAP) / 2;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const kr = (x: number) => `${formatNumber(x, 0)} kr`;
/** Short cost labels for the axis: "1,2 mn", "450 tn". */
const krShort = (x: number) => (x >= 1e6 ? `${formatNumber(x / 1e6, 1)} mn` : x >= 1e3 ? `${formatNumber(x / 1e3, 0)} tn` : formatNumber(x, 0));

function stepPath(points: readonly SweepPoint[], x: (v: number) => number, y: (p: SweepPoint) => number): string {
  return points.map((p, i) => (i === 0 ? `M${x(p.threshold).toFixed(1)},${y(p).toFixed(1)}` : `H${x(p.threshold).toFixed(1)}V${y(p).toFixed(1)}`)).join("");
}

export function premiumThresholdChart(input: ThresholdChartInput): ThresholdChart {
  const pts = input.points;
  const lo = pts[0]?.threshold ?? 0;
  const hi = pts[pts.length - 1]?.threshold ?? 100;
  const x = (v: number) => M.left + ((v - lo) / Math.max(1e-9, hi - lo)) * (W - M.left - M.right);
  const maxN = Math.max(1, input.providers);
  const maxCost = Math.max(1, ...pts.map((p) => p.cost));
  const top = M.top;
  const bottom = M.top + PANEL + GAP;
  const yN = (p: SweepPoint) => top + PANEL - (p.withPremium / maxN) * PANEL;
  const yCost = (p: SweepPoint) => bottom + PANEL - (p.cost / maxCost) * PANEL;
  const titleId = `whatif-${input.id}-titel`;
  const descId = `whatif-${input.id}-text`;
  const now = pts.find((p) => p.threshold === input.current);
  const ticks = [lo, (lo + hi) / 2, hi];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${titleId} ${descId}" font-family="inherit" font-size="12">`, // 12 px: drawn at phone width (issue 18)
    `<title id="${titleId}">${esc(input.label)}: utförare med premie och kostnad när gränsen flyttas</title>`,
    `<desc id="${descId}">${esc(summaryText(input, now))}</desc>`,
    `<text x="${M.left}" y="${top - 8}" fill="${ink.text}" font-weight="600">Utförare med premie (av ${input.providers})</text>`,
    `<text x="${M.left}" y="${bottom - 8}" fill="${ink.text}" font-weight="600">Kostnad</text>`,
  ];
  for (const [y0, label] of [[top + PANEL, "0"], [top, String(maxN)], [bottom + PANEL, "0"], [bottom, krShort(maxCost)]] as const) {
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${y0.toFixed(1)}" y2="${y0.toFixed(1)}" stroke="${ink.grid}"/>`,
      `<text x="${M.left - 6}" y="${(y0 + 4).toFixed(1)}" text-anchor="end" fill="${ink.muted}">${esc(label)}</text>`);
  }
  for (const t of ticks) {
    parts.push(`<text x="${x(t).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle" fill="${ink.muted}">${esc(formatShare(t, Number.isInteger(t) ? 0 : 1))}</text>`);
  }
  parts.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 4}" text-anchor="middle" fill="${ink.muted}">${input.direction === "min" ? "Lägsta" : "Högsta"} tillåtna andel</text>`);
  if (pts.length > 0) {
    parts.push(`<path d="${stepPath(pts, x, yN)}" fill="none" stroke="${series.municipality.color}" stroke-width="2"/>`,
      `<path d="${stepPath(pts, x, yCost)}" fill="none" stroke="${series.kommungrupp.color}" stroke-width="2"/>`);
  }
  if (now) {
    const cx = x(now.threshold).toFixed(1);
    parts.push(`<line x1="${cx}" x2="${cx}" y1="${top}" y2="${bottom + PANEL}" stroke="${ink.reference}" stroke-dasharray="3 3"/>`,
      `<circle cx="${cx}" cy="${yN(now).toFixed(1)}" r="3.5" fill="${series.municipality.color}"/>`,
      `<rect x="${(x(now.threshold) - 3.5).toFixed(1)}" y="${(yCost(now) - 3.5).toFixed(1)}" width="7" height="7" fill="${series.kommungrupp.color}"/>`);
  }
  parts.push("</svg>");
  return {
    svg: parts.join(""),
    summary: summaryText(input, now),
    table: {
      columns: ["Gräns", "Utförare med premie", "Alla tre uppfyllda", "Kostnad"],
      rows: pts.map((p) => [
        `${formatShare(p.threshold, Number.isInteger(p.threshold) ? 0 : 1)}${p.threshold === input.current ? " (vald)" : ""}`,
        formatNumber(p.withPremium, 0), formatNumber(p.allThree, 0), kr(p.cost),
      ]),
    },
  };
}

function summaryText(input: ThresholdChartInput, now: SweepPoint | undefined): string {
  const pts = input.points;
  if (!now || pts.length === 0) return `${input.label}: inga utförare att räkna på.`;
  const first = pts[0];
  const last = pts[pts.length - 1];
  const at = (p: SweepPoint) => `vid ${formatShare(p.threshold, Number.isInteger(p.threshold) ? 0 : 1)} får ${p.withPremium} av ${input.providers} utförare premie, kostnad ${kr(p.cost)}`;
  return `${input.label}: ${at(now)} (vald gräns). Från ${at(first)} till ${at(last)}.`;
}
