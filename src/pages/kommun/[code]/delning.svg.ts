// /kommun/{kommunkod}/delning.svg: the OpenGraph card of the municipality page (src/charts/shareCard.ts).
// scripts/chart-png.ts renders delning.png beside it (1200 × 630) after the build; the page's og:image.
import type { APIRoute, GetStaticPaths } from "astro";
import { shareCardSvg } from "../../../charts/shareCard";
import { buildMunicipalityView, loadMunicipalityContext } from "../../../site-data/municipality";
import { siteOrigin } from "../../../site-data/embeds";

export const getStaticPaths = (async () => {
  const ctx = await loadMunicipalityContext();
  return [...ctx.byCode.keys()].sort().map((code) => ({ params: { code } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const ctx = await loadMunicipalityContext();
  const v = buildMunicipalityView(ctx, params.code!, (_, x) => String(x));
  const svg = shareCardSvg({
    name: v.name, year: v.year, score: v.total.score, rank: v.total.rank, nRanked: v.total.nRanked, group: v.total.group,
    lowCoverage: v.total.lowCoverage, host: new URL(siteOrigin(site)).host,
  });
  return new Response(svg, { headers: { "content-type": "image/svg+xml" } });
};
