// Prints a municipality's print page (/kommun/{code}/rapport/) to rapport.pdf with Chromium: A4, tagged
// (a structure tree, /Lang from <html lang="sv">), an outline (bookmarks) from the headings, real text,
// page numbers in the footer. Chromium stamps the print time into the document information; it is
// replaced by a fixed date of the same length, so the file is the same for the same page.
// https://playwright.dev/docs/api/class-page#page-pdf
import type { Browser, Page } from "playwright-core";

export const PDF_MAX_BYTES = 2 * 1024 * 1024;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export async function launchPrinter(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-dev-shm-usage", "--font-render-hinting=none"],
  });
}

/** A page that may only reach `origin` (the local static server): the report makes no other request. */
export async function newPrintPage(browser: Browser, origin: string): Promise<Page> {
  const context = await browser.newContext({ locale: "sv-SE", viewport: { width: 794, height: 1123 } });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    return url.startsWith(origin) || url.startsWith("data:") ? route.continue() : route.abort();
  });
  return context.newPage();
}

export async function printReportPdf(page: Page, url: string, footer: string): Promise<Buffer> {
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response || response.status() !== 200) throw new Error(`print page ${url} answered ${response?.status() ?? "nothing"}`);
  const pdf = await page.pdf({
    format: "A4",
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate:
      `<div style="width:100%;font-family:'Liberation Sans',Arial,sans-serif;font-size:8px;color:#4a5560;padding:0 16mm;display:flex;justify-content:space-between">` +
      `<span>${escapeHtml(footer)}</span><span>Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>`,
    margin: { top: "14mm", bottom: "16mm", left: "16mm", right: "16mm" },
  });
  return normaliseStructIds(fixPdfDates(Buffer.from(pdf)));
}

/**
 * Chromium names tagged elements after the renderer's DOM node ids ("/ID (node00221822)"), which grow
 * with every page a browser has loaded. Renumbers them 1, 2, 3 … in the same (sorted) order and at the
 * same width, so offsets, the /IDTree's order and its /Limits stay valid and a package printed by a
 * busy browser equals one printed by a fresh one.
 */
export function normaliseStructIds(pdf: Buffer): Buffer {
  const text = pdf.toString("latin1");
  const ids = [...new Set([...text.matchAll(/\(node(\d+)\)/g)].map((m) => m[1]))];
  if (!ids.length) return pdf;
  ids.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const next = new Map(ids.map((id, i) => [id, String(i + 1).padStart(id.length, "0")]));
  if ([...next].some(([a, b]) => a.length !== b.length)) return pdf;
  return Buffer.from(text.replace(/\(node(\d+)\)/g, (_m, id: string) => `(node${next.get(id)})`), "latin1");
}

/** Replaces /CreationDate and /ModDate values with a fixed date of exactly the same length (offsets stay valid). */
export function fixPdfDates(pdf: Buffer): Buffer {
  const text = pdf.toString("latin1");
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:(\d{14})/g, (_m, key: string) => `/${key} (D:20000101000000`);
  return fixed === text ? pdf : Buffer.from(fixed, "latin1");
}
