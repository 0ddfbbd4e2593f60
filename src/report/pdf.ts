// Prints a municipality's print page (/kommun/{code}/rapport/) to rapport.pdf with Chromium: A4, tagged
// (a structure tree, /Lang from <html lang="sv">), an outline (bookmarks) from the headings, real text,
// page numbers in the footer. Chromium stamps the print time into the document information; it is
// replaced by a fixed date of the same length, so the file is the same for the same page.
// https://playwright.dev/docs/api/class-page#page-pdf
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../browser/chromium";

export const PDF_MAX_BYTES = 2 * 1024 * 1024;

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function launchPrinter(): Promise<Browser> {
  return launchChromium();
}

/** A page that may only reach `origin` (the local static server): the report makes no other request. */
export async function newPrintPage(browser: Browser, origin: string): Promise<Page> {
  // bypassCSP: the running footer is a <style> added at print time (see footerCss); the page's CSP allows
  // no inline style. The route below still keeps the page to the local origin.
  const context = await browser.newContext({ locale: "sv-SE", viewport: { width: 794, height: 1123 }, bypassCSP: true });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    return url.startsWith(origin) || url.startsWith("data:") ? route.continue() : route.abort();
  });
  return context.newPage();
}

const cssString = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/[\r\n]+/g, " ")}"`;
const FOOTER_FONT = `font-family: "Atkinson Hyperlegible", "Liberation Sans", Arial, sans-serif; font-size: 8pt; color: #4a5560;`;

/**
 * The running footer as CSS page-margin boxes, so it is set in the page's own font (Chromium's
 * header/footer template cannot use the page's web fonts and fell back to the machine's). Chromium ≥ 131.
 */
export function footerCss(footer: string): string {
  return `@page { @bottom-left { content: ${cssString(footer)}; ${FOOTER_FONT} vertical-align: top; padding-top: 4mm; } ` +
    `@bottom-right { content: "Sida " counter(page) " av " counter(pages); ${FOOTER_FONT} vertical-align: top; padding-top: 4mm; } }`;
}

/** Page-margin boxes came with Chromium 131; an older system Chromium gets the header/footer template. */
export function supportsMarginBoxes(version: string): boolean {
  return Number(version.split(".")[0]) >= 131;
}

export async function printReportPdf(page: Page, url: string, footer: string): Promise<Buffer> {
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response || response.status() !== 200) throw new Error(`print page ${url} answered ${response?.status() ?? "nothing"}`);
  const marginBoxes = supportsMarginBoxes(page.context().browser()?.version() ?? "0");
  if (marginBoxes) await page.addStyleTag({ content: footerCss(footer) });
  const pdf = await page.pdf({
    format: "A4",
    printBackground: true,
    tagged: true,
    outline: true,
    ...(marginBoxes ? {} : {
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate:
        `<div style="width:100%;font-family:'Atkinson Hyperlegible','Liberation Sans',Arial,sans-serif;font-size:8px;color:#4a5560;padding:0 16mm;display:flex;justify-content:space-between">` +
        `<span>${escapeHtml(footer)}</span><span>Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>`,
    }),
    margin: { top: "14mm", bottom: "16mm", left: "16mm", right: "16mm" },
  });
  return normaliseStructIds(fixPdfDates(Buffer.from(pdf)));
}

/**
 * Chromium names tagged elements after the renderer's DOM node ids ("/ID (node00221822)"), which grow
 * with every page a browser has loaded and are handed out lazily, so even their relative order can differ
 * between two prints of the same page. Renumbers them 1, 2, 3 … in the order of the structure elements
 * they name (the /IDTree's object numbers, which are stable), at the same width, and re-sorts the tree's
 * /Names (same bytes, permuted) and /Limits, so offsets stay valid and a package printed by a busy browser
 * equals one printed by a fresh one. A tree with several leaves keeps the sorted raw order instead.
 */
export function normaliseStructIds(pdf: Buffer): Buffer {
  const text = pdf.toString("latin1");
  const ids = [...new Set([...text.matchAll(/\(node(\d+)\)/g)].map((m) => m[1]))];
  if (!ids.length) return pdf;
  const NAMES = /\/Names \[((?:\s*\(node\d+\) \d+ 0 R)+)\s*\]/g;
  const leaves = [...text.matchAll(NAMES)];
  const objectOf = new Map<string, number>();
  if (leaves.length === 1) for (const m of leaves[0][1].matchAll(/\(node(\d+)\) (\d+) 0 R/g)) objectOf.set(m[1], Number(m[2]));
  const rawOrder = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  ids.sort((a, b) => (objectOf.get(a) ?? Infinity) - (objectOf.get(b) ?? Infinity) || rawOrder(a, b));
  const next = new Map(ids.map((id, i) => [id, String(i + 1).padStart(id.length, "0")]));
  if ([...next].some(([a, b]) => a.length !== b.length)) return pdf;
  let out = text.replace(/\(node(\d+)\)/g, (_m, id: string) => `(node${next.get(id)})`);
  if (leaves.length === 1) {
    // The leaf's pairs in label order, in the original separators; its /Limits the first and last label.
    out = out.replace(NAMES, (array: string) => {
      const pairs = [...array.matchAll(/\(node(\d+)\) \d+ 0 R/g)];
      const sorted = pairs.map((p) => ({ text: p[0], n: Number(p[1]) })).sort((a, b) => a.n - b.n);
      let i = 0;
      return array.replace(/\(node\d+\) \d+ 0 R/g, () => sorted[i++].text);
    });
    const labels = ids.map((id) => next.get(id)!);
    out = out.replace(/\/Limits \[\(node\d+\) \(node\d+\)\]/, (limits) =>
      limits.length === `/Limits [(node${labels[0]}) (node${labels[labels.length - 1]})]`.length
        ? `/Limits [(node${labels[0]}) (node${labels[labels.length - 1]})]` : limits);
  }
  return Buffer.from(out, "latin1");
}

/** Replaces /CreationDate and /ModDate values with a fixed date of exactly the same length (offsets stay valid). */
export function fixPdfDates(pdf: Buffer): Buffer {
  const text = pdf.toString("latin1");
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:(\d{14})/g, (_m, key: string) => `/${key} (D:20000101000000`);
  return fixed === text ? pdf : Buffer.from(fixed, "latin1");
}
