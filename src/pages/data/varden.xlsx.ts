// /data/varden.xlsx: the raw values for people.
import type { APIRoute } from "astro";
import { builtFiles } from "../../site-data/downloads";

export const GET: APIRoute = async () =>
  new Response(new Uint8Array((await builtFiles()).valuesXlsx), { headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
