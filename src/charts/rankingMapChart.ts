// Sweden's 290 municipalities coloured by result group (högt … lågt), each group also with its own
// pattern so no group is told apart by colour alone (WCAG 2.1 SC 1.4.1), a text legend with counts, and
// an enlarged inset for Stockholms län, where municipalities are too small to see on the national map.
// The boundaries come in as data (data/reference/kommuner.geo.json); this chart never reads files.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { collator, formatInt, formatRank, formatScore, formatYear } from "./format";
import { ensureD3Winding, quantizedProjection } from "./geo";
import { drawLegend, fontSize, layoutLegend, type LegendItem } from "./layout";
import { ink, noDataStyle, resultGroups, resultGroupStyle, type PatternKind, type ResultGroup } from "./palette";
import { DEFAULT_WIDTH, renderComposite, type ChartOptions, type ChartOutput } from "./render";

export type { ResultGroup } from "./palette";

export interface MapMunicipality {
  code: string; // "0114"
  name: string;
  group: ResultGroup | null; // null = not ranked / no data
  total?: number | null; // total index, for the table and tooltips
  rank?: number | null;
  rankOf?: number | null;
}
export interface RankingMapInput {
  year: number;
  /** Municipality boundaries with properties.id (kommunkod); either winding is accepted. */
  geo: FeatureCollection<Polygon | MultiPolygon, { id: string; name?: string }>;
  municipalities: MapMunicipality[];
  source?: string;
}

/** Municipalities shown enlarged in the inset: Stockholms län (county code 01). */
const INSET_COUNTY = "01";
const ROTATE: [number, number] = [-15, -62];

/** Transverse Mercator on 15° E (as SWEREF 99 TM) fitted to the shapes inside a width × height box. */
function fitted(shapes: FeatureCollection, width: number, height: number, margin: number): d3.GeoProjection {
  return d3.geoTransverseMercator().rotate(ROTATE).fitExtent([[margin, margin], [width - margin, height - margin]], shapes);
} // central meridian 15° E, like SWEREF 99 TM

function slug(group: ResultGroup | null): string {
  return group === null ? "saknas" : group.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, "-");
}

/** A <pattern> with the group's colour and a white texture; ids are prefixed with the chart id. */
function pattern(document: Document, id: string, color: string, kind: PatternKind): Element {
  const ns = "http://www.w3.org/2000/svg";
  const el = (name: string, attrs: Record<string, string | number>) => {
    const n = document.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
    return n;
  };
  const size = 6;
  const p = el("pattern", { id, patternUnits: "userSpaceOnUse", width: size, height: size });
  if (kind === "diagonal") p.setAttribute("patternTransform", "rotate(45)");
  if (kind === "antidiagonal") p.setAttribute("patternTransform", "rotate(-45)");
  if (kind === "crosshatch") p.setAttribute("patternTransform", "rotate(45)");
  p.appendChild(el("rect", { width: size, height: size, fill: color }));
  const texture = { stroke: "white", "stroke-width": 1.6, "stroke-opacity": 0.9 };
  if (kind === "diagonal" || kind === "antidiagonal" || kind === "horizontal") p.appendChild(el("line", { x1: 0, y1: 1, x2: size, y2: 1, ...texture }));
  if (kind === "crosshatch") {
    p.appendChild(el("line", { x1: 0, y1: 1, x2: size, y2: 1, ...texture }));
    p.appendChild(el("line", { x1: 1, y1: 0, x2: 1, y2: size, ...texture }));
  }
  if (kind === "dots") p.appendChild(el("circle", { cx: size / 2, cy: size / 2, r: 1.3, fill: "white", "fill-opacity": 0.9 }));
  return p;
}

