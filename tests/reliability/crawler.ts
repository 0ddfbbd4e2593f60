// Whole-site crawl over a built site on a local server (issue 8). Two passes:
// 1. HTTP pass (fast, every page): from "/", follow every internal reference in the HTML — a/area href,
//    link href, iframe/img/script/source/embed/object/video/audio/track src(set), SVG use/image href,
//    form action. Every referenced path must answer 200 (HTML by GET, everything else by HEAD) and every
//    file must be non-empty; in-page and cross-page #fragments must name an existing id. References to
//    other hosts are counted: links (a, area, form, link rel=canonical…) may point elsewhere, resources
//    (scripts, styles, images, frames) may not.
// 2. Chromium pass: every page of every page type, except that page types with many pages (municipality
//    pages, their reports and embeds) are sampled evenly (HTK_CRAWL_SAMPLE per type, default 10;
//    HTK_CRAWL_FULL=1 visits all). Each visit: status 200, no console error, no page error, no CSP
//    violation, no dialog, no failed or 4xx/5xx request, no request to a host other than 127.0.0.1;
//    axe (WCAG 2.1 A/AA, serious or critical) on a sample per type.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { openSite, pageSignals, settle, type Site } from "./support";

export interface Problem { kind: string; page: string; detail: string }

export interface CrawlSummary {
  site: string;
  pages: number; // HTML pages found (HTTP pass)
  page_types: number;
  pages_in_browser: number; // HTML pages loaded in Chromium
  pages_axe: number;
  links: number; // internal references followed (occurrences)
  unique_targets: number; // distinct internal paths referenced
  files: number; // distinct non-HTML internal files (downloads, data, scripts, styles, images)
  downloads: number; // of which downloads (a[download] or a link to a data/document file)
  download_bytes: number;
  requests: number; // requests made by Chromium
  third_party_requests: number; // requests to any host other than 127.0.0.1 (must be 0)
  third_party_references: number; // resources in the HTML that point to another host (must be 0)
  external_links: number; // distinct links to other sites (allowed: sources, licences)
  orphan_html: number | null; // HTML files no link reaches (information; they are crawled too)
  problems: number;
  ms: number;
}

export interface CrawlResult { summary: CrawlSummary; problems: Problem[]; pages: string[]; types: Map<string, string[]> }

interface PageInfo { path: string; ids: Set<string>; refs: Ref[] }
interface Ref { tag: string; url: URL; raw: string; download: boolean; navigation: boolean }

const DOWNLOAD_EXT = /\.(csv|xlsx|pdf|pptx|zip|parquet|json|txt|png|svg|arrow|md)$/i;
const NAVIGATION_RELS = new Set(["canonical", "alternate", "author", "license", "help", "next", "prev", "search", "external", "noopener", "noreferrer"]);

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (m, e: string) => {
    const l = e.toLowerCase();
    if (l === "amp") return "&";
    if (l === "lt") return "<";
    if (l === "gt") return ">";
    if (l === "quot") return '"';
    if (l === "apos" || l === "#39") return "'";
    const code = l.startsWith("#x") ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

const TAG = /<(a|area|link|iframe|frame|img|script|source|embed|object|video|audio|track|image|use|form|input)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTR = /([:\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))|([:\w-]+)/g;

/** Internal references, external references and ids of one HTML document. */
export function parseHtml(html: string, pageUrl: URL): { refs: Ref[]; ids: Set<string>; javascriptUrls: string[] } {
  const refs: Ref[] = [];
  const javascriptUrls: string[] = [];
  const ids = new Set<string>();
  for (const m of html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) ids.add(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ""));
  // Skip the text of <script>/<style> elements (JSON data, CSS) when looking for tags.
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, "$1$2").replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/gi, "$1$2");
  for (const m of markup.matchAll(TAG)) {
    const tag = m[1].toLowerCase();
    const attrs = new Map<string, string>();
    for (const a of m[2].matchAll(ATTR)) {
      if (a[5]) attrs.set(a[5].toLowerCase(), "");
      else attrs.set(a[1].toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ""));
    }
    const values: string[] = [];
    for (const name of ["href", "src", "xlink:href", "data", "action", "poster"]) {
      const v = attrs.get(name);
      if (v !== undefined && v.trim() !== "") values.push(v.trim());
    }
    const srcset = attrs.get("srcset");
    if (srcset) for (const part of srcset.split(",")) { const u = part.trim().split(/\s+/)[0]; if (u) values.push(u); }
    if (tag === "input" && attrs.get("type") !== "image") continue;
    const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    const navigation = tag === "a" || tag === "area" || tag === "form" || (tag === "link" && rel.some((r) => NAVIGATION_RELS.has(r)));
    for (const raw of values) {
      if (/^\s*javascript:/i.test(raw)) { javascriptUrls.push(raw); continue; }
      if (/^(mailto|tel|data|blob|about):/i.test(raw)) continue;
      let url: URL;
      try { url = new URL(raw, pageUrl); } catch { continue; }
      refs.push({ tag, url, raw, download: attrs.has("download"), navigation });
    }
  }
  return { refs, ids, javascriptUrls };
}

