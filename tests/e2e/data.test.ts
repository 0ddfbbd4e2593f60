// /data/: the downloads exist and hold what the page says (CSV with BOM and the documented header,
// one row per municipality and published year, XLSX with real numbers, Parquet copies matching the
// manifest), and the page lists sources and licences.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/pipeline/csv";
import { loadBuildData, type BuildData } from "../../src/site-data/load";
import { provenanceFiles, readProvenance } from "../../src/site-data/downloads";
import { ROOT, horizontalOverflow, seriousAxeViolations, startHarness, type Harness } from "./harness";

let h: Harness;
let data: BuildData;
beforeAll(async () => { h = await startHarness(); data = await loadBuildData(); });
afterAll(async () => { await h?.close(); });

const get = async (path: string) => {
  const r = await fetch(`${h.url}${path}`);
  expect(r.status, path).toBe(200);
  return new Uint8Array(await r.arrayBuffer());
};
const years = () => [...new Set(data.scores.map((s) => s.year))].sort();

describe("downloads", () => {
  it("rankning.csv: BOM, documented header, 290 × published years rows matching the model", async () => {
    const bytes = await get("/data/rankning.csv");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes)).filter((r) => r.length > 1);
    expect(header).toEqual(["ar", "kommunkod", "kommun", "rang", "totalindex", "information", "bistandshandlaggning",
      "utforande", "stod_och_utveckling", "resultatgrupp", "tackning", "rang_lag", "rang_hog", "saknade_indikatorer"]);
    expect(rows).toHaveLength(290 * years().length);
    expect([...new Set(rows.map((r) => Number(r[0])))]).toEqual(years());
    const stockholm = rows.find((r) => r[0] === String(years().at(-1)) && r[1] === "0180")!;
    const s = data.scores.find((x) => x.year === years().at(-1) && x.municipality === "0180" &&
      x.weight_set === "seniorernas-prioritering" && x.missing_rule === "riksmedian")!;
    expect(stockholm[2]).toBe("Stockholm");
    expect(Number(stockholm[3])).toBe(s.rank);
    expect(Number(stockholm[4])).toBe(s.total);
    expect(Number(stockholm[10])).toBe(s.coverage);
  });

  it("effektiva-vikter.csv: BOM, ';', exact header, nominal and effective weights summing to 1 per year and set", async () => {
    const bytes = await get("/data/effektiva-vikter.csv");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes).replace(/^\ufeff/, ""), ";").filter((r) => r.length > 1);
    expect(header).toEqual(["ar", "viktset", "indikator", "nominell_vikt", "andel_av_variansen"]);
    const groups = new Map<string, [number, number]>();
    for (const r of rows) {
      const [a, b] = groups.get(`${r[0]}|${r[1]}`) ?? [0, 0];
      groups.set(`${r[0]}|${r[1]}`, [a + Number(r[3]), b + Number(r[4])]);
    }
    expect(groups.size).toBe(years().length * 2);
    for (const [nominal, share] of groups.values()) {
      expect(nominal).toBeCloseTo(1, 4);
      expect(share).toBeCloseTo(1, 4);
    }
  });

  it("varden.csv: BOM, header, only raw values of published years, equal to values.parquet", async () => {
    const bytes = await get("/data/varden.csv");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes)).filter((r) => r.length > 1);
    expect(header).toEqual(["ar", "kommunkod", "kpi", "kon", "varde", "kalla"]);
    expect(rows.length).toBeGreaterThan(10_000);
    expect(new Set(rows.map((r) => Number(r[0])))).toEqual(new Set(years()));
    const index = new Map(data.values.map((v) => [`${v.year}|${v.municipality}|${v.kpi}|${v.gender}`, v.value]));
    for (const r of rows.filter((_, i) => i % 997 === 0)) expect(Number(r[4])).toBe(index.get(`${r[0]}|${r[1]}|${r[2]}|${r[3]}`));
    expect(rows.some((r) => r[2] === "U21468" && r[1] === "0000")).toBe(true);
    expect(new Set(rows.map((r) => r[5]))).toContain("Kolada");
  });

  it("XLSX files open with real numbers, number formats and the same rows as the CSV", async () => {
    for (const [file, expected] of [["rankning", 290 * years().length], ["varden", null]] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await get(`/data/${file}.xlsx`)).buffer as ArrayBuffer);
      const ws = wb.worksheets[0];
      if (expected !== null) expect(ws.rowCount - 1).toBe(expected);
      const row = ws.getRow(2);
      const numeric = row.getCell(file === "rankning" ? 5 : 5);
      expect(typeof numeric.value).toBe("number");
      expect(wb.getWorksheet("Kolumner")).toBeDefined();
    }
  });

  it("Parquet copies under content-hashed names are byte-equal to the build and listed on the page", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/data/`);
    const hrefs = await page.locator("a[href$='.parquet']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const parquetFiles = data.manifest.files.filter((f) => f.file.endsWith(".parquet"));
    expect(hrefs).toHaveLength(parquetFiles.length);
    for (const f of parquetFiles) {
      const href = hrefs.find((x) => x.startsWith(`/data/${f.file.replace(".parquet", "")}.`))!;
      expect(href).toBe(`/data/${f.file.replace(".parquet", "")}.${f.sha256.slice(0, 8)}.parquet`);
      const bytes = await get(href);
      expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe("PAR1");
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(f.sha256);
    }
    const manifest = JSON.parse(new TextDecoder().decode(await get("/data/manifest.json")));
    expect(manifest.data_version).toBe(data.manifest.data_version);
  });

  it("the page lists every source with licence and credit, links the provenance notes and documents the columns", async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/data/`);
    const sources = await page.locator("section[aria-labelledby='kallor'] tbody").textContent();
    for (const s of data.manifest.sources) {
      expect(sources).toContain(s.name);
      expect(sources).toContain(s.licence);
    }
    expect(sources).toContain("CC0");
    const provenance = await page.locator("a[href^='/data/kallor/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(provenance.length).toBeGreaterThanOrEqual(2);
    const notes = provenanceFiles(ROOT);
    expect(provenance).toEqual(notes.map((n) => n.href));
    for (const note of notes) expect(new TextDecoder().decode(await get(note.href))).toBe(readProvenance(note));
    for (const col of ["tackning", "rang_lag", "kalla", "kon"]) expect(await page.locator(`code:text-is("${col}")`).count()).toBe(1);
    for (const href of ["/data/rankning.csv", "/data/varden.csv", "/data/rankning.xlsx", "/data/varden.xlsx"]) {
      expect(await page.locator(`a[href="${href}"]`).count()).toBe(1);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    const small = await h.newPage({ width: 375, height: 800 });
    await small.goto(`${h.url}/data/`);
    expect(await horizontalOverflow(small)).toBeLessThanOrEqual(0);
    expect(h.foreignRequests).toEqual([]);
  });
});
