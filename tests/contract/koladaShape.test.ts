// Contract test (issue 13): the real recorded Kolada v3 answers parse through the real client code, and
// every Kolada fixture of the project has exactly their shape (same keys, same types at every level), so
// tests written against fixtures are tests against what Kolada really sends.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KoladaClient } from "../../src/pipeline/sources/kolada/client";
import { KoladaHttp } from "../../src/pipeline/sources/kolada/http";
import { toValueRows } from "../../src/pipeline/sources/kolada/normalise";
import { shapeDiff, shapeOf, type Shape } from "./shape";

const repo = path.resolve(__dirname, "../..");
const recordedDir = path.resolve(repo, "..", "shared", "data", "kolada", "v3-recorded");
const fixturesDir = path.join(repo, "tests", "fixtures", "kolada");
const RECORDED = { U21468: "kolada_hemtjanst.json", N00097: "kolada_nettokostnadsavvikelse.json" } as const;
const have = existsSync(recordedDir);

/** The recordings carry a BOM added when they were saved (PROVENANCE.md); Kolada sends none. */
const readRecorded = (file: string) => readFileSync(path.join(recordedDir, file), "utf8").replace(/^\uFEFF/, "");

/** Fixtures that are deliberately not a valid answer (they test how the client fails). */
const BROKEN_ON_PURPOSE: Record<string, string> = {
  "data_schema_drift.json": "row 1 renames municipality (schema drift test)",
  "data_truncated.txt": "cut-off JSON",
  "error_422.json": "an error body, not an answer",
};

/** Which recorded shape a fixture must have: data/oudata answers in full, other endpoints' envelopes. */
function kindOf(name: string): "data" | "oudata" | "envelope" {
  if (name.startsWith("data_") || name === "live_data.json") return "data";
  if (name.startsWith("oudata_")) return "oudata";
  return "envelope";
}

// next_url/previous_url are strings on pages that have neighbours (the recordings are single pages).
const ALLOW = { next_url: ["string"], previous_url: ["string"] };

describe.skipIf(!have)("Kolada v3 contract: recorded real answers", () => {
  it("parse through the real client (paging, schema, withdrawn filter) to the expected rows", async () => {
    for (const [kpi, file] of Object.entries(RECORDED)) {
      const text = readRecorded(file);
      const fetchImpl = async () => new Response(text, { status: 200, headers: { "content-type": "application/json" } });
      const client = new KoladaClient({ http: new KoladaHttp({ fetchImpl, maxRequestsPerSecond: 1000 }) });
      const records = await client.fetchMunicipalityData([kpi], ["1780"], [2012]);
      const raw = JSON.parse(text) as { count: number; values: { values: unknown[] }[] };
      expect(records).toHaveLength(raw.count); // the envelope's count is the number of rows on the page
      const rows = toValueRows(records, "2026-07-06");
      expect(rows).toHaveLength(raw.values.reduce((n, r) => n + r.values.length, 0));
      if (kpi === "U21468") {
        expect(rows.find((r) => r.municipality === "1780" && r.year === 2024 && r.gender === "T")?.value).toBe(83.61934477);
        expect(rows.filter((r) => r.year === 2021)).toHaveLength(0); // no survey in 2021: absent, not null
      } else {
        // The one real missing value: kept as a row, null, with Kolada's status beside it.
        expect(rows.find((r) => r.municipality === "0780" && r.year === 2017)).toMatchObject({ value: null, status: "Missing" });
        expect(rows.filter((r) => r.value === null)).toHaveLength(1);
      }
    }
  });

  const recorded: Shape = shapeOf(Object.values(RECORDED).map((f) => JSON.parse(readRecorded(f))));
  const pick = (s: Shape, root: string): Shape => ({
    types: new Map([...s.types].filter(([p]) => p.startsWith(root)).map(([p, t]) => [p.slice(root.length).replace(/^\./, ""), t])),
    keys: new Map([...s.keys].filter(([p]) => p.startsWith(root)).map(([p, k]) => [p.slice(root.length).replace(/^\./, ""), k])),
  });
  const dataShape = pick(recorded, "[]");
  // oudata rows are data rows with "ou" in place of "municipality" (DESIGN.md §3.1).
  const ouShape: Shape = {
    types: new Map([...dataShape.types].map(([p, t]) => [p.replace(/^values\[\]\.municipality$/, "values[].ou"), t])),
    keys: new Map([...dataShape.keys].map(([p, k]) => [p, new Set([...k].map((x) => x.split(",").map((f) => (f === "municipality" ? "ou" : f)).sort().join(",")))])),
  };
  const envelopeShape: Shape = {
    types: new Map([...dataShape.types].filter(([p]) => !p.startsWith("values[]"))),
    keys: new Map([...dataShape.keys].filter(([p]) => p === "")),
  };

  const fixtures = readdirSync(fixturesDir).filter((f) => f.endsWith(".json") && !BROKEN_ON_PURPOSE[f]).sort();
  for (const name of fixtures) {
    it(`fixture ${name} has the recorded shape`, () => {
      const doc = JSON.parse(readFileSync(path.join(fixturesDir, name), "utf8"));
      const kind = kindOf(name);
      const got = shapeOf(doc);
      const diff = kind === "envelope"
        ? shapeDiff(envelopeShape, { types: new Map([...got.types].filter(([p]) => !p.startsWith("values[]"))), keys: new Map([...got.keys].filter(([p]) => p === "")) }, ALLOW)
        : shapeDiff(kind === "data" ? dataShape : ouShape, got, ALLOW);
      expect(diff).toEqual([]);
      if (kind !== "envelope") {
        // The inner count is 1 for a value and 0 for a missing one, never respondents.
        const bad = (doc.values as { values: { count: number; value: number | null }[] }[]).flatMap((r) => r.values)
          .filter((v) => v.count !== (v.value === null ? 0 : 1));
        expect(bad).toEqual([]);
      }
    });
  }

  it("the shape check catches drift (a string period, a missing field, an extra field)", () => {
    const real = JSON.parse(readRecorded(RECORDED.U21468));
    const bent = structuredClone(real);
    bent.values[0].period = "2012";
    delete bent.values[1].values[0].isdeleted;
    bent.values[2].values[0].respondents = 40;
    const diff = shapeDiff(dataShape, shapeOf(bent), ALLOW).join("\n");
    expect(diff).toMatch(/values\[\]\.period: string, real answer number/);
    expect(diff).toMatch(/values\[\]\.values\[\]: keys \{count,gender,status,value\}/);
    expect(diff).toMatch(/values\[\]\.values\[\]\.respondents: number, real answer has no such field/);
    expect(shapeDiff(dataShape, shapeOf(real), ALLOW)).toEqual([]);
  });

  it("every fixture is checked or listed as broken on purpose", () => {
    const all = readdirSync(fixturesDir).filter((f) => f !== "README.md");
    expect(all.filter((f) => !f.endsWith(".json") && !BROKEN_ON_PURPOSE[f])).toEqual([]);
  });
});
