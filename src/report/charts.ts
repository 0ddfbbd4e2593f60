// The charts of a report package are the municipality page's charts exactly: the chart downloads
// (src/site-data/embeds.ts, /kommun/{code}/diagram/{chart}.svg|png|csv, PNG rendered after `astro build`
// by scripts/chart-png.ts) are the package's chart files and the slides' images, and the print page draws
// the same ChartOutput the page shows (loadMunicipalityCharts, memoised per build). Nothing is drawn twice.
import type { MunicipalityView } from "../site-data/municipality";
import { municipalityChartNames, type MunicipalityChart } from "../site-data/embeds";

export type ReportChartKey = MunicipalityChart;

/** Which charts the page (and so the package) has for this municipality, in page order. */
export function reportChartKeys(v: MunicipalityView): ReportChartKey[] {
  return municipalityChartNames(v);
}

/** Width and height of a PNG from its IHDR chunk (PNG spec §11.2.2). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || sig.some((b, i) => png[i] !== b)) throw new Error("not a PNG file");
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}
