// The plain pages (404, accessibility statement) and what every page of this site shares: the footer's
// data date and method version, headings in order, landmarks, and the page-weight budget (DESIGN.md §7:
// ≤ 100 kB brotli for HTML + CSS + JS on first load of a ranking page).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBuildData } from "../../src/site-data/load";
import { DIST, horizontalOverflow, seriousAxeViolations, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const PAGES = ["/", "/rankning/", "/jamfor/?k=0180,1480", "/data/", "/tillganglighet/", "/finns-inte/"];

/** Brotli bytes of a page's HTML plus the CSS and JS it loads (following static JS imports). */
function firstLoadBrotli(htmlFile: string): number {
  const html = readFileSync(htmlFile);
  const assets = new Set<string>();
  for (const m of html.toString("utf8").matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)) assets.add(m[1]);
  const queue = [...assets].filter((a) => a.endsWith(".js"));
  while (queue.length) {
    const js = readFileSync(path.join(DIST, queue.pop()!), "utf8");
    for (const m of js.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      const a = `/_astro/${m[1]}`;
      if (!assets.has(a)) { assets.add(a); queue.push(a); }
    }
  }
  let total = brotliCompressSync(html).length;
  for (const a of assets) total += brotliCompressSync(readFileSync(path.join(DIST, a))).length;
  return total;
}

function htmlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? htmlFilesUnder(p) : name === "index.html" ? [p] : [];
  });
}

describe("static pages", () => {
  it("serves a real 404 page with status 404 and ways on", async () => {
    const page = await h.newPage();
    const response = await page.goto(`${h.url}/finns-inte/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Sidan finns inte");
    for (const href of ["/", "/rankning/", "/data/"]) expect(await page.locator(`main a[href="${href}"]`).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("has an accessibility statement that names WCAG 2.1 AA, the DOS law, known limitations and contact", async () => {
    const page = await h.newPage();
    expect((await page.goto(`${h.url}/tillganglighet/`))?.status()).toBe(200);
    const text = await page.locator("main").textContent();
    expect(text).toContain("WCAG");
    expect(text).toContain("2.1");
    expect(text).toContain("DOS-lagen");
    expect(await page.locator("h2", { hasText: "Kända brister" }).count()).toBe(1);
    expect(await page.locator("h2", { hasText: "Om något inte fungerar" }).count()).toBe(1);
    expect(text).toContain("Digg");
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("every page has one h1, headings without skipped levels, landmarks and a skip link", async () => {
    for (const p of PAGES) {
      const page = await h.newPage();
      await page.goto(`${h.url}${p}`);
      if (p.startsWith("/jamfor/")) await page.waitForSelector(".compare-table");
      const levels = await page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((hs) =>
        hs.filter((x) => (x as HTMLElement).offsetParent !== null || x.closest("details")).map((x) => Number(x.tagName[1])));
      expect(levels.filter((l) => l === 1), p).toHaveLength(1);
      expect(levels[0], p).toBe(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1], `${p}: heading ${i}`).toBeLessThanOrEqual(1);
      for (const landmark of ["header", "nav", "main", "footer"]) expect(await page.locator(landmark).count(), `${p} ${landmark}`).toBeGreaterThan(0);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent), p).toBe("Hoppa till innehållet");
    }
  });

  it("shows the data date and the method version in the footer", async () => {
    const data = await loadBuildData();
    const page = await h.newPage();
    await page.goto(`${h.url}/rankning/`);
    const footer = await page.locator("footer").textContent();
    const date = data.manifest.sources.flatMap((s) => s.dates).sort().at(-1)!;
    expect(await page.locator(`footer time[datetime="${date}"]`).count()).toBe(1);
    expect(footer).toContain(`Metodversion: ${data.method.version}`);
    expect(footer).toContain(data.manifest.data_version);
  });

  it("has no horizontal scroll at 375 px and 320 px and makes no request to another host", async () => {
    for (const width of [375, 320]) {
      for (const p of PAGES) {
        const page = await h.newPage({ width, height: 800 });
        await page.goto(`${h.url}${p}`);
        expect(await horizontalOverflow(page), `${p} at ${width} px`).toBeLessThanOrEqual(0);
      }
    }
    expect(h.foreignRequests).toEqual([]);
  });

  it("keeps every ranking page within 100 kB brotli (HTML + CSS + JS) and ships no WebAssembly", () => {
    const files = htmlFilesUnder(path.join(DIST, "rankning"));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      expect(firstLoadBrotli(f), path.relative(DIST, f)).toBeLessThanOrEqual(100 * 1024);
      expect(readFileSync(f, "utf8")).not.toMatch(/\.wasm/);
    }
  });
});
