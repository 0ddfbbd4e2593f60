// The national picture: one value per municipality (e.g. U21468, share satisfied with home care overall)
// by municipality size and by SKR kommungrupp. Every municipality is a dot; each group has a median
// marker and its median in the row label; the national median is a dashed reference line.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";
import { collator, formatInt, formatScore, formatShare, formatYear } from "./format";
import { drawLegend, fontSize, layoutLegend, textWidth, type LegendItem } from "./layout";
import { accent, ink } from "./palette";
import { DEFAULT_WIDTH, renderPlot, type ChartOptions, type ChartOutput } from "./render";

export interface GroupComparisonMunicipality {
  code: string;
  name: string;
  value: number | null;
  sizeGroup: string | null; // e.g. sizeGroupLabel(population)
  kommungrupp: string | null; // SKR kommungrupp title as in Kolada
}
export interface GroupComparisonInput {
  year: number;
  indicatorLabel: string; // "Andel nöjda med hemtjänsten som helhet"
  valueKind: "share" | "score"; // share in percent (0–100) or index score (0–100)
  municipalities: GroupComparisonMunicipality[];
  sizeGroupOrder?: string[]; // default: SIZE_GROUPS order
  kommungruppOrder?: string[]; // default: KOMMUNGRUPP_ORDER
  source?: string; // default "Källa: Kolada" for shares, "Bearbetning av data från Kolada" for scores
}

/** Municipality size groups by population (inclusive lower bound). */
export const SIZE_GROUPS: readonly { label: string; min: number }[] = [
  { label: `Under ${formatInt(10000)} invånare`, min: 0 },
  { label: `${formatInt(10000)}–${formatInt(24999)} invånare`, min: 10000 },
  { label: `${formatInt(25000)}–${formatInt(49999)} invånare`, min: 25000 },
  { label: `${formatInt(50000)}–${formatInt(99999)} invånare`, min: 50000 },
  { label: `${formatInt(100000)} invånare eller fler`, min: 100000 },
];
export function sizeGroupLabel(population: number): string {
  let label = SIZE_GROUPS[0].label;
  for (const g of SIZE_GROUPS) if (population >= g.min) label = g.label;
  return label;
}

/** SKR's kommungrupper in SKR's own order (A: storstäder …, C: landsbygd), titles as in Kolada. */
export const KOMMUNGRUPP_ORDER: readonly string[] = [
  "Storstäder",
  "Pendlingskommun nära storstad",
  "Större stad",
  "Pendlingskommun nära större stad",
  "Lågpendlingskommun nära större stad",
  "Mindre stad/tätort",
  "Pendlingskommun nära mindre tätort",
  "Landsbygdskommun, ej nära större stad",
  "Landsbygdskommun med besöksnäring",
];

interface Group {
  dimension: string;
  label: string;
  members: GroupComparisonMunicipality[];
  median: number | null;
  labelY: number;
  dotY: number;
  lines: string[];
}

/** A stable pseudo-random offset in [−1, 1] from a code, so dots spread the same way in every build. */
function jitter(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193) >>> 0;
  return ((h % 2001) / 1000) - 1;
}

const BAND = 22; // height of a group's dot band
const SPREAD = 8; // max vertical jitter, px

