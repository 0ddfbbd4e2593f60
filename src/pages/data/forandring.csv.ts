// /data/forandring.csv: rank changes between consecutive published years by the change rule (; and BOM).
import type { APIRoute } from "astro";
import { moreFiles } from "../../site-data/moreDownloads";

export const GET: APIRoute = async () =>
  new Response((await moreFiles()).forandringCsv, { headers: { "content-type": "text/csv; charset=utf-8" } });
