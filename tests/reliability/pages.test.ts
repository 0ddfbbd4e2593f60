// Every built HTML page, read from disk (all of them, also those no link reaches; seconds, no browser):
// - a Content-Security-Policy <meta> in <head> that allows only the site's own origin: script-src 'self'
//   (plus hashes of any inline script on that page, plus 'wasm-unsafe-eval' on /utforska/ only), no
//   'unsafe-eval', no 'unsafe-inline' for scripts, no host, scheme or wildcard source anywhere except
//   data: images, object-src 'none', base-uri; every inline executable script is allowed by its hash and
//   no other hash is listed; no 'unsafe-inline' for styles, and no <style> element or style attribute;
// - no inline event-handler attribute and no javascript: URL (the CSP would block them: dead code or an
//   injection);
// - lang="sv", and the data date and the method version from the published manifest on every page.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../../src/pipeline/manifest";
import { DATA_BUILD, DIST } from "./support";

function htmlFiles(dir: string, sub = ""): string[] {
  return readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) => {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name.startsWith(".") || e.name === "_astro" ? [] : htmlFiles(dir, rel);
    return e.name.endsWith(".html") ? [rel] : [];
  }).sort();
}

const pagePath = (rel: string) => `/${rel.replace(/(^|\/)index\.html$/, "$1")}`;

