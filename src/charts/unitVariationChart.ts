// How much the home-care units inside one municipality differ, per survey indicator. Every unit is a
// symbol (shape AND colour by provider type), with a 90 % Wilson interval from its respondent count;
// units with fewer than 30 respondents are drawn hollow. The municipality and the national value are
// reference lines with labels. Example units are said to be examples, in the subtitle and the summary.
import * as Plot from "@observablehq/plot";
import { collator, formatInt, formatShare } from "./format";
import { drawLegend, fontSize, layoutLegend, plotSymbol, textWidth, truncate, wrapText, type LegendItem } from "./layout";
import { ink, provider } from "./palette";
import { DEFAULT_WIDTH, renderPlot, type ChartOptions, type ChartOutput } from "./render";

export type UnitProviderType = "kommunal" | "privat";

export interface UnitVariationUnit {
  id: string; // Kolada OU id or "EX-<kommunkod>-<nn>"
  name: string;
  providerType: UnitProviderType;
}
export interface UnitVariationIndicator {
  id: string; // KPI id, e.g. "U21468"
  label: string; // short Swedish label, e.g. "Nöjd med hemtjänsten som helhet"
  municipalityValue: number | null; // share in percent (0–100)
  nationalValue: number | null;
}
export interface UnitVariationValue {
  unitId: string;
  indicatorId: string;
  value: number | null; // share in percent (0–100)
  respondents: number | null;
}
export interface UnitVariationInput {
  municipalityCode: string;
  municipalityName: string;
  year: number;
  indicators: UnitVariationIndicator[];
  units: UnitVariationUnit[];
  values: UnitVariationValue[];
  synthetic: boolean; // generated example units ("Exempeldata")
  source?: string; // defaults depend on `synthetic`
}

/** Units with fewer respondents than this are drawn hollow and flagged (not ranked by the model). */
export const SMALL_N = 30;
/** z for a two-sided 90 % interval. */
export const Z90 = 1.6448536269514722;
/** Above this many units, rows are not labelled with names and each panel is sorted by value. */
export const MAX_NAMED_UNITS = 15;

/** Wilson score interval for a share in percent (0–100) from n respondents; null when n is unknown. */
export function wilsonInterval(sharePercent: number, n: number | null, z = Z90): [number, number] | null {
  if (n === null || !(n > 0)) return null;
  const p = Math.min(1, Math.max(0, sharePercent / 100));
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half) * 100, Math.min(1, centre + half) * 100];
}

interface Datum {
  unit: UnitVariationUnit;
  indicator: UnitVariationIndicator;
  value: number;
  respondents: number | null;
  interval: [number, number] | null;
  small: boolean; // known to have fewer than SMALL_N respondents
  unknownN: boolean; // respondents unknown (live Kolada units: Kolada has no per-unit count)
  y: number; // pixel row centre
}

interface Panel { indicator: UnitVariationIndicator; headingLines: string[]; headingY: number; top: number; bottom: number; tickY: number; missing: number }
interface RowLabel { y: number; lines: string[]; missing: boolean }
type Ref = { x: number; y1: number; y2: number; labelY: number; label: string; national: boolean; anchor: "start" | "end" };

const ROW_NAMED = 20;
/** Extra height per wrapped line of a unit name (names wrap onto at most MAX_NAME_LINES lines). */
const NAME_LINE = 14;
const MAX_NAME_LINES = 4;
const EXAMPLE_BADGE = "Exempeldata – påhittade enheter, inte verkliga utförare";
const PANEL_GAP = 22;

/** The horizontal frame: label column, plot width, shared x domain (round number below every value to 100) and ticks. */
interface Frame { width: number; named: boolean; labelWidth: number; marginLeft: number; marginRight: number; plotWidth: number; xDomain: [number, number]; ticks: number[] }

