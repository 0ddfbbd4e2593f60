// /data/kvalitet-kostnad.csv: total index beside cost per inhabitant 80+ (N21024), every published year (; and BOM).
import type { APIRoute } from "astro";
import { moreFiles } from "../../site-data/moreDownloads";

export const GET: APIRoute = async () =>
  new Response((await moreFiles()).kvalitetKostnadCsv, { headers: { "content-type": "text/csv; charset=utf-8" } });
