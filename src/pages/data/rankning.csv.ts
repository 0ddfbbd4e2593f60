// /data/rankning.csv: every published year, default weights and missing rule (UTF-8 with BOM).
import type { APIRoute } from "astro";
import { builtFiles } from "../../site-data/downloads";

export const GET: APIRoute = async () =>
  new Response((await builtFiles()).rankingCsv, { headers: { "content-type": "text/csv; charset=utf-8" } });
