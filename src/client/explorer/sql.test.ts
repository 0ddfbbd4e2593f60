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
