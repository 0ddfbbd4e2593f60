// Reads advance widths from the site font's files with fontkit (a devDependency): used by
// scripts/font-metrics.ts to write src/charts/fontMetrics.ts and by its test to check it. Node only.
import * as fontkit from "fontkit";
import { fontWoffPath } from "./fontFiles";

interface FontkitFont { unitsPerEm: number; characterSet: number[]; glyphForCodePoint(cp: number): { advanceWidth: number } }

export function advanceTable(weight: 400 | 700): { unitsPerEm: number; widths: Record<number, number> } {
  const font = fontkit.openSync(fontWoffPath(weight)) as unknown as FontkitFont;
  const widths: Record<number, number> = {};
  for (const cp of [...font.characterSet].sort((a, b) => a - b)) widths[cp] = font.glyphForCodePoint(cp).advanceWidth;
  return { unitsPerEm: font.unitsPerEm, widths };
}
