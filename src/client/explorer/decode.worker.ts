// Web worker: fetch a Parquet file, decode it with hyparquet and turn it into an Arrow IPC stream, off the
// main thread (the large tables take seconds to decode and would otherwise freeze the page). The page
// hands the bytes to DuckDB with insertArrowFromIPCStream (what insertArrowTable does internally).
import { tableToIPC } from "apache-arrow";
import { fetchWithProgress, parquetToArrow } from "./load";

export interface DecodeRequest { id: number; table: string; url: string }
export type DecodeMessage =
  | { type: "progress"; id: number; phase: "hämtar" | "avkodar"; loaded: number }
  | { type: "done"; id: number; ipc: Uint8Array; rows: number; ms: { fetch: number; decode: number } }
  | { type: "error"; id: number; message: string };

const post = (m: DecodeMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

// One file at a time, in the order asked for (the first ranking's tables first).
let queue: Promise<void> = Promise.resolve();
self.addEventListener("message", (event: MessageEvent<DecodeRequest>) => {
  queue = queue.then(() => decode(event.data));
});

async function decode({ id, table, url }: DecodeRequest): Promise<void> {
  try {
    let t = performance.now();
    let last = 0;
    post({ type: "progress", id, phase: "hämtar", loaded: 0 });
    const buffer = await fetchWithProgress(url, (loaded) => {
      const now = performance.now();
      if (now - last > 50) { last = now; post({ type: "progress", id, phase: "hämtar", loaded }); }
    });
    const fetchMs = performance.now() - t;
    post({ type: "progress", id, phase: "avkodar", loaded: buffer.byteLength });
    t = performance.now();
    const arrow = await parquetToArrow(buffer, table);
    const ipc = tableToIPC(arrow, "stream");
    post({ type: "done", id, ipc, rows: arrow.numRows, ms: { fetch: fetchMs, decode: performance.now() - t } }, [ipc.buffer]);
  } catch (error) {
    post({ type: "error", id, message: error instanceof Error ? error.message : String(error) });
  }
}
