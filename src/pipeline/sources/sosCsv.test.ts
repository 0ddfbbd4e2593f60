import { describe, expect, it } from "vitest";
import { decodeCsv, headerKey, municipalityCode, parseCount, parseNumber, parseShare, providerType, splitCsv } from "./sosCsv";

describe("sosCsv helpers", () => {
  it("splits quoted fields, doubled quotes, CRLF and reports the physical start row", () => {
    const lines = splitCsv('a;"b;c"\r\n"multi\nline";"say ""hi"""\nx;"open', ";");
    expect(lines.map((l) => [l.row, l.fields, l.unterminated])).toEqual([
      [1, ["a", "b;c"], false],
      [2, ["multi\nline", 'say "hi"'], false],
      [4, ["x", "open"], true],
    ]);
  });

  it("decodes UTF-8 with BOM and falls back to Windows-1252", () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa5]))).toBe("å");
    expect(decodeCsv(new Uint8Array([0xe5, 0x3b, 0xf6]))).toBe("å;ö");
  });

  it("parses Swedish and English numbers and flags bad ones", () => {
    expect(parseNumber("85,3")).toEqual({ value: 85.3, status: null });
    expect(parseNumber("1 234")).toEqual({ value: 1234, status: null });
    expect(parseNumber("\u22122,5")).toEqual({ value: -2.5, status: null });
    expect(parseNumber("85.3 %")).toEqual({ value: 85.3, status: null });
    expect(parseNumber("..")).toEqual({ value: null, status: "suppressed" });
    expect(parseNumber("")).toEqual({ value: null, status: "missing" });
    expect(parseNumber("85,3,1")).toHaveProperty("error");
    expect(parseShare("100,1")).toEqual({ error: "share 100,1 is outside 0–100" });
    expect(parseCount("12,5")).toHaveProperty("error");
    expect(parseCount("<5")).toEqual({ value: null, status: "suppressed" });
  });

  it("normalises header names, codes and regi", () => {
    expect(headerKey(" Verksamhets-ID ")).toBe("verksamhetsid");
    expect(municipalityCode("180")).toBe("0180");
    expect(municipalityCode("Stockholm (0180)")).toBe("0180");
    expect(municipalityCode("Stockholm")).toBeNull();
    expect(providerType("Enskild regi")).toBe("privat");
    expect(providerType("Offentlig")).toBe("kommunal");
    expect(providerType("Kooperativ")).toBeNull();
  });
});