/** Parses a policy into directive → sources. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
  }
  return out;
}

const KEYWORD = /^'(self|none|unsafe-inline|wasm-unsafe-eval|strict-dynamic|report-sample)'$|^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/;

/** What is wrong with a page's policy (empty = fine). */
export function policyProblems(policy: Map<string, string[]>, page: string, inlineScriptHashes: string[]): string[] {
  const problems: string[] = [];
  const get = (d: string) => policy.get(d) ?? policy.get("default-src") ?? null;
  const def = policy.get("default-src");
  if (!def || def.join(" ") !== "'self'") problems.push(`default-src must be 'self' (is ${def?.join(" ") ?? "missing"})`);
  const script = get("script-src") ?? [];
  if (!script.includes("'self'")) problems.push("script-src lacks 'self'");
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'"]) if (script.includes(bad)) problems.push(`script-src allows ${bad}`);
  if (script.includes("'wasm-unsafe-eval'") && !page.startsWith("/utforska/")) problems.push("'wasm-unsafe-eval' outside the explorer");
  for (const h of inlineScriptHashes) if (!script.includes(`'${h}'`)) problems.push(`inline script not allowed by hash ${h}`);
  // Only the hashes of this page's inline scripts (not those of Astro's unused client directives).
  for (const s of script) if (/^'sha(256|384|512)-/.test(s) && !inlineScriptHashes.includes(s.slice(1, -1))) problems.push(`script-src allows an unused hash ${s}`);
  // No 'unsafe-inline' for styles either (issue 20): no <style> element, no style attribute on any page.
  const style = get("style-src") ?? [];
  for (const bad of ["'unsafe-inline'", "'unsafe-hashes'"]) if (style.includes(bad)) problems.push(`style-src allows ${bad}`);
  if ((policy.get("object-src") ?? []).join(" ") !== "'none'") problems.push("object-src must be 'none'");
  if (!policy.has("base-uri")) problems.push("base-uri missing");
  for (const [directive, sources] of policy) {
    for (const s of sources) {
      if (KEYWORD.test(s)) continue;
      if (s === "data:" && (directive === "img-src" || directive === "font-src")) continue;
      problems.push(`${directive} allows ${s}`);
    }
  }
  return problems;
}

describe("every built HTML page", () => {
  let files: string[] = [];
  let manifest: Manifest;
  beforeAll(() => {
    files = existsSync(DIST) ? htmlFiles(DIST) : [];
    const published = path.join(DIST, "data", "manifest.json");
    manifest = JSON.parse(readFileSync(existsSync(published) ? published : path.join(DATA_BUILD, "manifest.json"), "utf8")) as Manifest;
  });

  it("exists (npm run build has run)", () => {
    expect(files.length).toBeGreaterThan(1);
    expect(files).toContain("index.html");
  });

  it("carries a strict Content-Security-Policy meta tag, no inline handler and no javascript: URL", () => {
    const problems: string[] = [];
    const policies = new Map<string, number>();
    for (const rel of files) {
      const html = readFileSync(path.join(DIST, rel), "utf8");
      const page = pagePath(rel);
      const headEnd = html.search(/<\/head>|<body[\s>]/i);
      const head = headEnd >= 0 ? html.slice(0, headEnd) : "";
      const metas = [...head.matchAll(/<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi)];
      if (metas.length !== 1) { problems.push(`${page}: ${metas.length} CSP meta tags in <head> (expected 1)`); continue; }
      const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(metas[0][0])?.[1] ?? "";
      const policy = parsePolicy(content);
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
        .filter(([, attrs, body]) => !/\bsrc\s*=/i.test(attrs) && body.trim() !== ""
          && !/\btype\s*=\s*["']?(application\/(ld\+)?json|importmap|text\/plain)/i.test(attrs))
        .map(([, , body]) => `sha256-${createHash("sha256").update(body).digest("base64")}`);
      for (const p of policyProblems(policy, page, inline)) problems.push(`${page}: ${p}`);
      const key = [...policy].filter(([d]) => d !== "script-src").map(([d, s]) => `${d} ${s.join(" ")}`).join("; ");
      policies.set(key, (policies.get(key) ?? 0) + 1);
      const handler = /<[a-zA-Z][^<>]*?\son[a-z]{3,}\s*=/.exec(html.replace(/<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/gi, ""));
      if (handler) problems.push(`${page}: inline event handler ${handler[0].slice(-40)}`);
      if (/\s(?:href|src|action)\s*=\s*["']?\s*javascript:/i.test(html)) problems.push(`${page}: javascript: URL`);
      const markup = html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
      if (/<style\b/i.test(markup)) problems.push(`${page}: inline <style> element`);
      const styleAttr = /<[a-zA-Z][^<>]*?\sstyle\s*=/.exec(markup);
      if (styleAttr) problems.push(`${page}: style attribute ${styleAttr[0].slice(-60)}`);
    }
    console.log(`CSP: ${files.length} pages, ${policies.size} distinct policies (besides script-src):\n${[...policies].map(([p, n]) => `  ${n} × ${p}`).join("\n")}`);
    expect(problems.slice(0, 30), `${problems.length} problems`).toEqual([]);
  }, 120_000);

  it("is in Swedish and shows the data date and the method version of the published build", () => {
    const dates = manifest.sources.flatMap((s) => s.dates).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
    const date = dates.at(-1);
    const version = manifest.method_version;
    expect(date, "manifest has source dates").toBeDefined();
    expect(version, "manifest has a method version").toMatch(/^\d+\.\d+\.\d+$/);
    const longDate = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
    const versionRe = new RegExp(`metodversion:?\\s*(?:<[^>]+>\\s*)*${version!.replace(/\./g, "\\.")}`, "i");
    const problems: string[] = [];
    for (const rel of files) {
      const html = readFileSync(path.join(DIST, rel), "utf8");
      const page = pagePath(rel);
      if (!/<html\b[^>]*\blang\s*=\s*["']?sv/i.test(html)) problems.push(`${page}: no lang="sv"`);
      const text = html.replace(/&nbsp;|&#160;|\u00a0/g, " ");
      if (!text.includes(longDate) && !text.includes(`datetime="${date}"`)) problems.push(`${page}: no data date (${longDate})`);
      if (!versionRe.test(text)) problems.push(`${page}: no method version (Metodversion ${version})`);
    }
    const shape = (p: string) => p.replace(/\/\d{4}\//g, "/*/").replace(/\/\d+\.\d+\.\d+\//g, "/*/");
    const grouped = new Map<string, number>();
    for (const p of problems) grouped.set(shape(p), (grouped.get(shape(p)) ?? 0) + 1);
    expect([...grouped].map(([p, n]) => `${p}${n > 1 ? ` (×${n})` : ""}`).slice(0, 30), `${problems.length} pages`).toEqual([]);
  }, 120_000);
});
