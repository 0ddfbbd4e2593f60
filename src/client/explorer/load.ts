// Loads the explorer's Parquet files without DuckDB's Parquet reader (which is an extension fetched from
// a third-party host; DESIGN.md §5.1): fetch the whole file (content-hashed name, from the data
// manifest), decode it with hyparquet (+ ZSTD from hyparquet-compressors) and build an Arrow table with
// the type each column declares. decode.worker.ts runs this off the main thread and hands DuckDB an
// Arrow IPC stream (insertArrowFromIPCStream, which is what insertArrowTable does).

import { parquetMetadata, parquetRead } from "hyparquet";
import type { FileMetaData, SchemaElement } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import {
  Bool, Float32, Float64, Int16, Int32, Int64, Int8, Table, Utf8, vectorFromArray, type DataType, type Vector,
} from "apache-arrow";

/** One table in the data manifest (written at build time by src/pages/utforska/_explorer-data.ts). */
export interface ManifestEntry {
  table: string; // DuckDB table name
  url: string; // content-hashed URL
  bytes: number;
  rows: number;
  description_sv: string;
  first: boolean; // needed for the first ranking (loaded before "data ready"); the rest load after
}

export interface DataManifest {
  data_version: string | null;
  tables: ManifestEntry[];
}

export type LoadPhase = "väntar" | "hämtar" | "avkodar" | "läser in" | "klar" | "fel";

export interface TableProgress {
  table: string;
  bytes: number;
  loaded: number;
  rows: number;
  phase: LoadPhase;
  ms: { fetch: number; decode: number; insert: number };
}

/** Fetch a file whole, reporting bytes as they arrive. */
export async function fetchWithProgress(url: string, onBytes: (loaded: number) => void): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Kunde inte hämta ${url} (HTTP ${response.status}).`);
  const length = Number(response.headers.get("content-length") ?? 0);
  if (!response.body || !length) {
    const buffer = await response.arrayBuffer();
    onBytes(buffer.byteLength);
    return buffer;
  }
  const out = new Uint8Array(length);
  const reader = response.body.getReader();
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded + value.byteLength > out.byteLength) throw new Error(`${url}: fler byte än content-length angav.`);
    out.set(value, loaded);
    loaded += value.byteLength;
    onBytes(loaded);
  }
  if (loaded !== length) throw new Error(`${url}: fick ${loaded} av ${length} byte.`);
  return out.buffer;
}

/** The Arrow type for a Parquet leaf column, from its physical and logical type. */
export function arrowTypeFor(el: SchemaElement, table: string): DataType {
  const logical = el.logical_type;
  switch (el.type) {
    case "BOOLEAN":
      return new Bool();
    case "INT32": {
      const bits = logical?.type === "INTEGER" ? logical.bitWidth
        : el.converted_type === "INT_16" ? 16 : el.converted_type === "INT_8" ? 8 : 32;
      return bits === 8 ? new Int8() : bits === 16 ? new Int16() : new Int32();
    }
    case "INT64":
      return new Int64();
    case "FLOAT":
      return new Float32();
    case "DOUBLE":
      return new Float64();
    case "BYTE_ARRAY":
      if (logical?.type === "STRING" || el.converted_type === "UTF8" || logical?.type === "JSON" || logical?.type === "ENUM") {
        return new Utf8();
      }
      break;
  }
  throw new Error(`${table}: kolumnen ${el.name} har en typ som utforskaren inte kan läsa (${el.type}).`);
}

/** Decode a Parquet file (ArrayBuffer) into an Arrow table with typed columns. */
export async function parquetToArrow(file: ArrayBuffer, table: string): Promise<Table> {
  const metadata: FileMetaData = parquetMetadata(file);
  const leaves = metadata.schema.slice(1);
  if (leaves.some((el) => el.num_children)) throw new Error(`${table}: nästlade kolumner stöds inte.`);
  const rows = Number(metadata.num_rows);
  const chunks = new Map<string, { start: number; data: ArrayLike<unknown> }[]>();
  for (const el of leaves) chunks.set(el.name, []);
  await parquetRead({
    file, metadata, compressors,
    onChunk: (c) => { chunks.get(c.columnName)?.push({ start: c.rowStart, data: c.columnData }); },
  });
  const vectors: Record<string, Vector> = {};
  for (const el of leaves) {
    const parts = (chunks.get(el.name) ?? []).sort((a, b) => a.start - b.start);
    const values: unknown[] = new Array(rows);
    for (const p of parts) {
      for (let i = 0; i < p.data.length && p.start + i < rows; i++) values[p.start + i] = p.data[i];
    }
    for (let i = 0; i < rows; i++) if (values[i] === undefined) values[i] = null;
    const type = arrowTypeFor(el, table);
    vectors[el.name] = vectorFromArray(values as never[], type as never) as Vector;
  }
  return new Table(vectors);
}

export function newProgress(entry: ManifestEntry): TableProgress {
  return { table: entry.table, bytes: entry.bytes, loaded: 0, rows: entry.rows, phase: "väntar", ms: { fetch: 0, decode: 0, insert: 0 } };
}
