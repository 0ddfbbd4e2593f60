// Renders Observable Plot specs to standalone, deterministic, accessible SVG strings in Node (linkedom
// as the DOM, https://observablehq.com/plot/features/plots#plot-options "document"), and SVG to PNG
// with resvg. Every chart function returns a ChartOutput: the picture, its text alternative, its data
// table and its source line, so pages, embeds and reports all take them from one call.
import * as Plot from "@observablehq/plot";
import { Resvg } from "@resvg/resvg-js";
import UPNG from "upng-js";
import { parseHTML } from "linkedom";
import { siteFontFiles } from "./fontFiles";
import { FONT_FAMILY_NAME } from "./fontMetrics";
import { useSwedishD3Locale, type CellFormat } from "./format";
import { fontFamily, fontSize, wrapText } from "./layout";
import { ink } from "./palette";

export interface TableColumn {
  key: string;
  label: string; // Swedish column header
  format?: CellFormat; // how people see the value (format.ts formatCell); raw numbers stay in rows
}
export interface ChartTable {
  columns: TableColumn[];
  rows: Record<string, string | number | null>[];
}

/** What every chart function returns. */
export interface ChartOutput {
  id: string; // unique on a page; also the prefix of every id inside the SVG
  title: string;
  subtitle?: string;
  svg: string; // the chart alone (title, subtitle and source belong to the surrounding figure)
  caption: string; // how to read the chart
  summary: string; // what it shows, in plain Swedish sentences (text alternative)
  table: ChartTable; // the data behind the chart
  source: string; // "Källa: Kolada" for raw values, "Bearbetning av data från Kolada" for derived ones
  synthetic?: boolean; // true when the chart shows generated example data ("Exempeldata")
}

/** Options every chart accepts. */
export interface ChartOptions {
  /** Width of the SVG viewBox in px (default 640). The SVG scales down with its container. */
  width?: number;
  /** Overrides the default id (must be unique within a page). */
  id?: string;
}

export const DEFAULT_WIDTH = 640;
const SVG_NS = "http://www.w3.org/2000/svg";

/** A fresh DOM document for Plot to draw into. */
export function createDocument(): Document {
  return parseHTML("<!doctype html><html lang=\"sv\"><head></head><body></body></html>").document as unknown as Document;
}

export interface A11yText {
  id: string;
  title: string; // accessible name
  description: string; // accessible description (the summary)
}

export interface RenderOptions {
  /** For marks drawn with className "<group>", give every child element the class "<child>". */
  childClasses?: Record<string, string>;
  /** Decimals kept in coordinates (default 2; maps use 1, a tenth of a pixel, to stay small). */
  decimals?: number;
}

/**
 * Renders a Plot spec to an SVG string: Swedish d3 locale, role="img" with <title> and <desc> referenced
 * by aria-labelledby/aria-describedby (WCAG 2.1 SC 1.1.1), ids made deterministic and prefixed with the
 * chart id, coordinates rounded to 0.01 px so snapshots are stable and files small.
 */
export function renderPlot(spec: Plot.PlotOptions, a11y: A11yText, options: RenderOptions = {}): string {
  useSwedishD3Locale();
  const document = createDocument();
  const node = Plot.plot({
    ...spec,
    document,
    className: `hk-chart`,
    style: { fontFamily, fontSize: `${fontSize.tick}px`, color: ink.text, ...(spec.style as object | undefined) },
  } as Plot.PlotOptions) as unknown as Element;
  const svg = node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg");
  if (!svg) throw new Error(`Chart ${a11y.id}: Plot did not produce an <svg> (a legend or figure option?)`);
  return finishSvg(document, svg, a11y, options);
}

export interface CompositePart {
  spec: Plot.PlotOptions;
  x: number;
  y: number;
}

/**
 * Several Plot specs placed in one SVG (e.g. a map and its inset, which need different projections),
 * plus anything drawn directly with `draw` (legends, pattern definitions). Finished like renderPlot.
 */
