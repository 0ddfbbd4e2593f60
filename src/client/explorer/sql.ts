// The read-only SQL box ("Fråga data"): decides which statements may run and turns DuckDB's error
// messages into plain Swedish. Pure (no DOM, no DuckDB), unit-tested in Node.
//
// Defence in depth: this check refuses everything but one reading statement; the database itself has
// external access disabled and its configuration locked once the tables are loaded (see db.ts).

export const ALLOWED_FIRST = ["SELECT", "WITH", "FROM", "VALUES", "DESCRIBE", "SHOW", "SUMMARIZE", "EXPLAIN", "TABLE"] as const;

/** Statements (keywords) that write, attach, load or change settings. Refused anywhere in the text. */
export const FORBIDDEN_KEYWORDS = [
  "COPY", "ATTACH", "DETACH", "INSTALL", "LOAD", "FORCE", "PRAGMA", "SET", "RESET", "CREATE", "INSERT",
  "UPDATE", "DELETE", "DROP", "ALTER", "EXPORT", "IMPORT", "CALL", "USE", "CHECKPOINT", "VACUUM",
  "TRUNCATE", "MERGE", "UPSERT", "REPLACE", "BEGIN", "COMMIT", "ROLLBACK", "ABORT", "TRANSACTION",
  "PREPARE", "EXECUTE", "DEALLOCATE", "SECRET", "COMMENT",
] as const;

/** Table functions and scalar functions that read files or URLs, run SQL text or read the environment. */
export const FORBIDDEN_FUNCTIONS = [
  "read_csv", "read_csv_auto", "read_json", "read_json_auto", "read_json_objects", "read_json_objects_auto",
  "read_ndjson", "read_ndjson_auto", "read_ndjson_objects", "read_parquet", "parquet_scan", "parquet_metadata",
  "parquet_schema", "parquet_file_metadata", "parquet_kv_metadata", "parquet_bloom_probe", "read_text",
  "read_blob", "glob", "sniff_csv", "iceberg_scan", "iceberg_metadata", "delta_scan", "read_xlsx", "st_read",
  "query", "query_table", "getenv", "load_extension", "duckdb_secrets", "which_secret", "read_duckdb",
] as const;

export type SqlCheck = { ok: true; sql: string } | { ok: false; message: string };

export const MAX_SQL_LENGTH = 10_000;

interface Token { kind: "word" | "string" | "ident" | "symbol"; text: string }

/**
 * Split SQL into tokens, skipping comments and whitespace. String literals ('…', E'…', $tag$…$tag$) and
 * quoted identifiers ("…") become single tokens, so words inside them are never mistaken for keywords.
 * Returns an error message for an unterminated string, identifier or comment.
 */
