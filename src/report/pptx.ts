// Draws the slide specs (slides.ts) as a PowerPoint file with pptxgenjs: 16:9, system fonts, the chart
// PNGs (title, chart and source line drawn into the image) with alt text, a source line on every slide
// and speaker notes. Text a room can read: body 18–22 pt, nothing under MIN_FONT_PT, and no "shrink to
// fit" (PowerPoint would scale the text below those sizes); slides.ts keeps the text short instead.
// The file is normalised (fixed dates, sorted zip entries) so identical input gives
// identical bytes.
import PptxGenJS from "pptxgenjs";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { FIXED_DATE } from "../site-data/downloads";
import { deterministicZip } from "./zip";
import type { ReportChartKey } from "./charts";
import type { SlideSpec } from "./slides";

export interface SlideImage { png: Uint8Array; width: number; height: number }

const C = { accent: "0B5394", ink: "1B1F24", muted: "4A5560", surface: "F4F6F8", line: "D0D7DE", warnBg: "FFF7ED", warnLine: "B45309" };
const FONT = "Arial";
const LANG = "sv-SE";
const W = 13.333;
const M = 0.5; // side margin
/** Font sizes (pt): body text, and the smallest anything on a slide may be (source line, slide number). */
export const BODY_PT = 18;
export const MIN_FONT_PT = 14;
const FOOT_Y = 6.72;

function addFooter(pptx: PptxGenJS, slide: PptxGenJS.Slide, spec: SlideSpec) {
  slide.addShape(pptx.ShapeType.line, { x: M, y: FOOT_Y, w: W - 2 * M, h: 0, line: { color: C.line, width: 0.75 } });
  slide.addText(spec.source, { x: M, y: FOOT_Y + 0.04, w: W - 2 * M - 0.9, h: 0.7, fontFace: FONT, lang: LANG, fontSize: MIN_FONT_PT, color: C.muted, valign: "top" });
}

function addTitle(slide: PptxGenJS.Slide, title: string) {
  slide.addText(title, { x: M, y: 0.25, w: W - 2 * M, h: 0.95, fontFace: FONT, lang: LANG, fontSize: 28, bold: true, color: C.accent, valign: "middle" });
}

const bulletRuns = (items: string[], fontSize: number): PptxGenJS.TextProps[] =>
  items.map((t) => ({ text: t, options: { bullet: { indent: 20 }, fontSize, paraSpaceAfter: 10, breakLine: true } }));

function chartSlide(pptx: PptxGenJS, slide: PptxGenJS.Slide, spec: SlideSpec, images: ReadonlyMap<ReportChartKey, SlideImage>) {
  const img = spec.chart ? images.get(spec.chart) : undefined;
  const box = { x: M, y: 1.25, w: 8.1, h: 5.45 };
  if (img) {
    const scale = Math.min(box.w / img.width, box.h / img.height);
    const w = img.width * scale;
    const h = img.height * scale;
    slide.addImage({
      data: `image/png;base64,${Buffer.from(img.png).toString("base64")}`, x: box.x, y: box.y, w, h,
      altText: spec.chartAlt ?? spec.title,
    });
  }
  let y = 1.3;
  const x = 8.95;
  const w = W - M - x;
  if (spec.notice) {
    slide.addText(spec.notice, {
      x, y, w, h: 0.9, fontFace: FONT, lang: LANG, fontSize: BODY_PT, bold: true, color: C.ink, fill: { color: C.warnBg },
      line: { color: C.warnLine, width: 1 }, margin: 6, valign: "middle",
    });
    y += 1.1;
  }
  if (spec.bullets?.length) {
    slide.addText(bulletRuns(spec.bullets, BODY_PT), { x, y, w, h: FOOT_Y - 0.1 - y, fontFace: FONT, lang: LANG, color: C.ink, valign: "top" });
  }
  void pptx;
}

function tableSlide(slide: PptxGenJS.Slide, spec: SlideSpec) {
  const total = W - 2 * M;
  let y = 1.3;
  if (spec.lead) {
    slide.addText(spec.lead, { x: M, y, w: total, h: 0.75, fontFace: FONT, lang: LANG, fontSize: BODY_PT, color: C.ink, valign: "top" });
    y += 0.85;
  }
  const t = spec.table;
  if (t) {
    const strong = new Set(t.strong ?? []);
    const header: PptxGenJS.TableRow = t.header.map((h, i) => ({
      text: h, options: { bold: true, color: "FFFFFF", fill: { color: C.accent }, align: t.align[i], valign: "middle" },
    }));
    const rows: PptxGenJS.TableRow[] = t.rows.map((r, ri) => r.map((c, i) => ({
      text: c, options: { align: t.align[i], bold: strong.has(ri), fill: { color: ri % 2 ? "FFFFFF" : C.surface }, valign: "middle" },
    })));
    const rel = t.widths ?? t.header.map((_, i) => (i === 0 ? 2 : 1));
    const sum = rel.reduce((a, b) => a + b, 0);
    slide.addTable([header, ...rows], {
      x: M, y, w: total, colW: rel.map((r) => (r / sum) * total), fontFace: FONT, lang: LANG, fontSize: BODY_PT, color: C.ink,
      rowH: 0.5, border: { type: "solid", pt: 0.5, color: C.line }, margin: [3, 6, 3, 6], autoPage: false,
    });
    y += 0.5 * (t.rows.length + 1) + 0.3;
  }
  if (spec.bullets?.length) {
    slide.addText(bulletRuns(spec.bullets, BODY_PT), { x: M, y: Math.min(y, FOOT_Y - 0.9), w: total, h: 0.8, fontFace: FONT, lang: LANG, color: C.ink, valign: "top" });
  }
}

