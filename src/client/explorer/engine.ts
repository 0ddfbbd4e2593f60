// Loading, part 2: DuckDB-WASM for the SQL box, loaded only when needed (the reader uses the SQL box,
// or the page is idle on a fast connection; see connection.ts). Imported dynamically, so neither the
// engine nor apache-arrow is part of what the first ranking waits for. Every table is fetched and
// decoded in a worker (decode.worker.ts), inserted, given its Swedish view (views.ts), and then the
// database is locked (no file or URL access, no setting changes). performance.mark("data-ready")
// marks the moment SQL can run.

import { Float64, Int16, Table, Utf8, vectorFromArray } from "apache-arrow";
import type { ClientConfig } from "./config";
import { lockEngine, startEngine, type Engine } from "./db";
import type { DecodeMessage, DecodeRequest } from "./decode.worker";
import { fmtBytes, fmtMs } from "./format";
import { newProgress, type DataManifest, type ManifestEntry, type TableProgress } from "./load";
import { setPhase, tablePhaseText } from "./progress";
import { createSubSumsSql, indicatorWideSql, rankingSql, subSumsSql, weightRows, type RankParams } from "./rank";
import type { RankingRow } from "./tsRank";
import { viewSql } from "./views";

export interface SqlEngine {
  engine: Engine;
  /** The ranking computed in SQL (rank.ts), for "Visa SQL-frågan" and the tests that it equals the model. */
  rankSql(params: RankParams): Promise<RankingRow[]>;
}

/** Rows of an Arrow table as plain objects (BigInt → number). */
export function tableRows<T>(table: Table): T[] {
  const out: T[] = [];
  const fields = table.schema.fields.map((f) => f.name);
  const cols = fields.map((f) => table.getChild(f));
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    fields.forEach((f, k) => {
      const v = cols[k]?.get(i);
      row[f] = typeof v === "bigint" ? Number(v) : v;
    });
    out.push(row as T);
  }
  return out;
}

/** Fetch and decode Parquet files in a worker (in request order); resolves with Arrow IPC bytes. */
class Decoder {
  private worker = new Worker(new URL("./decode.worker.ts", import.meta.url), { type: "module" });
  private next = 0;
  private waiting = new Map<number, { p: TableProgress; resolve(ipc: Uint8Array): void; reject(e: Error): void }>();

  constructor() {
    this.worker.addEventListener("message", (event: MessageEvent<DecodeMessage>) => {
      const m = event.data;
      const w = this.waiting.get(m.id);
      if (!w) return;
      if (m.type === "progress") {
        w.p.phase = m.phase;
        w.p.loaded = m.loaded;
      } else if (m.type === "done") {
        Object.assign(w.p.ms, m.ms);
        w.p.rows = m.rows;
        w.p.phase = "läser in";
        this.waiting.delete(m.id);
        w.resolve(m.ipc);
      } else {
        w.p.phase = "fel";
        this.waiting.delete(m.id);
        w.reject(new Error(m.message));
      }
      setPhase(w.p.table, tablePhaseText(w.p), w.p.phase);
    });
    this.worker.addEventListener("error", (e) => {
      for (const w of this.waiting.values()) w.reject(new Error(`Avkodningen misslyckades: ${e.message}`));
      this.waiting.clear();
    });
  }

  decode(entry: ManifestEntry, p: TableProgress): Promise<Uint8Array> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { p, resolve, reject });
      this.worker.postMessage({ id, table: entry.table, url: new URL(entry.url, location.href).href } satisfies DecodeRequest);
    });
  }

  close(): void { this.worker.terminate(); }
}

