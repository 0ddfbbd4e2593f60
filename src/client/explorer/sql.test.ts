import { describe, expect, it } from "vitest";
import { checkReadOnlySql, translateDuckDbError } from "./sql";

const ok = (sql: string) => expect(checkReadOnlySql(sql), sql).toMatchObject({ ok: true });
const refused = (sql: string, pattern?: RegExp) => {
  const r = checkReadOnlySql(sql);
  expect(r.ok, sql).toBe(false);
  if (!r.ok && pattern) expect(r.message, sql).toMatch(pattern);
};

describe("checkReadOnlySql", () => {
  it("lets one reading statement through", () => {
    ok("SELECT * FROM scores LIMIT 10");
    ok("select 1;");
    ok("  WITH x AS (SELECT 1 AS a) SELECT a FROM x ;; ");
    ok("FROM municipalities");
    ok("DESCRIBE scores");
    ok("SHOW TABLES");
    ok("SUMMARIZE values");
    ok("EXPLAIN SELECT 1");
    ok("(SELECT 1) UNION ALL (SELECT 2)");
    ok("VALUES (1, 2)");
    // Keywords inside strings, quoted names and comments are not keywords.
    ok("SELECT 'DROP TABLE x; DELETE' AS text, \"update\" FROM t -- ; drop");
    ok("SELECT $$ INSERT ; $$ AS s");
    ok("SELECT 1 /* ; COPY */");
    ok("SELECT E'it\\'s; DROP' AS s");
    ok("SELECT name FROM municipalities WHERE name LIKE 'Ö%'");
  });

  it("refuses writes, attach, install, load, pragma, set and the rest", () => {
    for (const kw of ["COPY scores TO 'x.csv'", "ATTACH 'x.db'", "INSTALL parquet", "LOAD parquet", "PRAGMA version",
      "SET threads = 1", "CREATE TABLE t AS SELECT 1", "INSERT INTO scores VALUES (1)", "UPDATE scores SET total = 0",
      "DELETE FROM scores", "DROP TABLE scores", "ALTER TABLE scores ADD COLUMN x INT", "EXPORT DATABASE 'x'",
      "IMPORT DATABASE 'x'", "CALL pragma_version()", "DETACH x", "USE x", "CHECKPOINT", "RESET threads", "BEGIN TRANSACTION"]) {
      refused(kw);
    }
    refused("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", /INSERT är inte tillåtet/);
    refused("EXPLAIN DELETE FROM scores", /DELETE/);
    refused("drop table scores", /Börja frågan med SELECT/);
    refused("SELECT 1 FROM t; DROP TABLE t", /Bara en fråga i taget/);
    refused("SELECT 1; SELECT 2", /Bara en fråga/);
  });

  it("refuses reading files or URLs", () => {
    refused("SELECT * FROM read_csv('https://example.com/x.csv')", /read_csv/);
    refused("SELECT * FROM read_parquet('x.parquet')", /read_parquet/);
    refused("SELECT * FROM 'https://example.com/x.parquet'", /filer eller adresser/);
    refused("SELECT * FROM scores JOIN 'x.csv' USING (year)", /filer eller adresser/);
    refused("SELECT * FROM query('SELECT 1')", /query/);
    refused("SELECT getenv('HOME')", /getenv/);
    refused("SELECT * FROM glob('*')", /glob/);
  });

  // Issue 20 item 2: payloads that passed the keyword filter before (DuckDB's locked
  // enable_external_access=false refused them all; the filter must hold on its own).
  it("refuses quoted and qualified forbidden functions", () => {
    refused(`SELECT * FROM "read_text"('http://example.com/x')`, /read_text|filer eller adresser/);
    refused(`SELECT * FROM "main"."read_blob"('http://example.com/x')`, /read_blob|filer eller adresser/);
    refused(`SELECT * FROM "glob"('*')`, /glob|filer eller adresser/);
    refused(`SELECT * FROM "query"('SELECT 42')`, /query|filer eller adresser/);
    // The same calls outside table position are caught by the identifier check alone.
    refused(`SELECT "read_text"('http://example.com/x')`, /Funktionen read_text/);
    refused(`SELECT "ReAd_BlOb"('x')`, /Funktionen read_blob/);
    refused(`SELECT main."read_blob"('x')`, /Funktionen read_blob/);
    refused(`SELECT "main"."query"('SELECT 42')`, /Funktionen query/);
    refused(`SELECT "query_table"('kommuner')`, /Funktionen query_table/);
    refused(`SELECT x FROM kommuner, main.read_text('x')`, /Funktionen read_text/);
    refused(`SELECT read_text /* c */ ('x')`, /Funktionen read_text/);
    refused(`SELECT 'x'.getenv()`, /Funktionen getenv/);
    refused(`SELECT "getenv"('HOME')`, /Funktionen getenv/);
  });

  it("refuses strings and quoted names in table position, comma joins included", () => {
    refused("SELECT * FROM municipalities, 'http://example.com/x.csv'", /filer eller adresser/);
    refused("SELECT * FROM kommuner k, 'http://example.com/x.csv' x", /filer eller adresser/);
    refused("SELECT * FROM kommuner k JOIN resultat r ON r.kommunkod = k.kommunkod, 'http://example.com/x.csv'", /filer eller adresser/);
    refused("SELECT * FROM kommuner JOIN resultat USING (kommunkod), 'x.csv'", /filer eller adresser/);
    refused("SELECT * FROM kommuner, LATERAL 'x.csv'", /filer eller adresser/);
    refused("SELECT * FROM ('http://example.com/x.csv')", /filer eller adresser/);
    refused("SELECT * FROM $$http://example.com/x.csv$$", /filer eller adresser/);
    refused("SELECT * FROM kommuner WHERE kommunkod IN (SELECT kommunkod FROM resultat, 'x.csv')", /filer eller adresser/);
    refused(`SELECT * FROM "x.csv"`, /utan citattecken/);
    refused(`SELECT * FROM kommuner, "http://example.com/x.parquet"`, /utan citattecken/);
    refused("SUMMARIZE 'http://example.com/x.csv'", /filer eller adresser/);
    refused("DESCRIBE 'http://example.com/x.csv'", /filer eller adresser/);
    refused("SHOW 'http://example.com/x.csv'", /filer eller adresser/);
    refused(`SUMMARIZE "x.csv"`, /utan citattecken/);
    refused("DESCRIBE (FROM 'x.csv')", /filer eller adresser/);
    refused("FROM 'x.csv'", /filer eller adresser/);
    refused("TABLE 'x.csv'", /filer eller adresser/);
  });

  it("still lets ordinary reading queries through", () => {
    ok("SELECT k.kommun, r.totalindex FROM kommuner k, resultat r WHERE r.kommunkod = k.kommunkod AND r.kommun IN ('Borås', 'Malmö')");
    ok("SELECT * FROM kommuner k JOIN resultat r USING (kommunkod) WHERE r.ar = 2022");
    ok("SELECT * FROM range(3) t(x), kommuner WHERE kommun GLOB 'S*'");
    ok("SELECT \"kommun\" AS \"query\" FROM kommuner");
    ok("SELECT * FROM (SELECT 1 AS a, 'http://x' AS b) t");
    ok("SUMMARIZE resultat");
    ok("DESCRIBE varden");
    ok("SHOW TABLES");
    ok("SELECT replace_me FROM (SELECT 1 AS replace_me)");
    ok("SELECT * FROM kommuner ORDER BY kommun LIMIT 5");
  });

  it("refuses empty, unterminated and overlong input", () => {
    refused("", /Skriv en fråga/);
    refused("   ;  ");
    refused("SELECT 'abc", /textsträng/);
    refused("SELECT \"abc", /citerat namn/);
    refused("SELECT 1 /* x", /kommentar/);
    refused(`SELECT ${"1+".repeat(6000)}1`, /för lång/);
  });
});

