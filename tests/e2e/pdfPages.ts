// Renders each page of a PDF to a greyscale raster (the Pgm shape src/report/pageFill.ts reads) with
// pdf.js and @napi-rs/canvas, both from npm, so the page-image test needs no system tool (a machine with
// only Node and npm has no pdftoppm). Fonts come from the PDF itself (disableFontFace draws the embedded
// glyphs as paths), so the raster does not depend on the machine's fonts.
import { createCanvas } from "@napi-rs/canvas";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Pgm } from "../../src/report/pageFill";

export async function pdfPagesToGrey(bytes: Uint8Array, dpi = 30): Promise<Pgm[]> {
  const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: Pgm[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const width = Math.ceil(viewport.width), height = Math.ceil(viewport.height);
      const canvas = createCanvas(width, height);
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, width, height);
      // pdf.js types its canvas as the DOM's; @napi-rs/canvas implements the same 2D API.
      await page.render({ canvasContext: ctx as unknown as CanvasRenderingContext2D, canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
      const rgba = ctx.getImageData(0, 0, width, height).data;
      const pixels = new Uint8Array(width * height);
      for (let i = 0; i < pixels.length; i++) {
        pixels[i] = Math.round(0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]);
      }
      pages.push({ width, height, pixels });
    }
  } finally {
    await task.destroy();
  }
  return pages;
}