export function tokenize(sql: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === "-" && sql[i + 1] === "-") {
      while (i < n && sql[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      if (end < 0) return "En kommentar (/* … */) avslutas aldrig.";
      i = end + 2;
      continue;
    }
    if (c === "'" || ((c === "E" || c === "e") && sql[i + 1] === "'")) {
      const escapes = c !== "'";
      let j = escapes ? i + 2 : i + 1;
      let closed = false;
      while (j < n) {
        if (escapes && sql[j] === "\\") { j += 2; continue; }
        if (sql[j] === "'") {
          if (sql[j + 1] === "'") { j += 2; continue; }
          closed = true;
          break;
        }
        j++;
      }
      if (!closed) return "En textsträng ('…') avslutas aldrig.";
      tokens.push({ kind: "string", text: sql.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let closed = false;
      while (j < n) {
        if (sql[j] === '"') {
          if (sql[j + 1] === '"') { j += 2; continue; }
          closed = true;
          break;
        }
        j++;
      }
      if (!closed) return "Ett citerat namn (\"…\") avslutas aldrig.";
      tokens.push({ kind: "ident", text: sql.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (c === "$") {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (m) {
        const tag = m[0];
        const end = sql.indexOf(tag, i + tag.length);
        if (end < 0) return "En textsträng med $-citering avslutas aldrig.";
        tokens.push({ kind: "string", text: sql.slice(i, end + tag.length) });
        i = end + tag.length;
        continue;
      }
    }
    if (/[A-Za-z_\u00C0-\uFFFF]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$\u00C0-\uFFFF]/.test(sql[j])) j++;
      tokens.push({ kind: "word", text: sql.slice(i, j) });
      i = j;
      continue;
    }
    tokens.push({ kind: "symbol", text: c });
    i++;
  }
  return tokens;
}

/** Keywords after which a table (or a table function, or a subquery) follows. */
const TABLE_KEYWORDS = new Set(["FROM", "JOIN", "SUMMARIZE", "DESCRIBE", "SHOW", "TABLE"]);

/** Keywords that end a FROM clause at their depth (a comma after them is no longer a join). */
const CLAUSE_END = new Set([
  "WHERE", "GROUP", "HAVING", "QUALIFY", "WINDOW", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT",
  "SELECT", "RETURNING",
]);

/** A quoted identifier's name as DuckDB reads it: without quotes, doubled quotes undone. */
export function unquoteIdent(text: string): string {
  return text.slice(1, -1).replace(/""/g, '"');
}

const NO_FILES = "Frågerutan kan inte läsa filer eller adresser, bara de inlästa tabellerna.";

/**
 * Check a query from the SQL box. Only one reading statement passes.
 *
 * The check holds on its own (issue 20), without relying on the database's lock:
 * - every identifier that is called, bare or quoted (`read_text(`, `"read_text"(`, `"main"."read_blob"(`),
 *   is compared unquoted and lower-cased with the forbidden functions (so `name GLOB 'S*'` still works);
 * - in table position (after FROM, JOIN, a comma in a FROM clause, SUMMARIZE, DESCRIBE, SHOW, TABLE, and
 *   after any opening parentheses there) only a bare name or a subquery may stand: a string
 *   (`FROM 'http://…'`, a "replacement scan" that reads a file or URL) or a quoted identifier
 *   (`FROM "x.csv"`, `FROM "glob"('*')`) is refused.
 */
export function checkReadOnlySql(input: string): SqlCheck {
  const sql = input.trim();
  if (sql === "") return { ok: false, message: "Skriv en fråga först, till exempel SELECT * FROM kommuner LIMIT 10." };
  if (sql.length > MAX_SQL_LENGTH) {
    return { ok: false, message: `Frågan är för lång (högst ${MAX_SQL_LENGTH.toLocaleString("sv-SE")} tecken).` };
  }
  const tokens = tokenize(sql);
  if (typeof tokens === "string") return { ok: false, message: tokens };
  // Trailing semicolons are fine; anything after a semicolon is a second statement.
  let last = tokens.length;
  while (last > 0 && tokens[last - 1].kind === "symbol" && tokens[last - 1].text === ";") last--;
  const body = tokens.slice(0, last);
  if (body.some((t) => t.kind === "symbol" && t.text === ";")) {
    return { ok: false, message: "Bara en fråga i taget är tillåten. Ta bort semikolon mitt i texten." };
  }
  const first = body.find((t) => !(t.kind === "symbol" && t.text === "("));
  if (!first || first.kind !== "word" || !(ALLOWED_FIRST as readonly string[]).includes(first.text.toUpperCase())) {
    return {
      ok: false,
      message: "Här kan du bara läsa data. Börja frågan med SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE eller EXPLAIN.",
    };
  }
  let depth = 0;
  const inFrom: boolean[] = [false]; // per parenthesis depth: inside a FROM clause (a comma joins a table)
  let tablePosition = false;
  for (let k = 0; k < body.length; k++) {
    const t = body[k];
    if (t.kind === "symbol") {
      if (t.text === "(") { depth++; inFrom[depth] = false; continue; } // table position carries into "("
      if (t.text === ")") { depth = Math.max(0, depth - 1); tablePosition = false; continue; }
      if (t.text === "," && inFrom[depth]) { tablePosition = true; continue; }
      tablePosition = false;
      continue;
    }
    if (t.kind === "string") {
      if (tablePosition) return { ok: false, message: NO_FILES };
      continue;
    }
    const name = t.kind === "ident" ? unquoteIdent(t.text).toLowerCase() : t.text.toLowerCase();
    const next = body[k + 1];
    const called = next?.kind === "symbol" && next.text === "(";
    if (called && (FORBIDDEN_FUNCTIONS as readonly string[]).includes(name)) {
      return {
        ok: false,
        message: `Funktionen ${name} är inte tillåten här: frågerutan läser bara de inlästa tabellerna, inga filer eller adresser.`,
      };
    }
    if (t.kind === "ident") {
      if (tablePosition) {
        return { ok: false, message: `${NO_FILES} Skriv tabellnamnet utan citattecken (till exempel FROM kommuner).` };
      }
      continue;
    }
    const upper = t.text.toUpperCase();
    if ((FORBIDDEN_KEYWORDS as readonly string[]).includes(upper)) {
      return {
        ok: false,
        message: `${upper} är inte tillåtet här. Frågerutan kan bara läsa tabellerna, inte ändra, skapa, ladda eller koppla in något.`,
      };
    }
    if (TABLE_KEYWORDS.has(upper)) {
      tablePosition = true;
      if (upper === "FROM" || upper === "JOIN") inFrom[depth] = true;
      continue;
    }
    if (CLAUSE_END.has(upper)) inFrom[depth] = false;
    // LATERAL and the join words keep the table position open (FROM LATERAL …, LEFT JOIN …).
    if (!(tablePosition && upper === "LATERAL")) tablePosition = false;
  }
  return { ok: true, sql };
}

/** Turn a DuckDB error message into plain Swedish (with the original kept for the details view). */
export function translateDuckDbError(raw: string): string {
  const msg = raw.replace(/^Error:\s*/, "").trim();
  const firstLine = msg.split("\n")[0];
  const name = (re: RegExp): string | null => re.exec(msg)?.[1] ?? null;
  const didYouMean = name(/Did you mean "([^"]+)"/) ?? name(/Candidate bindings: "?([^"\n,]+)"?/);
  const hint = didYouMean ? ` Menade du ”${didYouMean}”?` : "";

  let m: RegExpExecArray | null;
  if ((m = /Table with name (\S+?) does not exist/.exec(msg))) {
    return `Tabellen ”${m[1]}” finns inte.${hint} Se listan över tabeller ovanför rutan.`;
  }
  if ((m = /Referenced column "?([^"\s]+)"? not found/.exec(msg)) || (m = /column "?([^"\s]+)"? (?:does not exist|not found)/i.exec(msg))) {
    return `Kolumnen ”${m[1]}” finns inte i tabellen.${hint} Skriv DESCRIBE tabellnamn för att se kolumnerna.`;
  }
  if ((m = /(?:Scalar|Table|Aggregate) Function with name (\S+?) does not exist/.exec(msg))) {
    return `Funktionen ”${m[1]}” finns inte (eller är inte tillgänglig här).${hint}`;
  }
  if ((m = /syntax error at or near "([^"]*)"/.exec(msg))) {
    return `Frågan har ett skrivfel nära ”${m[1]}”. Kontrollera kommatecken, parenteser och stavning.`;
  }
  if (/syntax error at end of input/.test(msg)) {
    return "Frågan tar slut för tidigt. Saknas något i slutet, till exempel en parentes eller ett tabellnamn?";
  }
  if ((m = /column "([^"]+)" must appear in the GROUP BY clause/.exec(msg))) {
    return `Kolumnen ”${m[1]}” måste stå i GROUP BY eller ligga i en mängdfunktion som SUM, AVG eller COUNT.`;
  }
  if (/Ambiguous reference to column name "([^"]+)"/.test(msg)) {
    return `Kolumnnamnet ”${name(/Ambiguous reference to column name "([^"]+)"/)}” finns i flera tabeller. Skriv tabellnamn.kolumn.`;
  }
  if (/Conversion Error|Could not convert/.test(msg)) {
    return "Ett värde kunde inte omvandlas till rätt typ (till exempel text till tal). Kontrollera jämförelser och CAST.";
  }
  if (/No function matches the given name and argument types/.test(msg)) {
    return "Funktionen finns men inte för de typer du gav den (till exempel text där ett tal behövs). Prova CAST.";
  }
  if (/Out of Memory|out of memory/.test(msg)) {
    return "Frågan kräver för mycket minne i webbläsaren. Begränsa den, till exempel med WHERE eller LIMIT.";
  }
  if (/Interrupted|INTERRUPT/.test(msg)) return "Frågan avbröts eftersom den tog för lång tid.";
  if (/external access is disabled|Permission Error/i.test(msg)) {
    return "Frågerutan kan inte läsa filer eller adresser, bara de inlästa tabellerna.";
  }
  if (/Division by zero/i.test(msg)) return "Frågan delar med noll.";
  if (/Binder Error/.test(firstLine)) return "Frågan hänvisar till något som inte passar ihop med tabellerna (namn eller typer).";
  if (/Parser Error/.test(firstLine)) return "Frågan kunde inte tolkas. Kontrollera stavning och skiljetecken.";
  if (/Catalog Error/.test(firstLine)) return `Något namn i frågan finns inte i databasen.${hint}`;
  return "Databasen kunde inte köra frågan.";
}
