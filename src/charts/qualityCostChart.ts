// Quality against cost for one year: every municipality as a dot, cost of home care per inhabitant 80+
// (kronor, Kolada N21024) across, the total index up. Each dot carries data-code, so the page can
// highlight the municipality the reader came from (?kommun=) without drawing the chart again.
import * as Plot from "@observablehq/plot";
import { formatInt, formatScore, formatYear } from "./format";
import { fontSize, textWidth } from "./layout";
import { accent, ink } from "./palette";
import { DEFAULT_WIDTH, renderPlot, type ChartOptions, type ChartOutput } from "./render";

export interface QualityCostPoint { code: string; name: string; total: number | null; cost: number | null }
export interface QualityCostInput {
  year: number;
  points: QualityCostPoint[];
  /** The correlation in words (src/site-data/qualityCost.ts), used as the chart's summary. */
  correlationText: string;
}

const kr = (x: number) => `${formatInt(x)} kr`;
const thousands = (x: number) => formatInt(x / 1000);

/** Both values present: the municipalities the chart can place. */
export function placedPoints(points: readonly QualityCostPoint[]): (QualityCostPoint & { total: number; cost: number })[] {
  return points.filter((p): p is QualityCostPoint & { total: number; cost: number } =>
    p.total !== null && p.cost !== null && Number.isFinite(p.total) && Number.isFinite(p.cost));
}

export function qualityCostChart(input: QualityCostInput, options: ChartOptions = {}): ChartOutput {
  const width = options.width ?? DEFAULT_WIDTH;
  const id = options.id ?? `kvalitet-kostnad-${input.year}`;
  const placed = placedPoints(input.points);
  const costs = placed.map((p) => p.cost), totals = placed.map((p) => p.total);
  const xMax = costs.length ? Math.ceil(Math.max(...costs) / 50000) * 50000 : 100000;
  const yMin = totals.length ? Math.max(0, Math.floor((Math.min(...totals) - 2) / 10) * 10) : 0;
  const yMax = totals.length ? Math.min(100, Math.ceil((Math.max(...totals) + 2) / 10) * 10) : 100;
  const marginLeft = Math.ceil(textWidth("100", fontSize.tick) + 16);
  const height = Math.round(Math.max(300, Math.min(440, width * 0.62)));
  const xTicks = Math.max(3, Math.floor((width - marginLeft) / 110));

  const marks: Plot.Markish[] = [
    Plot.gridY({ stroke: ink.grid, strokeOpacity: 1, ticks: 5 }),
    Plot.gridX({ stroke: ink.grid, strokeOpacity: 1, ticks: xTicks }),
    Plot.axisY({ ticks: 5, tickFormat: (d: number) => formatInt(d), tickSize: 0, label: "Totalindex (0–100)", labelAnchor: "top", labelArrow: false, fill: ink.muted, fontSize: fontSize.tick }),
    Plot.axisX({ ticks: xTicks, tickFormat: thousands, tickSize: 4, stroke: ink.axis, label: "Kostnad för hemtjänst per invånare 80+ (tusen kronor)", labelAnchor: "center", labelArrow: false, fill: ink.muted, fontSize: fontSize.tick }),
    Plot.dot(placed, {
      x: "cost", y: "total", r: 4, fill: accent, fillOpacity: 0.35, stroke: accent, strokeWidth: 1,
      title: (p: QualityCostPoint) => `${p.name}: totalindex ${formatScore(p.total)}, ${kr(p.cost!)} per invånare 80+`,
      // Tag each dot with its municipality code (the highlight from the municipality page).
      render: (index, scales, values, dimensions, context, next) => {
        const g = next!(index, scales, values, dimensions, context) as SVGGElement;
        const circles = g.querySelectorAll("circle");
        Array.from(index).forEach((i, k) => circles[k]?.setAttribute("data-code", placed[i].code));
        return g;
      },
      className: "qc-dots",
    }),
  ];

  const title = `Kvalitet och kostnad ${formatYear(input.year)}`;
  const subtitle = "Varje punkt är en kommun: kostnaden för hemtjänst per invånare 80 år och äldre mot totalindex.";
  const missing = input.points.length - placed.length;
  const summary = `${input.correlationText} Diagrammet visar ${formatInt(placed.length)} kommuner` +
    (missing > 0 ? `; ${formatInt(missing)} saknar index eller kostnad (eller har för lite underlag för ett index) och visas inte.` : ".");
  const caption = "Längre till höger: högre kostnad per invånare 80+. Högre upp: bättre totalindex. " +
    "Kostnaden är kommunens bruttokostnad för hemtjänst i äldreomsorgen minus vissa intäkter, delad med antalet invånare 80 år och äldre.";

  const svg = renderPlot(
    {
      width, height, marginLeft, marginRight: 24, marginTop: 28, marginBottom: 44,
      x: { domain: [0, xMax], nice: false }, y: { domain: [yMin, yMax] },
      marks,
    },
    { id, title, description: summary },
  );

  const sorted = [...input.points].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    id, title, subtitle, svg, caption, summary,
    table: {
      columns: [
        { key: "kommun", label: "Kommun", format: "text" },
        { key: "kostnad", label: "Kostnad per invånare 80+ (kr)", format: "int" },
        { key: "totalindex", label: "Totalindex", format: "score" },
      ],
      rows: sorted.map((p) => ({ kommun: p.name, kostnad: p.cost === null ? null : Math.round(p.cost), totalindex: p.total })),
    },
    source: "Kostnad: Källa: Kolada (N21024). Totalindex: Bearbetning av data från Kolada.",
  };
}

