// Embeds and chart downloads (issue 6), in Chromium against the built site (npm run data && npm run build):
// - an embed snippet on a host page of another origin grows to its content and shows the source line,
//   and still shows the chart at its default height without resize.js;
// - embed pages make no request outside 127.0.0.1, have no inline script and no serious axe violation;
// - every "Bädda in" text area holds a valid snippet pointing to an existing page, and "Kopiera" copies it;
// - PNG, SVG and CSV exist for every chart on a municipality page and on "/", and, for all 290
//   municipalities, the downloaded SVG holds exactly the chart the page shows and the CSV its table;
// - snapshots of one embed page per chart type (normalised: chart drawing and long tables elided).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "../../scripts/serve-static";
import { NARROW_WIDTH, PNG_SCALE, versionedYears } from "../../src/site-data/embeds";
import { DIST, seriousAxeViolations, startHarness, type Harness } from "./harness";

const ROOT = process.env.HTK_DIST ?? DIST;
const SITE_ORIGIN = new URL(process.env.SITE_URL ?? "http://127.0.0.1:4321").origin;
const CODE = "0114"; // Upplands Väsby: the first municipality, every chart type on its page
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SNIPPET = /^<iframe src="([^"]+)" title="([^"]+)" width="100%" height="(\d+)" loading="lazy" style="border:0" data-htk-embed><\/iframe><script src="([^"]+)"( integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous")? async><\/script>$/;

let h: Harness;
let host: { server: Server; url: string; dir: string };

beforeAll(async () => {
  h = await startHarness(ROOT);
  const dir = mkdtempSync(path.join(os.tmpdir(), "htk-embed-host-"));
  const { server, url } = await serveStatic(dir, 0); // a second origin: the journalist's page
  host = { server, url, dir };
});
afterAll(async () => {
  await h?.close();
  if (host) {
    await new Promise<void>((resolve) => host.server.close(() => resolve()));
    rmSync(host.dir, { recursive: true, force: true });
  }
});

/** The snippets in a page's "Bädda in" text areas, by chart. */
async function snippets(page: Page): Promise<{ chart: string; kind: string; text: string }[]> {
  return page.$$eval("[data-embed-actions] textarea[data-snippet]", (areas) => areas.map((a) => ({
    chart: a.closest("[data-embed-actions]")!.getAttribute("data-embed-actions")!,
    kind: a.getAttribute("data-snippet")!,
    text: (a as HTMLTextAreaElement).value,
  })));
}

/** A snippet pointed at the test server instead of the configured site origin. */
function local(snippet: string): string {
  return snippet.split(SITE_ORIGIN).join(h.url);
}

async function hostPage(name: string, body: string): Promise<Page> {
  writeFileSync(path.join(host.dir, `${name}.html`), `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Artikel</title></head>` +
    `<body style="margin:0"><main style="max-width:700px;margin:0 auto;padding:8px"><h1>Artikel</h1>${body}<p>Slut.</p></main></body></html>`);
  const page = await h.newPage({ width: 900, height: 900 });
  await page.goto(`${host.url}/${name}.html`);
  return page;
}

async function embedFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes("/embed/")), { timeout: 10_000 }).toBe(true);
  const frame = page.frames().find((f) => f.url().includes("/embed/"))!;
  await frame.waitForSelector("[data-htk-embed-root]");
  await frame.waitForLoadState("load");
  return frame;
}

const iframeHeight = (page: Page) => page.$eval("iframe[data-htk-embed]", (f) => Math.round(f.getBoundingClientRect().height));
const contentHeight = (frame: Frame) => frame.$eval("[data-htk-embed-root]", (r) => Math.ceil(r.getBoundingClientRect().height));

