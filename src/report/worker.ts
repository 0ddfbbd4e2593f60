// Worker thread of the report build: makes the Excel, PowerPoint, CSV and read-me files of one package
// at a time (generateFiles.ts) and sends the bytes back (transferred, not copied).
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import type { ReportChartKey } from "./charts";
import { generatePackageFiles } from "./generateFiles";
import type { ReportView } from "./reportView";

export interface WorkerTask { id: number; view: ReportView; chartPngs: [ReportChartKey, string][] }
export type WorkerReply =
  | { id: number; ok: true; files: Record<string, Uint8Array> }
  | { id: number; ok: false; error: string };

parentPort!.on("message", async (task: WorkerTask) => {
  try {
    const pngs = new Map(task.chartPngs.map(([k, file]) => [k, new Uint8Array(readFileSync(file))]));
    const made = await generatePackageFiles(task.view, pngs);
    // Fresh, exactly sized copies: Node's small Buffers share a pool that must not be transferred.
    const files = Object.fromEntries(Object.entries(made).map(([k, b]) => [k, new Uint8Array(b)]));
    parentPort!.postMessage({ id: task.id, ok: true, files } satisfies WorkerReply, Object.values(files).map((b) => b.buffer as ArrayBuffer));
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ id: task.id, ok: false, error: `${err.message}\n${err.stack ?? ""}` } satisfies WorkerReply);
  }
});
