// npm run build (after astro build) or by hand: the report package of every municipality into
// dist/kommun/{code}/ (rapport.pdf, presentation.pptx, data.xlsx, tabeller/*.csv, rapportpaket.zip).
//   npx tsx scripts/build-reports.ts [--dist <folder>] [--codes 0180,1480] [--workers n] [--pdf-pages n]
// HTK_DIST sets the output folder as for build-site.ts. Exits 1 with the municipality's name on failure.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildReports } from "../src/report/build";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const arg = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const num = (s: string | undefined) => (s ? Number(s) : undefined);

try {
  await buildReports({
    root,
    dist: path.resolve(arg("--dist") ?? process.env.HTK_DIST ?? path.join(root, "dist")),
    codes: arg("--codes")?.split(",").map((s) => s.trim()).filter(Boolean),
    workers: num(arg("--workers")),
    pdfPages: num(arg("--pdf-pages")),
  });
} catch (e) {
  console.error(`build-reports: ${(e as Error).message}`);
  process.exit(1);
}