/** The config tables: exact weights per set and year, and the scoring rules of the catalogue. */
function configTables(config: ClientConfig): { weights: Table; indicator_rules: Table } {
  const w = weightRows(config.weightSets, config.rules);
  const r = config.rules;
  return {
    weights: new Table({
      weight_set: vectorFromArray(w.map((x) => x.weight_set), new Utf8()),
      year: vectorFromArray(w.map((x) => x.year), new Int16()),
      indicator: vectorFromArray(w.map((x) => x.indicator), new Utf8()),
      sub_index: vectorFromArray(w.map((x) => x.sub_index), new Utf8()),
      weight_in_sub_index: vectorFromArray(w.map((x) => x.weight_in_sub_index), new Float64()),
      sub_index_weight: vectorFromArray(w.map((x) => x.sub_index_weight), new Float64()),
    }),
    indicator_rules: new Table({
      indicator: vectorFromArray(r.map((x) => x.indicator), new Utf8()),
      pos: vectorFromArray(r.map((x) => x.pos), new Int16()),
      sub_index: vectorFromArray(r.map((x) => x.sub_index), new Utf8()),
      name: vectorFromArray(r.map((x) => x.name_sv), new Utf8()),
      kind: vectorFromArray(r.map((x) => x.kind), new Utf8()),
      direction: vectorFromArray(r.map((x) => x.direction), new Utf8()),
      best: vectorFromArray(r.map((x) => x.best), new Float64()),
      worst: vectorFromArray(r.map((x) => x.worst), new Float64()),
    }),
  };
}

/** Start DuckDB-WASM, load every table of the manifest, create the Swedish views and lock the database. */
export async function loadEngine(config: ClientConfig, manifest: DataManifest, onSummary: (text: string) => void): Promise<SqlEngine> {
  const t0 = performance.now();
  performance.mark("explorer:engine-start");
  const progress = new Map(manifest.tables.map((t) => [t.table, newProgress(t)]));
  setPhase("engine", "hämtar", "hämtar");
  // The tables are fetched and decoded in a worker while the engine downloads and compiles.
  const decoder = new Decoder();
  const decoded = manifest.tables.map((t) => {
    const d = decoder.decode(t, progress.get(t.table) as TableProgress);
    d.catch(() => undefined); // errors surface where each table is awaited
    return [t, d] as const;
  });
  const engine = await startEngine((loaded, total) => {
    setPhase("engine", loaded < total ? `hämtar ${fmtBytes(loaded)} av ${fmtBytes(total)}` : "startar", "hämtar");
  });
  performance.mark("explorer:engine-ready");
  setPhase("engine", `klar (${fmtMs(performance.now() - t0)})`, "klar");
  onSummary("Databasmotorn är klar. Läser in tabellerna …");
  const cfg = configTables(config);
  await engine.conn.insertArrowTable(cfg.weights, { name: "weights", create: true });
  await engine.conn.insertArrowTable(cfg.indicator_rules, { name: "indicator_rules", create: true });
  for (const [t, d] of decoded) {
    const p = progress.get(t.table) as TableProgress;
    const ipc = await d;
    const ti = performance.now();
    await engine.conn.insertArrowFromIPCStream(ipc, { name: t.table, create: true });
    p.ms.insert = performance.now() - ti;
    p.phase = "klar";
    setPhase(t.table, tablePhaseText(p), p.phase);
  }
  decoder.close();
  const loaded = new Set(["weights", "indicator_rules", ...manifest.tables.map((t) => t.table)]);
  for (const sql of viewSql(loaded)) await engine.conn.query(sql);
  // Step 1a of the SQL ranking (its temp tables live on this connection) before the lock.
  await engine.conn.query(indicatorWideSql(config.weightSets, config.rules));
  await engine.conn.query(createSubSumsSql());
  await lockEngine(engine);
  performance.mark("data-ready");

  const sums = new Map<string, Promise<unknown>>();
  const ensureSums = (params: RankParams) => {
    const key = `${params.weightSet}|${params.year}`;
    let done = sums.get(key);
    if (!done) {
      const set = config.weightSets.find((s) => s.id === params.weightSet) ?? config.weightSets[0];
      sums.set(key, (done = engine.conn.query(subSumsSql(set, params.year, config.rules, config.weightSets[0].id))));
    }
    return done;
  };
  return {
    engine,
    async rankSql(params) {
      await ensureSums(params);
      return tableRows<RankingRow>(await engine.conn.query(rankingSql(params)));
    },
  };
}