export function renderComposite(
  size: { width: number; height: number },
  parts: CompositePart[],
  draw: (document: Document, svg: Element) => void,
  a11y: A11yText,
  options: RenderOptions = {},
): string {
  useSwedishD3Locale();
  const document = createDocument();
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${size.width} ${size.height}`);
  svg.setAttribute("width", String(size.width));
  svg.setAttribute("height", String(size.height));
  svg.setAttribute("class", "hk-chart");
  svg.setAttribute("font-family", fontFamily);
  svg.setAttribute("font-size", String(fontSize.tick));
  svg.setAttribute("fill", "currentColor");
  for (const part of parts) {
    const node = Plot.plot({ ...part.spec, document, className: "hk-chart-part" } as Plot.PlotOptions) as unknown as Element;
    node.setAttribute("x", String(part.x));
    node.setAttribute("y", String(part.y));
    node.removeAttribute("style");
    svg.appendChild(node);
  }
  draw(document, svg);
  return finishSvg(document, svg, a11y, options);
}

/** Applies the accessibility attributes and deterministic clean-up to a rendered <svg>. */
export function finishSvg(document: Document, svg: Element, a11y: A11yText, options: RenderOptions = {}): string {
  for (const [group, child] of Object.entries(options.childClasses ?? {})) {
    for (const g of Array.from(svg.querySelectorAll(`g.${group}`))) {
      for (const c of Array.from(g.children)) c.setAttribute("class", child);
    }
  }
  // Plot labels its groups with aria-label ("dot", "x-axis tick"); inside role="img" they are not
  // exposed and only add bytes, so drop them.
  for (const el of Array.from(svg.querySelectorAll("[aria-label],[aria-description]"))) {
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
  styleToAttributes(svg);
  normaliseIds(svg, a11y.id);
  roundCoordinates(svg, options.decimals ?? 2);
  svg.setAttribute("xmlns", SVG_NS);
  svg.setAttribute("role", "img");
  svg.setAttribute("id", a11y.id);
  svg.setAttribute("aria-labelledby", `${a11y.id}-title`);
  svg.setAttribute("aria-describedby", `${a11y.id}-desc`);
  svg.setAttribute("color", ink.text);
  svg.removeAttribute("aria-label");
  const title = document.createElementNS(SVG_NS, "title");
  title.setAttribute("id", `${a11y.id}-title`);
  title.textContent = a11y.title;
  const desc = document.createElementNS(SVG_NS, "desc");
  desc.setAttribute("id", `${a11y.id}-desc`);
  desc.textContent = a11y.description;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, svg.firstChild);
  return svg.outerHTML;
}

/**
 * No <style> element and no style attribute, so pages can keep a Content-Security-Policy without
 * 'unsafe-inline' for styles (issue 20): Plot's stylesheet (display, max-width, white-space) lives in
 * src/styles/site.css (.hk-chart), and the root's font and colour become presentation attributes.
 */
function styleToAttributes(svg: Element): void {
  for (const el of Array.from(svg.querySelectorAll("style"))) el.remove();
  for (const el of [svg, ...Array.from(svg.querySelectorAll("[style]"))]) {
    const style = el.getAttribute("style");
    if (style === null) continue;
    for (const decl of style.split(";")) {
      const i = decl.indexOf(":");
      const prop = decl.slice(0, i).trim().toLowerCase();
      const value = decl.slice(i + 1).trim();
      if (i > 0 && ["font-family", "font-size", "color", "fill", "stroke"].includes(prop)) el.setAttribute(prop, value); // the style won over the attribute
    }
    el.removeAttribute("style");
  }
}

/** Renames every id in document order to "<prefix>-<n>" and updates url(#…) and href="#…" references. */
function normaliseIds(svg: Element, prefix: string): void {
  const map = new Map<string, string>();
  for (const el of Array.from(svg.querySelectorAll("[id]"))) {
    const old = el.getAttribute("id")!;
    if (old.startsWith(`${prefix}-`)) continue; // already ours (patterns made by the chart)
    const next = `${prefix}-${map.size + 1}`;
    map.set(old, next);
    el.setAttribute("id", next);
  }
  if (map.size === 0) return;
  for (const el of Array.from(svg.querySelectorAll("*"))) {
    for (const attr of Array.from(el.attributes)) {
      let v = attr.value;
      if (!v.includes("#")) continue;
      v = v.replace(/url\(#([^)]+)\)/g, (m, id: string) => (map.has(id) ? `url(#${map.get(id)})` : m));
      if ((attr.name === "href" || attr.name === "xlink:href") && v.startsWith("#") && map.has(v.slice(1))) v = `#${map.get(v.slice(1))}`;
      if (v !== attr.value) el.setAttribute(attr.name, v);
    }
  }
}

const GEOMETRY_ATTRIBUTES = new Set(["d", "transform", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "points", "viewBox", "dx", "dy"]);

/** Rounds coordinates to `decimals` decimals (Plot writes values like 97.99999999999999). */
function roundCoordinates(svg: Element, decimals: number): void {
  const longNumber = new RegExp(`-?\\d*\\.\\d{${decimals + 1},}(?:e-?\\d+)?|-?\\d+(?:\\.\\d+)?e-\\d+`, "g");
  const m = 10 ** decimals;
  const all = [svg, ...Array.from(svg.querySelectorAll("*"))];
  for (const el of all) {
    for (const attr of Array.from(el.attributes)) {
      if (!GEOMETRY_ATTRIBUTES.has(attr.name)) continue;
      const v = attr.value.replace(longNumber, (s) => {
        const r = Math.round(Number(s) * m) / m;
        return String(r === 0 ? 0 : r);
      });
      if (v !== attr.value) el.setAttribute(attr.name, v);
    }
  }
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Reads width and height from an SVG string's viewBox. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /viewBox="\s*[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)[ ,]+([\d.]+)\s*"/.exec(svg);
  if (!m) throw new Error("SVG has no viewBox");
  return { width: Number(m[1]), height: Number(m[2]) };
}

