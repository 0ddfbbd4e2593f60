// One municipality's indicator scores (0–100) as bars, grouped by sub-index, each with the national
// median as a marked tick. The label sits above its bar so long Swedish indicator names fit on phones.
import * as Plot from "@observablehq/plot";
import { collator, formatChange, formatInt, formatScore, formatYear } from "./format";
import { drawLegend, fontSize, layoutLegend, textWidth, wrapText, type LegendItem } from "./layout";
import { accent, ink } from "./palette";
import { DEFAULT_WIDTH, renderPlot, type ChartOptions, type ChartOutput } from "./render";

export interface IndicatorScoreRow {
  id: string; // indicator id, e.g. "U21468"
  label: string; // short Swedish name
  subIndex: string; // sub-index label: "Information", "Biståndshandläggning", "Utförande", "Stöd och utveckling"
  score: number | null; // 0–100; null = no value (shown as "uppgift saknas")
  nationalMedian: number | null; // median score over all municipalities
  rawValue?: string | null; // the raw value already formatted for people, e.g. "82,4 %" (table only)
}
export interface IndicatorScoreInput {
  municipalityCode: string;
  municipalityName: string;
  year: number;
  indicators: IndicatorScoreRow[];
  subIndexOrder?: string[]; // default: order of first appearance
  source?: string;
}

interface Row extends IndicatorScoreRow {
  lines: string[];
  labelY: number;
  barY: number;
}

const BAR = 12;

