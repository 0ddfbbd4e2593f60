// The charts of a report package are the municipality page's charts exactly: the chart downloads
// (src/site-data/embeds.ts, /kommun/{code}/diagram/{chart}.svg|png|csv, PNG rendered after `astro build`
// by scripts/chart-png.ts) are the package's chart files and the slides' images, and the print page draws
// the same ChartOutput the page shows (loadMunicipalityCharts, memoised per build). Nothing is drawn twice.
import type { ChartOptions, ChartOutput } from "../charts/render";
import { unitVariationChart } from "../charts/unitVariationChart";
import { OVERALL_KPI } from "../model/catalogue";
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

/**
 * The unit indicator the slide deck shows (the page's unit chart has four panels, too tall for a slide):
 * overall satisfaction, else the first key indicator with unit values.
 */
export function featuredUnitIndicator(v: MunicipalityView): MunicipalityView["units"]["indicators"][number] | null {
  const inds = v.units.indicators;
  return inds.find((i) => i.id === OVERALL_KPI) ?? inds.find((i) => i.key) ?? null;
}

/** The slide's unit chart: the page's unit chart (same function and inputs) for the featured indicator only. */
export function featuredUnitChart(v: MunicipalityView, options: ChartOptions = {}): ChartOutput | null {
  const u = v.units;
  const ind = featuredUnitIndicator(v);
  if (!ind || u.year === null || !u.units.length) return null;
  return unitVariationChart({
    municipalityCode: v.code, municipalityName: v.name, year: u.year,
    units: u.units.map((x) => ({ id: x.id, name: x.name, providerType: x.providerType })),
    synthetic: u.synthetic,
    indicators: [{ id: ind.id, label: ind.name, municipalityValue: ind.municipalityValue, nationalValue: ind.nationValue }],
    values: u.values.filter((x) => x.indicatorId === ind.id),
  }, { id: `enheter-bild-${v.code}`, ...options });
}
