// The Chromium from the npm package (@sparticuz/chromium) works where no system Chromium exists: forced with
// CHROMIUM_PATH=bundled, it unpacks, prints a tagged Swedish PDF with real text, and keeps the CSP enforced.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { inspectPdf } from "../../src/report/pdfInspect";
import { bundledChromiumDir, chromiumExecutablePath, launchChromium } from "../../src/browser/chromium";

describe("bundled Chromium (CHROMIUM_PATH=bundled)", () => {
  let browser: Browser;
  const saved = process.env.CHROMIUM_PATH;
  beforeAll(async () => {
    process.env.CHROMIUM_PATH = "bundled";
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (saved === undefined) delete process.env.CHROMIUM_PATH; else process.env.CHROMIUM_PATH = saved;
  });

  it("runs the unpacked binary, not a system one", async () => {
    const exe = await chromiumExecutablePath();
    expect(exe.startsWith(bundledChromiumDir())).toBe(true);
    expect(browser.version()).toMatch(/^\d+\./);
  });

  it("prints a tagged PDF with /Lang (sv) and the Swedish text extractable", async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="sv"><head><title>Test</title></head><body><h1>Hemtjänst i Åre och Öckerö</h1></body></html>');
    const pdf = Buffer.from(await page.pdf({ format: "A4", tagged: true }));
    await page.close();
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/Lang (sv)");
    expect(pdf.toString("latin1")).toContain("/StructTreeRoot");
    // Read back with the project's own extractor (no poppler on a machine with only Node and npm).
    expect((await inspectPdf(pdf)).text).toContain("Hemtjänst i Åre och Öckerö");
  });

  it("enforces a page's CSP (no --disable-web-security)", async () => {
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="script-src 'none'"></head>` +
      `<body><script>document.body.dataset.ran = "yes"</script></body></html>`);
    expect(await page.evaluate(() => document.body.dataset.ran ?? "no")).toBe("no");
    await page.close();
  });
});
