// The SQL box ("Fråga data"): checks the query (sql.ts), waits for DuckDB-WASM (loaded on demand),
// runs the query on its own connection with a row limit and a timeout, shows the result as a table and
// offers it as CSV and XLSX.

import type { SqlEngine } from "./engine";
import { $, esc, fmt, fmtMs } from "./format";
import { downloadCsv, downloadXlsx, type Cell, type DownloadTable } from "./download";
import { checkReadOnlySql, translateDuckDbError } from "./sql";

const MAX_ROWS = 1000;
const SQL_TIMEOUT_MS = 20_000;

interface SqlResult { sql: string; fields: string[]; rows: unknown[][]; truncated: boolean }
let last: SqlResult | null = null;

function formatCell(v: unknown): string {
  if (v === null || v === undefined) return `<span class="muted">NULL</span>`;
  if (typeof v === "number") return Number.isInteger(v) ? fmt(v, 0) : fmt(v, 0, 6);
  if (typeof v === "bigint") return esc(v.toString());
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return esc(v.toISOString().slice(0, 10));
  if (typeof v === "object" && "toJSON" in v) return esc(JSON.stringify((v as { toJSON(): unknown }).toJSON()));
  return esc(String(v));
}

/** A result cell for a file: numbers stay numbers (exact), everything else becomes text. */
export function fileCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "toJSON" in v) return JSON.stringify((v as { toJSON(): unknown }).toJSON());
  return String(v);
}

export function sqlDownloadTable(result: SqlResult, dataVersion: string | null): DownloadTable {
  const numeric = result.fields.map((_, k) => result.rows.length > 0 && result.rows.every((r) => r[k] === null || typeof r[k] === "number" || typeof r[k] === "bigint"));
  return {
    columns: result.fields.map((name, k) => ({ name, kind: numeric[k] ? "number" : "text" })),
    rows: result.rows.map((r) => r.map(fileCell)),
    about: [
      ["Fråga", result.sql],
      ["Rader", result.truncated ? `De första ${MAX_ROWS} raderna` : String(result.rows.length)],
      ["Källa", "Rådata: Källa: Kolada. Index, delindex och rang: Bearbetning av data från Kolada (Hemtjänstkollen)."],
      ["Länk", location.href.split("#")[0]],
      ["Dataversion", dataVersion ?? ""],
    ],
    fileStem: "hemtjanstkollen-fraga",
    sheetName: "Resultat",
  };
}

export async function runSql(engine: () => Promise<SqlEngine>, text: string): Promise<void> {
  const status = $("sql-status");
  const result = $("sql-result");
  const check = checkReadOnlySql(text);
  if (!check.ok) {
    status.innerHTML = `<p class="sql-error">${esc(check.message)}</p>`;
    result.innerHTML = "";
    showDownloads(false);
    return;
  }
  status.innerHTML = "<p>Väntar på databasmotorn och tabellerna …</p>";
  let sqlEngine: SqlEngine;
  try {
    sqlEngine = await engine();
  } catch (error) {
    status.innerHTML = `<p class="sql-error">Databasmotorn kunde inte startas: ${esc((error as Error).message)}</p>`;
    return;
  }
  const conn = sqlEngine.engine.sqlConn;
  status.innerHTML = "<p>Kör frågan …</p>";
  result.setAttribute("aria-busy", "true");
  const t0 = performance.now();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; void conn.cancelSent(); }, SQL_TIMEOUT_MS);
  try {
    const reader = await conn.send(check.sql, true);
    let fields: string[] = [];
    const rows: unknown[][] = [];
    let truncated = false;
    for await (const batch of reader) {
      if (!fields.length) fields = batch.schema.fields.map((f) => f.name);
      const cols = fields.map((_, k) => batch.getChildAt(k));
      for (let i = 0; i < batch.numRows; i++) {
        if (rows.length >= MAX_ROWS) { truncated = true; break; }
        rows.push(cols.map((c) => c?.get(i)));
      }
      if (truncated) break;
    }
    if (truncated) await conn.cancelSent().catch(() => false);
    if (!fields.length) fields = reader.schema?.fields.map((f) => f.name) ?? [];
    const ms = performance.now() - t0;
    last = { sql: check.sql, fields, rows, truncated };
    const count = truncated ? `de första ${fmt(MAX_ROWS, 0)} raderna` : `${fmt(rows.length, 0)} ${rows.length === 1 ? "rad" : "rader"}`;
    result.innerHTML = `<div class="table-wrap" tabindex="0" role="region" aria-labelledby="sql-caption"><table>` +
      `<caption id="sql-caption">Resultat: ${count}</caption>` +
      `<thead><tr>${fields.map((f, k) => `<th scope="col"${typeof rows[0]?.[k] === "number" ? ' class="num"' : ""}>${esc(f)}</th>`).join("")}</tr></thead>` +
      `<tbody>${rows.map((r) => `<tr>${r.map((v) => `<td${typeof v === "number" ? ' class="num"' : ""}>${formatCell(v)}</td>`).join("")}</tr>`).join("")}</tbody>` +
      `</table></div>`;
    status.innerHTML = `<p>Frågan gav ${truncated ? `mer än ${fmt(MAX_ROWS, 0)} rader (de första visas)` : `${fmt(rows.length, 0)} ${rows.length === 1 ? "rad" : "rader"}`} på ${fmtMs(ms)}.</p>`;
    showDownloads(fields.length > 0);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const message = timedOut ? "Frågan avbröts eftersom den tog längre än 20 sekunder. Begränsa den, till exempel med WHERE eller LIMIT." : translateDuckDbError(raw);
    result.innerHTML = "";
    showDownloads(false);
    status.innerHTML = `<div class="sql-error"><p><strong>Frågan kunde inte köras.</strong> ${esc(message)}</p>` +
      `<details><summary>Teknisk information (från DuckDB, på engelska)</summary><pre>${esc(raw)}</pre></details></div>`;
  } finally {
    clearTimeout(timer);
    result.setAttribute("aria-busy", "false");
  }
}

function showDownloads(on: boolean): void {
  $("sql-downloads").hidden = !on;
}

/** Wire the result's download buttons (the result itself is the last query that ran). */
export function wireSqlDownloads(dataVersion: string | null): void {
  $("sql-download-csv").addEventListener("click", () => { if (last) downloadCsv(sqlDownloadTable(last, dataVersion)); });
  $("sql-download-xlsx").addEventListener("click", () => {
    if (!last) return;
    const btn = $<HTMLButtonElement>("sql-download-xlsx");
    btn.setAttribute("aria-busy", "true");
    downloadXlsx(sqlDownloadTable(last, dataVersion))
      .catch((e: unknown) => { $("sql-status").textContent = `Excelfilen kunde inte skapas: ${(e as Error).message}`; })
      .finally(() => btn.removeAttribute("aria-busy"));
  });
}