describe("translateDuckDbError", () => {
  it("explains common errors in plain Swedish", () => {
    expect(translateDuckDbError('Catalog Error: Table with name scorez does not exist!\nDid you mean "scores"?\n\nLINE 1: SELECT * FROM scorez'))
      .toBe("Tabellen ”scorez” finns inte. Menade du ”scores”? Se listan över tabeller ovanför rutan.");
    expect(translateDuckDbError('Parser Error: syntax error at or near "FORM"')).toMatch(/skrivfel nära ”FORM”/);
    expect(translateDuckDbError('Binder Error: Referenced column "totl" not found in FROM clause!\nCandidate bindings: "total"'))
      .toMatch(/Kolumnen ”totl” finns inte/);
    expect(translateDuckDbError("Catalog Error: Scalar Function with name foo does not exist!")).toMatch(/Funktionen ”foo” finns inte/);
    expect(translateDuckDbError("Conversion Error: Could not convert string 'a' to INT32")).toMatch(/omvandlas/);
    expect(translateDuckDbError("Parser Error: syntax error at end of input")).toMatch(/tar slut för tidigt/);
    expect(translateDuckDbError('Binder Error: column "name" must appear in the GROUP BY clause or must be part of an aggregate function.'))
      .toMatch(/GROUP BY/);
    expect(translateDuckDbError("Permission Error: Cannot access file because external access is disabled")).toMatch(/inte läsa filer/);
    expect(translateDuckDbError("Something odd")).toBe("Databasen kunde inte köra frågan.");
  });
});
