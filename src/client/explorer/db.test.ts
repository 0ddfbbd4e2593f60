// The database lock of the explorer (db.ts LOCK_SETTINGS), the real control behind the SQL box's check:
// after it, DuckDB itself refuses every file/URL payload of issue 20 and every setting change, with no
// help from checkReadOnlySql. Native DuckDB (@duckdb/node-api) runs the same statements as the page's
// DuckDB-WASM; the browser test checks that the page's engine reports these settings.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCK_SETTINGS, OFFLINE_SETTINGS } from "./db";

const PAYLOADS = [
  `SELECT * FROM "read_text"('http://example.com/x')`,
  `SELECT * FROM "main"."read_blob"('http://example.com/x')`,
  `SELECT * FROM "glob"('*')`,
  "SELECT * FROM municipalities, 'http://example.com/x.csv'",
  "SUMMARIZE 'http://example.com/x.csv'",
  "DESCRIBE 'http://example.com/x.csv'",
  "SHOW 'http://example.com/x.csv'",
  "SELECT * FROM 'http://example.com/x.csv'",
  "SELECT * FROM read_csv('/etc/passwd')",
  "SELECT * FROM read_text('/etc/hostname')",
  "COPY municipalities TO '/tmp/htk-explorer-lock-test.csv'",
  "SET enable_external_access = true",
  "SET lock_configuration = false",
  "SET autoinstall_known_extensions = true",
  "LOAD httpfs",
];

describe("explorer database lock", () => {
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:");
    conn = await instance.connect();
    for (const s of OFFLINE_SETTINGS) await conn.run(s);
    await conn.run("CREATE TABLE municipalities AS SELECT '0180' AS code");
    for (const s of LOCK_SETTINGS) await conn.run(s);
  });
  afterAll(() => { conn?.closeSync(); instance?.closeSync(); });

  it("refuses files, URLs and setting changes after the lock", async () => {
    for (const sql of PAYLOADS) {
      await expect(conn.run(sql), sql).rejects.toThrow(/^(Permission Error: (Cannot access file|Loading external extensions is disabled)|Invalid Input Error: Cannot change configuration option .* the configuration has been locked)/);
    }
  });

  it("does not stop query('…'), which runs SQL text: only the box's check refuses it (sql.test.ts)", async () => {
    const reader = await conn.runAndReadAll(`SELECT * FROM "query"('SELECT 42 AS x')`);
    expect(reader.getRowObjectsJS()).toEqual([{ x: 42 }]);
  });

  it("still answers reading queries over the loaded tables", async () => {
    const reader = await conn.runAndReadAll("SELECT code FROM municipalities");
    expect(reader.getRowObjectsJS()).toEqual([{ code: "0180" }]);
    const settings = await conn.runAndReadAll("SELECT current_setting('enable_external_access') AS e, current_setting('lock_configuration') AS l");
    expect(settings.getRowObjectsJS()).toEqual([{ e: false, l: true }]);
  });
});