/**
 * A standalone SVG for downloads, slides and PNG: the chart framed by its title, subtitle and source line
 * (and "Hemtjänstkollen"), on white. The inline page version (ChartOutput.svg) leaves these to the page.
 */
export function framedSvg(chart: ChartOutput): string {
  const { width, height } = svgSize(chart.svg);
  const pad = 16;
  const inner = width - 2 * pad;
  const round = (v: number) => Math.round(v * 100) / 100;
  const text = (x: number, y: number, size: number, fill: string, s: string, extra = "") =>
    `<text x="${x}" y="${round(y)}" font-size="${size}" fill="${fill}"${extra}>${escapeXml(s)}</text>`;
  const parts: string[] = [];
  let y = pad;
  for (const line of wrapText(chart.title, inner, fontSize.title, true)) {
    y += fontSize.title * 1.25;
    parts.push(text(pad, y, fontSize.title, ink.text, line, ` font-weight="bold"`));
  }
  for (const line of chart.subtitle ? wrapText(chart.subtitle, inner, fontSize.subtitle) : []) {
    y += fontSize.subtitle * 1.4;
    parts.push(text(pad, y, fontSize.subtitle, ink.muted, line));
  }
  y += 12;
  // The chart keeps its own viewBox and is scaled into the inner width.
  const chartHeight = round((height * inner) / width);
  parts.push(
    chart.svg.replace(/^<svg\b[^>]*>/, (root) =>
      root
        .replace(/\s(width|height)="[\d.]+"/g, "")
        .replace(/^<svg\b/, `<svg x="${pad}" y="${round(y)}" width="${inner}" height="${chartHeight}"`),
    ),
  );
  y += chartHeight + 8;
  const sourceLines = wrapText(chart.source, inner - 130, fontSize.source);
  parts.push(text(width - pad, y + fontSize.source * 1.4, fontSize.source, ink.muted, "Hemtjänstkollen", ` text-anchor="end"`));
  for (const line of sourceLines) {
    y += fontSize.source * 1.4;
    parts.push(text(pad, y, fontSize.source, ink.muted, line));
  }
  const total = Math.ceil(y + pad);
  return [
    `<svg xmlns="${SVG_NS}" viewBox="0 0 ${width} ${total}" width="${width}" height="${total}" font-family="${escapeXml(fontFamily)}" role="img" aria-labelledby="${chart.id}-frame-title">`,
    `<title id="${chart.id}-frame-title">${escapeXml(chart.title)}</title>`,
    `<rect width="100%" height="100%" fill="${ink.background}"/>`,
    ...parts,
    `</svg>`,
  ].join("");
}

/**
 * Rasterises an SVG string to PNG bytes at `widthPx` wide (height follows the viewBox), on white, with the
 * site font's files only (no system fonts: every machine draws the same pixels). The font has no thin
 * spaces, so U+2009/U+202F are drawn as no-break spaces (as layout.ts measures them). `palette` (default)
 * writes a 256-colour PNG: flat chart colours survive, the file is about a third of the size (the site's
 * 1 162 chart PNGs are the largest part of dist/ after the report files; DESIGN.md §7 size budget).
 */
export function svgToPng(svg: string, widthPx: number, { palette = true }: { palette?: boolean } = {}): Buffer {
  const resvg = new Resvg(svg.replace(/[\u2009\u202F]/g, "\u00A0"), {
    fitTo: { mode: "width", value: Math.round(widthPx) },
    background: ink.background,
    font: {
      loadSystemFonts: false,
      fontFiles: siteFontFiles(),
      defaultFontFamily: FONT_FAMILY_NAME,
      sansSerifFamily: FONT_FAMILY_NAME,
    },
  });
  const image = resvg.render();
  if (!palette) return image.asPng();
  const px = image.pixels;
  return Buffer.from(UPNG.encode([px.buffer.slice(px.byteOffset, px.byteOffset + px.byteLength) as ArrayBuffer], image.width, image.height, 256));
}

/** PNG of the framed chart (title, chart, source line). */
export function chartToPng(chart: ChartOutput, widthPx: number): Buffer {
  return svgToPng(framedSvg(chart), widthPx);
}
