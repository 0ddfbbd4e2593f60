// The site font's files for Node (PNG rendering): the npm package's WOFF files unpacked to OpenType once
// into node_modules/.cache, so resvg draws with exactly the font the pages, the SVGs and the PDFs use and
// never with whatever the machine has installed (loadSystemFonts: false).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { FONT_PACKAGE } from "./fontMetrics";
import { woffToSfnt } from "./woff";

const require = createRequire(import.meta.url);

/** The package's WOFF file for a weight/style (latin subset: Swedish letters, − U+2212, –, …). */
export function fontWoffPath(weight: 400 | 700, style: "normal" | "italic" = "normal"): string {
  const css = require.resolve(`${FONT_PACKAGE}/latin-${weight}.css`);
  return path.join(path.dirname(css), "files", `atkinson-hyperlegible-latin-${weight}-${style}.woff`);
}

let cached: string[] | undefined;

/** OpenType files of the site font (regular, bold, italics), unpacked on first use. */
export function siteFontFiles(cacheDir = path.join(process.cwd(), "node_modules", ".cache", "hemtjanstkollen", "fonts")): string[] {
  if (cached) return cached;
  mkdirSync(cacheDir, { recursive: true });
  const out: string[] = [];
  for (const weight of [400, 700] as const) {
    for (const style of ["normal", "italic"] as const) {
      const woff = readFileSync(fontWoffPath(weight, style));
      const file = path.join(cacheDir, `atkinson-hyperlegible-${weight}-${style}-${createHash("sha256").update(woff).digest("hex").slice(0, 12)}.otf`);
      if (!existsSync(file)) {
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, woffToSfnt(woff));
        renameSync(tmp, file); // atomic: parallel PNG workers never read half a file
      }
      out.push(file);
    }
  }
  return (cached = out);
}
