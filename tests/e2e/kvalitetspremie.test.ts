// /kvalitetspremie/ in Chromium (issue 15): Exempeldata before upload, upload by file input and by drag
// and drop, the total from the same engine, a bad file's row/column messages and skipping, exports (CSV
// formula-safe with hostile names, XLSX readable), keyboard only, axe, 375 px, no request off the host.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "../../src/charts/format";
import { evaluatePremium, exampleCustomerCsv, exampleProviderCsv, prepareInput, PRESETS, STOCKHOLM_2022 } from "../../src/model/qualityPremium";
import { parseCsv } from "../../src/pipeline/csv";
import { horizontalOverflow, seriousAxeViolations, startHarness, type Harness } from "./harness";

const HEADER = "utforare;regi;utforda_timmar;andel_kunder_inom_riktvarde;andel_timmar_timavlonade;andel_utbildade;andel_underskoterskor";
// Hostile names: a formula after ";" (Swedish Excel), a leading formula, markup that must stay text.
const UPLOAD = `\ufeff${HEADER}\r\n"Hemtjänst Öst;=1+1";enskild;1000,5;90;22;80;20\r\n"=HYPERLINK(""http://evil.example"";""x"")";kommunal;400;95;22,5;85;30\r\n"<img src=x onerror=alert(1)>";enskild;100;10;50;10;10\r\n`;
// 1000,5 × 8 × 15 = 120 060; 400 × 8 × 5 = 16 000; 0 → 136 060 kr.
const UPLOAD_TOTAL = `${formatNumber(136_060, 0)}\u00a0kr`;
const BAD = `${HEADER}\nA;enskild;100;90;22;80;20\nB;enskild;100;90;122;80;20\n`;

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const total = (page: Page) => page.locator("[data-total]").textContent();
const file = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

async function open(width = 1280): Promise<Page> {
  const page = await h.newPage({ width });
  const dialogs: string[] = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await page.goto(`${h.url}/kvalitetspremie/`);
  await page.locator("[data-results]:not([hidden])").waitFor();
  (page as Page & { dialogs?: string[] }).dialogs = dialogs;
  return page;
}

