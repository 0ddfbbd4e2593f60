// Loading, part 1: the two small tables the first ranking needs (municipalities and indicator_scores,
// about a hundred kB), fetched whole and decoded with hyparquet on the page itself. No database, no
// WebAssembly: the ranking is on screen long before DuckDB-WASM would even have been downloaded.

import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { decompress as zstd } from "fzstd";
import type { ManifestEntry } from "./load";
import type { MunicipalityMeta } from "./state";
import type { IndicatorValueRow } from "./tsRank";

/** The tables of the first ranking (the manifest marks them `first`). */
export const FIRST_TABLES = ["municipalities", "indicator_scores"] as const;

// The pipeline writes ZSTD (src/pipeline/parquet.ts); fzstd alone is a few kB, where the full
// hyparquet-compressors (brotli's dictionary, snappy's wasm) would weigh many times more.
const compressors = { ZSTD: (input: Uint8Array) => zstd(input) };

/** Fetch a file whole; `onBytes` reports bytes as they arrive. */
export async function fetchBytes(url: string, onBytes?: (loaded: number) => void): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Kunde inte hämta ${url} (HTTP ${response.status}).`);
  if (!response.body || !onBytes) return response.arrayBuffer();
  const parts: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    loaded += value.byteLength;
    onBytes(loaded);
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.byteLength; }
  return out.buffer;
}

/** Decode chosen columns of a Parquet file into row objects (numbers for SMALLINT/INTEGER/DOUBLE). */
export async function readRows<R>(file: ArrayBuffer, columns: readonly string[], table: string): Promise<R[]> {
  const metadata = parquetMetadata(file);
  const have = new Set(metadata.schema.slice(1).map((el) => el.name));
  const missing = columns.filter((c) => !have.has(c));
  if (missing.length) throw new Error(`${table}: kolumnerna ${missing.join(", ")} saknas i filen.`);
  return (await parquetReadObjects({ file, metadata, columns: [...columns], compressors })) as R[];
}

export interface FirstData {
  meta: MunicipalityMeta[];
  values: IndicatorValueRow[];
}

const META_COLUMNS = ["code", "name", "county_code", "county", "kommungrupp_id", "kommungrupp", "population", "peers"];
const VALUE_COLUMNS = ["year", "municipality", "indicator", "value"];

/** Fetch both files in parallel and decode them. */
export async function loadFirstData(
  entries: readonly ManifestEntry[], onProgress: (table: string, loaded: number, phase: "hämtar" | "avkodar" | "klar") => void,
): Promise<FirstData> {
  const entry = (table: string) => {
    const e = entries.find((t) => t.table === table);
    if (!e) throw new Error(`Datamanifestet saknar tabellen ${table}.`);
    return e;
  };
  const fetchOne = async (table: string) => {
    const bytes = await fetchBytes(entry(table).url, (n) => onProgress(table, n, "hämtar"));
    onProgress(table, bytes.byteLength, "avkodar");
    return bytes;
  };
  const [m, v] = await Promise.all([fetchOne("municipalities"), fetchOne("indicator_scores")]);
  const meta = (await readRows<MunicipalityMeta>(m, META_COLUMNS, "municipalities"))
    .map((r) => ({ ...r, population: Number(r.population), peers: r.peers ?? "" }));
  onProgress("municipalities", m.byteLength, "klar");
  const values = (await readRows<IndicatorValueRow>(v, VALUE_COLUMNS, "indicator_scores"))
    .map((r) => ({ year: Number(r.year), municipality: r.municipality, indicator: r.indicator, value: r.value === null || r.value === undefined ? null : Number(r.value) }));
  onProgress("indicator_scores", v.byteLength, "klar");
  return { meta, values };
}
