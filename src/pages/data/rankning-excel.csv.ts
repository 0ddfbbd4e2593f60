// /data/rankning-excel.csv: rankning.csv for Swedish Excel (; decimal comma, BOM).
import type { APIRoute } from "astro";
import { moreFiles } from "../../site-data/moreDownloads";

export const GET: APIRoute = async () =>
  new Response((await moreFiles()).rankningExcelCsv, { headers: { "content-type": "text/csv; charset=utf-8" } });
