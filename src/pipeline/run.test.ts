// The pipeline from the committed snapshot: complete output, byte-identical reruns, and a failed run
// that leaves the last good output untouched.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "./manifest";
import { readParquet } from "./parquet";
import { runPipeline } from "./run";

const repo = path.resolve(__dirname, "../..");
let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "htk-run-"));
  cpSync(path.join(repo, "data", "reference"), path.join(root, "data", "reference"), { recursive: true });
  cpSync(path.join(repo, "data", "snapshot"), path.join(root, "data", "snapshot"), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const hashes = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, sha256(readFileSync(path.join(dir, f)))]));
const quiet = () => undefined;

describe("runPipeline (snapshot)", () => {
  it("writes every table, the manifest and the validation report", async () => {
    const result = await runPipeline({ root, source: "snapshot", log: quiet });
    const files = readdirSync(result.outDir).sort();
    for (const f of ["indicators.parquet", "manifest.json", "municipalities.parquet", "unit_values.parquet", "units.parquet",
      "validation.json", "values.parquet", "scores.parquet", "unit_scores.parquet", "indicator_scores.parquet", "weights.json", "method.json"]) {
      expect(files).toContain(f);
    }
    const manifest = JSON.parse(readFileSync(path.join(result.outDir, "manifest.json"), "utf8"));
    expect(manifest.sources.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(["kolada", "senioralert"]));
    const values = manifest.files.find((f: { file: string }) => f.file === "values.parquet");
    expect(values.rows).toBeGreaterThan(200_000);
    expect(values.sha256).toBe(sha256(readFileSync(path.join(result.outDir, "values.parquet"))));
    const municipalities = await readParquet<{ code: string }>(path.join(result.outDir, "municipalities.parquet"));
    expect(municipalities).toHaveLength(290);
    expect(municipalities[0].code).toBe("0114");
    expect(manifest.method_version).toMatch(/\d/);
    const scores = await readParquet<{ year: number; rank: number | null }>(path.join(result.outDir, "scores.parquet"));
    expect(new Set(scores.map((s) => s.year)).size).toBeGreaterThan(0);
  });

  it("gives byte-identical output when run twice", async () => {
    const out = path.join(root, "data", "build");
    const first = hashes(out);
    await runPipeline({ root, source: "snapshot", log: quiet });
    expect(hashes(out)).toEqual(first);
  });

  it("lets imported Socialstyrelsen units replace the example units of their municipalities", async () => {
    const { importSosFolder } = await import("./sources/importSosFolder");
    const folder = path.join(repo, "tests", "fixtures", "sos", "good");
    const imported = { label: "sos", ...importSosFolder(folder, { fetchedAt: "2026-11-01" }) };
    const outDir = path.join(root, "data", "build-import");
    await runPipeline({ root, source: "snapshot", outDir, imported, log: quiet });
    const units = await readParquet<{ municipality: string; synthetic: boolean; source: string }>(path.join(outDir, "units.parquet"));
    const stockholm = units.filter((u) => u.municipality === "0180");
    expect(stockholm.length).toBeGreaterThan(0);
    expect(stockholm.every((u) => !u.synthetic && u.source === "socialstyrelsen")).toBe(true);
    const importedCodes = new Set(imported.units.map((u) => u.municipality));
    const others = units.filter((u) => !importedCodes.has(u.municipality));
    expect(others.length).toBeGreaterThan(1000);
    expect(others.every((u) => u.synthetic && u.source === "exempeldata")).toBe(true);
  });

  it("stops with a message naming file and row, and keeps the last good output", async () => {
    const out = path.join(root, "data", "build");
    const before = hashes(out);
    const snapshotFile = path.join(root, "data", "snapshot", "kolada_values.csv");
    const good = readFileSync(snapshotFile);
    appendFileSync(snapshotFile, "U21468,0114,2022,eighty,,\n");
    try {
      await expect(runPipeline({ root, source: "snapshot", log: quiet })).rejects.toThrow(/kolada_values\.csv, row \d+, field T: expected a number, found "eighty"/);
      expect(hashes(out)).toEqual(before);
    } finally {
      writeFileSync(snapshotFile, good);
    }
  });
});