function frameOf(input: UnitVariationInput, units: UnitVariationUnit[], width: number): Frame {
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

function legendOf(input: UnitVariationInput, width: number) {
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

interface Layout { data: Datum[]; panels: Panel[]; rowLabels: RowLabel[]; refs: Ref[]; height: number; badgeHeight: number }

/** Vertical layout: legend, then per indicator a heading, a reference-label row, the unit rows, tick labels. */
function layoutPanels(input: UnitVariationInput, units: UnitVariationUnit[], frame: Frame, legendHeight: number): Layout {
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

/** Every mark of the chart: legend, badge, headings, grid, reference lines and labels, intervals, units, row labels. */
function chartMarks(input: UnitVariationInput, frame: Frame, legend: ReturnType<typeof layoutLegend>, l: Layout): Plot.Markish[] {
  const { xDomain, marginLeft, ticks, named, width } = frame;
  const { data, panels, refs, rowLabels, badgeHeight } = l;
  const symbolOf = (d: Datum) => plotSymbol(provider[d.unit.providerType].symbol);
  const colorOf = (d: Datum) => provider[d.unit.providerType].color;
  const dotTitle = (d: Datum) =>
    `${d.unit.name} (${d.unit.providerType === "kommunal" ? "kommunal regi" : "enskild regi"}): ${formatShare(d.value)}` +
    (d.respondents !== null ? `, ${formatInt(d.respondents)} svarande` : ", antal svarande okänt") +
    (d.small || d.unknownN ? " – osäkert värde" : "");
  const marks: Plot.Markish[] = [
    (_index, _scales, _values, _dimensions, context) => drawLegend(context.document, legend, 4, badgeHeight),
    Plot.text(input.synthetic ? [textWidth(EXAMPLE_BADGE, fontSize.label, true) < width - 8 ? EXAMPLE_BADGE : "Exempeldata – påhittade enheter"] : [], {
      x: () => xDomain[0], y: () => fontSize.label + 2, text: (d: string) => d, textAnchor: "start", dx: -marginLeft + 4,
      fontSize: fontSize.label, fontWeight: "bold", fill: provider.privat.color, lineAnchor: "bottom",
    }),
    // Headings and row labels sit outside the frame, at the left edge of the SVG.
    Plot.text(
      panels.flatMap((p) => p.headingLines.map((line, i) => ({ line, y: p.headingY + i * fontSize.heading * 1.3 }))),
      { x: () => xDomain[0], y: "y", text: "line", textAnchor: "start", dx: -marginLeft + 4, fontSize: fontSize.heading, fontWeight: "bold", lineAnchor: "bottom" },
    ),
    Plot.ruleX(panels.flatMap((p) => ticks.map((t) => ({ t, y1: p.top - 2, y2: p.bottom + 2 }))), { x: "t", y1: "y1", y2: "y2", stroke: ink.grid }),
    Plot.text(
      panels.flatMap((p) => ticks.map((t) => ({ t, y: p.tickY }))),
      { x: "t", y: "y", text: (d: { t: number }) => formatShare(d.t, 0), fill: ink.muted, lineAnchor: "bottom" },
    ),
    Plot.ruleX(refs.filter((r) => !r.national), { x: "x", y1: "y1", y2: "y2", stroke: ink.reference, strokeWidth: 2 }),
    Plot.ruleX(refs.filter((r) => r.national), { x: "x", y1: "y1", y2: "y2", stroke: ink.national, strokeWidth: 2, strokeDasharray: "4,3" }),
    ...(["start", "end"] as const).flatMap((anchor) =>
      [false, true].map((national) =>
        Plot.text(refs.filter((r) => r.anchor === anchor && r.national === national), {
          x: "x", y: "labelY", text: "label", textAnchor: anchor, dx: anchor === "start" ? 4 : -4,
          fill: national ? ink.national : ink.reference, fontWeight: national ? "normal" : "bold", lineAnchor: "bottom",
        }),
      ),
    ),
    Plot.ruleY(
      data.filter((d) => d.interval),
      { y: "y", x1: (d: Datum) => d.interval![0], x2: (d: Datum) => d.interval![1], stroke: colorOf, strokeWidth: named ? 1.5 : 1, strokeOpacity: 0.85 },
    ),
    Plot.dot(data, {
      x: "value",
      y: "y",
      symbol: symbolOf,
      r: named ? 5 : Math.max(2.5, Math.min(4.5, (220 / Math.max(1, data.length / Math.max(1, panels.length))) * 0.45)),
      stroke: colorOf,
      fill: (d: Datum) => (d.small || d.unknownN ? "white" : colorOf(d)),
      strokeWidth: 1.5,
      title: dotTitle,
      className: "unit-dots",
      render(index, scales, values, dimensions, context, next) {
        const g = next!(index, scales, values, dimensions, context) as SVGGElement;
        Array.from(g.children).forEach((child, i) => {
          const d = data[index[i]];
          child.setAttribute("data-unit", d.unit.id);
          child.setAttribute("data-indicator", d.indicator.id);
        });
        return g;
      },
    } as Plot.DotOptions),
  ];
  if (named) {
    // Unit names wrap onto up to four lines, centred on their row (issue 18: not cut before "(exempel)").
    const lines = rowLabels.flatMap((r) => r.lines.map((text, i) => ({ text, missing: r.missing, y: r.y + (i - (r.lines.length - 1) / 2) * NAME_LINE })));
    marks.push(
      Plot.text(lines, { x: () => xDomain[0], y: "y", text: "text", textAnchor: "end", dx: -8, fill: (d: { missing: boolean }) => (d.missing ? ink.muted : ink.text) }),
      Plot.text(
        rowLabels.filter((r) => r.missing),
        { x: () => xDomain[0], y: "y", text: () => "uppgift saknas", textAnchor: "start", dx: 4, fill: ink.muted, fontStyle: "italic" },
      ),
    );
  }
  return marks;
}

/** The text alternative: one sentence per indicator with its lowest and highest unit, and the small units. */
function summaryOf(input: UnitVariationInput, units: UnitVariationUnit[], l: Layout): string {
  const { data, panels } = l;
  const sentences: string[] = [
    input.synthetic
      ? `Exempeldata: diagrammet visar ${units.length} påhittade enheter i ${input.municipalityName}, inte verkliga utförare.`
      : `Diagrammet visar ${units.length} enheter i ${input.municipalityName} år ${input.year}.`,
  ];
  for (const p of panels) {
    const ds = data.filter((d) => d.indicator.id === p.indicator.id);
    if (!ds.length) {
      sentences.push(`${p.indicator.label}: ingen enhet har ett värde.`);
      continue;
    }
    const lo = ds.reduce((a, b) => (b.value < a.value ? b : a));
    const hi = ds.reduce((a, b) => (b.value > a.value ? b : a));
    let s = `${p.indicator.label}: från ${formatShare(lo.value)} (${lo.unit.name}) till ${formatShare(hi.value)} (${hi.unit.name})`;
    const refsText = [
      p.indicator.municipalityValue !== null ? `kommunen ${formatShare(p.indicator.municipalityValue)}` : null,
      p.indicator.nationalValue !== null ? `riket ${formatShare(p.indicator.nationalValue)}` : null,
    ].filter(Boolean);
    if (refsText.length) s += `; ${refsText.join(", ")}`;
    sentences.push(`${s}.`);
  }
  const smallUnits = new Set(data.filter((d) => d.small).map((d) => d.unit.id));
  if (smallUnits.size)
    sentences.push(`${formatInt(smallUnits.size)} ${smallUnits.size === 1 ? "enhet har" : "enheter har"} färre än ${SMALL_N} svarande på minst en fråga; deras värden är osäkra.`);
  const unknownUnits = new Set(data.filter((d) => d.unknownN).map((d) => d.unit.id));
  if (unknownUnits.size)
    sentences.push(`För ${formatInt(unknownUnits.size)} ${unknownUnits.size === 1 ? "enhet" : "enheter"} är antalet svarande okänt, så osäkerheten går inte att visa.`);
  return sentences.join(" ");
}

/** The table twin: one row per unit and indicator with its interval and the references. */
function tableOf(input: UnitVariationInput, data: Datum[]): ChartOutput["table"] {
  const rows = [...data]
    .sort((a, b) => input.indicators.indexOf(a.indicator) - input.indicators.indexOf(b.indicator) || collator.compare(a.unit.name, b.unit.name))
    .map((d) => ({
      indikator: d.indicator.label,
      enhet: d.unit.name,
      regi: d.unit.providerType === "kommunal" ? "Kommunal" : "Enskild",
      andel: d.value,
      svarande: d.respondents,
      intervall_lag: d.interval ? round1(d.interval[0]) : null,
      intervall_hog: d.interval ? round1(d.interval[1]) : null,
      fa_svarande: d.small ? "Ja" : d.unknownN ? "Okänt" : "Nej",
      kommunen: d.indicator.municipalityValue,
      riket: d.indicator.nationalValue,
    }));
  return {
    columns: [
      { key: "indikator", label: "Fråga", format: "text" },
      { key: "enhet", label: "Enhet", format: "text" },
      { key: "regi", label: "Regi", format: "text" },
      { key: "andel", label: "Andel positiva", format: "share" },
      { key: "svarande", label: "Antal svarande", format: "int" },
      { key: "intervall_lag", label: "90 % intervall, lägst", format: "share" },
      { key: "intervall_hog", label: "90 % intervall, högst", format: "share" },
      { key: "fa_svarande", label: `Färre än ${SMALL_N} svarande`, format: "text" },
      { key: "kommunen", label: input.municipalityName, format: "share" },
      { key: "riket", label: "Riket", format: "share" },
    ],
    rows,
  };
}

export function unitVariationChart(input: UnitVariationInput, options: ChartOptions = {}): ChartOutput {
  const width = options.width ?? DEFAULT_WIDTH;
  const id = options.id ?? `enhetsvariation-${input.municipalityCode}`;
  const units = [...input.units].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id));
  const frame = frameOf(input, units, width);
  const legend = legendOf(input, width);
  const layout = layoutPanels(input, units, frame, legend.height);

  const title = `Skillnader mellan hemtjänstens enheter i ${input.municipalityName} ${input.year}`;
  const exampleNote = input.synthetic ? "Exempeldata: enheterna är påhittade, inte verkliga utförare." : "";
  const subtitle = [`Andel positiva svar per enhet i brukarundersökningen, ${units.length} enheter.`, exampleNote].filter(Boolean).join(" ");
  const summary = summaryOf(input, units, layout);
  const caption =
    "Varje symbol är en enhet: cirkel för kommunal regi, triangel för enskild regi. " +
    `Ofylld symbol: färre än ${SMALL_N} svarande (eller okänt antal). ` +
    "Linjen genom symbolen är ett 90-procentigt osäkerhetsintervall (Wilson) som beror på antalet svarande. " +
    `Heldragen lodrät linje: ${input.municipalityName}s värde; streckad: rikets värde.` +
    (frame.named ? "" : " Enheterna är sorterade efter värde i varje fråga; namnen finns i tabellen.");

  const svg = renderPlot(
    {
      width, height: layout.height, marginLeft: frame.marginLeft, marginRight: frame.marginRight, marginTop: 0, marginBottom: 0,
      x: { domain: frame.xDomain, axis: null },
      y: { type: "identity", axis: null },
      marks: chartMarks(input, frame, legend, layout),
    },
    { id, title, description: summary },
    { childClasses: { "unit-dots": "unit-dot" } },
  );

  return {
    id, title, subtitle, svg, caption, summary,
    table: tableOf(input, layout.data),
    source:
      input.source ??
      (input.synthetic
        ? "Exempeldata (påhittade enheter, kalibrerade mot kommunens värde). Kommun- och riksvärden: Källa: Kolada"
        : "Källa: Kolada (Socialstyrelsens brukarundersökning)"),
    synthetic: input.synthetic,
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
