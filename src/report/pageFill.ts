// How far down a printed page its content reaches, from a greyscale raster of the page (a PGM, or the
// same shape from tests/e2e/pdfPages.ts, which renders PDF pages with pdf.js). A page whose content stops a third of the way down is the symptom of a
// heading pushed away from its chart ("page 2 is two-thirds empty"); the report test fails on it for every
// page but the last. Pure; the rendering is done by the caller.

/** Pixels darker than this (0 black … 255 white) count as ink. */
export const INK_LEVEL = 200;
/** Share of the page height at the top and bottom left out: the printed header and footer band. */
export const HEADER_BAND = 0.06;
export const FOOTER_BAND = 0.07;

export interface Pgm { width: number; height: number; pixels: Uint8Array }

/** Parses a binary PGM (P5, maxval ≤ 255). */
export function parsePgm(bytes: Uint8Array): Pgm {
  const tokens: string[] = [];
  let i = 0;
  while (tokens.length < 4 && i < bytes.length) {
    while (i < bytes.length && /\s/.test(String.fromCharCode(bytes[i]))) i++;
    if (bytes[i] === 0x23) { while (i < bytes.length && bytes[i] !== 0x0a) i++; continue; } // comment
    let t = "";
    while (i < bytes.length && !/\s/.test(String.fromCharCode(bytes[i]))) t += String.fromCharCode(bytes[i++]);
    tokens.push(t);
  }
  const [magic, w, h, max] = tokens;
  if (magic !== "P5" || Number(max) > 255) throw new Error(`not an 8-bit binary PGM (magic ${magic}, maxval ${max})`);
  const width = Number(w), height = Number(h);
  const pixels = bytes.subarray(i + 1, i + 1 + width * height);
  if (pixels.length !== width * height) throw new Error(`PGM is truncated: ${pixels.length} of ${width * height} pixels`);
  return { width, height, pixels };
}

/**
 * The share (0–1) of the content area, from its top, down to the lowest row with ink: 1 for a page filled
 * to the bottom, about 0.33 for a page two-thirds empty, 0 for a blank page.
 */
export function contentExtent(page: Pgm): number {
  const top = Math.floor(page.height * HEADER_BAND);
  const bottom = Math.ceil(page.height * (1 - FOOTER_BAND));
  let last = -1;
  for (let y = top; y < bottom; y++) {
    const row = page.pixels.subarray(y * page.width, (y + 1) * page.width);
    if (row.some((p) => p < INK_LEVEL)) last = y;
  }
  return last < 0 ? 0 : (last - top + 1) / (bottom - top);
}