describe("/kvalitetspremie/", () => {
  it("shows the Exempeldata result before any upload, equal to the engine's", async () => {
    const page = await open();
    expect(await page.locator("[data-example-notice]").isVisible()).toBe(true);
    expect(await page.locator("[data-example-notice]").textContent()).toContain("Exempeldata");
    expect(await page.getByTestId("privacy").textContent()).toContain("Ingenting skickas någonstans");
    const c = prepareInput({ providers: exampleProviderCsv(), customers: exampleCustomerCsv() }).prepared!;
    const expected = evaluatePremium(c.providers, STOCKHOLM_2022, c.shares);
    expect(await total(page)).toBe(`${formatNumber(expected.summa_kr, 0)}\u00a0kr`);
    expect(await page.locator("[data-result-table] tbody tr").count()).toBe(expected.providers.length);
    expect(await page.locator("[data-whatif] svg[role=img]").count()).toBe(4);
    expect(await page.locator("[data-whatif] table").count()).toBe(4);
  });

  it("computes an uploaded file (hostile names stay text) and exports CSV and XLSX", async () => {
    const page = await open();
    await page.locator("#fil-utforare").setInputFiles(file("utforare.csv", UPLOAD));
    await page.waitForFunction((t) => document.querySelector("[data-total]")?.textContent === t, UPLOAD_TOTAL);
    expect(await page.locator("[data-example-notice]").isHidden()).toBe(true);
    const names = await page.locator("[data-result-table] tbody th > span:first-child").allTextContents();
    expect(names).toEqual(["Hemtjänst Öst;=1+1", '=HYPERLINK("http://evil.example";"x")', "<img src=x onerror=alert(1)>"]);
    expect(await page.locator("[data-result-table] img").count()).toBe(0);
    expect((page as Page & { dialogs?: string[] }).dialogs).toEqual([]);

    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.locator("[data-export=csv]").click()]);
    expect(csvDownload.suggestedFilename()).toBe("kvalitetspremie.csv");
    const csv = readFileSync((await csvDownload.path())!, "utf8");
    expect(csv.startsWith("\ufeffutforare,")).toBe(true);
    const rows = parseCsv(csv);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Hemtjänst Öst;'=1+1", '\'=HYPERLINK("http://evil.example";"x")', "<img src=x onerror=alert(1)>"]);
    expect(rows.slice(1).map((r) => r[16])).toEqual(["120060", "16000", "0"]);

    const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.locator("[data-export=xlsx]").click()]);
    expect(xlsxDownload.suggestedFilename()).toBe("kvalitetspremie.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await xlsxDownload.path())!) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Utförare")!;
    expect(ws.getCell("A2").value).toBe("Hemtjänst Öst;=1+1");
    expect(ws.getCell("Q2").value).toBe(120_060);
    expect(wb.getWorksheet("Beräkning")!.getCell("B2").value).toBe("Underlag: utforare.csv.");
  });

  it("names every problem of a bad file by row and column, computes nothing until asked to skip", async () => {
    const page = await open();
    await page.locator("#fil-utforare").setInputFiles(file("fel.csv", BAD));
    await page.locator("[data-problems]:not([hidden])").waitFor();
    expect(await page.locator("[data-results]").isHidden()).toBe(true);
    expect(await page.locator("[data-problem-list] li").allTextContents()).toEqual([
      "Utförarfilen: Rad 3, kolumn andel_timmar_timavlonade: 122 ligger utanför 0–100 (andel i procent).",
    ]);
    expect(await page.evaluate(() => document.activeElement?.matches("[data-problems]"))).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator("[data-skip]").click();
    await page.waitForFunction((t) => document.querySelector("[data-total]")?.textContent === t, `${formatNumber(12_000, 0)}\u00a0kr`);
    expect(await page.locator("[data-source]").textContent()).toContain("1 rader med fel hoppades över");
  });

  it("accepts files dropped on the drop zone, and tells the customer file by its header", async () => {
    const page = await open();
    const customers = "utforare;kund;timmar_per_manad;antal_personal\nA;1;20;4\nA;2;30;5\nB;3;40;6\nB;4;50;7\n";
    const providers = `${HEADER}\nA;enskild;100;;22;80;20\nB;enskild;100;;22;80;20\n`;
    const dt = await page.evaluateHandle(([c, p]) => {
      const d = new DataTransfer();
      d.items.add(new File([c], "kunder.csv", { type: "text/csv" }));
      d.items.add(new File([p], "utforare.csv", { type: "text/csv" }));
      return d;
    }, [customers, providers]);
    await page.dispatchEvent("[data-drop]", "drop", { dataTransfer: dt });
    // Median of 4, 5, 6, 7 is 5,5: A 100 % (3 of 3, 12 000 kr), B 0 % (2 of 3, 4 000 kr).
    await page.waitForFunction((t) => document.querySelector("[data-total]")?.textContent === t, `${formatNumber(16_000, 0)}\u00a0kr`);
    expect(await page.locator("[data-bands]").isVisible()).toBe(true);
    expect(await page.locator("[data-reference]").isVisible()).toBe(true);
  });

  it("works with the keyboard only: choose a file, change a limit, export", async () => {
    const page = await open();
    // Several pages are open in this browser: a file chooser opens only from the page in front.
    await page.bringToFront();
    await page.locator("body").focus();
    // Tab to the provider file input and open it with the keyboard.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.id === "fil-utforare")) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("fil-utforare");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
    await chooser.setFiles(file("utforare.csv", UPLOAD));
    await page.waitForFunction((t) => document.querySelector("[data-total]")?.textContent === t, UPLOAD_TOTAL);
    // Raise the hourly-paid limit to 50 %: the second provider then meets 3 of 3 → 400 × 8 × 15 = 48 000
    // (was 16 000); the third meets 1 of 3 → still 0.
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.id === "regel-timavlonade")); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("50");
    await page.waitForFunction((t) => document.querySelector("[data-total]")?.textContent === t, `${formatNumber(120_060 + 48_000, 0)}\u00a0kr`);
    for (let i = 0; i < 80 && !(await page.evaluate(() => document.activeElement?.matches("[data-export=csv]"))); i++) await page.keyboard.press("Tab");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe("kvalitetspremie.csv");
    // Focus is visible on what the keyboard reached.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe("none");
  });

  it("refuses a rule that is not a number, with a message at the field", async () => {
    const page = await open();
    await page.locator("#regel-kontinuitet").fill("nittio");
    expect(await page.locator("#regel-kontinuitet").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#regel-kontinuitet-fel").textContent()).toBe("Ange ett tal mellan 0 och 100.");
  });

  it("passes axe, has no horizontal scroll at 375 px, loads no WebAssembly and requests nothing off the host", async () => {
    const page = await open(375);
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.locator("#fil-utforare").setInputFiles(file("utforare.csv", UPLOAD));
    await page.waitForFunction((t) => document.querySelector("[data-total]")?.textContent === t, UPLOAD_TOTAL);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(requests.filter((u) => !u.startsWith("blob:"))).toEqual([]); // computing and exporting fetch nothing
    const wasm = await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".wasm")).length);
    expect(wasm).toBe(0);
    expect(h.foreignRequests).toEqual([]);
  });
});

describe("the premium model elsewhere on the site", () => {
  it("/metod/ explains the model: the presets from the same data, and Stockholm's evaluation", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/metod/`);
    const section = page.locator("section:has(#kvalitetspremie)");
    const rows = await section.locator("tbody th").allTextContents();
    expect(rows).toEqual(PRESETS.map((p) => p.name_sv));
    const text = (await section.textContent()) ?? "";
    expect(text).toContain("få utförare och färre fick premien");
    expect(text).toContain("inte stimulera");
    expect(await page.locator(".toc a[href='#kvalitetspremie']").count()).toBe(1);
  });

  it("the municipality page says where real provider results are and links to the tool; the nav has the page", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/kommun/0180/`);
    const box = page.getByTestId("utforare-uppfoljning");
    expect(await box.textContent()).toContain("Socialstyrelsens jämförelsetjänst");
    expect(await box.locator("a[href='/kvalitetspremie/']").count()).toBe(1);
    expect(await page.locator(".site-nav a[href='/kvalitetspremie/']").textContent()).toBe("Kvalitetspremie");
  });
});
