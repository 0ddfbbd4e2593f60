import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readParquet, writeParquet } from "./parquet";
import { valuesTable, type ValueRow } from "./tables";

const dir = mkdtempSync(path.join(tmpdir(), "parquet-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows: ValueRow[] = [
  { kpi: "U21468", municipality: "0180", year: 2022, gender: "T", value: 86.123456789, status: null, source: "kolada", fetched_at: "2024-08-31" },
  { kpi: "U21468", municipality: "0114", year: 2022, gender: "K", value: null, status: "suppressed", source: "kolada", fetched_at: "2024-08-31" },
  { kpi: "U21401", municipality: "0114", year: 2019, gender: "T", value: -0.5, status: null, source: "kolada", fetched_at: "2024-08-31" },
];

describe("Parquet round trip", () => {
  it("reads back every value exactly, sorted by the key, with narrow types", async () => {
    const file = path.join(dir, "values.parquet");
    await writeParquet(valuesTable, rows, file);
    const back = await readParquet<ValueRow>(file);
    expect(back).toEqual([rows[2], rows[1], rows[0]]);
    expect(typeof back[0].year).toBe("number"); // SMALLINT, not BigInt
  });

  it("writes byte-identical files for the same rows in any order", async () => {
    const a = path.join(dir, "a.parquet"), b = path.join(dir, "b.parquet");
    await writeParquet(valuesTable, rows, a);
    await writeParquet(valuesTable, [...rows].reverse(), b);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it("names table, row and field for a bad value", async () => {
    const bad = [{ ...rows[0], year: 2022.5 }];
    await expect(writeParquet(valuesTable, bad, path.join(dir, "bad.parquet"))).rejects.toThrow(/values, row 1, field year: expected an integer/);
  });
});
