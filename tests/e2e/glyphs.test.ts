// Every character a reader sees is in the site font (Atkinson Hyperlegible, latin subset): a missing glyph
// shows as an empty box, or in another font, on a machine without fallback fonts, and in the PNGs and PDFs,
// which are drawn with the font file only. The page texts (including SVG chart text) of one page of each
// kind are checked against the font's character set (src/charts/fontMetrics.ts, read from the font file).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADVANCE_400, ADVANCE_700 } from "../../src/charts/fontMetrics";
import { startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const PAGES = [
  "/", "/rankning/", "/rankning/forandring/", "/kommun/2584/", "/kommun/2422/", "/kommun/0180/rapport/", "/metod/", "/data/",
  "/jamfor/?k=2584,0687,0180", "/kvalitet-och-kostnad/", "/tillganglighet/", "/utforska/", "/kvalitetspremie/",
  "/embed/kommun/2584/trend/",
];
const inFont = (cp: number) => cp in ADVANCE_400 && cp in ADVANCE_700;

describe("glyphs", () => {
  it("uses only characters the site font has, on every kind of page", async () => {
    const page = await h.newPage();
    const missing: string[] = [];
    for (const p of PAGES) {
      await page.goto(`${h.url}${p}`);
      const text = await page.evaluate(() => document.body.innerText + " " +
        [...document.querySelectorAll("svg text, svg title")].map((e) => e.textContent ?? "").join(" "));
      const bad = [...new Set([...text].filter((ch) => !/\s/.test(ch) && !inFont(ch.codePointAt(0)!)))];
      if (bad.length) missing.push(`${p}: ${bad.map((ch) => `${ch} U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`).join(", ")}`);
    }
    expect(missing).toEqual([]);
  }, 120_000);
});