function drawSlide(pptx: PptxGenJS, spec: SlideSpec, images: ReadonlyMap<ReportChartKey, SlideImage>) {
  const slide = pptx.addSlide({ masterName: "HK" });
  if (spec.kind === "title") {
    slide.background = { color: "FFFFFF" };
    slide.addShape(pptx.ShapeType.rect, { x: 0, y: 0, w: 0.35, h: 7.5, fill: { color: C.accent }, line: { color: C.accent } });
    slide.addText(spec.title, { x: 1.0, y: 2.0, w: 11.3, h: 1.3, fontFace: FONT, lang: LANG, fontSize: 44, bold: true, color: C.accent });
    slide.addText(spec.subtitle ?? "", { x: 1.0, y: 3.35, w: 11.3, h: 0.7, fontFace: FONT, lang: LANG, fontSize: 22, color: C.ink });
    slide.addText("Hemtjänstkollen – öppen jämförelse av hemtjänsten för äldre i Sveriges 290 kommuner", {
      x: 1.0, y: 4.3, w: 11.3, h: 0.5, fontFace: FONT, lang: LANG, fontSize: BODY_PT, color: C.muted,
    });
  } else {
    addTitle(slide, spec.title);
  }
  if (spec.kind === "figures") {
    const figs = spec.figures ?? [];
    const gap = 0.25;
    const bw = (W - 2 * M - gap * (figs.length - 1)) / figs.length;
    figs.forEach((f, i) => {
      const x = M + i * (bw + gap);
      slide.addShape(pptx.ShapeType.rect, { x, y: 1.3, w: bw, h: 1.45, fill: { color: C.surface }, line: { color: C.line, width: 0.75 } });
      slide.addText(f.label, { x: x + 0.15, y: 1.38, w: bw - 0.3, h: 0.45, fontFace: FONT, lang: LANG, fontSize: 16, color: C.muted });
      slide.addText(f.value, { x: x + 0.15, y: 1.85, w: bw - 0.3, h: 0.8, fontFace: FONT, lang: LANG, fontSize: 32, bold: true, color: C.ink });
    });
    slide.addText(bulletRuns(spec.bullets ?? [], 20), { x: M, y: 3.05, w: W - 2 * M, h: 3.55, fontFace: FONT, lang: LANG, color: C.ink, valign: "top" });
  } else if (spec.kind === "messages") {
    slide.addText(spec.lead ?? "", { x: M, y: 1.3, w: W - 2 * M, h: 0.95, fontFace: FONT, lang: LANG, fontSize: 22, bold: true, color: C.ink, valign: "top" });
    slide.addText((spec.bullets ?? []).map((t, i) => ({ text: t, options: { bullet: { type: "number" as const, indent: 24 }, fontSize: 20, paraSpaceAfter: 12, breakLine: i < (spec.bullets?.length ?? 0) - 1 } })),
      { x: M, y: 2.35, w: W - 2 * M, h: FOOT_Y - 2.45, fontFace: FONT, lang: LANG, color: C.ink, valign: "top" });
  } else if (spec.kind === "chart") {
    chartSlide(pptx, slide, spec, images);
  } else if (spec.kind === "table") {
    tableSlide(slide, spec);
  } else if (spec.kind === "columns") {
    const cw = (W - 2 * M - 0.5) / 2;
    (spec.columns ?? []).forEach((c, i) => {
      const x = M + i * (cw + 0.5);
      slide.addText(c.heading, { x, y: 1.3, w: cw, h: 0.5, fontFace: FONT, lang: LANG, fontSize: 22, bold: true, color: C.ink });
      slide.addText(bulletRuns(c.bullets, BODY_PT), { x, y: 1.9, w: cw, h: FOOT_Y - 2.0, fontFace: FONT, lang: LANG, color: C.ink, valign: "top" });
    });
  } else if (spec.kind === "bullets") {
    slide.addText(bulletRuns(spec.bullets ?? [], 20), { x: M, y: 1.3, w: W - 2 * M, h: FOOT_Y - 1.4, fontFace: FONT, lang: LANG, color: C.ink, valign: "top" });
  }
  addFooter(pptx, slide, spec);
  slide.addNotes(spec.notes);
}

/** The deck as PPTX bytes. */
export async function reportPresentation(
  slides: readonly SlideSpec[], images: ReadonlyMap<ReportChartKey, SlideImage>, meta: { title: string; footer: string },
): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.author = "Hemtjänstkollen";
  pptx.company = "Hemtjänstkollen";
  pptx.title = meta.title;
  pptx.subject = meta.title;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT, lang: "sv-SE" } as PptxGenJS.ThemeProps;
  pptx.defineSlideMaster({
    title: "HK",
    background: { color: "FFFFFF" },
    objects: [{ rect: { x: 0, y: 0, w: W, h: 0.12, fill: { color: C.accent } } }],
    slideNumber: { x: W - M - 0.8, y: FOOT_Y + 0.04, w: 0.8, h: 0.4, fontFace: FONT, lang: LANG, fontSize: MIN_FONT_PT, color: C.muted, align: "right" },
  });
  for (const s of slides) drawSlide(pptx, s, images);
  const raw = (await pptx.write({ outputType: "uint8array", compression: true })) as Uint8Array;
  return Buffer.from(fixCoreDates(raw));
}

/** pptxgenjs stamps the current time into docProps/core.xml; use the fixed date instead. */
function fixCoreDates(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const core = files["docProps/core.xml"];
  if (core) {
    const iso = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, "Z");
    files["docProps/core.xml"] = strToU8(strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${iso}`));
  }
  // Media are PNG (stored); XML parts deflated.
  return deterministicZip(files, 6);
}
