// Formula injection ("CSV injection"): a text cell that starts with =, +, -, @, tab or CR is read as a
// formula by spreadsheet programs. Every CSV people download (files with a BOM: /data/*.csv, chart and
// report CSVs, the explorer's CSV) gets a leading apostrophe on such cells; numbers are never touched.
import { describe, expect, it } from "vitest";
import { formulaSafe, parseCsv, toCsv } from "../../src/pipeline/csv";
import { toCsv as explorerCsv } from "../../src/client/explorer/download";

const HOSTILE = ['=HYPERLINK("http://evil.example","klicka")', "+SUM(1;2)", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"];

describe("CSV formula injection", () => {
  it("neutralises text cells in download CSVs (BOM) but never numbers", () => {
    const csv = toCsv(["namn", "varde"], [...HOSTILE.map((h) => [h, -1.5]), ["Ale", 0]], { bom: true, eol: "\r\n" });
    const rows = parseCsv(csv).slice(1);
    expect(rows.map((r) => r[0])).toEqual([...HOSTILE.map((h) => `'${h}`), "Ale"]);
    expect(rows.map((r) => r[1])).toEqual([...HOSTILE.map(() => "-1.5"), "0"]);
  });

  it("keeps our own round-trip files (no BOM) verbatim unless asked", () => {
    expect(parseCsv(toCsv(["a"], [["=1+1"]]))[1]).toEqual(["=1+1"]);
    expect(parseCsv(toCsv(["a"], [["=1+1"]], { formulaSafe: true }))[1]).toEqual(["'=1+1"]);
    expect(formulaSafe(-3)).toBe(-3);
    expect(formulaSafe("Upplands Väsby")).toBe("Upplands Väsby");
  });

  it("neutralises the explorer's CSV download too", () => {
    const csv = explorerCsv({ columns: [{ name: "kommun", kind: "text" }, { name: "v", kind: "score" }], rows: HOSTILE.map((h) => [h, -2]) });
    const rows = parseCsv(csv).slice(1);
    expect(rows.map((r) => r[0])).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(rows.every((r) => r[1] === "-2")).toBe(true);
  });
});
