import { describe, expect, it } from "vitest";
import { contentExtent, parsePgm } from "./pageFill";

/** A 10 × 100 white PGM with black rows at the given indexes. */
function pgm(inkRows: number[]): Uint8Array {
  const header = new TextEncoder().encode("P5\n# test\n10 100\n255\n");
  const pixels = new Uint8Array(10 * 100).fill(255);
  for (const y of inkRows) pixels.fill(0, y * 10, y * 10 + 10);
  return Uint8Array.from([...header, ...pixels]);
}

describe("page fill", () => {
  it("parses a binary PGM with a comment", () => {
    const p = parsePgm(pgm([50]));
    expect([p.width, p.height, p.pixels.length, p.pixels[500], p.pixels[0]]).toEqual([10, 100, 1000, 0, 255]);
  });

  it("measures how far down the content reaches, without the header and footer bands", () => {
    // Content area rows 6..92 (87 rows). Ink down to row 34 → (34 − 6 + 1) / 87 = 1/3.
    expect(contentExtent(parsePgm(pgm([8, 20, 34])))).toBeCloseTo(29 / 87, 9);
    expect(contentExtent(parsePgm(pgm([8, 92])))).toBe(1);
    // Only the footer (page number) has ink: an empty page.
    expect(contentExtent(parsePgm(pgm([97])))).toBe(0);
  });

  it("refuses what is not an 8-bit binary PGM", () => {
    expect(() => parsePgm(new TextEncoder().encode("P2\n1 1\n255\n0"))).toThrow(/binary PGM/);
  });
});
