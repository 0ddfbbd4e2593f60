// /kommun/{kommunkod}/diagram/{diagram}.svg|.csv: every chart on the municipality page as a framed SVG
// (title, chart, source line) and its data as CSV, built from the same chart the page shows. The PNG
// beside each SVG is rendered after the build by scripts/chart-png.ts (astro.config.mjs).
import type { APIRoute, GetStaticPaths } from "astro";
import { chartCsv, chartSvgFile, loadMunicipalityChart, loadMunicipalityCharts, municipalityCodes, type MunicipalityChart } from "../../../../site-data/embeds";

export const getStaticPaths = (async () => {
  const paths = [];
  for (const code of await municipalityCodes()) {
    for (const chart of (await loadMunicipalityCharts(code)).keys()) {
      for (const format of ["svg", "csv"] as const) paths.push({ params: { code, file: `${chart}.${format}` }, props: { chart, format } });
    }
  }
  return paths;
}) satisfies GetStaticPaths;

interface Props { chart: MunicipalityChart; format: "svg" | "csv" }

export const GET: APIRoute = async ({ params, props }) => {
  const { chart, format } = props as Props;
  const bundle = await loadMunicipalityChart(params.code!, chart);
  return format === "svg"
    ? new Response(chartSvgFile(bundle.chart), { headers: { "content-type": "image/svg+xml" } })
    : new Response(chartCsv(bundle.chart), { headers: { "content-type": "text/csv; charset=utf-8" } });
};
