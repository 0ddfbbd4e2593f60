// /diagram/{diagram}.svg|.csv: the national charts on "/" (result-group map, satisfaction by group) as
// framed SVG and CSV; the PNG beside each SVG is rendered after the build by scripts/chart-png.ts.
import type { APIRoute, GetStaticPaths } from "astro";
import { chartCsv, chartSvgFile, loadNationalChart, NATIONAL_CHARTS, type NationalChart } from "../../site-data/embeds";

export const getStaticPaths = (() =>
  NATIONAL_CHARTS.flatMap((chart) => (["svg", "csv"] as const).map((format) => ({ params: { file: `${chart}.${format}` }, props: { chart, format } })))
) satisfies GetStaticPaths;

interface Props { chart: NationalChart; format: "svg" | "csv" }

export const GET: APIRoute = async ({ props }) => {
  const { chart, format } = props as Props;
  const { chart: output } = await loadNationalChart(chart);
  return format === "svg"
    ? new Response(chartSvgFile(output), { headers: { "content-type": "image/svg+xml" } })
    : new Response(chartCsv(output), { headers: { "content-type": "text/csv; charset=utf-8" } });
};
