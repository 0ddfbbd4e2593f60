import { describe, expect, it } from "vitest";
import { classifyUpload, decodeUpload, detectDelimiter, parseCustomerFile, parseProviderFile, parseSwedishNumber } from "./parseInput";
import { prepareInput } from "./prepare";

const HEADER = "utforare;regi;utforda_timmar;andel_kunder_inom_riktvarde;andel_timmar_timavlonade;andel_utbildade;andel_underskoterskor";

describe("parseSwedishNumber", () => {
  it("reads decimal comma or point, spaces, % and U+2212", () => {
    expect(parseSwedishNumber("90,5")).toBe(90.5);
    expect(parseSwedishNumber("90.5")).toBe(90.5);
    expect(parseSwedishNumber(" 1 234,5 ")).toBe(1234.5);
    expect(parseSwedishNumber("1\u00a0234")).toBe(1234);
    expect(parseSwedishNumber("22 %")).toBe(22);
    expect(parseSwedishNumber("\u22123")).toBe(-3);
    for (const bad of ["abc", "1.234,5", "1,234.5", "", "--1", "1e3"]) expect(parseSwedishNumber(bad), bad).toBe(null);
  });
});

describe("parseProviderFile", () => {
  it("reads ; with decimal comma and a BOM", () => {
    const r = parseProviderFile(`\ufeff${HEADER}\r\nOmsorg Alfa;enskild;1 200,5;91,5;20;80;25\r\nHemtjänst Öst;Kommunal;800;88;30,5;70;10\r\n`);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { row: 2, utforare: "Omsorg Alfa", regi: "enskild", utforda_timmar: 1200.5, andel_kunder_inom_riktvarde: 91.5, andel_timmar_timavlonade: 20, andel_utbildade: 80, andel_underskoterskor: 25 },
      { row: 3, utforare: "Hemtjänst Öst", regi: "kommunal", utforda_timmar: 800, andel_kunder_inom_riktvarde: 88, andel_timmar_timavlonade: 30.5, andel_utbildade: 70, andel_underskoterskor: 10 },
    ]);
  });

  it("reads , with decimal point, quoted names containing ; and , and an empty regi", () => {
    const text = `${HEADER.replaceAll(";", ",")}\n"Omsorg; Alfa, AB",,100,90.0,22,80,20\n`;
    expect(detectDelimiter(text)).toBe(",");
    const r = parseProviderFile(text);
    expect(r.problems).toEqual([]);
    expect(r.rows[0].utforare).toBe("Omsorg; Alfa, AB");
    expect(r.rows[0].regi).toBe(null);
  });

  it("names the row (header = 1) and column of every problem, one message each", () => {
    const text = [HEADER, "A;enskild;100;90;22;80;20", "B;privat;100;105;22;x;20", "", "C;enskild;;90;22;80;20", "A;enskild;1;1;1;1;1"].join("\n");
    const r = parseProviderFile(text);
    expect(r.problems.map((p) => p.message)).toEqual([
      "Rad 3, kolumn regi: ”privat” ska vara kommunal eller enskild (eller tomt).",
      "Rad 3, kolumn andel_kunder_inom_riktvarde: 105 ligger utanför 0–100 (andel i procent).",
      "Rad 3, kolumn andel_utbildade: ”x” är inte ett tal.",
      "Rad 5, kolumn utforda_timmar: värdet saknas.",
      "Rad 6, kolumn utforare: ”A” finns redan på rad 2.",
    ]);
    expect(r.badRows).toEqual([3, 5, 6]);
    expect(r.rows.map((x) => x.utforare)).toEqual(["A"]);
  });

  it("counts lines inside quoted fields so row numbers match the file", () => {
    const r = parseProviderFile(`${HEADER}\n"Namn med\nradbrytning";enskild;1;1;1;1;1\nB;enskild;1;1;1;1;abc\n`);
    expect(r.problems.map((p) => p.message)).toEqual(["Rad 4, kolumn andel_underskoterskor: ”abc” är inte ett tal."]);
  });

  it("stops at a missing column, a wrong width and an empty file", () => {
    const missing = parseProviderFile("utforare;utforda_timmar\nA;1\n");
    expect(missing.problems.every((p) => p.fatal && p.row === 1)).toBe(true);
    expect(missing.problems.map((p) => p.column)).toEqual(["andel_kunder_inom_riktvarde", "andel_timmar_timavlonade", "andel_utbildade", "andel_underskoterskor"]);
    expect(parseProviderFile(`${HEADER}\nA;enskild;1;2\n`).problems[0].message).toMatch(/^Rad 2: raden har 4 fält men rubrikraden har 7/);
    expect(parseProviderFile("").problems[0].message).toMatch(/^Rad 1: filen är tom/);
    expect(parseProviderFile(`${HEADER}\n`).problems[0].message).toMatch(/inga rader/);
  });

  it("accepts headers typed by hand (Utförare, Utförda timmar)", () => {
    const r = parseProviderFile("Utförare;Regi;Utförda timmar;Andel kunder inom riktvärde;Andel timmar timavlönade;Andel utbildade;Andel undersköterskor\nA;;1;2;3;4;5\n");
    expect(r.problems).toEqual([]);
  });
});

