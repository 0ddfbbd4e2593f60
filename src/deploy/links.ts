// Internal-link check over built HTML without a server: every root-relative href/src in every page must
// name a file in dist/ (a folder means its index.html). Used by scripts/check-dist.ts before a deploy;
// the full crawl with Chromium lives in tests/reliability/crawler.ts.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const REF = /\s(?:href|src)="(\/[^"#?]*)(?:[?#][^"]*)?"/g;

/** Root-relative references in one HTML text (not protocol-relative "//host"), entity-decoded. */
export function internalRefs(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(REF)) {
    const raw = m[1].replace(/&amp;/g, "&");
    if (raw.startsWith("//")) continue;
    out.add(raw);
  }
  return [...out];
}

export function refExists(dist: string, ref: string): boolean {
  let decoded: string;
  try { decoded = decodeURIComponent(ref); } catch { return false; }
  const file = path.join(dist, decoded);
  if (!file.startsWith(path.resolve(dist))) return false;
  if (!existsSync(file)) return false;
  return statSync(file).isFile() || existsSync(path.join(file, "index.html"));
}

/** Broken references as "page → target", at most `limit`; `skip` exempts targets made elsewhere. */
export function brokenLinks(dist: string, htmlFiles: readonly string[], skip: (ref: string) => boolean = () => false, limit = 50): { checked: number; broken: string[] } {
  const broken: string[] = [];
  const ok = new Map<string, boolean>();
  let checked = 0;
  for (const f of htmlFiles) {
    for (const ref of internalRefs(readFileSync(path.join(dist, f), "utf8"))) {
      checked++;
      if (skip(ref)) continue;
      let good = ok.get(ref);
      if (good === undefined) ok.set(ref, (good = refExists(dist, ref)));
      if (!good && broken.length < limit) broken.push(`/${f} → ${ref}`);
    }
  }
  return { checked, broken };
}
