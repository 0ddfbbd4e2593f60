// /data/kallor/<id>.txt: the committed provenance notes (PROVENANCE.md files) as plain text.
import type { APIRoute, GetStaticPaths } from "astro";
import { provenanceFiles, readProvenance, type ProvenanceFile } from "../../../site-data/downloads";

export const getStaticPaths = (() => provenanceFiles().map((f) => ({ params: { id: f.id }, props: { file: f } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(readProvenance((props as { file: ProvenanceFile }).file), { headers: { "content-type": "text/plain; charset=utf-8" } });
