// Shared harness for browser tests: serves dist/ on 127.0.0.1, launches Chromium (src/browser/chromium.ts) through
// playwright-core, aborts and records every request to any other host (the tests assert there are none),
// and runs axe-core in the page.
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../src/browser/chromium";
import { serveStatic } from "../../scripts/serve-static";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");

export interface Harness {
  url: string;
  browser: Browser;
  /** Requests to hosts other than 127.0.0.1, across all pages of this harness. */
  foreignRequests: string[];
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(root = DIST): Promise<Harness> {
  const { server, url } = await serveStatic(root, 0);
  const browser = await launchChromium();
  const foreignRequests: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    url, browser, foreignRequests,
    async newPage({ width = 1280, height = 900 } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale: "sv-SE", acceptDownloads: true });
      contexts.push(context);
      await context.route("**/*", (route) => {
        const u = new URL(route.request().url());
        if (u.hostname === "127.0.0.1" || u.protocol === "data:" || u.protocol === "blob:") return route.continue();
        foreignRequests.push(route.request().url());
        return route.abort();
      });
      return context.newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
    },
  };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: number; targets: string[] }

/** Run axe-core (WCAG 2.0/2.1 A and AA rules) and return serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the site's Content-Security-Policy
  // (script-src 'self') blocks inline scripts, and the test must not weaken the page it checks.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  });
  return (result as AxeViolation[]).filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Width of the document beyond the viewport (0 = no horizontal scroll). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
