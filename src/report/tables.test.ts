// Sheet and CSV builders on a hand-made report view: every number is the model's number, unrounded, and
// the Excel workbook reads back with the same numbers, number formats, frozen headers and widths.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { tableCsv } from "./csv";
import { TABLE_FILES } from "./files";
import { indicatorTable, priorityTable, reportTables, subIndexTable, summaryTable } from "./tables";
import { peersTable, trendTable, unitsTable } from "./tablesMore";
import { fixtureReport } from "./testFixture";
import { HEADER_ROW, numberFormat, reportWorkbook } from "./xlsx";

const r = fixtureReport();
const cells = (t: ReturnType<typeof summaryTable>) => t.rows.map((x) => x.cells);

describe("table builders", () => {
  it("gives one table per file, in sheet order, with unique ids and sheet names ≤ 31 characters", () => {
    const tables = reportTables(r);
    expect(tables.map((t) => t.id)).toEqual(TABLE_FILES.map((f) => f.id));
    expect(new Set(tables.map((t) => t.sheet)).size).toBe(tables.length);
    for (const t of tables) expect(t.sheet.length).toBeLessThanOrEqual(31);
    for (const t of tables) for (const c of t.columns) expect(c.key).toMatch(/^[a-z0-9_]+$/);
  });

  it("summary holds the total, rank, interval, group and coverage as numbers", () => {
    const byName = new Map(cells(summaryTable(r)).map((c) => [c.uppgift, c.varde]));
    expect(byName.get("Totalindex")).toBe(68.2);
    expect(byName.get("Placering")).toBe(148);
    expect(byName.get("Placering, bästa i osäkerhetsintervallet (90 %)")).toBe(134);
    expect(byName.get("Placering, sämsta i osäkerhetsintervallet (90 %)")).toBe(161);
    expect(byName.get("Det viktigaste: budskap 3")).toContain("ungefär oförändrad");
    expect(byName.get("Resultatgrupp")).toBe("Nära medel");
    expect(byName.get("Täckning (andel av vikten med värden)")).toBe(0.7);
    expect(byName.get("Delindex Biståndshandläggning")).toBeNull();
    expect(byName.get("Kommunkod")).toBe("0180");
  });

  it("sub-indices: difference to the peers by hand (74,5 − 72,2 = 2,3; missing stays empty)", () => {
    const rows = cells(subIndexTable(r));
    expect(rows.find((x) => x.delindex_id === "utforande")).toMatchObject({ kommun: 74.5, liknande_median: 72.2, skillnad_mot_liknande: 2.3, vikt: 0.4 });
    expect(rows.find((x) => x.delindex_id === "bistandshandlaggning")!.skillnad_mot_liknande).toBeNull();
  });

  it("indicators: raw values, scores, best peer and weighted gap (U21468: (88 − 83) × 0,25 = 1,25)", () => {
    const t = indicatorTable(r);
    const rows = cells(t);
    expect(rows.find((x) => x.indikator_id === "U21468")).toMatchObject({ varde: 83, poang: 83, basta_liknande_poang: 88, viktad_skillnad_mot_basta: 1.25, saknas: "nej", kalla: "Kolada" });
    // U21465: the best peer (60) is below the municipality (61): no gap.
    expect(rows.find((x) => x.indikator_id === "U21465")!.viktad_skillnad_mot_basta).toBeNull();
    expect(rows.find((x) => x.indikator_id === "U21432")).toMatchObject({ varde: null, poang: null, saknas: "ja", kalla: "Senior alert via Kolada" });
    expect(rows.find((x) => x.indikator_id === "U21401")).toMatchObject({ varde: 14.5, vardetyp: "antal", lagre_ar_battre: "ja" });
    const coded = t.rows.find((x) => x.cells.indikator_id === "U21341")!;
    expect(coded.kinds?.varde).toBe("coded");
  });

  it("priorities, peers, units and trend carry the view's numbers", () => {
    expect(cells(priorityTable(r)).map((x) => [x.prioritet, x.indikator_id, x.viktad_skillnad, x.basta_liknande_kommun])).toEqual([
      [1, "U21341", 10, "Bestad"], [2, "U21468", 1.25, "Bestad"],
    ]);
    expect(cells(peersTable(r)).map((x) => [x.kommun, x.egen_kommun, x.totalindex])).toEqual([
      ["Bestad", "nej", 72], ["Åstad", "ja", 68.2], ["Cestad", "nej", 60.1],
    ]);
    const units = cells(unitsTable(r));
    expect(units[0]).toMatchObject({ enhet_id: "EX-0180-01", index: 70.1, rang: 1, andel_u21468: 84.4, exempeldata: "ja", fa_svarande: "nej" });
    expect(units[1]).toMatchObject({ rang: null, fa_svarande: "ja", regi: "enskild" });
    expect(unitsTable(r).title).toContain("Exempeldata");
    expect(cells(trendTable(r)).map((x) => [x.ar, x.totalindex, x.rang, x.forandring])).toEqual([
      [2019, 60, 178, null], [2020, 65.5, 160, 18], [2022, 68.2, 148, 12],
    ]);
  });
});

