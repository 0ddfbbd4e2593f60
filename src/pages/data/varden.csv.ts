// /data/varden.csv: every raw value the published scores rest on (UTF-8 with BOM).
import type { APIRoute } from "astro";
import { builtFiles } from "../../site-data/downloads";

export const GET: APIRoute = async () =>
  new Response((await builtFiles()).valuesCsv, { headers: { "content-type": "text/csv; charset=utf-8" } });
