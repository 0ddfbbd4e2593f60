// Layout helpers shared by the charts: text measuring (no DOM), wrapping, an in-SVG legend and symbol
// paths. Charts are drawn in Node without a browser; text is measured with the advance widths of the one
// font the site uses everywhere (self-hosted Atkinson Hyperlegible: pages, SVG, PNG, PDF), read from the
// font file (src/charts/fontMetrics.ts), so what is measured is what is drawn.
import * as d3 from "d3";
import { ADVANCE_400, ADVANCE_700, FONT_FAMILY_NAME, UNITS_PER_EM } from "./fontMetrics";
import { ink } from "./palette";

export const fontFamily = `'${FONT_FAMILY_NAME}', 'Liberation Sans', Arial, sans-serif`;
export const fontSize = { tick: 12, label: 13, heading: 14, title: 18, subtitle: 13, source: 11 } as const;

/** The font's subset has no thin spaces (U+2009, U+202F): they are drawn as a no-break space (PNG) or
 * from a fallback face (browsers), so they are measured as the no-break space. */
const AS_NBSP = new Set([0x2009, 0x202f]);
/** A character outside the font (fallback face): measured as an average wide glyph, erring wide. */
const UNKNOWN_EM = 0.65;

function advanceEm(cp: number, bold: boolean): number {
  const table = bold ? ADVANCE_700 : ADVANCE_400;
  const units = table[AS_NBSP.has(cp) ? 0xa0 : cp];
  return units === undefined ? UNKNOWN_EM : units / UNITS_PER_EM;
}

/** Width in px of `text` at `size` px in the site font (regular or bold), from the font's advance widths. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += advanceEm(ch.codePointAt(0)!, bold);
  return em * size;
}

/** Greedy word wrap to lines no wider than `maxWidth` px. */
export function wrapText(text: string, maxWidth: number, size: number, bold = false): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Shortens text to fit `maxWidth`, ending with "…". */
export function truncate(text: string, maxWidth: number, size: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  let out = text;
  while (out.length > 1 && textWidth(`${out}…`, size) > maxWidth) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

export type SymbolName = "circle" | "triangle" | "square" | "diamond";
const symbolTypes: Record<SymbolName, d3.SymbolType> = {
  circle: d3.symbolCircle,
  triangle: d3.symbolTriangle,
  square: d3.symbolSquare,
  diamond: d3.symbolDiamond2,
};
/** The same symbol Plot's dot mark draws for radius r (area π r²). */
export function symbolPath(name: SymbolName, r: number): string {
  return d3.symbol(symbolTypes[name], Math.PI * r * r)()!;
}
/** Plot's symbol option accepts d3 symbol types; this keeps chart files free of d3 imports for shapes. */
export function plotSymbol(name: SymbolName): d3.SymbolType {
  return symbolTypes[name];
}

export type LegendSwatch =
  | { kind: "symbol"; symbol: SymbolName; color: string; filled: boolean }
  | { kind: "line"; color: string; dash?: string; width?: number }
  | { kind: "interval"; color: string }
  | { kind: "rule"; color: string; dash?: string }
  | { kind: "fill"; fill: string; stroke?: string };
export interface LegendItem {
  label: string;
  swatch: LegendSwatch;
}
export interface LegendLayout {
  items: { item: LegendItem; x: number; y: number }[];
  height: number;
}

const SWATCH = 18;
const GAP = 6;
const ITEM_GAP = 16;
const LINE_HEIGHT = 20;

/** Places legend items left to right, wrapping to new rows within `width`. Pure; no DOM. */
export function layoutLegend(items: LegendItem[], width: number, size: number = fontSize.tick): LegendLayout {
  const placed: LegendLayout["items"] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    const w = SWATCH + GAP + textWidth(item.label, size);
    if (x > 0 && x + w > width) {
      x = 0;
      y += LINE_HEIGHT;
    }
    placed.push({ item, x, y });
    x += w + ITEM_GAP;
  }
  return { items: placed, height: items.length ? y + LINE_HEIGHT : 0 };
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Draws a legend layout as an SVG group at (x0, y0), for use inside a Plot custom mark. */
export function drawLegend(document: Document, layout: LegendLayout, x0: number, y0: number, size: number = fontSize.tick): SVGGElement {
  const el = (name: string, attrs: Record<string, string | number>) => {
    const node = document.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  };
  const g = el("g", { class: "legend", transform: `translate(${x0},${y0})`, "font-size": size, "text-anchor": "start" }) as SVGGElement;
  for (const { item, x, y } of layout.items) {
    const cy = y + LINE_HEIGHT / 2;
    const cx = x + SWATCH / 2;
    const s = item.swatch;
    if (s.kind === "symbol") {
      g.appendChild(
        el("path", {
          d: symbolPath(s.symbol, 4.5),
          transform: `translate(${cx},${cy})`,
          fill: s.filled ? s.color : "white",
          stroke: s.color,
          "stroke-width": 1.5,
        }),
      );
    } else if (s.kind === "line" || s.kind === "rule") {
      const line =
        s.kind === "line"
          ? el("line", { x1: x, x2: x + SWATCH, y1: cy, y2: cy, stroke: s.color, "stroke-width": s.width ?? 2 })
          : el("line", { x1: cx, x2: cx, y1: cy - 7, y2: cy + 7, stroke: s.color, "stroke-width": 2 });
      if (s.dash) line.setAttribute("stroke-dasharray", s.dash);
      g.appendChild(line);
    } else if (s.kind === "interval") {
      g.appendChild(el("line", { x1: x, x2: x + SWATCH, y1: cy, y2: cy, stroke: s.color, "stroke-width": 1.5 }));
      g.appendChild(el("line", { x1: x, x2: x, y1: cy - 3, y2: cy + 3, stroke: s.color, "stroke-width": 1.5 }));
      g.appendChild(el("line", { x1: x + SWATCH, x2: x + SWATCH, y1: cy - 3, y2: cy + 3, stroke: s.color, "stroke-width": 1.5 }));
    } else {
      g.appendChild(el("rect", { x, y: cy - 7, width: SWATCH, height: 14, fill: s.fill, stroke: s.stroke ?? "none" }));
    }
    const text = el("text", { x: x + SWATCH + GAP, y: cy, dy: "0.35em", fill: ink.text });
    text.textContent = item.label;
    g.appendChild(text);
  }
  return g;
}
