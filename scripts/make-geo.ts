// npm exec tsx scripts/make-geo.ts: builds data/reference/kommuner.geo.json (our compact map file) from
// SCB's CC0 municipal boundaries in ../shared/data/geo/kommuner_cc0.geojson. See
// data/reference/GEO-PROVENANCE.md for the source, licence and processing steps.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prepareMunicipalityGeo, serializeMunicipalityGeo } from "../src/charts/geo";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sourcePath = path.resolve(repoRoot, "../shared/data/geo/kommuner_cc0.geojson");
const outPath = path.resolve(repoRoot, "data/reference/kommuner.geo.json");

const source = JSON.parse(readFileSync(sourcePath, "utf8"));
const geo = prepareMunicipalityGeo(source, 4);
if (geo.features.length !== 290) throw new Error(`make-geo: expected 290 municipalities in ${sourcePath}, found ${geo.features.length}`);
const text = serializeMunicipalityGeo(geo);
writeFileSync(outPath, text);
console.log(`make-geo: ${geo.features.length} kommuner → ${path.relative(repoRoot, outPath)} (${(Buffer.byteLength(text) / 1024).toFixed(1)} kB)`);
