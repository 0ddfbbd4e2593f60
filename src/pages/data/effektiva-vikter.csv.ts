// /data/effektiva-vikter.csv: nominal and effective weights (share of the between-municipality variance
// of the total) per year, weight set and indicator; `;`-separated, UTF-8 with BOM (issue 19).
import type { APIRoute } from "astro";
import { builtFiles } from "../../site-data/downloads";

export const GET: APIRoute = async () =>
  new Response((await builtFiles()).effectiveWeightsCsv, { headers: { "content-type": "text/csv; charset=utf-8" } });
