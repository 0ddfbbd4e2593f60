// /data/rankning.xlsx: the ranking for people (real numbers with formats, column documentation sheet).
import type { APIRoute } from "astro";
import { builtFiles } from "../../site-data/downloads";

export const GET: APIRoute = async () =>
  new Response(new Uint8Array((await builtFiles()).rankingXlsx), { headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
