// The PDF post-processing (fixed dates, stable structure ids) and the text reader used by the tests,
// on constructed PDF fragments; the cache's key and store; the deterministic ZIP.
import { strFromU8, unzipSync } from "fflate";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cachedKey, isCached, packageKey, storePackage } from "./cache";
import { fixPdfDates, footerCss, normaliseStructIds, supportsMarginBoxes } from "./pdf";
import { contentText, parseToUnicode } from "./pdfInspect";
import { deterministicZip } from "./zip";

describe("PDF post-processing", () => {
  it("fixes the dates without changing the length", () => {
    const pdf = Buffer.from("<</CreationDate (D:20261125070102+00'00')\n/ModDate (D:20261125070102+00'00')>>", "latin1");
    const out = fixPdfDates(pdf);
    expect(out.length).toBe(pdf.length);
    expect(out.toString("latin1")).toBe("<</CreationDate (D:20000101000000+00'00')\n/ModDate (D:20000101000000+00'00')>>");
  });

  it("renumbers structure ids in order, at the same width, everywhere they occur", () => {
    const pdf = Buffer.from("/ID (node00221822) /ID (node00000931) /Names [(node00000931) 5 0 R (node00221822) 6 0 R]", "latin1");
    const out = normaliseStructIds(pdf).toString("latin1");
    expect(out).toBe("/ID (node00000002) /ID (node00000001) /Names [(node00000001) 5 0 R (node00000002) 6 0 R]");
    expect(out.length).toBe(pdf.length);
  });

  it("numbers structure ids by the element they name, not by Chromium's lazily assigned node ids", () => {
    // Two prints of one page: the same elements (objects 90, 94, 102), raw ids in a different order.
    const print = (a: string, b: string, c: string) => Buffer.from(
      `90 0 obj <</S /TH /ID (node${a})>> 94 0 obj <</S /TH /ID (node${b})>> 102 0 obj <</S /TD /Headers [(node${a}) (node${b})] /ID (node${c})>> ` +
      `<</Limits [(node${[a, b, c].sort()[0]}) (node${[a, b, c].sort()[2]})] /Names [${[[a, 90], [b, 94], [c, 102]].sort().map(([id, o]) => `(node${id}) ${o} 0 R`).join(" ")}]>>`, "latin1");
    const one = print("00000001", "00000002", "00000003"), two = print("00000006", "00000001", "00000002");
    expect(normaliseStructIds(two).toString("latin1")).toBe(normaliseStructIds(one).toString("latin1"));
    expect(normaliseStructIds(two).length).toBe(two.length);
    expect(normaliseStructIds(two).toString("latin1")).toContain("/Limits [(node00000001) (node00000003)] /Names [(node00000001) 90 0 R (node00000002) 94 0 R (node00000003) 102 0 R]");
  });
});

describe("PDF footer", () => {
  it("sets the footer in page-margin boxes, in the site font, with the page number and a quoted, escaped text", () => {
    const css = footerCss('Hemtjänsten i "Å" 2022 \\ Hemtjänstkollen');
    expect(css).toContain('@bottom-left { content: "Hemtjänsten i \\"Å\\" 2022 \\\\ Hemtjänstkollen";');
    expect(css).toContain('@bottom-right { content: "Sida " counter(page) " av " counter(pages);');
    expect(css.match(/font-family: "Atkinson Hyperlegible"/g)).toHaveLength(2);
  });
  it("uses margin boxes from Chromium 131 on", () => {
    expect(supportsMarginBoxes("153.0.8010.0")).toBe(true);
    expect(supportsMarginBoxes("131.0.1")).toBe(true);
    expect(supportsMarginBoxes("130.0.6723.116")).toBe(false);
  });
});

describe("PDF text reader", () => {
  const cmap = "1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
    "2 beginbfchar <0003> <0020> <0084> <00E4> endbfchar\n1 beginbfrange <0024> <0026> <0041> endbfrange\n";

  it("reads bfchar and bfrange entries", () => {
    const { map, bytes } = parseToUnicode(cmap);
    expect(bytes).toBe(2);
    expect([map.get(3), map.get(0x84), map.get(0x24), map.get(0x26)]).toEqual([" ", "ä", "A", "C"]);
  });

  it("joins glyphs placed one by one and separates runs that jump", () => {
    const fonts = new Map([["F1", parseToUnicode(cmap)]]);
    const content = "BT /F1 12 Tf 1 0 0 -1 10 40 Tm <0024> Tj 8 0 Td <0084> Tj 8 0 Td <0003> Tj 4 0 Td <0025> Tj ET " +
      "BT /F1 12 Tf 1 0 0 -1 10 60 Tm <00240025> Tj ET";
    expect(contentText(content, fonts)).toBe("Aä B AB");
  });
});

describe("cache and ZIP", () => {
  it("keys change with any input and the store is found again", () => {
    const a = packageKey("fp", ["view", Buffer.from("html")]);
    expect(packageKey("fp", ["view", Buffer.from("html")])).toBe(a);
    expect(packageKey("fp", ["view2", Buffer.from("html")])).not.toBe(a);
    expect(packageKey("fp2", ["view", Buffer.from("html")])).not.toBe(a);
    const dir = mkdtempSync(path.join(tmpdir(), "htk-report-cache-"));
    try {
      storePackage(dir, "0180", a, { "data.xlsx": new Uint8Array([1, 2]), "tabeller/x.csv": new Uint8Array([3]) });
      expect(cachedKey(dir, "0180")).toBe(a);
      expect(isCached(dir, "0180", a, ["data.xlsx", "tabeller/x.csv"])).toBe(true);
      expect(isCached(dir, "0180", a, ["data.xlsx", "rapport.pdf"])).toBe(false);
      expect(isCached(dir, "0180", "other", ["data.xlsx"])).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes the same ZIP for the same files in any order", () => {
    const files = { "b.csv": new TextEncoder().encode("x,y\r\n"), "a.pdf": new Uint8Array([37, 80, 68, 70]) };
    const z1 = deterministicZip(files);
    const z2 = deterministicZip({ "a.pdf": files["a.pdf"], "b.csv": files["b.csv"] });
    expect(Buffer.compare(Buffer.from(z1), Buffer.from(z2))).toBe(0);
    const back = unzipSync(z1);
    expect(Object.keys(back)).toEqual(["a.pdf", "b.csv"]);
    expect(strFromU8(back["b.csv"])).toBe("x,y\r\n");
  });
});
