// manifest.json: what each build holds and where it came from (sources, dates, row counts, content
// hashes, tool versions). No wall-clock time in it, so identical inputs give an identical manifest.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export interface SourceEntry {
  id: string;
  name: string;
  mode: "snapshot" | "live" | "import" | "generated" | "reference";
  licence: string;
  credit: string;
  dates: string[]; // fetch/snapshot dates of the rows from this source
  rows: Record<string, number>;
  note?: string;
  /** Kolada only: the newest survey year Kolada has published, and how we know (live /kpi or the catalogue). */
  published_through?: PublishedThrough;
  /** Expected gaps said during the fetch (a year not yet published, a year without data). */
  notices?: string[];
}

export interface PublishedThrough { kpi: string; year: number; basis: string }

export interface FileEntry { file: string; rows: number | null; bytes: number; sha256: string }

export interface Manifest {
  product: "Hemtjänstkollen";
  data_version: string; // hash over all file hashes: changes whenever any output changes
  method_version: string | null;
  sources: SourceEntry[];
  files: FileEntry[];
  tools: Record<string, string>;
  /** The newest year of the user survey in this build (headline KPI): "Senaste uppgifter: brukarundersökningen 2022". */
  data_age?: DataAge;
}

export interface DataAge { kpi: string; survey_year: number | null }

export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function fileEntry(path: string, name: string, rows: number | null): FileEntry {
  const bytes = readFileSync(path);
  return { file: name, rows, bytes: bytes.length, sha256: sha256(bytes) };
}

const require = createRequire(import.meta.url);
function versionOf(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export function toolVersions(): Record<string, string> {
  return {
    node: process.versions.node.split(".")[0] + ".x", // major only: patch releases must not change the bytes
    "@duckdb/node-api": versionOf("@duckdb/node-api"),
    hyparquet: versionOf("hyparquet"),
  };
}

export function buildManifest(sources: SourceEntry[], files: FileEntry[], methodVersion: string | null, dataAge?: DataAge): Manifest {
  const sorted = [...files].sort((a, b) => a.file.localeCompare(b.file));
  return {
    product: "Hemtjänstkollen",
    data_version: sha256(sorted.map((f) => `${f.file}:${f.sha256}`).join("\n")).slice(0, 16),
    method_version: methodVersion,
    sources,
    files: sorted,
    tools: toolVersions(),
    ...(dataAge ? { data_age: dataAge } : {}),
  };
}
