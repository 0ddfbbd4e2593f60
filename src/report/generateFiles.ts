// The files the report build writes for one package, except the PDF (printed by Chromium) and the ZIP
// (made when all are in): the CSV tables, the Excel workbook, the slide deck and the read-me. The slides
// take the page's chart PNGs (already in dist, see charts.ts). Runs in a worker thread; returns bytes by
// package path.
import { strToU8 } from "fflate";
import { framedSvg, svgSize, svgToPng } from "../charts/render";
import { featuredUnitChart, pngSize, type ReportChartKey } from "./charts";
import { tableCsv } from "./csv";
import { csvPath, packageFiles, README_NAME } from "./files";
import { reportPresentation, type SlideImage } from "./pptx";
import { packageReadme } from "./readme";
import type { ReportView } from "./reportView";
import { reportSlides } from "./slides";
import { reportTables } from "./tables";
import { reportWorkbook } from "./xlsx";

export async function generatePackageFiles(
  r: ReportView, chartPngs: ReadonlyMap<ReportChartKey, Uint8Array>,
): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  const images = new Map<ReportChartKey, SlideImage>();
  for (const [key, png] of chartPngs) images.set(key, { png, ...pngSize(png) });
  // The page's unit chart has a panel per key question and is too tall for a slide: the deck shows one.
  const unitSlide = images.has("enheter") ? featuredUnitChart(r.view) : null;
  if (unitSlide) {
    const svg = framedSvg(unitSlide);
    const width = 2 * svgSize(svg).width;
    const png = svgToPng(svg, width);
    images.set("enheter", { png, ...pngSize(png) });
  }
  const tables = reportTables(r);
  for (const t of tables) out[csvPath(t.id)] = strToU8(tableCsv(t));
  out["data.xlsx"] = await reportWorkbook(tables, `Hemtjänsten i ${r.view.name} ${r.view.year}`);
  const slides = reportSlides(r, new Set(images.keys()));
  out["presentation.pptx"] = await reportPresentation(slides, images, {
    title: `Hemtjänsten i ${r.view.name} ${r.view.year}`, footer: `Hemtjänstkollen · ${r.view.name} ${r.view.year}`,
  });
  out[README_NAME] = strToU8(packageReadme(r, packageFiles(r.view), tables));
  return out;
}
