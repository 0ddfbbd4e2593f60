// Astro's Content-Security-Policy (astro.config.mjs security.csp) lists in every page's script-src the
// hashes of Astro's client-directive scripts (client:load, :idle, :visible, :media, :only) even though
// this site uses none of them (issue 20 item 6). After the build, each page's policy keeps only the
// script hashes of inline scripts actually on that page. Deterministic; touches nothing else.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const META = /(<meta\b[^>]*http-equiv="content-security-policy"[^>]*\bcontent=")([^"]*)(")/i;

/** Hashes ('sha256-…') of the page's inline executable scripts. */
export function inlineScriptHashes(html) {
  return new Set([...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs, body]) => !/\bsrc\s*=/i.test(attrs) && body.trim() !== ""
      && !/\btype\s*=\s*["']?(application\/(ld\+)?json|importmap|text\/plain)/i.test(attrs))
    .map(([, , body]) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`));
}

/** The page with script-src hashes that match none of its inline scripts removed. */
export function pruneScriptHashes(html) {
  const m = META.exec(html);
  if (!m) return html;
  const used = inlineScriptHashes(html);
  const policy = m[2].split(";").map((part) => {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    if (tokens[0] !== "script-src") return part;
    return ` ${tokens.filter((t) => !/^'sha(256|384|512)-/.test(t) || used.has(t)).join(" ")}`;
  }).join(";");
  return html.replace(META, (_all, a, _c, b) => `${a}${policy}${b}`);
}

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? htmlFiles(p) : e.name.endsWith(".html") ? [p] : [];
  });
}

/** Prunes every HTML page under `dist`; returns how many pages changed. */
export function pruneDist(dist) {
  let changed = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, "utf8");
    const next = pruneScriptHashes(html);
    if (next !== html) { writeFileSync(file, next); changed++; }
  }
  return changed;
}