/** The page type: the path with municipality codes, years and versions replaced ("/kommun/*\/"). */
export function pageType(path: string): string {
  const [p, q] = path.split("?");
  const shape = p.split("/").map((seg) => (/^\d{4}$/.test(seg) ? "*" : /^\d+\.\d+(\.\d+)?$/.test(seg) ? "*" : seg)).join("/");
  return q === undefined ? shape : `${shape}?…`;
}

/** Up to n items spread evenly over a sorted list (first and last included). */
export function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(items[Math.round((i * (items.length - 1)) / (n - 1))]);
  return [...new Set(out)];
}

async function pool<T>(items: T[], workers: number, fn: (item: T, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(workers, items.length) }, async (_, w) => {
    while (next < items.length) await fn(items[next++], w);
  }));
}

export interface CrawlOptions {
  root: string; // the built site folder
  start?: string[];
  /** Pages per page type loaded in Chromium when the type has more (default HTK_CRAWL_SAMPLE or 10). */
  sample?: number;
  /** Pages per page type checked with axe (default 2; 0 = no axe). */
  axePerType?: number;
  browserWorkers?: number;
  /** Extra checks on each page in Chromium (e.g. hostile-input checks); return problems. */
  onPage?: (page: Page, path: string) => Promise<Problem[]>;
  /** All HTML files in the build (relative paths): those no link reaches are counted and crawled too. */
  htmlFiles?: string[];
  log?: (line: string) => void;
}

