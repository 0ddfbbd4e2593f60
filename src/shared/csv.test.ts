import { describe, expect, it } from "vitest";
import { formulaSafe, neutraliseFormulas, quoteCsvField, toCsv } from "./csv";

describe("neutraliseFormulas", () => {
  it("prefixes an apostrophe to a cell that starts with a formula character", () => {
    for (const c of ["=", "+", "-", "@", "\t", "\r", "\n"]) expect(neutraliseFormulas(`${c}1+1`)).toBe(`'${c}1+1`);
  });

  it("neutralises every ;- tab- or line-separated segment (Swedish Excel splits on ;)", () => {
    expect(neutraliseFormulas("Hemtjänst Öst;=1+1")).toBe("Hemtjänst Öst;'=1+1");
    expect(neutraliseFormulas("a;b;@SUM(A1);-2")).toBe("a;b;'@SUM(A1);'-2");
    expect(neutraliseFormulas("a\t=1")).toBe("a\t'=1");
    expect(neutraliseFormulas("a\n+1\r=2")).toBe("a\n'+1\r'=2");
    // A tab that starts a segment is itself neutralised, and so is what follows it.
    expect(neutraliseFormulas("a;\t=1")).toBe("a;'\t'=1");
    // Leading spaces do not hide a formula.
    expect(neutraliseFormulas("a;  =1")).toBe("a;'  =1");
  });

  it("leaves ordinary text alone", () => {
    for (const s of ["Upplands Väsby", "Hemtjänst Öst", "Omsorg i Norr AB", "0180;1480", "a - b", "x=y", "", "Vård & omsorg; Syd"]) {
      expect(neutraliseFormulas(s)).toBe(s);
    }
  });

  it("never touches numbers or other types", () => {
    expect(formulaSafe(-3)).toBe(-3);
    expect(formulaSafe(null)).toBe(null);
    expect(formulaSafe(true)).toBe(true);
    expect(formulaSafe("-3")).toBe("'-3");
  });
});

describe("toCsv", () => {
  it("neutralises header and text cells in files with a BOM, quotes per RFC 4180", () => {
    const csv = toCsv(["=namn", "värde"], [["A;=1+1", -1.5], ['Sa "x", y', 2]], { bom: true, eol: "\r\n" });
    expect(csv).toBe('\ufeff\'=namn,värde\r\nA;\'=1+1,-1.5\r\n"Sa ""x"", y",2\r\n');
  });

  it("writes our own round-trip files verbatim unless asked", () => {
    expect(toCsv(["a"], [["=1"]])).toBe("a\n=1\n");
    expect(toCsv(["a"], [["=1"]], { formulaSafe: true })).toBe("a\n'=1\n");
  });

  it("quotes by the chosen delimiter", () => {
    expect(quoteCsvField("a;b", ";")).toBe('"a;b"');
    expect(quoteCsvField("a;b")).toBe("a;b");
    expect(toCsv(["a", "b"], [["x;y", 1]], { delimiter: ";" })).toBe('a;b\n"x;y";1\n');
  });
});