describe("parseCustomerFile", () => {
  it("reads customers and refuses fractional staff counts and duplicates", () => {
    const r = parseCustomerFile("utforare;kund;timmar_per_manad;antal_personal\nA;1;12,5;4\nA;2;30;4,5\nA;1;3;3\n");
    expect(r.rows).toEqual([{ row: 2, utforare: "A", kund: "1", timmar_per_manad: 12.5, antal_personal: 4 }]);
    expect(r.problems.map((p) => p.message)).toEqual([
      "Rad 3, kolumn antal_personal: 4,5 är inte ett heltal.",
      "Rad 4, kolumn kund: kunden ”1” hos ”A” finns redan på rad 2.",
    ]);
  });
});

describe("prepareInput", () => {
  const providers = [HEADER, "A;enskild;100;;22;80;20", "B;enskild;100;95;50;80;20", "C;kommunal;100;;0;0;0"].join("\n");
  const customers = "utforare;kund;timmar_per_manad;antal_personal\nA;1;20;4\nA;2;20;6\nX;3;20;8\n";

  it("computes nothing from a partly bad file, and names every problem across both files", () => {
    const out = prepareInput({ providers, customers });
    expect(out.prepared).toBe(null);
    expect(out.fatal).toBe(false);
    expect(out.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      "utforare: Rad 4, kolumn andel_kunder_inom_riktvarde: värdet saknas och kundfilen har inga kunder hos ”C”.",
      "kunder: Rad 4, kolumn utforare: utföraren ”X” finns inte i utförarfilen.",
    ]);
  });

  it("skips the named rows only when asked; the customer share replaces the file's", () => {
    const out = prepareInput({ providers, customers }, { skipBadRows: true });
    expect(out.prepared!.providers.map((p) => p.utforare)).toEqual(["A", "B"]);
    expect(out.prepared!.skipped).toEqual([{ file: "utforare", row: 4 }, { file: "kunder", row: 4 }]);
    // Band 10–59 without the skipped customer: staff 4, 6 → median 5; A: 4 ≤ 5, 6 > 5 → 50 %.
    expect(out.prepared!.shares!.get("A")).toBe(50);
  });

  it("never skips a missing column", () => {
    const out = prepareInput({ providers: "utforare\nA\n" }, { skipBadRows: true });
    expect(out.fatal).toBe(true);
    expect(out.prepared).toBe(null);
  });
});

describe("decodeUpload and classifyUpload", () => {
  it("accepts UTF-8 with or without BOM and refuses Windows-1252 with a clear message", () => {
    expect(decodeUpload(new TextEncoder().encode("\ufeffå;ö"))).toEqual({ text: "å;ö" });
    expect(decodeUpload(new Uint8Array([0x76, 0xe5, 0x72, 0x64]))).toEqual({ error: expect.stringContaining("UTF-8") });
  });

  it("tells the customer file from the provider file by its header", () => {
    expect(classifyUpload("utforare;kund;timmar_per_manad;antal_personal\n")).toBe("kunder");
    expect(classifyUpload(`${HEADER}\n`)).toBe("utforare");
  });
});
