// For the native-DuckDB tests (rank.test.ts, views.test.ts): the built Parquet tables and the explorer's
// two config tables (exact weights, scoring rules) as the browser engine creates them (engine.ts), in SQL.
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { BUILD_DIR } from "../../site-data/load";
import type { ExplorerConfig } from "./config";
import { dbl, str, weightRows } from "./rank";

export async function createNativeTables(conn: DuckDBConnection, config: ExplorerConfig, tables: readonly string[]): Promise<void> {
  for (const t of tables) await conn.run(`CREATE TABLE "${t}" AS SELECT * FROM read_parquet(${str(path.join(BUILD_DIR, `${t}.parquet`))})`);
  const w = weightRows(config.weightSets, config.rules);
  await conn.run(`CREATE TABLE weights AS SELECT * FROM (VALUES ${w.map((r) =>
    `(${str(r.weight_set)}, CAST(${r.year} AS SMALLINT), ${str(r.indicator)}, ${str(r.sub_index)}, ${dbl(r.weight_in_sub_index)}, ${dbl(r.sub_index_weight)})`).join(", ")})
    t(weight_set, year, indicator, sub_index, weight_in_sub_index, sub_index_weight)`);
  await conn.run(`CREATE TABLE indicator_rules AS SELECT * FROM (VALUES ${config.rules.map((r) =>
    `(${str(r.indicator)}, CAST(${r.pos} AS SMALLINT), ${str(r.sub_index)}, ${str(r.name_sv)}, ${str(r.kind)}, ${str(r.direction)}, ` +
    `${r.best === null ? "CAST(NULL AS DOUBLE)" : dbl(r.best)}, ${r.worst === null ? "CAST(NULL AS DOUBLE)" : dbl(r.worst)})`).join(", ")})
    t(indicator, pos, sub_index, name, kind, direction, best, worst)`);
}