export async function crawl(opts: CrawlOptions): Promise<CrawlResult> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const site = await openSite(opts.root);
  const base = new URL(site.url);
  const problems: Problem[] = [];
  const problem = (kind: string, page: string, detail: string) => problems.push({ kind, page, detail });
  try {
    // ---------------------------------------------------------------- HTTP pass
    const pages = new Map<string, PageInfo>();
    const files = new Map<string, { bytes: number; download: boolean }>();
    const status = new Map<string, number>();
    const perPathQueries = new Map<string, number>();
    const referrers = new Map<string, string>();
    const externalLinks = new Set<string>();
    const thirdPartyRefs = new Set<string>();
    const fragments: { from: string; target: string; id: string }[] = [];
    let links = 0;
    let downloadBytes = 0;
    const downloads = new Set<string>();

    const keyOf = (u: URL) => u.pathname + u.search;
    const isLocal = (u: URL) => u.hostname === "127.0.0.1" || u.hostname === "localhost";
    let queue: string[] = [];
    const seen = new Set<string>();
    const enqueue = (key: string, from: string) => {
      if (seen.has(key)) return;
      const [p, q] = key.split("?");
      if (q !== undefined) {
        const n = (perPathQueries.get(p) ?? 0) + 1;
        perPathQueries.set(p, n);
        if (n > 5) return; // query variants of one path: the same file, a few are enough
      }
      seen.add(key);
      referrers.set(key, from);
      queue.push(key);
    };
    for (const s of opts.start ?? ["/"]) enqueue(s, "(start)");

    const fetchOne = async (key: string) => {
      const url = new URL(key, base);
      const looksHtml = url.pathname.endsWith("/") || url.pathname.endsWith(".html");
      const res = await fetch(url, { method: looksHtml ? "GET" : "HEAD", redirect: "manual" });
      status.set(key, res.status);
      const type = res.headers.get("content-type") ?? "";
      if (res.status !== 200) {
        problem("broken link", referrers.get(key) ?? "?", `${key} → HTTP ${res.status}`);
        if (looksHtml) await res.arrayBuffer().catch(() => undefined);
        return;
      }
      if (!type.startsWith("text/html")) {
        const bytes = Number(res.headers.get("content-length") ?? "0");
        const entry = files.get(url.pathname) ?? { bytes, download: false };
        files.set(url.pathname, entry);
        if (bytes <= 0) problem("empty file", referrers.get(key) ?? "?", `${url.pathname} is empty`);
        return;
      }
      const html = looksHtml ? await res.text() : await (await fetch(url)).text();
      const parsed = parseHtml(html, url);
      pages.set(key, { path: key, ids: parsed.ids, refs: parsed.refs });
      for (const js of parsed.javascriptUrls) problem("javascript: URL", key, js);
      for (const ref of parsed.refs) {
        if (!isLocal(ref.url)) {
          if (ref.navigation) externalLinks.add(ref.url.href);
          else { thirdPartyRefs.add(ref.url.href); problem("third-party resource", key, `<${ref.tag}> ${ref.url.href}`); }
          continue;
        }
        const target = new URL(ref.url.pathname + ref.url.search, base);
        const targetKey = keyOf(target);
        links++;
        if (ref.url.hash.length > 1 && ref.tag === "a") fragments.push({ from: key, target: targetKey, id: decodeURIComponent(ref.url.hash.slice(1)) });
        if (ref.tag === "a" && (ref.download || DOWNLOAD_EXT.test(target.pathname))) downloads.add(target.pathname);
        enqueue(targetKey, key);
      }
    };

    const drain = async () => {
      while (queue.length > 0) {
        const batch = queue;
        queue = [];
        await pool(batch, 12, async (key) => {
          try { await fetchOne(key); } catch (e) { problem("fetch failed", referrers.get(key) ?? "?", `${key}: ${(e as Error).message}`); }
        });
      }
    };
    await drain();
    // HTML files no link reaches (e.g. versioned embeds, published for other sites to frame): counted,
    // then checked like the rest so every page type gets its Chromium sample.
    const reachedPaths = new Set([...pages.keys()].map((k) => k.split("?")[0]));
    const unlinked = (opts.htmlFiles ?? []).map((f) => `/${f.replace(/(^|\/)index\.html$/, "$1")}`)
      .filter((p) => p !== "/404.html" && !reachedPaths.has(p));
    for (const p of unlinked) enqueue(p, "(not linked)");
    await drain();
    for (const d of [...downloads]) {
      const f = files.get(d);
      if (f) { f.download = true; downloadBytes += f.bytes; } else downloads.delete(d); // missing: reported as broken
    }
    for (const f of fragments) {
      const target = pages.get(f.target);
      if (target && !target.ids.has(f.id)) problem("broken fragment", f.from, `${f.target}#${f.id}: no element with that id`);
    }
    log(`http: ${pages.size} pages, ${files.size} files, ${links} internal references in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // ---------------------------------------------------------------- Chromium pass
    const types = new Map<string, string[]>();
    for (const key of [...pages.keys()].sort()) {
      const t = pageType(key);
      types.set(t, [...(types.get(t) ?? []), key]);
    }
    const sample = process.env.HTK_CRAWL_FULL ? Infinity : (opts.sample ?? Number(process.env.HTK_CRAWL_SAMPLE ?? 10));
    const axePerType = opts.axePerType ?? 2;
    const visits: { path: string; axe: boolean }[] = [];
    for (const list of types.values()) {
      const chosen = spread(list, sample);
      const axe = new Set(spread(chosen, axePerType));
      for (const p of chosen) visits.push({ path: p, axe: axe.has(p) });
    }
    let requests = 0;
    let axeCount = 0;
    const workers = opts.browserWorkers ?? 3;
    const tabs = await Promise.all(Array.from({ length: workers }, () => site.newPage()));
    await pool(visits, workers, async (visit, w) => {
      const { page, record } = tabs[w];
      const mark = { console: record.consoleErrors.length, errors: record.pageErrors.length, dialogs: record.dialogs.length, requests: record.requests.length };
      let response;
      try {
        response = await page.goto(new URL(visit.path, base).href, { waitUntil: "load", timeout: 60_000 });
      } catch (e) {
        problem("navigation failed", visit.path, (e as Error).message.split("\n")[0]);
        return;
      }
      if (response?.status() !== 200) problem("page status", visit.path, `HTTP ${response?.status()}`);
      await settle(page);
      const signals = await pageSignals(page);
      for (const c of signals.csp) problem("CSP violation", visit.path, c);
      for (const x of signals.xss) problem("script ran (dialog)", visit.path, x);
      for (const c of record.consoleErrors.slice(mark.console)) problem("console error", visit.path, c);
      for (const e of record.pageErrors.slice(mark.errors)) problem("page error", visit.path, e);
      for (const d of record.dialogs.slice(mark.dialogs)) problem("dialog", visit.path, d);
      const reqs = record.requests.slice(mark.requests);
      requests += reqs.length;
      for (const r of reqs) {
        if (r.failed && !/ERR_ABORTED/.test(r.failed)) problem("request failed", visit.path, `${r.url}: ${r.failed}`);
        else if (r.status !== null && r.status >= 400) problem("request status", visit.path, `${r.url} → HTTP ${r.status}`);
      }
      if (opts.onPage) problems.push(...(await opts.onPage(page, visit.path)));
      if (visit.axe) {
        axeCount++;
        for (const v of await seriousAxe(page)) problem(`axe ${v.impact}`, visit.path, `${v.id}: ${v.help} (${v.nodes} nodes: ${v.targets.join(", ")})`);
      }
      // Reset the tab between pages so one page's late work cannot be blamed on the next.
      await page.goto("about:blank").catch(() => undefined);
    });
    for (const f of site.foreignRequests) problem("third-party request", "(browser)", f);

    const orphans = opts.htmlFiles ? unlinked.length : null;
    const summary: CrawlSummary = {
      site: opts.root,
      pages: pages.size,
      page_types: types.size,
      pages_in_browser: visits.length,
      pages_axe: axeCount,
      links,
      unique_targets: seen.size,
      files: files.size,
      downloads: downloads.size,
      download_bytes: downloadBytes,
      requests,
      third_party_requests: site.foreignRequests.length,
      third_party_references: thirdPartyRefs.size,
      external_links: externalLinks.size,
      orphan_html: orphans,
      problems: problems.length,
      ms: Math.round(performance.now() - started),
    };
    return { summary, problems, pages: [...pages.keys()], types };
  } finally {
    await site.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// axe-core, evaluated through the DevTools protocol (an inline <script> would be blocked by the CSP).
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: number; targets: string[] }

export async function seriousAxe(page: Page): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => "axe" in window);
  if (!has) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return (result as AxeViolation[]).filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Problems grouped by kind and shape (municipality codes and years as *), most frequent first. */
export function formatProblems(problems: Problem[], max = 40): string {
  const byKind = new Map<string, number>();
  for (const p of problems) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
  const head = [...byKind].map(([k, n]) => `${k}: ${n}`).join(", ");
  const shape = (s: string) => s.replace(/\b\d{4}\b/g, "*").replace(/:\d{2,5}\//g, ":…/");
  const groups = new Map<string, { n: number; example: Problem }>();
  for (const p of problems) {
    const key = `${p.kind}|${shape(p.page)}|${shape(p.detail)}`;
    const g = groups.get(key);
    if (g) g.n++; else groups.set(key, { n: 1, example: p });
  }
  const lines = [...groups.values()].sort((a, b) => b.n - a.n).map((g) => `  [${g.example.kind}] ${g.example.page}: ${g.example.detail}${g.n > 1 ? `  (×${g.n} like it)` : ""}`);
  return [head, ...lines.slice(0, max), lines.length > max ? `  … ${lines.length - max} more kinds` : ""].filter(Boolean).join("\n");
}

export type { Site };
