// npm run bench: prints the numbers behind the budgets (DESIGN.md §7) and writes bench/results.json.
// Sections: data pipeline, model, site (build time, page weights), explorer, reports, reliability.
// A section whose prerequisites are missing (e.g. no dist/) says so instead of failing silently.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchModel } from "../src/model/bench";
import { benchPipeline } from "../src/pipeline/bench";
import { loadBuildData } from "../src/site-data/load";
import { benchReliability } from "./bench-reliability";
import { benchSite } from "./bench-site";
import { benchExplorer, formatExplorerBench } from "./bench-explorer";
import { benchFresh } from "./bench-fresh";
import { formatDistStats } from "../src/deploy/distStats";
import { formatCrawlSummary, readCrawlSummary } from "./crawl-summary";
import { benchReports } from "../src/report/bench";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const section = (title: string) => console.log(`\n== ${title} ==`);
const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const wanted = (name: string) => only.length === 0 || only.includes(name);

if (wanted("pipeline")) {
  section("Datapipeline");
  const pipeline = await benchPipeline(root);
  results.pipeline = pipeline;
  console.log(`från snapshot: ${(pipeline.pipeline_ms / 1000).toFixed(2)} s (budget ≤ 30 s)`);
  for (const [name, t] of Object.entries(pipeline.tables)) {
    console.log(`  ${name.padEnd(18)} ${String(t.rows).padStart(8)} rader  parquet ${kb(t.parquet_bytes).padStart(10)}  csv.gz ${kb(t.csv_gzip_bytes).padStart(10)}${t.parquet_bytes > 2 * 1024 * 1024 ? "  ÖVER 2 MB" : ""}`);
  }
}

if (!existsSync(path.join(root, "data", "build", "manifest.json"))) {
  console.log("\n(data/build saknas: kör npm run data för modell- och webbplatsmätningar)");
} else {
  if (wanted("model")) {
    section("Modell");
    const data = await loadBuildData(path.join(root, "data", "build"));
    const model = await benchModel({ municipalities: data.municipalities, values: data.values, units: data.units, unitValues: data.unitValues });
    results.model = model;
    for (const [k, v] of Object.entries(model)) console.log(`  ${k.padEnd(52)} ${v}`);
  }
  if (wanted("site")) {
    section("Webbplats");
    results.site = await benchSite(root, (line) => console.log(line));
  }
}

if (wanted("explorer")) {
  section("Utforska (telefon: Fast 4G 9 Mbit/s 60 ms + 4× CPU; dator; gzip-värd)");
  try {
    const e = await benchExplorer({ log: (line) => console.log(`  ${line}`) });
    results.explorer = e;
    for (const line of formatExplorerBench(e)) console.log(`  ${line}`);
  } catch (error) {
    console.log(`  hoppas över: ${(error as Error).message}`);
  }
}

if (wanted("reports")) {
  section("Rapportpaket (290 kommuner, 2 kärnor)");
  try {
    // Full cold + warm run takes minutes; `npm run bench -- reports` runs it, the default reuses dist/.
    const r = await benchReports(root, { reuse: !only.includes("reports") });
    results.reports = r;
    console.log(JSON.stringify(r, null, 2).split("\n").map((l) => `  ${l}`).join("\n"));
  } catch (error) {
    console.log(`  hoppas över: ${(error as Error).message}`);
  }
}

if (wanted("crawl")) {
  section("Webbplatsgenomgång (senaste testkörningen)");
  const crawl = readCrawlSummary(root);
  results.crawl = crawl;
  if (crawl) for (const line of formatCrawlSummary(crawl)) console.log(`  ${line}`);
  else console.log("  ingen sammanfattning än: kör npm test (tests/reliability/crawl.test.ts skriver test-output/crawl-summary.json)");
}

if (wanted("reliability")) {
  section("Tillförlitlighet (felinjektion mot lokal Kolada-server)");
  const r = await benchReliability({ root, log: () => undefined });
  results.reliability = r;
  console.log(`  fel injicerade ${r.faults_injected}, körningar återhämtade ${r.runs_recovered}, stoppade rent ${r.runs_stopped_cleanly}, värden förlorade ${r.values_lost} (ska vara 0)`);
}

// Only on request (it clones, installs and builds everything: several minutes): npm run bench -- fresh
if (only.includes("fresh")) {
  section("Ny maskin: git clone && npm ci && npm start, utan system-Chromium");
  const r = await benchFresh(root, (line) => console.log(`  ${line}`));
  results.fresh = r;
  console.log(`  första sidan ${r.first_page_s.toFixed(1)} s efter npm start (budget ≤ 90 s); allt klart ${r.all_packages_s.toFixed(1)} s (budget ≤ 600 s); npm ci ${r.npm_ci_s.toFixed(1)} s`);
  for (const line of formatDistStats({ files: r.dist_files, bytes: r.dist_bytes, byKind: r.by_kind })) console.log(`  ${line}`);
}

mkdirSync(path.join(root, "bench"), { recursive: true });
writeFileSync(path.join(root, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
console.log("\n→ bench/results.json");
