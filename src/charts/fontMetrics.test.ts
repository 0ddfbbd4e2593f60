// The site font: the committed width table is the font file's (so measuring = drawing), the WOFF unpacks
// to a font resvg draws with and no system font is needed, and PNG text comes out in that font.
import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { siteFontFiles, fontWoffPath } from "./fontFiles";
import { ADVANCE_400, ADVANCE_700, UNITS_PER_EM, FONT_FAMILY_NAME } from "./fontMetrics";
import { advanceTable } from "./fontMetricsSource";
import { fontFamily, textWidth } from "./layout";
import { woffToSfnt } from "./woff";

describe("site font metrics", () => {
  it("the committed width table equals the installed font's advance widths (re-run scripts/font-metrics.ts if not)", () => {
    const r = advanceTable(400);
    const b = advanceTable(700);
    expect(UNITS_PER_EM).toBe(r.unitsPerEm);
    expect(ADVANCE_400).toEqual(r.widths);
    expect(ADVANCE_700).toEqual(b.widths);
  });

  it("covers Swedish letters, the minus sign, the en dash and digits", () => {
    for (const ch of "åäöÅÄÖé−–0123456789%,") expect(ADVANCE_400[ch.codePointAt(0)!], ch).toBeGreaterThan(0);
  });

  it("measures text from those widths: 'Åre' at 10 px is the sum of its advances; bold is wider", () => {
    const expected = (ADVANCE_400[0xc5] + ADVANCE_400[0x72] + ADVANCE_400[0x65]) / UNITS_PER_EM * 10;
    expect(textWidth("Åre", 10)).toBeCloseTo(expected, 10);
    expect(textWidth("Hemtjänst", 12, true)).toBeGreaterThan(textWidth("Hemtjänst", 12));
    // Thin no-break spaces are measured like the no-break space they are drawn as.
    expect(textWidth("12\u202F345", 10)).toBeCloseTo(textWidth("12\u00A0345", 10), 10);
    expect(fontFamily.startsWith(`'${FONT_FAMILY_NAME}'`)).toBe(true);
  });
});

describe("woffToSfnt and PNG text", () => {
  it("unpacks the WOFF to an OpenType file with the same tables", () => {
    const woff = readFileSync(fontWoffPath(400));
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12)); // numTables
    expect(sfnt.length).toBe(woff.readUInt32BE(16)); // WOFF header: totalSfntSize
  });

  it("resvg draws text with the site font alone (no system fonts), and the drawn width matches the measured one", () => {
    const text = "Hemtjänst i Åre";
    const size = 40;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60"><text x="0" y="45" font-size="${size}" font-family="${fontFamily.replace(/"/g, "&quot;")}">${text}</text></svg>`;
    const img = new Resvg(svg, { background: "#ffffff", font: { loadSystemFonts: false, fontFiles: siteFontFiles(), defaultFontFamily: FONT_FAMILY_NAME } }).render();
    const px = img.pixels;
    let right = -1;
    let dark = 0;
    for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      if (px[i] < 128) { dark++; right = Math.max(right, x); }
    }
    expect(dark).toBeGreaterThan(500);
    // The ink ends within a few px of the advance width (the last glyph's side bearing).
    expect(Math.abs(right + 1 - textWidth(text, size))).toBeLessThan(6);
  });
});
