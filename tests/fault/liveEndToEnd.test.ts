// End to end (issue 13): `--source live` against the local Kolada v3 server (all 290 municipalities, real
// API quirks always on: withdrawn entries, "Missing", odd unit lists, an unpublished year) builds the model
// and the site data; `data:update` (runPipeline with changes) writes changes.json against the build it
// replaces, and a failed update leaves that build byte for byte as it was.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Changes } from "../../src/pipeline/changes";
import type { Manifest } from "../../src/pipeline/manifest";
import { readParquet } from "../../src/pipeline/parquet";
import { runPipeline } from "../../src/pipeline/run";
import type { UnitRow, UnitValueRow } from "../../src/pipeline/tables";
import type { UnitScoreRow } from "../../src/model/outputTables";
import { loadBuildData } from "../../src/site-data/load";
import { buildMunicipalityView, prepareMunicipalityContext } from "../../src/site-data/municipality";
import { dataAgeText } from "../../src/site-data/dataDate";
import { hashTree, prepareBase, removeBase, TEST_HTTP, type BaseRoot } from "./harness";
import { KoladaFaultServer } from "./koladaServer";

const repo = path.resolve(__dirname, "../..");
let base: BaseRoot;
let root: string;
let server: KoladaFaultServer;
const lines: string[] = [];

beforeAll(async () => {
  base = await prepareBase(repo);
  root = mkdtempSync(path.join(tmpdir(), "htk-live-e2e-"));
  cpSync(base.dir, root, { recursive: true });
  server = await new KoladaFaultServer({ municipalities: base.municipalities, pageSize: 500, publishedThrough: 2022 }).start();
}, 60_000);
afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
  if (base) removeBase(base);
});

describe("live end to end against the local Kolada v3 server", () => {
  it("data:update builds model and site data, asks only published years, and writes changes.json", async () => {
    const result = await runPipeline({
      root, source: "live", koladaBase: server.url, years: [2020, 2021, 2022, 2023], changes: true, log: (l) => lines.push(l),
      live: { totalTimeLimitMs: 60_000, http: TEST_HTTP },
    });
    const out = path.join(root, "data", "build");
    expect(server.requests.some((r) => /\/year\/[^/?]*2023/.test(r.path))).toBe(false);
    expect(lines.join("\n")).toMatch(/notice: 2023 is not yet published by Kolada/);

    const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")) as Manifest;
    const kolada = manifest.sources.find((s) => s.id === "kolada")!;
    expect(kolada.mode).toBe("live");
    expect(kolada.published_through).toMatchObject({ kpi: "U21468", year: 2022 });
    expect(manifest.data_age).toEqual({ kpi: "U21468", survey_year: 2022 });
    expect(dataAgeText(manifest)).toBe("Senaste uppgifter: brukarundersökningen 2022");

    // changes.json against the snapshot build it replaced: the generated values differ from the real ones.
    const changes = JSON.parse(readFileSync(path.join(out, "changes.json"), "utf8")) as Changes;
    expect(changes).toEqual(result.changes);
    expect(changes.previous.exists).toBe(true);
    expect(changes.values.revised).toBeGreaterThan(1000);
    expect(changes.values.largest_revisions).toHaveLength(10);
    const r = changes.values.largest_revisions;
    for (let i = 1; i < r.length; i++) expect(Math.abs(r[i - 1].diff)).toBeGreaterThanOrEqual(Math.abs(r[i].diff));
    expect(changes.units.gained).toBeGreaterThan(500); // real (live) units replace example units
    expect(changes.municipalities.lost).toEqual([]);

    // Units: only those holding hemtjänst values; respondents unknown, never from Kolada's count.
    const units = (await readParquet<UnitRow>(path.join(out, "units.parquet"))).filter((u) => !u.synthetic);
    expect(units.some((u) => /^V15E|^V23E|^V25E/.test(u.unit_id))).toBe(false);
    expect(units.some((u) => u.unit_id.startsWith("H"))).toBe(true); // chosen by content, not by prefix
    expect(units.some((u) => u.unit_id.endsWith("00999"))).toBe(false); // listed hemtjänst id without values
    const unitValues = (await readParquet<UnitValueRow>(path.join(out, "unit_values.parquet"))).filter((v) => !v.synthetic);
    expect(unitValues.every((v) => v.respondents === null)).toBe(true);
    const unitScores = await readParquet<UnitScoreRow>(path.join(out, "unit_scores.parquet"));
    const live = unitScores.filter((s) => !s.synthetic && s.year === 2022);
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((s) => s.rank === null && s.rank_low === null && s.flags.split(";").includes("okant_antal_svarande"))).toBe(true);

    // Site data: the municipality page's view of a live build.
    const ctx = prepareMunicipalityContext(await (async () => {
      const d = await loadBuildData(out);
      return { municipalities: d.municipalities, values: d.values, scores: d.scores, indicatorScores: d.indicatorScores,
        units: d.units, unitValues: d.unitValues, unitScores: d.unitScores, rankChanges: d.rankChanges, method: d.method };
    })());
    const view = buildMunicipalityView(ctx, "0180", (_i, v) => String(v));
    expect(view.units.synthetic).toBe(false);
    expect(view.units.units.length).toBeGreaterThan(0);
    expect(view.units.units.every((u) => u.unknownN && !u.small && u.rank === null)).toBe(true);
    expect(view.units.counts.unknownN).toBe(view.units.units.length);
  }, 120_000);

  it("a failed update keeps the last good build (changes.json included) byte for byte", async () => {
    const out = path.join(root, "data", "build");
    const before = hashTree(out);
    const failing = await new KoladaFaultServer({
      municipalities: base.municipalities, faults: [{ kind: "data", fault: { type: "status", status: 503 }, times: Infinity }],
    }).start();
    try {
      await expect(runPipeline({
        root, source: "live", koladaBase: failing.url, years: [2022], changes: true, log: () => undefined,
        live: { totalTimeLimitMs: 20_000, http: TEST_HTTP },
      })).rejects.toThrow(/HTTP 503/);
    } finally {
      await failing.close();
    }
    expect(hashTree(out)).toEqual(before);
    expect(Object.keys(before)).toContain("changes.json");
  }, 60_000);
});
