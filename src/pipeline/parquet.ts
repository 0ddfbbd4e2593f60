// Parquet writing (build time, @duckdb/node-api) and reading (hyparquet, pure JS: works in Node and the
// browser). Files are ZSTD-compressed, which hyparquet-compressors decodes (DESIGN.md §5.1), written with
// explicit narrow types and ORDER BY the full key so the same rows always give the same bytes.
import { DuckDBInstance, type DuckDBAppender } from "@duckdb/node-api";
import { readFile } from "node:fs/promises";
import { parquetReadObjects } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import type { ColumnSpec, TableSpec } from "./tables";

type Row = Record<string, unknown>;

function appendCell(appender: DuckDBAppender, column: ColumnSpec, value: unknown, table: string, index: number): void {
  if (value === null || value === undefined) {
    if (!column.nullable) throw new Error(`${table}, row ${index + 1}, field ${column.name}: value is missing but the column is not nullable`);
    appender.appendNull();
    return;
  }
  const bad = (expected: string) =>
    new Error(`${table}, row ${index + 1}, field ${column.name}: expected ${expected}, found ${JSON.stringify(value)}`);
  switch (column.type) {
    case "VARCHAR":
      if (typeof value !== "string") throw bad("a string");
      return appender.appendVarchar(value);
    case "SMALLINT":
    case "INTEGER":
      if (typeof value !== "number" || !Number.isInteger(value)) throw bad("an integer");
      return column.type === "SMALLINT" ? appender.appendSmallInt(value) : appender.appendInteger(value);
    case "DOUBLE":
      if (typeof value !== "number" || !Number.isFinite(value)) throw bad("a finite number");
      return appender.appendDouble(value);
    case "BOOLEAN":
      if (typeof value !== "boolean") throw bad("true or false");
      return appender.appendBoolean(value);
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Write rows to a Parquet file (ZSTD, sorted by the table key). Throws naming the table, row and field. */
export async function writeParquet<R extends object>(spec: TableSpec<R>, rows: readonly R[], file: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    const cols = spec.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(", ");
    await connection.run(`CREATE TABLE t (${cols})`);
    const appender = await connection.createAppender("t");
    rows.forEach((row, i) => {
      for (const column of spec.columns) appendCell(appender, column, (row as Row)[column.name], spec.name, i);
      appender.endRow();
    });
    appender.closeSync();
    const order = spec.key.map(quoteIdent).join(", ");
    const target = file.replace(/'/g, "''");
    await connection.run(
      `COPY (SELECT * FROM t ORDER BY ${order}) TO '${target}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Read a Parquet file into plain objects (numbers, strings, booleans, null). */
export async function readParquet<R = Row>(file: string): Promise<R[]> {
  const buffer = await readFile(file);
  const arrayBuffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  const rows = await parquetReadObjects({ file: arrayBuffer, compressors });
  return rows as R[];
}
