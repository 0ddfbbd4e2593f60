// The Swedish views and the example questions against the built tables in native DuckDB: every view
// is created, has the documented columns, and every example passes the SQL box's check and runs.
// Needs data/build (npm run data); skipped without it.
import { existsSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MISSING_RULE } from "../../model/missing";
import { BUILD_DIR } from "../../site-data/load";
import type { ExplorerConfig } from "./config";
import { exampleQueries } from "./examples";
import { createNativeTables } from "./nativeTables.testutil";
import { checkReadOnlySql } from "./sql";
import { VIEWS, viewSql } from "./views";

const TABLES = ["municipalities", "indicators", "values", "units", "unit_values", "scores", "unit_scores", "indicator_scores", "rank_changes"];
const HAVE_DATA = TABLES.every((t) => existsSync(path.join(BUILD_DIR, `${t}.parquet`)));

describe.skipIf(!HAVE_DATA)("Swedish views and example questions", () => {
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  let config: ExplorerConfig;
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];

  beforeAll(async () => {
    const { explorerConfig } = await import("../../pages/utforska/_explorer-data");
    config = await explorerConfig();
    instance = await DuckDBInstance.create(":memory:");
    conn = await instance.connect();
    await createNativeTables(conn, config, TABLES);
    const statements = viewSql(new Set([...TABLES, "weights", "indicator_rules"]));
    expect(statements).toHaveLength(VIEWS.length);
    for (const s of statements) await conn.run(s);
  }, 120_000);
  afterAll(() => { conn?.closeSync(); instance?.closeSync(); });

  it("creates every view with the documented Swedish columns and as many rows as its table", async () => {
    for (const v of VIEWS) {
      const cols = (await rows(`DESCRIBE ${v.name}`)).map((r) => r.column_name);
      expect(cols, v.name).toEqual(v.columns.map((c) => c.name));
      for (const c of cols) expect(c as string, `${v.name}.${c}`).toMatch(/^[a-z0-9_]+$/); // no quoting needed
      const [a] = await rows(`SELECT count(*)::INTEGER AS n FROM ${v.name}`);
      const [b] = await rows(`SELECT count(*)::INTEGER AS n FROM "${v.table}"`);
      expect(a.n, v.name).toBe(b.n);
    }
  });

  it("names municipalities and Riket in the result view", async () => {
    const [riket] = await rows("SELECT DISTINCT kommun FROM resultat WHERE kommunkod = '0000'");
    expect(riket?.kommun).toBe("Riket");
    const [n] = await rows("SELECT count(*)::INTEGER AS n FROM resultat WHERE kommun IS NULL");
    expect(n.n).toBe(0);
  });

  it("every example passes the SQL box's check and runs", async () => {
    for (const q of exampleQueries(config.years)) {
      expect(checkReadOnlySql(q.sql), q.label).toMatchObject({ ok: true });
      const result = await rows(q.sql);
      expect(result.length, q.label).toBeGreaterThan(0);
    }
  });

  it("'Kommuner som steg mest' shows only certain changes (rank intervals that do not overlap)", async () => {
    const q = exampleQueries(config.years).find((e) => e.label === "Kommuner som steg mest");
    if (!q) throw new Error("example missing");
    const first = config.years[0], last = config.years[config.years.length - 1];
    const result = await rows(q.sql);
    for (const r of result) {
      const [lo1, hi1] = String(r[`intervall_${first}`]).split("–").map(Number);
      const [lo2, hi2] = String(r[`intervall_${last}`]).split("–").map(Number);
      expect(hi2, String(r.kommun)).toBeLessThan(lo1); // the whole later interval is better
      expect(lo1 <= hi1 && lo2 <= hi2).toBe(true);
      expect(Number(r.steg_uppat)).toBeGreaterThan(0);
    }
    // And a certain change the query leaves out would have been a real overlap: compare with all risers.
    const all = await rows(`SELECT count(*)::INTEGER AS n FROM forandring
      WHERE fran_ar = ${first} AND till_ar = ${last} AND viktuppsattning = 'seniorernas-prioritering' AND regel = '${DEFAULT_MISSING_RULE}'
      AND rang_till < rang_fran`);
    expect(all[0].n).toBeGreaterThan(result.length);
  });

  it("'forandring' compares the years on their common indicators: ranks differ from the published ones when the set changed", async () => {
    const first = config.years[0], last = config.years[config.years.length - 1];
    const [d] = await rows(`SELECT count(*)::INTEGER AS n, bool_and(NOT f.samma_indikatorer) AS recomputed
      FROM forandring f JOIN resultat r ON r.ar = f.till_ar AND r.kommunkod = f.kommunkod AND r.viktuppsattning = f.viktuppsattning AND r.regel = f.regel
      WHERE f.fran_ar = ${first} AND f.till_ar = ${last} AND f.rang_till IS DISTINCT FROM r.rang`);
    expect(d.n).toBeGreaterThan(0);
    expect(d.recomputed).toBe(true);
  });
});
