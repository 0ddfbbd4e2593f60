// A small pool of worker threads (worker.ts) with a queue. Workers load TypeScript through tsx, which
// the parent passes on in execArgv (added when the parent runs without it, e.g. under a test runner).
import { Worker } from "node:worker_threads";
import type { WorkerReply, WorkerTask } from "./worker";

type Pending = { resolve: (files: Record<string, Uint8Array>) => void; reject: (e: Error) => void };

export class ReportWorkerPool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: { task: WorkerTask; pending: Pending }[] = [];
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private failed: Error | null = null;

  constructor(size: number) {
    const url = new URL("./worker.ts", import.meta.url);
    const execArgv = process.execArgv.some((a) => a.includes("tsx")) ? process.execArgv : [...process.execArgv, "--import", "tsx"];
    for (let i = 0; i < size; i++) {
      const w = new Worker(url, { execArgv });
      w.on("message", (m: WorkerReply) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.ok) p?.resolve(m.files);
        else p?.reject(new Error(m.error));
        this.idle.push(w);
        this.pump();
      });
      w.on("error", (e) => this.fail(e));
      w.on("exit", (code) => { if (code !== 0) this.fail(new Error(`report worker exited with code ${code}`)); });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  run(task: Omit<WorkerTask, "id">): Promise<Record<string, Uint8Array>> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, pending: { resolve, reject } });
      this.pump();
    });
  }

  private pump() {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const { task, pending } = this.queue.shift()!;
      this.pending.set(task.id, pending);
      w.postMessage(task);
    }
  }

  private fail(e: Error) {
    this.failed ??= e;
    for (const p of this.pending.values()) p.reject(e);
    for (const q of this.queue) q.pending.reject(e);
    this.pending.clear();
    this.queue = [];
  }

  async close(): Promise<void> {
    this.failed ??= new Error("report worker pool closed");
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
