// /data/<tabell>.<sha256:8>.parquet: copies of the build's Parquet files under content-hashed names,
// and /data/manifest.json (sources, dates, row counts and hashes of this build).
import type { APIRoute, GetStaticPaths } from "astro";
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadBuildData, BUILD_DIR } from "../../site-data/load";
import { parquetDownloads } from "../../site-data/downloads";

export const getStaticPaths = (async () => {
  const { manifest } = await loadBuildData();
  return [
    ...parquetDownloads(manifest, BUILD_DIR).map((p) => ({ params: { file: p.file }, props: { path: p.path, type: "application/vnd.apache.parquet" } })),
    { params: { file: "manifest.json" }, props: { path: path.join(BUILD_DIR, "manifest.json"), type: "application/json; charset=utf-8" } },
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(new Uint8Array(readFileSync((props as { path: string }).path)), { headers: { "content-type": (props as { type: string }).type } });