describe("CSV", () => {
  it("starts with a BOM, uses CRLF, machine column names and raw numbers", () => {
    const csv = tableCsv(indicatorTable(r));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0].split(",").slice(0, 4)).toEqual(["delindex", "indikator_id", "indikator", "ar"]);
    expect(lines.find((l) => l.includes("U21401"))).toContain(",14.5,");
    expect(lines.length).toBe(r.view.indicators.length + 2); // header + rows + trailing empty
  });
});

describe("Delindex sheet", () => {
  it("says a difference is clear only beyond max(3, the sub-index margin)", () => {
    const t = reportTables(r).find((x) => x.id === "delindex")!;
    const by = new Map(t.rows.map((x) => [x.cells.delindex_id, x.cells]));
    // Information 61 − 58 = 3, margin 2 → needs > 3: no. Stöd och utveckling 0 − 55.8, margin 0 → yes.
    expect(by.get("information")).toMatchObject({ skillnad_mot_liknande: 3, felmarginal: 2, tydlig_skillnad: "nej" });
    expect(by.get("stod_utveckling")).toMatchObject({ felmarginal: 0, tydlig_skillnad: "ja" });
    expect(by.get("bistandshandlaggning")).toMatchObject({ tydlig_skillnad: null });
  });
});

describe("Excel workbook", () => {
  it("reads back with the same numbers, Swedish-friendly formats, frozen headers and widths", async () => {
    const tables = reportTables(r);
    const bytes = await reportWorkbook(tables, "Test");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(tables.map((t) => t.sheet));
    for (const t of tables) {
      const ws = wb.getWorksheet(t.sheet)!;
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW });
      expect(ws.getRow(HEADER_ROW).getCell(1).value).toBe(t.columns[0].label);
      t.columns.forEach((c, i) => expect(ws.getColumn(i + 1).width).toBeGreaterThanOrEqual(8));
      t.rows.forEach((row, ri) => t.columns.forEach((c, ci) => {
        const v = ws.getRow(HEADER_ROW + 1 + ri).getCell(ci + 1).value;
        expect(v ?? null).toEqual(row.cells[c.key] ?? null);
      }));
    }
    const ind = wb.getWorksheet("Indikatorer")!;
    const col = (key: string) => tables.find((t) => t.id === "indikatorer")!.columns.findIndex((c) => c.key === key) + 1;
    const row = HEADER_ROW + 1 + r.view.indicators.findIndex((i) => i.id === "U21468");
    expect(typeof ind.getRow(row).getCell(col("poang")).value).toBe("number");
    expect(ind.getRow(row).getCell(col("poang")).numFmt).toBe("0.0");
    expect(ind.getRow(row).getCell(col("varde")).numFmt).toBe('0" %"');
    expect(ind.getRow(row).getCell(col("vikt")).numFmt).toBe("0.0%");
  });

  it("'Lär av' lists every clearly better municipality with margins and overall rank; headers are Swedish words", () => {
    const t = reportTables(r).find((x) => x.id === "lar-av")!;
    expect(t.sheet).toBe("Lär av");
    expect(t.rows.map((x) => x.cells)).toEqual([expect.objectContaining({
      indikator_id: "U21468", kommun: "Bestad", liknande: "ja", skillnad: 9, sammanlagd_felmarginal: 4, placering: 250, svag_totalt: "ja",
    })]);
    for (const table of reportTables(r)) for (const c of table.columns) expect(c.label, `${table.id}.${c.key}`).not.toMatch(/^(Id|Rang)\b|_/);
  });

  it("is byte-identical for identical input", async () => {
    const tables = reportTables(r);
    expect(Buffer.compare(await reportWorkbook(tables, "T"), await reportWorkbook(tables, "T"))).toBe(0);
  });

  it("number formats", () => {
    expect(numberFormat("int", 12345)).toBe("#,##0");
    expect(numberFormat("share", 82.4)).toBe('0.0" %"');
    expect(numberFormat("share01", 1)).toBe("0%");
    expect(numberFormat("year", 2022)).toBe("0");
  });
});
