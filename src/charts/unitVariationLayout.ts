// The unit chart's geometry, in named steps: the horizontal frame (label column, x domain, ticks), the legend,
// the reference-line labels, unit names wrapped onto lines, and the vertical layout of the panels with every
// unit's row. Pure numbers; the marks are drawn in unitVariationMarks.ts.
import { collator, formatShare } from "./format";
import { fontSize, layoutLegend, textWidth, truncate, wrapText, type LegendItem } from "./layout";
import { ink, provider } from "./palette";
import {
  MAX_NAMED_UNITS, SMALL_N, wilsonInterval, type UnitVariationIndicator, type UnitVariationInput, type UnitVariationUnit,
  type UnitVariationValue,
} from "./unitVariationData";

export interface Datum {
  unit: UnitVariationUnit;
  indicator: UnitVariationIndicator;
  value: number;
  respondents: number | null;
  interval: [number, number] | null;
  small: boolean; // known to have fewer than SMALL_N respondents
  unknownN: boolean; // respondents unknown (live Kolada units: Kolada has no per-unit count)
  y: number; // pixel row centre
}

export interface Panel { indicator: UnitVariationIndicator; headingLines: string[]; headingY: number; top: number; bottom: number; tickY: number; missing: number }
export interface RowLabel { y: number; lines: string[]; missing: boolean }
export type Ref = { x: number; y1: number; y2: number; labelY: number; label: string; national: boolean; anchor: "start" | "end" };

const ROW_NAMED = 20;
/** Extra height per wrapped line of a unit name (names wrap onto at most MAX_NAME_LINES lines). */
export const NAME_LINE = 14;
const MAX_NAME_LINES = 4;
const PANEL_GAP = 22;

/** The horizontal frame: label column, plot width, shared x domain (round number below every value to 100) and ticks. */
export interface Frame { width: number; named: boolean; labelWidth: number; marginLeft: number; marginRight: number; plotWidth: number; xDomain: [number, number]; ticks: number[] }

export function frameOf(input: UnitVariationInput, units: UnitVariationUnit[], width: number): Frame {
  const named = units.length <= MAX_NAMED_UNITS;
  const labelWidth = named ? Math.min(width * 0.4, Math.max(...units.map((u) => textWidth(u.name, fontSize.tick)), 40) + 8) : 0;
  const marginLeft = named ? Math.ceil(labelWidth + 8) : 12;
  const marginRight = 20;
  const plotWidth = width - marginLeft - marginRight;
  const lows: number[] = [];
  for (const v of input.values) if (v.value !== null) lows.push(wilsonInterval(v.value, v.respondents)?.[0] ?? v.value);
  for (const ind of input.indicators) for (const r of [ind.municipalityValue, ind.nationalValue]) if (r !== null) lows.push(r);
  const xMin = lows.length ? Math.max(0, Math.floor((Math.min(...lows) - 2) / 10) * 10) : 0;
  const tickStep = (100 - xMin) / (plotWidth / 60) > 10 ? 20 : (100 - xMin) / (plotWidth / 60) > 5 ? 10 : 5;
  const ticks: number[] = [];
  for (let t = Math.ceil(xMin / tickStep) * tickStep; t <= 100; t += tickStep) ticks.push(t);
  return { width, named, labelWidth, marginLeft, marginRight, plotWidth, xDomain: [xMin, 100], ticks };
}

export function legendOf(input: UnitVariationInput, width: number) {
  // Units with unknown respondents are drawn hollow too, but said as unknown, not as few.
  const anyUnknown = input.values.some((v) => v.value !== null && v.respondents === null);
  const items: LegendItem[] = [
    { label: "Kommunal regi", swatch: { kind: "symbol", symbol: provider.kommunal.symbol, color: provider.kommunal.color, filled: true } },
    { label: "Enskild regi", swatch: { kind: "symbol", symbol: provider.privat.symbol, color: provider.privat.color, filled: true } },
    { label: anyUnknown ? `Färre än ${SMALL_N} eller okänt antal svarande` : `Färre än ${SMALL_N} svarande`, swatch: { kind: "symbol", symbol: "circle", color: ink.muted, filled: false } },
    { label: "90 % osäkerhetsintervall", swatch: { kind: "interval", color: ink.muted } },
    { label: input.municipalityName, swatch: { kind: "rule", color: ink.reference } },
    { label: "Riket", swatch: { kind: "rule", color: ink.national, dash: "4,3" } },
  ];
  return layoutLegend(items, width - 8);
}

/**
 * Labels of the reference lines (municipality solid, nation dashed) above the unit rows. The lower
 * value's label goes left of its line and the higher one's right; labels are kept inside the chart, and
 * when they would still overlap the national label moves to a second row.
 */
