// What a host receives: dist/'s files counted and summed by kind (extension), against the budget of
// DESIGN.md §7 (≤ 500 MB and ≤ 20 000 files, what common free static hosts accept).
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export const DIST_MAX_BYTES = 500 * 1000 * 1000;
export const DIST_MAX_FILES = 20_000;
/** GitHub Pages refuses sites over 1 GB: above this a deploy cannot succeed. */
export const HOST_HARD_MAX_BYTES = 1000 * 1000 * 1000;

export interface KindStats { files: number; bytes: number }
export interface DistStats { files: number; bytes: number; byKind: Record<string, KindStats> }

/** Every file below `dir`, relative, with "/" separators, sorted. */
export function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out.sort();
}

/** The kind of a file for the size report: its extension ("html", "png", …; "other" without one). */
export function fileKind(file: string): string {
  const ext = path.extname(file).slice(1).toLowerCase();
  return ext || "other";
}

export function summarise(entries: readonly { file: string; bytes: number }[]): DistStats {
  const byKind: Record<string, KindStats> = {};
  let bytes = 0;
  for (const e of entries) {
    const k = (byKind[fileKind(e.file)] ??= { files: 0, bytes: 0 });
    k.files++;
    k.bytes += e.bytes;
    bytes += e.bytes;
  }
  const sorted = Object.fromEntries(Object.entries(byKind).sort((a, b) => b[1].bytes - a[1].bytes || a[0].localeCompare(b[0])));
  return { files: entries.length, bytes, byKind: sorted };
}

export function distStats(dist: string): DistStats {
  return summarise(listFiles(dist).map((file) => ({ file, bytes: statSync(path.join(dist, file)).size })));
}

/** Problems that make a deploy fail on the host (not only over our budget). */
export function hostProblems(s: DistStats): string[] {
  return s.bytes > HOST_HARD_MAX_BYTES ? [`dist/ är ${mb(s.bytes)}, över GitHub Pages gräns ${mb(HOST_HARD_MAX_BYTES)}`] : [];
}

/** Budget problems in Swedish, empty when within budget. */
export function budgetProblems(s: DistStats): string[] {
  const out: string[] = [];
  if (s.bytes > DIST_MAX_BYTES) out.push(`dist/ är ${mb(s.bytes)}, över gränsen ${mb(DIST_MAX_BYTES)}`);
  if (s.files > DIST_MAX_FILES) out.push(`dist/ har ${s.files} filer, över gränsen ${DIST_MAX_FILES}`);
  return out;
}

export const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

export function formatDistStats(s: DistStats): string[] {
  return [
    `dist/: ${mb(s.bytes)} i ${s.files} filer (gräns ${mb(DIST_MAX_BYTES)}, ${DIST_MAX_FILES} filer)`,
    ...Object.entries(s.byKind).map(([k, v]) => `  ${k.padEnd(8)} ${String(v.files).padStart(6)} filer ${mb(v.bytes).padStart(10)}`),
  ];
}