export function indicatorScoreChart(input: IndicatorScoreInput, options: ChartOptions = {}): ChartOutput {
  const width = options.width ?? DEFAULT_WIDTH;
  const id = options.id ?? `indikatorer-${input.municipalityCode}`;
  const marginLeft = 8;
  const marginRight = 44; // value label after a full bar
  const order = input.subIndexOrder ?? [...new Set(input.indicators.map((i) => i.subIndex))];
  const subIndices = [...order, ...[...new Set(input.indicators.map((i) => i.subIndex))].filter((s) => !order.includes(s)).sort(collator.compare)];

  const legendItems: LegendItem[] = [
    { label: `${input.municipalityName}s poäng`, swatch: { kind: "fill", fill: accent } },
    { label: "Rikets median", swatch: { kind: "rule", color: ink.reference } },
  ];
  const legend = layoutLegend(legendItems, width - 8);

  const rows: Row[] = [];
  const headings: { text: string; y: number }[] = [];
  const panels: { top: number; bottom: number }[] = [];
  let y = legend.height + 6;
  for (const subIndex of subIndices) {
    const members = input.indicators.filter((i) => i.subIndex === subIndex);
    if (!members.length) continue;
    y += fontSize.heading + 10;
    headings.push({ text: subIndex, y });
    y += 2;
    const top = y;
    for (const ind of members) {
      const lines = wrapText(ind.label, width - 16, fontSize.tick);
      const labelY = y + fontSize.tick + 4;
      const barY = labelY + (lines.length - 1) * (fontSize.tick + 2) + 6 + BAR / 2;
      rows.push({ ...ind, lines, labelY, barY });
      y = barY + BAR / 2 + 4;
    }
    panels.push({ top, bottom: y });
  }
  const axisY = y + 6;
  const height = Math.ceil(axisY + fontSize.tick + 6);
  const ticks = [0, 20, 40, 60, 80, 100];
  const scored = rows.filter((r) => r.score !== null && Number.isFinite(r.score));

  const plotWidth = width - marginLeft - marginRight;
  const labelX = (r: Row) => {
    const w = ((textWidth(formatScore(r.score), fontSize.tick, true) + 8) / plotWidth) * 100;
    const m = r.nationalMedian;
    return m !== null && m >= r.score! - 0.5 && m <= r.score! + w ? m + 0.6 : r.score!;
  };
  const marks: Plot.Markish[] = [
    (_i, _s, _v, _d, context) => drawLegend(context.document, legend, 4, 0),
    Plot.ruleX(panels.flatMap((p) => ticks.map((t) => ({ t, ...p }))), { x: "t", y1: "top", y2: "bottom", stroke: ink.grid }),
    Plot.text(ticks.map((t) => ({ t })), { x: "t", y: () => axisY, text: (d: { t: number }) => formatInt(d.t), fill: ink.muted, lineAnchor: "top" }),
    Plot.text(headings, { x: () => 0, y: "y", text: "text", textAnchor: "start", dx: -marginLeft + 4, fontSize: fontSize.heading, fontWeight: "bold", lineAnchor: "bottom" }),
    Plot.text(
      rows.flatMap((r) => r.lines.map((line, i) => ({ line, y: r.labelY + i * (fontSize.tick + 2) }))),
      { x: () => 0, y: "y", text: "line", textAnchor: "start", dx: -marginLeft + 4, fill: ink.text, lineAnchor: "bottom" },
    ),
    // Faint 0–100 track so an empty or short bar still reads as a bar on the full scale.
    Plot.rect(rows, { x1: 0, x2: 100, y1: (r: Row) => r.barY - BAR / 2, y2: (r: Row) => r.barY + BAR / 2, fill: "#f0f0f0" }),
    Plot.rect(scored, {
      x1: 0,
      x2: "score",
      y1: (r: Row) => r.barY - BAR / 2,
      y2: (r: Row) => r.barY + BAR / 2,
      fill: accent,
      title: (r: Row) => `${r.label}: ${formatScore(r.score)} poäng (rikets median ${formatScore(r.nationalMedian)})`,
    }),
    Plot.ruleX(
      rows.filter((r) => r.nationalMedian !== null),
      { x: "nationalMedian", y1: (r: Row) => r.barY - BAR / 2 - 4, y2: (r: Row) => r.barY + BAR / 2 + 4, stroke: ink.reference, strokeWidth: 2.5 },
    ),
    // The value label goes after the bar, or after the median tick when the tick would cut through it.
    Plot.text(scored, { x: labelX, y: "barY", text: (r: Row) => formatScore(r.score), textAnchor: "start", dx: 6, fill: ink.text, fontWeight: "bold", stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
    Plot.text(
      rows.filter((r) => r.score === null),
      { x: () => 0, y: "barY", text: () => "uppgift saknas", textAnchor: "start", dx: 4, fill: ink.muted, fontStyle: "italic" },
    ),
  ];

  const title = `Indikatorer för ${input.municipalityName} ${formatYear(input.year)}`;
  const subtitle = "Poäng 0–100 per indikator, grupperade efter delindex. Strecket visar rikets median.";
  const sentences: string[] = [];
  const compared = scored.filter((r) => r.nationalMedian !== null).map((r) => ({ r, d: r.score! - r.nationalMedian! }));
  sentences.push(
    `${input.municipalityName} har poäng för ${formatInt(scored.length)} av ${formatInt(rows.length)} indikatorer` +
      (compared.length ? `; ${formatInt(compared.filter((c) => c.d > 0).length)} ligger över rikets median och ${formatInt(compared.filter((c) => c.d < 0).length)} under.` : "."),
  );
  if (compared.length) {
    const sorted = [...compared].sort((a, b) => a.d - b.d || collator.compare(a.r.label, b.r.label));
    const weakest = sorted.slice(0, 2).filter((c) => c.d < 0);
    const strongest = sorted.slice(-2).reverse().filter((c) => c.d > 0);
    if (strongest.length) sentences.push(`Starkast mot riket: ${strongest.map((c) => `${c.r.label} (${formatChange(c.d, 1)})`).join(", ")}.`);
    if (weakest.length) sentences.push(`Svagast mot riket: ${weakest.map((c) => `${c.r.label} (${formatChange(c.d, 1)})`).join(", ")}.`);
  }
  const missing = rows.filter((r) => r.score === null);
  if (missing.length) sentences.push(`Uppgift saknas för ${missing.map((r) => r.label).join(", ")}.`);
  const summary = sentences.join(" ");
  const caption = "Stapeln visar kommunens poäng på skalan 0–100 (100 är bäst). Det svarta strecket visar medianen för alla kommuner. Poängen räknas fram ur de ursprungliga värdena enligt metodsidan.";

  const svg = renderPlot(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop: 0,
      marginBottom: 0,
      x: { domain: [0, 100], axis: null },
      y: { type: "identity", axis: null },
      marks,
    },
    { id, title, description: summary },
  );

  return {
    id,
    title,
    subtitle,
    svg,
    caption,
    summary,
    table: {
      columns: [
        { key: "delindex", label: "Delindex", format: "text" },
        { key: "indikator", label: "Indikator", format: "text" },
        { key: "varde", label: "Värde", format: "text" },
        { key: "poang", label: "Poäng", format: "score" },
        { key: "riket", label: "Rikets median", format: "score" },
      ],
      rows: rows.map((r) => ({ delindex: r.subIndex, indikator: r.label, varde: r.rawValue ?? null, poang: r.score, riket: r.nationalMedian })),
    },
    source: input.source ?? "Bearbetning av data från Kolada",
  };
}
