/// <reference types="vite/client" />
// DuckDB-WASM for the explorer: self-hosted bundles (Vite `?url` imports, never a CDN), one worker,
// settings that keep the engine offline. DESIGN.md §5.1. Imported only by /utforska/, and only through
// a dynamic import after the page has shown its static content.

import {
  AsyncDuckDB, ConsoleLogger, getPlatformFeatures, LogLevel, type AsyncDuckDBConnection, type InstantiationProgress,
} from "@duckdb/duckdb-wasm";
// Only the "eh" build (WebAssembly exception handling: every browser since 2022 — Chrome 95, Firefox 100,
// Safari 15.2). The "mvp" fallback was a second 39 MB wasm file in dist/ (issue 14 size budget).
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
  if (!(await getPlatformFeatures()).wasmExceptions) {
    throw new Error("Utforska kräver en nyare webbläsare (med stöd för undantag i WebAssembly). Rankningen och kommunsidorna fungerar ändå.");
  }
  const bundle = { mainModule: ehWasm, mainWorker: ehWorker, pthreadWorker: null };
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
