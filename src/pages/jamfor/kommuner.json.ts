// /jamfor/kommuner.json: the compact data the compare page renders from (built once, fetched whole).
import type { APIRoute } from "astro";
import { compareData } from "../../site-data/ranking";

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await compareData()), { headers: { "content-type": "application/json; charset=utf-8" } });