export function rankingMapChart(input: RankingMapInput, options: ChartOptions = {}): ChartOutput {
  const width = options.width ?? DEFAULT_WIDTH;
  const id = options.id ?? `karta-${input.year}`;
  const byCode = new Map(input.municipalities.map((m) => [m.code, m]));
  type F = Feature<Polygon | MultiPolygon, { id: string; name?: string }>;
  const features = input.geo.features.map((f) => ensureD3Winding(f)) as F[];
  const fillFor = (f: F) => `url(#${id}-${slug(byCode.get(f.properties.id)?.group ?? null)})`;
  const titleFor = (f: F) => {
    const m = byCode.get(f.properties.id);
    const name = m?.name ?? f.properties.name ?? f.properties.id;
    if (!m || m.group === null) return `${name}: uppgift saknas`;
    return `${name}: ${m.group}` + (m.total != null ? `, totalindex ${formatScore(m.total)}` : "") + (m.rank != null ? `, plats ${formatRank(m.rank, m.rankOf)}${m.rankOf != null ? " rangordnade" : ""}` : "");
  };

  // Layout: Sweden on the left, legend and the Stockholm inset on the right.
  const mapWidth = Math.round(width * 0.56);
  const collection = { type: "FeatureCollection", features } as FeatureCollection;
  const projected = d3.geoTransverseMercator().rotate(ROTATE).fitWidth(mapWidth - 8, collection);
  const [[, y0], [, y1]] = d3.geoPath(projected).bounds(collection);
  const mapHeight = Math.ceil(y1 - y0 + 8);
  const sideX = mapWidth + 8;
  const sideWidth = width - sideX - 4;

  const counts = new Map<ResultGroup | null, number>();
  for (const f of features) {
    const g = byCode.get(f.properties.id)?.group ?? null;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const legendItems: LegendItem[] = resultGroups.map((g) => ({
    label: `${resultGroupStyle[g].label} (${formatInt(counts.get(g) ?? 0)})`,
    swatch: { kind: "fill", fill: `url(#${id}-${slug(g)})`, stroke: ink.axis },
  }));
  if (counts.get(null)) legendItems.push({ label: `${noDataStyle.label} (${formatInt(counts.get(null))})`, swatch: { kind: "fill", fill: `url(#${id}-saknas)`, stroke: noDataStyle.stroke } });
  // One item per row: the legend is read top to bottom, from high to low.
  const legend = layoutLegend(legendItems, 1);
  const legendTop = 22;

  const inset = features.filter((f) => f.properties.id.startsWith(INSET_COUNTY));
  const insetTop = legendTop + legend.height + 34;
  const insetCollection = { type: "FeatureCollection", features: inset } as FeatureCollection;
  const insetProjection = d3.geoTransverseMercator().rotate(ROTATE).fitWidth(sideWidth - 4, insetCollection);
  const [[, iy0], [, iy1]] = d3.geoPath(insetProjection).bounds(insetCollection);
  const insetHeight = inset.length ? Math.min(Math.ceil(iy1 - iy0 + 4), Math.max(120, mapHeight - insetTop - 10)) : 0;
  const height = Math.max(mapHeight, insetTop + insetHeight + 8);

  const hasGroup = (f: F) => (byCode.get(f.properties.id)?.group ?? null) !== null;
  const geoMarks = (fs: F[], strokeWidth: number) => [
    Plot.geo(fs.filter(hasGroup), { fill: fillFor, stroke: "white", strokeWidth, title: titleFor }),
    // No group: a very light fill, so the outline carries it.
    Plot.geo(fs.filter((f) => !hasGroup(f)), { fill: fillFor, stroke: noDataStyle.stroke, strokeWidth, title: titleFor }),
  ];
  const insetBox = inset.length ? d3.geoBounds(insetCollection) : null;

  const parts = [
    {
      x: 0,
      y: 0,
      spec: {
        width: mapWidth,
        height: mapHeight,
        margin: 4,
        projection: () => quantizedProjection(fitted(collection, mapWidth, mapHeight, 4), 1),
        marks: [
          ...geoMarks(features, 0.4),
          // Where the inset is, on the national map.
          ...(insetBox
            ? [
                Plot.geo(
                  {
                    type: "Polygon",
                    coordinates: [[
                      [insetBox[0][0] - 0.1, insetBox[0][1] - 0.05],
                      [insetBox[0][0] - 0.1, insetBox[1][1] + 0.05],
                      [insetBox[1][0] + 0.1, insetBox[1][1] + 0.05],
                      [insetBox[1][0] + 0.1, insetBox[0][1] - 0.05],
                      [insetBox[0][0] - 0.1, insetBox[0][1] - 0.05],
                    ]],
                  },
                  { fill: "none", stroke: ink.text, strokeWidth: 1.2 },
                ),
              ]
            : []),
        ],
      } as Plot.PlotOptions,
    },
  ];
  if (inset.length)
    parts.push({
      x: sideX,
      y: insetTop,
      spec: {
        width: sideWidth,
        height: insetHeight,
        margin: 2,
        projection: () => quantizedProjection(fitted(insetCollection, sideWidth, insetHeight, 2)),
        marks: geoMarks(inset, 0.8),
      } as Plot.PlotOptions,
    });

  const title = `Resultatgrupp per kommun ${formatYear(input.year)}`;
  const subtitle = "Totalindex i fem grupper, från högt till lågt. Färg och mönster visar gruppen.";
  const countText = resultGroups.map((g) => `${g} ${formatInt(counts.get(g) ?? 0)}`).join(", ");
  const summary =
    `Kartan visar Sveriges ${formatInt(features.length)} kommuner efter resultatgrupp ${input.year}. Antal kommuner per grupp: ${countText}` +
    (counts.get(null) ? `; uppgift saknas för ${formatInt(counts.get(null))}.` : ".") +
    " Varje kommuns grupp finns i tabellen.";
  const caption =
    "Varje grupp har både en egen färg och ett eget mönster: högt (mörkblått, helfyllt), över medel (blått, snedstreck), nära medel (grått, prickar), under medel (orange, motsatta snedstreck), lågt (mörkt brunrött, rutmönster). " +
    "Stockholms län visas förstorat till höger.";

  const svg = renderComposite(
    { width, height },
    parts,
    (document, root) => {
      const defs = document.createElementNS("http://www.w3.org/2000/svg", "defs");
      for (const g of resultGroups) defs.appendChild(pattern(document, `${id}-${slug(g)}`, resultGroupStyle[g].color, resultGroupStyle[g].pattern));
      defs.appendChild(pattern(document, `${id}-saknas`, noDataStyle.color, "solid"));
      root.insertBefore(defs, root.firstChild);
      const heading = document.createElementNS("http://www.w3.org/2000/svg", "text");
      heading.setAttribute("x", String(sideX));
      heading.setAttribute("y", String(14));
      heading.setAttribute("font-weight", "bold");
      heading.setAttribute("font-size", String(fontSize.label));
      heading.textContent = "Resultatgrupp (antal)";
      root.appendChild(heading);
      root.appendChild(drawLegend(document, legend, sideX, legendTop));
      if (inset.length) {
        const label = document.createElementNS("http://www.w3.org/2000/svg", "text");
        label.setAttribute("x", String(sideX));
        label.setAttribute("y", String(insetTop - 8));
        label.setAttribute("font-weight", "bold");
        label.setAttribute("font-size", String(fontSize.label));
        label.textContent = "Stockholms län";
        root.appendChild(label);
      }
    },
    { id, title, description: summary },
    { decimals: 1 },
  );

  const rows = [...input.municipalities]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((m) => ({ kommun: m.name, kommunkod: m.code, resultatgrupp: m.group ?? "uppgift saknas", totalindex: m.total ?? null, placering: m.rank ?? null }));
  return {
    id,
    title,
    subtitle,
    svg,
    caption,
    summary,
    table: {
      columns: [
        { key: "kommun", label: "Kommun", format: "text" },
        { key: "kommunkod", label: "Kommunkod", format: "text" },
        { key: "resultatgrupp", label: "Resultatgrupp", format: "text" },
        { key: "totalindex", label: "Totalindex", format: "score" },
        { key: "placering", label: "Placering", format: "rank" },
      ],
      rows,
    },
    source: input.source ?? "Bearbetning av data från Kolada. Kartunderlag: SCB (bearbetat)",
  };
}
