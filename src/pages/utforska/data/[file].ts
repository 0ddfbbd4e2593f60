// The explorer's Parquet files, published with content-hashed names (/utforska/data/<table>.<hash>.parquet),
// so they can be cached for ever and a new build never mixes with an old file.
import { readFileSync } from "node:fs";
import type { APIRoute, GetStaticPaths } from "astro";
import { explorerFiles } from "../_explorer-data";

export const getStaticPaths = (() =>
  explorerFiles().map((f) => ({ params: { file: f.name }, props: { path: f.file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const bytes = readFileSync((props as { path: string }).path);
  return new Response(new Uint8Array(bytes), { headers: { "content-type": "application/vnd.apache.parquet" } });
};
