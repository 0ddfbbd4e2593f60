// Benchmark of the report build for `npm run bench`: time to build all 290 packages on 2 cores from an
// empty cache (cold) and again with the cache filled (warm), and the median and largest file size per
// kind. Needs a built site (dist/ with the print pages and chart files, i.e. `npm run build`). With
// `reuse: true` only the sizes of the finished build are measured.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildReports } from "./build";
import { PDF_MAX_BYTES } from "./pdf";

export interface SizeStats { files: number; median_bytes: number; max_bytes: number; max_file: string }

export interface ReportBench {
  municipalities: number;
  cold_ms?: number;
  warm_ms?: number;
  workers?: number;
  pdf_pages?: number;
  sizes: Record<string, SizeStats>;
  pdf_over_budget: string[];
  note?: string;
}

const KINDS: Record<string, (f: string) => boolean> = {
  pdf: (f) => f === "rapport.pdf",
  pptx: (f) => f === "presentation.pptx",
  xlsx: (f) => f === "data.xlsx",
  csv: (f) => f.startsWith("tabeller/") && f.endsWith(".csv"),
  png: (f) => f.startsWith("diagram/") && f.endsWith(".png"),
  svg: (f) => f.startsWith("diagram/") && f.endsWith(".svg"),
};

/** Median and largest size per kind over dist/kommun/*. */
export function packageSizes(dist: string): { sizes: Record<string, SizeStats>; municipalities: number; pdfOver: string[] } {
  const kommun = path.join(dist, "kommun");
  const codes = existsSync(kommun) ? readdirSync(kommun).filter((c) => /^\d{4}$/.test(c)).sort() : [];
  const found: Record<string, { bytes: number; file: string }[]> = Object.fromEntries(Object.keys(KINDS).map((k) => [k, []]));
  const pdfOver: string[] = [];
  for (const code of codes) {
    const dir = path.join(kommun, code);
    const files = ["rapport.pdf", "presentation.pptx", "data.xlsx",
      ...["tabeller", "diagram"].flatMap((d) => (existsSync(path.join(dir, d)) ? readdirSync(path.join(dir, d)).map((f) => `${d}/${f}`) : []))];
    for (const f of files) {
      const full = path.join(dir, f);
      if (!existsSync(full)) continue;
      const bytes = statSync(full).size;
      for (const [kind, test] of Object.entries(KINDS)) if (test(f)) found[kind].push({ bytes, file: `kommun/${code}/${f}` });
      if (f === "rapport.pdf" && bytes > PDF_MAX_BYTES) pdfOver.push(code);
    }
  }
  const sizes: Record<string, SizeStats> = {};
  for (const [kind, list] of Object.entries(found)) {
    if (!list.length) continue;
    const sorted = [...list].sort((a, b) => a.bytes - b.bytes);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[mid].bytes : Math.round((sorted[mid - 1].bytes + sorted[mid].bytes) / 2);
    sizes[kind] = { files: list.length, median_bytes: median, max_bytes: sorted[sorted.length - 1].bytes, max_file: sorted[sorted.length - 1].file };
  }
  return { sizes, municipalities: codes.length, pdfOver };
}

export async function benchReports(root: string, options: { reuse?: boolean; dist?: string } = {}): Promise<ReportBench> {
  const dist = path.resolve(options.dist ?? process.env.HTK_DIST ?? path.join(root, "dist"));
  const printPage = path.join(dist, "kommun", "0114", "rapport", "index.html");
  if (!existsSync(printPage)) {
    return { municipalities: 0, sizes: {}, pdf_over_budget: [], note: "dist/ saknar utskriftssidorna: kör npm run build först" };
  }
  const out: Partial<ReportBench> = {};
  if (!options.reuse) {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "htk-report-bench-"));
    const quiet = () => undefined;
    try {
      const cold = await buildReports({ root, dist, cacheDir, workers: 2, pdfPages: 2, log: quiet });
      const warm = await buildReports({ root, dist, cacheDir, workers: 2, pdfPages: 2, log: quiet });
      Object.assign(out, { cold_ms: Math.round(cold.ms), warm_ms: Math.round(warm.ms), workers: cold.workers, pdf_pages: cold.pdfPages });
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  const { sizes, municipalities, pdfOver } = packageSizes(dist);
  return { municipalities, ...out, sizes, pdf_over_budget: pdfOver };
}