function placeRefLabels(frame: Frame, municipalityName: string, indicator: UnitVariationIndicator, rowY: number): { labels: Omit<Ref, "y1" | "y2">[]; rows: number } {
  const { xDomain, marginLeft, plotWidth, width } = frame;
  const px = (v: number) => marginLeft + ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * plotWidth;
  const out: Omit<Ref, "y1" | "y2">[] = [];
  const m = indicator.municipalityValue;
  const n = indicator.nationalValue;
  if (m !== null) out.push({ x: m, labelY: rowY, label: `${municipalityName} ${formatShare(m)}`, national: false, anchor: "end" });
  if (n !== null) out.push({ x: n, labelY: rowY, label: `Riket ${formatShare(n)}`, national: true, anchor: "start" });
  if (out.length === 2 && out[0].x > out[1].x) [out[0].anchor, out[1].anchor] = ["start", "end"];
  if (out.length === 1) out[0].anchor = out[0].x > (xDomain[0] + xDomain[1]) / 2 ? "end" : "start";
  const box = (r: (typeof out)[number]) => {
    const w = textWidth(r.label, fontSize.tick, !r.national) + 4;
    return r.anchor === "start" ? [px(r.x), px(r.x) + w] : [px(r.x) - w, px(r.x)];
  };
  for (const r of out) {
    if (r.anchor === "end" && box(r)[0] < 0) r.anchor = "start";
    if (r.anchor === "start" && box(r)[1] > width) r.anchor = "end";
  }
  if (out.length === 2) {
    const [a, b] = [box(out[0]), box(out[1])];
    if (a[0] < b[1] + 6 && b[0] < a[1] + 6) {
      out[1].labelY = rowY + fontSize.tick + 4;
      return { labels: out, rows: 2 };
    }
  }
  return { labels: out, rows: 1 };
}

/** A unit's name in at most MAX_NAME_LINES lines of the label column (wrapped, not cut; the last line is shortened only if needed). */
function nameLines(name: string, labelWidth: number): string[] {
  const lines = wrapText(name, labelWidth, fontSize.tick);
  if (lines.length <= MAX_NAME_LINES) return lines.map((l) => truncate(l, labelWidth, fontSize.tick));
  return [...lines.slice(0, MAX_NAME_LINES - 1), truncate(lines.slice(MAX_NAME_LINES - 1).join(" "), labelWidth, fontSize.tick)];
}

export interface Layout { data: Datum[]; panels: Panel[]; rowLabels: RowLabel[]; refs: Ref[]; height: number; badgeHeight: number }

/** Vertical layout: legend, then per indicator a heading, a reference-label row, the unit rows, tick labels. */
export function layoutPanels(input: UnitVariationInput, units: UnitVariationUnit[], frame: Frame, legendHeight: number): Layout {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const { named, labelWidth, width } = frame;
  const names = new Map(named ? units.map((u) => [u.id, nameLines(u.name, labelWidth)]) : []);
  const rowHeight = (u: UnitVariationUnit) => ROW_NAMED + ((names.get(u.id)?.length ?? 1) - 1) * NAME_LINE;
  const data: Datum[] = [];
  const panels: Panel[] = [];
  const rowLabels: RowLabel[] = [];
  const refs: Ref[] = [];
  // Example units say so inside the picture too, so a cropped screenshot or PNG cannot lose it.
  const badgeHeight = input.synthetic ? fontSize.label + 10 : 0;
  let y = badgeHeight + legendHeight + 12;
  for (const indicator of input.indicators) {
    const headingLines = wrapText(indicator.label, width - 8, fontSize.heading, true);
    const headingY = y + fontSize.heading;
    y += headingLines.length * fontSize.heading * 1.3 + 4;
    const placed = placeRefLabels(frame, input.municipalityName, indicator, y + fontSize.tick);
    y += placed.rows * (fontSize.tick + 4) + 4;
    const top = y;
    const rows = input.values
      .filter((v) => v.indicatorId === indicator.id && unitById.has(v.unitId))
      .map((v) => ({ v, unit: unitById.get(v.unitId)! }));
    const valued = rows.filter((r) => r.v.value !== null && Number.isFinite(r.v.value));
    let ordered: { v: UnitVariationValue; unit: UnitVariationUnit }[];
    let step: (u: UnitVariationUnit) => number;
    if (named) {
      // Every unit gets its row, in name order, so a reader can follow one unit down the panels.
      const byUnit = new Map(rows.map((r) => [r.unit.id, r]));
      ordered = units.map((unit) => byUnit.get(unit.id) ?? { v: { unitId: unit.id, indicatorId: indicator.id, value: null, respondents: null }, unit });
      step = rowHeight;
    } else {
      // Many units: a caterpillar plot, sorted by value, rows as tight as the count needs.
      ordered = [...valued].sort((a, b) => b.v.value! - a.v.value! || collator.compare(a.unit.name, b.unit.name));
      const tight = Math.max(3, Math.min(10, 220 / Math.max(1, ordered.length)));
      step = () => tight;
    }
    let rowTop = top;
    for (const { v, unit } of ordered) {
      const h = step(unit);
      const rowY = rowTop + h / 2;
      rowTop += h;
      if (named) rowLabels.push({ y: rowY, lines: names.get(unit.id) ?? [unit.name], missing: v.value === null });
      if (v.value === null || !Number.isFinite(v.value)) continue;
      data.push({
        unit, indicator, value: v.value, respondents: v.respondents, interval: wilsonInterval(v.value, v.respondents),
        small: v.respondents !== null && v.respondents < SMALL_N, unknownN: v.respondents === null, y: rowY,
      });
    }
    y = ordered.length ? rowTop : top + step(units[0] ?? ({} as UnitVariationUnit));
    const bottom = y;
    const tickY = y + 4 + fontSize.tick;
    y = tickY + PANEL_GAP;
    for (const label of placed.labels) refs.push({ ...label, y1: top - 4, y2: bottom });
    panels.push({ indicator, headingLines, headingY, top, bottom, tickY, missing: rows.length - valued.length });
  }
  return { data, panels, rowLabels, refs, height: Math.ceil(y - PANEL_GAP + 8), badgeHeight };
}
