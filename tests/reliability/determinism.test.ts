// Deterministic, reproducible builds (issue 8): the same inputs give byte-identical data/build and dist.
// - data: two pipeline runs from the committed snapshot, at the same time in two child processes (one in
//   UTC, one in UTC+14), into two temp folders; every file's sha256 must match, and the manifest must
//   describe the files exactly.
// - site: one more `npm run build` (scripts/build-site.ts, so every post-build step is included) from
//   data/build into a temp folder, compared file by file with dist/ — which `npm test` has just built from
//   the same data/build — in another time zone (UTC+14). Without a dist/ (or with HTK_DETERMINISM_TWICE=1)
//   it builds twice instead.
// - chart PNGs: the post-build PNG step caches by content hash, so the second build copies PNGs; a sample
//   of chart SVGs is therefore re-rendered here and compared with the PNGs in dist/.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Manifest } from "../../src/pipeline/manifest";
import { buildSite, DATA_BUILD, diffTrees, DIST, hashTree, pipelineChild, removeDir, ROOT, tempDir, type TreeDiff } from "./support";

/** The second run and build use a time zone far from UTC and Stockholm (UTC+14). */
const OTHER_TZ = "Pacific/Kiritimati";
const temps: string[] = [];
afterAll(() => { for (const d of temps) removeDir(d); });

function explain(label: string, d: TreeDiff, a: string, b: string): string {
  const lines = [`${label}: ${d.same} identical, ${d.differ.length} differ, ${d.onlyA.length} only in ${a}, ${d.onlyB.length} only in ${b}`];
  for (const f of d.differ.slice(0, 15)) lines.push(`  differs: ${f}`);
  for (const f of d.onlyA.slice(0, 10)) lines.push(`  only in ${a}: ${f}`);
  for (const f of d.onlyB.slice(0, 10)) lines.push(`  only in ${b}: ${f}`);
  return lines.join("\n");
}

/** For a differing text file: the first differing stretch, so the cause (a timestamp, an id) shows. */
function firstDifference(fileA: string, fileB: string): string {
  const a = readFileSync(fileA), b = readFileSync(fileB);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 60), i + 60).toString("latin1"));
  return `${path.basename(fileA)} @${i}: ${show(a)}\n   vs ${show(b)}`;
}