export function groupComparisonChart(input: GroupComparisonInput, options: ChartOptions = {}): ChartOutput {
  const width = options.width ?? DEFAULT_WIDTH;
  const id = options.id ?? `grupper-${input.year}`;
  const fmt = input.valueKind === "share" ? (v: number | null) => formatShare(v) : (v: number | null) => formatScore(v);
  const valued = input.municipalities.filter((m) => m.value !== null && Number.isFinite(m.value));
  const nationalMedian = valued.length ? d3.median(valued, (m) => m.value!)! : null;

  const ordered = (labels: string[], preferred: readonly string[]) =>
    [...new Set(labels)].sort((a, b) => {
      const ia = preferred.indexOf(a);
      const ib = preferred.indexOf(b);
      if (ia >= 0 && ib >= 0) return ia - ib;
      if (ia >= 0 || ib >= 0) return ia >= 0 ? -1 : 1;
      return collator.compare(a, b);
    });
  const dimensions = [
    { key: "sizeGroup" as const, title: "Efter kommunens storlek", order: input.sizeGroupOrder ?? SIZE_GROUPS.map((g) => g.label) },
    { key: "kommungrupp" as const, title: "Efter kommungrupp (SKR)", order: input.kommungruppOrder ?? KOMMUNGRUPP_ORDER },
  ];

  const legendItems: LegendItem[] = [
    { label: "En kommun", swatch: { kind: "symbol", symbol: "circle", color: accent, filled: false } },
    { label: "Gruppens median", swatch: { kind: "rule", color: ink.reference } },
    { label: "Riket (median)", swatch: { kind: "rule", color: ink.national, dash: "4,3" } },
  ];
  const legend = layoutLegend(legendItems, width - 8);

  const rowLabel = (label: string, n: number, median: number | null) => `${label} (${formatInt(n)}) – median ${fmt(median)}`;
  const groups: Group[] = [];
  const headings: { text: string; y: number }[] = [];
  const panels: { top: number; bottom: number; tickY: number }[] = [];
  let y = legend.height + 10;
  for (const dim of dimensions) {
    y += fontSize.heading + 6;
    headings.push({ text: dim.title, y });
    y += 6;
    const top = y;
    const labels = ordered(valued.map((m) => m[dim.key]).filter((l): l is string => !!l), dim.order);
    for (const label of labels) {
      const members = valued.filter((m) => m[dim.key] === label);
      const median = d3.median(members, (m) => m.value!) ?? null;
      const full = rowLabel(label, members.length, median);
      // A label too wide for the chart puts the median on a second line.
      const lines = textWidth(full, fontSize.tick) <= width - 12 ? [full] : [`${label} (${formatInt(members.length)})`, `median ${fmt(median)}`];
      const labelY = y + fontSize.tick + 2;
      const dotY = labelY + (lines.length - 1) * (fontSize.tick + 3) + 6 + BAND / 2;
      groups.push({ dimension: dim.title, label, members, median, labelY, dotY, lines });
      y = dotY + BAND / 2 + 4;
    }
    const bottom = y;
    const tickY = y + fontSize.tick + 2;
    panels.push({ top, bottom, tickY });
    y = tickY + 10;
  }
  const height = Math.ceil(y);

  const values = valued.map((m) => m.value!);
  const lo = values.length ? Math.floor((Math.min(...values) - 1) / 10) * 10 : 0;
  const hi = values.length ? Math.min(100, Math.ceil((Math.max(...values) + 1) / 10) * 10) : 100;
  const marginLeft = 22; // room for the first and last tick label
  const marginRight = 24;
  const plotWidth = width - marginLeft - marginRight;
  const x = d3.scaleLinear([lo, hi], [0, plotWidth]);
  const ticks = x.ticks(Math.max(3, Math.floor(plotWidth / 70)));

  const dots = groups.flatMap((g) => g.members.map((m) => ({ m, g, y: g.dotY + jitter(m.code) * SPREAD })));

  const marks: Plot.Markish[] = [
    (_i, _s, _v, _d, context) => drawLegend(context.document, legend, 4, 0),
    Plot.ruleX(panels.flatMap((p) => ticks.map((t) => ({ t, ...p }))), { x: "t", y1: "top", y2: "bottom", stroke: ink.grid }),
    ...(nationalMedian !== null
      ? [Plot.ruleX(panels, { x: () => nationalMedian, y1: "top", y2: "bottom", stroke: ink.national, strokeWidth: 1.5, strokeDasharray: "4,3" })]
      : []),
    Plot.text(panels.flatMap((p) => ticks.map((t) => ({ t, y: p.tickY }))), {
      x: "t",
      y: "y",
      text: (d: { t: number }) => (input.valueKind === "share" ? formatShare(d.t, 0) : formatInt(d.t)),
      fill: ink.muted,
      lineAnchor: "bottom",
    }),
    Plot.text(headings, { x: () => lo, y: "y", text: "text", textAnchor: "start", dx: -marginLeft + 4, fontSize: fontSize.heading, fontWeight: "bold", lineAnchor: "bottom" }),
    Plot.text(
      groups.flatMap((g) => g.lines.map((line, i) => ({ line, y: g.labelY + i * (fontSize.tick + 3) }))),
      { x: () => lo, y: "y", text: "line", textAnchor: "start", dx: -marginLeft + 4, fill: ink.text, lineAnchor: "bottom", stroke: "white", strokeWidth: 3, paintOrder: "stroke" },
    ),
    Plot.dot(dots, {
      x: (d: (typeof dots)[number]) => d.m.value,
      y: "y",
      r: 3.5,
      stroke: accent,
      fill: accent,
      fillOpacity: 0.2,
      strokeWidth: 1.2,
      title: (d: (typeof dots)[number]) => `${d.m.name}: ${fmt(d.m.value)}`,
    }),
    Plot.ruleX(
      groups.filter((g) => g.median !== null),
      { x: "median", y1: (g: Group) => g.dotY - BAND / 2 - 1, y2: (g: Group) => g.dotY + BAND / 2 + 1, stroke: ink.reference, strokeWidth: 3.5 },
    ),
  ];

  const title = `${input.indicatorLabel} efter kommunstorlek och kommungrupp ${formatYear(input.year)}`;
  const subtitle = `Varje punkt är en kommun (${formatInt(valued.length)} kommuner med värde). Strecket är gruppens median.`;
  const sentences: string[] = [];
  if (nationalMedian !== null) sentences.push(`Medianen för alla ${formatInt(valued.length)} kommuner med värde är ${fmt(nationalMedian)}.`);
  for (const dim of dimensions) {
    const gs = groups.filter((g) => g.dimension === dim.title && g.median !== null);
    if (gs.length < 2) continue;
    const top = gs.reduce((a, b) => (b.median! > a.median! ? b : a));
    const bottom = gs.reduce((a, b) => (b.median! < a.median! ? b : a));
    sentences.push(`${dim.title.replace(/\s\(SKR\)$/, "")} är medianen högst för ${top.label} (${fmt(top.median)}) och lägst för ${bottom.label} (${fmt(bottom.median)}).`);
  }
  const missing = input.municipalities.length - valued.length;
  if (missing > 0) sentences.push(`${formatInt(missing)} ${missing === 1 ? "kommun saknar" : "kommuner saknar"} värde.`);
  const summary = sentences.join(" ");
  const caption =
    "Varje ring är en kommun; ringarna är spridda lite i höjdled så att de inte täcker varandra. Det svarta strecket är gruppens median, den streckade linjen medianen för hela landet. Antalet kommuner i gruppen står inom parentes.";

  const svg = renderPlot(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop: 0,
      marginBottom: 0,
      x: { domain: [lo, hi], axis: null },
      y: { type: "identity", axis: null },
      marks,
    },
    { id, title, description: summary },
  );

  const rows = groups.map((g) => {
    const sorted = [...g.members].sort((a, b) => a.value! - b.value! || collator.compare(a.name, b.name));
    return {
      indelning: g.dimension.replace(/^Efter /, ""),
      grupp: g.label,
      antal: g.members.length,
      median: g.median,
      lagst: sorted[0]?.value ?? null,
      lagst_kommun: sorted[0]?.name ?? null,
      hogst: sorted[sorted.length - 1]?.value ?? null,
      hogst_kommun: sorted[sorted.length - 1]?.name ?? null,
    };
  });
  const valueFormat = input.valueKind === "share" ? ("share" as const) : ("score" as const);
  return {
    id,
    title,
    subtitle,
    svg,
    caption,
    summary,
    table: {
      columns: [
        { key: "indelning", label: "Indelning", format: "text" },
        { key: "grupp", label: "Grupp", format: "text" },
        { key: "antal", label: "Antal kommuner", format: "int" },
        { key: "median", label: "Median", format: valueFormat },
        { key: "lagst", label: "Lägst", format: valueFormat },
        { key: "lagst_kommun", label: "Lägst, kommun", format: "text" },
        { key: "hogst", label: "Högst", format: valueFormat },
        { key: "hogst_kommun", label: "Högst, kommun", format: "text" },
      ],
      rows,
    },
    source: input.source ?? (input.valueKind === "share" ? "Källa: Kolada" : "Bearbetning av data från Kolada"),
  };
}
