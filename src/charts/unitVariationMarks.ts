// Every mark of the unit chart, in drawing order: legend, example badge, headings, grid, reference lines and
// their labels, intervals, unit symbols and the wrapped unit names. Positions come from unitVariationLayout.ts.
import * as Plot from "@observablehq/plot";
import { formatInt, formatShare } from "./format";
import { drawLegend, fontSize, plotSymbol, textWidth, type layoutLegend } from "./layout";
import { ink, provider } from "./palette";
import type { UnitVariationInput } from "./unitVariationData";
import { NAME_LINE, type Datum, type Frame, type Layout } from "./unitVariationLayout";

const EXAMPLE_BADGE = "Exempeldata – påhittade enheter, inte verkliga utförare";

/** Every mark of the chart: legend, badge, headings, grid, reference lines and labels, intervals, units, row labels. */
export function chartMarks(input: UnitVariationInput, frame: Frame, legend: ReturnType<typeof layoutLegend>, l: Layout): Plot.Markish[] {
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
