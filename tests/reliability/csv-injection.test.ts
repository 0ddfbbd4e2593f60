// Formula injection ("CSV injection"): a text cell that starts with =, +, -, @, tab, CR or LF is read as a
// formula by spreadsheet programs, and Swedish Excel splits cells on ";". Every CSV people download (files
// with a BOM: /data/*.csv, chart and report CSVs, the explorer's and the premium tool's CSV) gets a leading
// apostrophe on every such segment, headers included; numbers are never touched. One implementation:
// src/shared/csv.ts.
import { describe, expect, it } from "vitest";
import { formulaSafe, parseCsv, toCsv } from "../../src/pipeline/csv";
import { toCsv as explorerCsv } from "../../src/client/explorer/download";

const HOSTILE = ['=HYPERLINK("http://evil.example","klicka")', "+SUM(1;2)", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "\nLF"];
// Unit and provider names as a hostile file might carry them, and what a spreadsheet must see.
const HOSTILE_NAMES: [string, string][] = [
  ["Hemtjänst Öst;=1+1", "Hemtjänst Öst;'=1+1"],
  ["Omsorg AB;@SUM(A1);+2", "Omsorg AB;'@SUM(A1);'+2"],
  ["Enhet\t=cmd|' /C calc'!A0", "Enhet\t'=cmd|' /C calc'!A0"],
  ["Vård\n-1+1", "Vård\n'-1+1"],
];

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

  it("neutralises every ;-, tab- or line-separated segment and the header (Swedish Excel)", () => {
    const csv = toCsv(["=enhet", "varde"], HOSTILE_NAMES.map(([n]) => [n, 1]), { bom: true, eol: "\r\n" });
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(["'=enhet", "varde"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(HOSTILE_NAMES.map(([, safe]) => safe));
    const explorer = parseCsv(explorerCsv({ columns: [{ name: "@enhet", kind: "text" }], rows: HOSTILE_NAMES.map(([n]) => [n]) }));
    expect(explorer.map((r) => r[0])).toEqual(["'@enhet", ...HOSTILE_NAMES.map(([, safe]) => safe)]);
  });
});
