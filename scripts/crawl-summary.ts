// The whole-site crawl's summary (tests/reliability/crawl.test.ts writes test-output/crawl-summary.json
// on every run) for `npm run bench`: readCrawlSummary(root) returns it, or null when no crawl has run;
// formatCrawlSummary gives the printed lines. Runs alone too: `npx tsx scripts/crawl-summary.ts`.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface CrawlSummaryFile {
  date: string; // when the crawl ran (the summary file only; nothing published)
  summary: {
    pages: number; page_types: number; pages_in_browser: number; pages_axe: number; links: number; unique_targets: number;
    files: number; downloads: number; download_bytes: number; requests: number; third_party_requests: number;
    third_party_references: number; external_links: number; orphan_html: number | null; problems: number; ms: number;
  };
  problems_by_kind: Record<string, number>;
}

export const CRAWL_SUMMARY_FILE = path.join("test-output", "crawl-summary.json");

export function readCrawlSummary(root: string): CrawlSummaryFile | null {
  const file = path.join(root, CRAWL_SUMMARY_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as CrawlSummaryFile) : null;
}

export function formatCrawlSummary(c: CrawlSummaryFile): string[] {
  const s = c.summary;
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  const kinds = Object.entries(c.problems_by_kind).map(([k, n]) => `${k} ${n}`).join(", ");
  return [
    `webbplatsgenomgång ${c.date.slice(0, 16).replace("T", " ")}: ${s.pages} sidor (${s.page_types} sidtyper), ${s.pages_in_browser} i Chromium, axe på ${s.pages_axe}`,
    `  länkar ${s.links} (${s.unique_targets} mål), filer ${s.files}, nedladdningar ${s.downloads} (${mb(s.download_bytes)}), förfrågningar ${s.requests}`,
    `  sidor utan länk dit ${s.orphan_html ?? "–"} (kontrollerade ändå)`,
    `  tredjepartsförfrågningar ${s.third_party_requests} (ska vara 0), tredjepartsresurser i HTML ${s.third_party_references} (ska vara 0), externa länkar ${s.external_links}`,
    `  problem ${s.problems}${kinds ? ` (${kinds})` : ""}, ${(s.ms / 1000).toFixed(1)} s`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const c = readCrawlSummary(root);
  console.log(c ? formatCrawlSummary(c).join("\n") : `(ingen genomgång ännu: kör npm test eller npx vitest run tests/reliability/crawl.test.ts)`);
}