describe("embed snippet on a host page", () => {
  it("grows to its content height, follows it when the content changes, and shows the source line", async () => {
    const kommun = await h.newPage();
    await kommun.goto(`${h.url}/kommun/${CODE}/`);
    const snippet = (await snippets(kommun)).find((s) => s.chart === `kommun/${CODE}/delindex` && s.kind === "live")!.text;
    const source = (await kommun.textContent(`#fig-delindex-${CODE} .source`))!.trim();
    // A default height far too small, so the iframe has to grow.
    const page = await hostPage("resize", local(snippet).replace(/height="\d+"/, 'height="150"'));
    const frame = await embedFrame(page);
    await expect.poll(async () => Math.abs((await iframeHeight(page)) - (await contentHeight(frame))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    expect(await iframeHeight(page)).toBeGreaterThan(400);
    // The whole embed is inside the iframe: nothing to scroll.
    expect(await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(1);
    expect((await frame.textContent(".source"))!.trim()).toBe(source);
    expect(source).toContain("Bearbetning av data från Kolada");
    expect(await frame.isVisible(".source")).toBe(true);
    // Opening the data table makes the content taller; the iframe follows.
    const before = await iframeHeight(page);
    await frame.click("summary");
    await expect.poll(() => iframeHeight(page), { timeout: 10_000 }).toBeGreaterThan(before + 50);
    await expect.poll(async () => Math.abs((await iframeHeight(page)) - (await contentHeight(frame))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    // A narrow column: the narrow drawing is shown and the height follows again.
    await page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(async () => Math.abs((await iframeHeight(page)) - (await contentHeight(frame))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    expect(await frame.isVisible(".chart.narrow svg")).toBe(true);
    expect(h.foreignRequests).toEqual([]);
  });

  it("the versioned snippet's resize.js (integrity + crossorigin) loads on another origin and resizes", async () => {
    const kommun = await h.newPage();
    await kommun.goto(`${h.url}/kommun/${CODE}/`);
    const snippet = (await snippets(kommun)).find((s) => s.chart === `kommun/${CODE}/delindex` && s.kind === "versioned")!.text;
    expect(snippet).toMatch(/integrity="sha384-[^"]+" crossorigin="anonymous"/);
    const page = await hostPage("sri", snippet.replace(/height="\d+"/, 'height="150"'));
    const frame = await embedFrame(page);
    await expect.poll(async () => Math.abs((await iframeHeight(page)) - (await contentHeight(frame))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    expect(await iframeHeight(page)).toBeGreaterThan(400);
  });

  it("ignores height messages from other origins", async () => {
    const page = await hostPage("spoof", `<iframe src="${h.url}/embed/riket/karta/" title="Karta" width="100%" height="500" style="border:0" data-htk-embed></iframe>` +
      `<script src="${h.url}/embed/resize.js" async></script>`);
    const frame = await embedFrame(page);
    await expect.poll(async () => Math.abs((await iframeHeight(page)) - (await contentHeight(frame))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    const height = await iframeHeight(page);
    // The host page itself (another origin) posts a fake height: it must be ignored.
    await page.evaluate(() => window.postMessage({ type: "htk-embed-height", id: "riket/karta", height: 77 }, "*"));
    await page.waitForTimeout(300);
    expect(await iframeHeight(page)).toBe(height);
  });

  it("shows the chart at the default height without resize.js", async () => {
    const kommun = await h.newPage();
    await kommun.goto(`${h.url}/kommun/${CODE}/`);
    const snippet = (await snippets(kommun)).find((s) => s.chart === `kommun/${CODE}/trend` && s.kind === "versioned")!.text;
    const iframeOnly = local(snippet).replace(/<script[^>]*><\/script>$/, "");
    expect(iframeOnly).not.toContain("<script");
    const height = Number(SNIPPET.exec(snippet)![3]);
    const page = await hostPage("no-script", iframeOnly);
    const frame = await embedFrame(page);
    await page.waitForTimeout(300);
    expect(await iframeHeight(page)).toBe(height);
    // Title and chart are in view at the default height.
    const svgBox = await frame.$eval(".chart.wide svg", (s) => s.getBoundingClientRect().toJSON() as DOMRect);
    expect(svgBox.height).toBeGreaterThan(100);
    expect(svgBox.bottom).toBeLessThanOrEqual(height);
    expect(await frame.isVisible("h1")).toBe(true);
    expect((await frame.textContent(".source"))!.trim()).toMatch(/Kolada/);
  });
});

// One embed page per chart type, plus a versioned one.
const EMBEDS = [
  `/embed/kommun/${CODE}/delindex/`, `/embed/kommun/${CODE}/trend/`, `/embed/kommun/${CODE}/enheter/`,
  `/embed/kommun/${CODE}/enheter-ovriga/`, "/embed/riket/karta/", "/embed/riket/nationellt/",
];

describe("embed pages", () => {
  it.each([...EMBEDS, `/embed/v/${methodVersion()}/${versionedYears(publishedYears())[0]}/kommun/${CODE}/trend/`])(
    "%s: no request outside 127.0.0.1, no inline script, no serious axe violation, source and link",
    async (url) => {
      const page = await h.newPage({ width: 700, height: 900 });
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      const response = await page.goto(`${h.url}${url}`);
      expect(response?.status()).toBe(200);
      await page.waitForLoadState("load");
      expect(await page.getAttribute("html", "lang")).toBe("sv");
      expect(requests.every((r) => r.startsWith(h.url))).toBe(true);
      expect(h.foreignRequests).toEqual([]);
      expect(await page.$$eval("script", (s) => s.filter((x) => !x.src || x.textContent!.trim() !== "").length)).toBe(0);
      expect(await page.$$eval("*", (els) => els.filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length)).toBe(0);
      expect(await page.$$eval("script[src]", (s) => s.map((x) => new URL((x as HTMLScriptElement).src).pathname))).toEqual(["/embed/frame.js"]);
      expect(await page.$$("header, nav")).toHaveLength(0);
      const source = (await page.textContent(".source"))!;
      expect(source).toMatch(/Kolada/);
      const text = (await page.textContent("body"))!;
      if (url.includes("/enheter")) expect(text).toContain("Exempeldata");
      if (/delindex|trend|karta/.test(url)) expect(source).toMatch(/Bearbetning av data från Kolada/i);
      const link = await page.$eval("footer a", (a) => ({ href: a.getAttribute("href")!, target: a.getAttribute("target") }));
      expect(link.target).toBe("_blank");
      expect((await page.request.get(`${h.url}${link.href.split("#")[0]}`)).status()).toBe(200);
      expect(await seriousAxeViolations(page)).toEqual([]);
    },
  );

  it("versioned pages exist for every year offered under this method version (not before); the latest one shows what the live page shows", () => {
    const version = methodVersion();
    const offered = versionedYears(publishedYears());
    expect(offered).toContain(publishedYears().at(-1));
    for (const year of publishedYears()) {
      const file = path.join(ROOT, "embed", "v", version, String(year), "kommun", CODE, "delindex", "index.html");
      expect(existsSync(file), file).toBe(offered.includes(year));
      if (offered.includes(year)) expect(readFileSync(file, "utf8")).toContain(`data-embed-year="${year}"`);
    }
    const latest = publishedYears().at(-1)!;
    const figure = (html: string) => /<figure[\s\S]*<\/figure>/.exec(html)![0];
    const live = readFileSync(path.join(ROOT, "embed", "kommun", CODE, "delindex", "index.html"), "utf8");
    const fixed = readFileSync(path.join(ROOT, "embed", "v", version, String(latest), "kommun", CODE, "delindex", "index.html"), "utf8");
    expect(figure(fixed)).toBe(figure(live));
  });

  it.each(EMBEDS)("snapshot of %s", async (url) => {
    const html = readFileSync(path.join(ROOT, url, "index.html"), "utf8");
    const name = url.replace(/^\/embed\//, "").replace(/\/$/, "").replace(/\//g, "-");
    await expect(normaliseEmbedHtml(html)).toMatchFileSnapshot(`./__snapshots__/embeds/${name}.html`);
  });
});

describe("chart actions on the site", () => {
  for (const url of [`/kommun/${CODE}/`, "/"]) {
    it(`${url}: every chart has valid snippets to existing embed pages, "Kopiera" copies them, and PNG/SVG/CSV downloads`, async () => {
      const page = await h.newPage();
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.url });
      await page.goto(`${h.url}${url}`);
      const figures = await page.$$eval("figure[data-chart]", (fs) => fs.map((f) => f.getAttribute("data-chart")!));
      const charts = await page.$$eval("[data-embed-actions]", (as) => as.map((a) => a.getAttribute("data-embed-actions")!));
      expect(charts.length).toBe(figures.length);
      expect(charts.length).toBe(url === "/" ? 2 : 4);
      const all = await snippets(page);
      expect(all).toHaveLength(2 * charts.length);
      for (const s of all) {
        const m = SNIPPET.exec(s.text);
        expect(m, s.text).not.toBeNull();
        const [, src, title, height, script, sri] = m!;
        const srcUrl = new URL(src);
        // The copy button's text names the page's own origin, whatever address the build was made for.
        expect(srcUrl.origin).toBe(new URL(h.url).origin);
        expect(script).toBe(`${new URL(h.url).origin}/embed/resize.js`);
        expect(Boolean(sri)).toBe(s.kind === "versioned");
        expect(Number(height)).toBeGreaterThanOrEqual(300);
        expect(srcUrl.pathname).toMatch(s.kind === "live" ? /^\/embed\/(kommun\/\d{4}|riket)\/[a-z-]+\/$/ : /^\/embed\/v\/[\w.-]+\/\d{4}\/(kommun\/\d{4}|riket)\/[a-z-]+\/$/);
        expect(srcUrl.pathname.endsWith(`/${s.chart}/`)).toBe(true);
        const res = await page.request.get(`${h.url}${srcUrl.pathname}`);
        expect(res.status(), srcUrl.pathname).toBe(200);
        const body = await res.text();
        expect(body).toContain(`data-embed-id="${s.chart}"`);
        expect(body).toContain(`<title>${title.replace(/&quot;/g, '"')} – Hemtjänstkollen</title>`);
      }
      // Kopiera: the Clipboard API gets the snippet and the status says so politely.
      const first = page.locator("[data-embed-actions] details.embed").first();
      await first.locator("summary").click();
      await first.locator("button[data-copy-target]").first().click();
      const status = first.locator("[data-copy-status]").first();
      await expect.poll(() => status.textContent()).toBe("Kopierat");
      expect(await status.getAttribute("aria-live")).toBe("polite");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(all[0].text);
      // With every "Bädda in" open, the page still has no serious axe violation.
      await page.$$eval("[data-embed-actions] details.embed", (ds) => ds.forEach((d) => { (d as HTMLDetailsElement).open = true; }));
      expect(await seriousAxeViolations(page)).toEqual([]);
      // Downloads: every chart, every format.
      for (const chart of charts) {
        const links = await page.$$eval(`[data-embed-actions="${chart}"] a[data-download]`, (as) => as.map((a) => ({ format: a.getAttribute("data-download")!, href: a.getAttribute("href")!, name: a.getAttribute("download")! })));
        expect(links.map((l) => l.format)).toEqual(["png", "svg", "csv"]);
        const figure = page.locator(`figure:has([data-embed-actions="${chart}"])`);
        const header = (await figure.locator(".chart-data thead th").allTextContents()).map((t) => t.trim());
        const rows = await figure.locator(".chart-data tbody tr").count();
        for (const l of links) {
          expect(l.name).toMatch(new RegExp(`^hemtjanstkollen-[\\w-]+\\.${l.format}$`));
          const res = await page.request.get(`${h.url}${l.href}`);
          expect(res.status(), l.href).toBe(200);
          const bytes = await res.body();
          if (l.format === "png") {
            expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
            // Width: PNG_SCALE × the drawing (the narrowest drawing, the phone-width unit panels, is 340 px wide).
            expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(PNG_SCALE * NARROW_WIDTH);
            expect(bytes[25]).toBe(3); // colour type 3: a 256-colour palette PNG
          } else if (l.format === "svg") {
            const text = bytes.toString("utf8");
            expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
            expect(text.trimEnd().endsWith("</svg>")).toBe(true);
          } else {
            expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
            const lines = bytes.toString("utf8").slice(1).split("\r\n").filter(Boolean);
            expect(lines[0]).toBe(header.map(csvField).join(","));
            expect(lines.length - 1).toBe(rows);
          }
        }
      }
      expect(h.foreignRequests).toEqual([]);
    });
  }
});

describe("downloads match the pages (all municipalities)", () => {
  it("each downloaded SVG holds the chart the page shows, each CSV its table, each link a file", () => {
    const codes = readdirSync(path.join(ROOT, "kommun")).filter((c) => /^\d{4}$/.test(c)).sort();
    expect(codes).toHaveLength(290);
    let checked = 0;
    for (const code of codes) {
      const html = readFileSync(path.join(ROOT, "kommun", code, "index.html"), "utf8");
      const dir = path.join(ROOT, "kommun", code, "diagram");
      const charts = [...html.matchAll(/data-embed-actions="kommun\/(\d{4})\/([a-z-]+)"/g)].map((m) => {
        expect(m[1]).toBe(code);
        return m[2];
      });
      expect(charts.length, code).toBeGreaterThanOrEqual(2);
      for (const href of html.matchAll(/href="(\/kommun\/\d{4}\/diagram\/[^"]+)"/g)) {
        expect(existsSync(path.join(ROOT, href[1])), href[1]).toBe(true);
      }
      for (const chart of charts) {
        const id = `${chart}-${code}`;
        const inline = svgById(html, id);
        const framed = svgById(readFileSync(path.join(dir, `${chart}.svg`), "utf8"), id);
        expect(inline, `${code} ${chart} on the page`).not.toBeNull();
        expect(framed, `${code} ${chart}.svg`).not.toBeNull();
        expect(framed!.inner === inline!.inner, `${code} ${chart}.svg differs from the page`).toBe(true);
        expect(/viewBox="[^"]+"/.exec(framed!.open)![0]).toBe(/viewBox="[^"]+"/.exec(inline!.open)![0]);
        const figure = html.slice(html.indexOf(`data-chart="${id}"`));
        const thead = /<thead[^>]*>([\s\S]*?)<\/thead>/.exec(figure.slice(0, figure.indexOf("</figure>")))![1];
        const header = [...thead.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((m) => decodeHtml(m[1].replace(/<[^>]+>/g, "")).trim());
        const csv = readFileSync(path.join(dir, `${chart}.csv`), "utf8");
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        expect(csv.slice(1, csv.indexOf("\r\n")), `${code} ${chart}.csv`).toBe(header.map(csvField).join(","));
        expect(existsSync(path.join(dir, `${chart}.png`)), `${code} ${chart}.png`).toBe(true);
        checked++;
      }
      // No orphan files: every file in diagram/ belongs to a chart on the page.
      for (const f of readdirSync(dir)) expect(charts.includes(f.replace(/\.(png|svg|csv)$/, "")), `${code}/${f}`).toBe(true);
    }
    expect(checked).toBeGreaterThanOrEqual(290 * 2);
  });
});

// ---- helpers ----------------------------------------------------------------------------------------

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The <svg> element with this id: its start tag and its content (nested <svg> elements counted). */
function svgById(text: string, id: string): { open: string; inner: string } | null {
  const m = new RegExp(`<svg\\b[^>]*\\sid="${id}"[^>]*>`).exec(text);
  if (!m) return null;
  const tags = /<(\/?)svg\b[^>]*>/g;
  tags.lastIndex = m.index + m[0].length;
  let depth = 1;
  for (let t = tags.exec(text); t; t = tags.exec(text)) {
    depth += t[1] ? -1 : 1;
    if (depth === 0) return { open: m[0], inner: text.slice(m.index + m[0].length, t.index) };
  }
  return null;
}

function decodeHtml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

function methodVersion(): string {
  return readJson<{ version: string }>(path.join(process.env.HTK_BUILD_DIR ?? path.join(__dirname, "../../data/build"), "method.json")).version;
}

function publishedYears(): number[] {
  return readJson<{ publishedYears: number[] }>(path.join(process.env.HTK_BUILD_DIR ?? path.join(__dirname, "../../data/build"), "method.json")).publishedYears;
}

/**
 * An embed page for a snapshot: one tag per line; each chart drawing replaced by its root tag (the charts
 * have their own SVG snapshots in src/charts), data tables cut to their header and three rows, hashed
 * asset names (/_astro/…) and the site-wide script hashes in the CSP stripped, so the snapshot shows the
 * page's structure and text.
 */
function normaliseEmbedHtml(html: string): string {
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const elided = html.replace(/(<div class="chart[^"]*">)(<svg\b[^>]*>)[\s\S]*?<\/svg><\/div>/g, (_, div: string, root: string) =>
    `${div}<svg ${["id", "viewBox", "role", "aria-labelledby", "aria-describedby"].map((a) => `${a}="${attr(root, a)}"`).join(" ")}>` +
    "<!-- ritning: se src/charts/__snapshots__ --></svg></div>");
  const { document } = parseHTML(elided);
  for (const body of [...document.querySelectorAll("tbody")]) {
    const rows = [...body.querySelectorAll("tr")];
    for (const r of rows.slice(3)) r.remove();
    if (rows.length > 3) body.appendChild(document.createComment(` ${rows.length - 3} ${rows.length === 4 ? "rad" : "rader"} till `));
  }
  return (document.toString() as string)
    .replace(/\/_astro\/([\w.-]+?)\.[\w-]{8}\.(css|js)/g, "/_astro/$1.[hash].$2")
    .replace(/(?: 'sha256-[A-Za-z0-9+/=]+')+/g, " 'sha256-[hashes]'")
    .replace(/>\s*</g, ">\n<")
    .trim() + "\n";
}
