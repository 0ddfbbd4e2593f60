// /utforska/data-manifest.json: table → content-hashed URL, bytes and rows of the explorer's data files.
// The page inlines the same object; this file is for other tools and for checking a deployment.
import type { APIRoute } from "astro";
import { dataManifest } from "./_explorer-data";

export const GET: APIRoute = () =>
  new Response(JSON.stringify(dataManifest(), null, 2) + "\n", { headers: { "content-type": "application/json; charset=utf-8" } });