describe("deterministic builds", () => {
  it("data: two pipeline runs from the same snapshot give byte-identical files and an exact manifest", async () => {
    const dir = tempDir("determinism-data");
    temps.push(dir);
    const a = path.join(dir, "a"), b = path.join(dir, "b");
    // Different time zones too: nothing published may depend on the build machine's zone.
    await Promise.all([pipelineChild(ROOT, a, { TZ: "UTC" }), pipelineChild(ROOT, b, { TZ: OTHER_TZ })]);
    const ha = hashTree(a), hb = hashTree(b);
    const d = diffTrees(ha, hb);
    console.log(explain("data/build", d, "run 1", "run 2"));
    const details = d.differ.slice(0, 5).map((f) => firstDifference(path.join(a, f), path.join(b, f)));
    expect({ differ: d.differ, onlyA: d.onlyA, onlyB: d.onlyB }, details.join("\n")).toEqual({ differ: [], onlyA: [], onlyB: [] });
    expect(ha.size).toBeGreaterThanOrEqual(10);

    // The manifest records every other file with its hash, the source dates and the tool versions.
    const manifest = JSON.parse(readFileSync(path.join(a, "manifest.json"), "utf8")) as Manifest;
    const listed = new Map(manifest.files.map((f) => [f.file, f.sha256]));
    for (const [file, hash] of ha) if (file !== "manifest.json" && file !== "validation.json") expect(listed.get(file), file).toBe(hash);
    expect(manifest.method_version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.data_version).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(manifest.tools).length).toBeGreaterThan(0);
    for (const s of manifest.sources) for (const date of s.dates) expect(date, `${s.id} dates`).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(manifest.sources.some((s) => s.dates.length > 0)).toBe(true);
    // No wall-clock time anywhere in the data files' JSON (build time would differ run to run anyway).
    for (const file of ["manifest.json", "method.json", "weights.json", "validation.json"]) {
      if (existsSync(path.join(a, file))) expect(readFileSync(path.join(a, file), "utf8"), file).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  }, 300_000);

  it("site: a second build from the same data is byte-identical to the first", async () => {
    expect(existsSync(path.join(DATA_BUILD, "manifest.json")), "data/build is missing: run npm run data").toBe(true);
    const dir = tempDir("determinism-site");
    temps.push(dir);
    let first = DIST;
    if (!existsSync(path.join(DIST, "index.html")) || process.env.HTK_DETERMINISM_TWICE) {
      first = path.join(dir, "first");
      await buildSite(DATA_BUILD, first, { TZ: "UTC" });
    }
    const second = path.join(dir, "second");
    const { ms } = await buildSite(DATA_BUILD, second, { TZ: OTHER_TZ });
    const h1 = hashTree(first), h2 = hashTree(second);
    const d = diffTrees(h1, h2);
    console.log(`${explain("site", d, "first build", "second build")}\n  (second build ${(ms / 1000).toFixed(1)} s, compared with ${path.relative(ROOT, first)})`);
    const details = d.differ.slice(0, 5).map((f) => firstDifference(path.join(first, f), path.join(second, f)));
    expect({ differ: d.differ, onlyA: d.onlyA, onlyB: d.onlyB }, details.join("\n")).toEqual({ differ: [], onlyA: [], onlyB: [] });
    expect(h1.size).toBeGreaterThan(10);

    // The report build copies unchanged packages from its cache, so the second build above copied them:
    // regenerate one municipality's package from scratch (empty cache) and compare it with dist too.
    const zips = [...h1.keys()].filter((f) => /^kommun\/\d{4}\/rapportpaket\.zip$/.test(f));
    if (zips.length > 0 && existsSync(path.join(ROOT, "src", "report", "build.ts"))) {
      const code = zips[Math.floor(zips.length / 2)].split("/")[1];
      const { buildReports } = (await import("../../src/report/build")) as { buildReports: (o: Record<string, unknown>) => Promise<unknown> };
      await buildReports({ root: ROOT, dist: second, codes: [code], cacheDir: path.join(dir, "report-cache"), log: () => undefined });
      const fresh = diffTrees(
        new Map([...h1].filter(([f]) => f.startsWith(`kommun/${code}/`))),
        new Map([...hashTree(second)].filter(([f]) => f.startsWith(`kommun/${code}/`))),
      );
      console.log(explain(`report package ${code} rebuilt without cache`, fresh, "dist", "fresh"));
      const why = fresh.differ.slice(0, 3).map((f) => firstDifference(path.join(first, f), path.join(second, f)));
      expect({ differ: fresh.differ, onlyA: fresh.onlyA, onlyB: fresh.onlyB }, why.join("\n")).toEqual({ differ: [], onlyA: [], onlyB: [] });
    }
  }, 900_000);

  it("chart PNGs: re-rendering a sample of chart SVGs gives the PNG bytes in dist", async () => {
    const pngs = [...hashTree(DIST).keys()].filter((f) => /\/diagram\/[^/]+\.png$/.test(f));
    if (pngs.length === 0) return; // no chart downloads built (yet)
    const { svgToPng } = await import("../../src/charts/render");
    const { PNG_SCALE } = await import("../../src/site-data/embeds");
    const sample = [0, Math.floor(pngs.length / 2), pngs.length - 1].map((i) => pngs[i]);
    for (const png of sample) {
      const svg = readFileSync(path.join(DIST, png.replace(/\.png$/, ".svg")), "utf8");
      const width = Number(/<svg\b[^>]*\bviewBox="\s*[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)/.exec(svg)?.[1]);
      const again = svgToPng(svg, PNG_SCALE * width); // the scale scripts/chart-png.ts renders at
      expect(again.equals(readFileSync(path.join(DIST, png))), png).toBe(true);
    }
  }, 120_000);
});
