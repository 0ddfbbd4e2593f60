/// <reference types="vite/client" />
// DuckDB-WASM for the explorer: self-hosted bundles (Vite `?url` imports, never a CDN), one worker,
// settings that keep the engine offline. DESIGN.md §5.1. Imported only by /utforska/, and only through
// a dynamic import after the page has shown its static content.

import {
  AsyncDuckDB, ConsoleLogger, LogLevel, selectBundle, type AsyncDuckDBConnection, type InstantiationProgress,
} from "@duckdb/duckdb-wasm";
import mvpWasm from "@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url";
import mvpWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url";
import ehWasm from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import ehWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";

export interface Engine {
  db: AsyncDuckDB;
  /** Connection for the explorer's own queries (ranking, lists). */
  conn: AsyncDuckDBConnection;
  /** Separate connection for the reader's SQL box. */
  sqlConn: AsyncDuckDBConnection;
  /** The wasm file that was chosen (for the progress text and the benchmark). */
  wasmUrl: string;
}

/** Settings run right after connect(): the engine must never try to fetch an extension. */
export const OFFLINE_SETTINGS = [
  "SET autoinstall_known_extensions = false",
  "SET autoload_known_extensions = false",
];

/** Settings run once every table is loaded: no file or URL access, and no way to change settings back. */
export const LOCK_SETTINGS = [
  "SET enable_external_access = false",
  "SET lock_configuration = true",
];

export async function startEngine(onProgress?: (loaded: number, total: number) => void): Promise<Engine> {
  const bundle = await selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  if (!bundle.mainWorker) throw new Error("DuckDB-WASM: no worker in the selected bundle");
  const worker = new Worker(bundle.mainWorker);
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p: InstantiationProgress) => {
    onProgress?.(p.bytesLoaded, p.bytesTotal);
  });
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  for (const s of OFFLINE_SETTINGS) await conn.query(s);
  const sqlConn = await db.connect();
  return { db, conn, sqlConn, wasmUrl: bundle.mainModule };
}

/** Turn off external access and lock the configuration (after the last table is inserted). */
export async function lockEngine(engine: Engine): Promise<void> {
  for (const s of LOCK_SETTINGS) await engine.conn.query(s);
}
