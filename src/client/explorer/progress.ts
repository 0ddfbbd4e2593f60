// The loading panel ("Inläsning"): one line per file with its phase, and the summary line.

import { $, fmtBytes, fmtMs } from "./format";
import type { TableProgress } from "./load";

export function setPhase(item: string, text: string, phase: string): void {
  const li = document.querySelector<HTMLElement>(`#load-list li[data-item="${CSS.escape(item)}"]`);
  if (!li) return;
  li.dataset.phase = phase;
  const el = li.querySelector(".load-phase");
  if (el) el.textContent = text;
}

export function tablePhaseText(p: TableProgress): string {
  switch (p.phase) {
    case "hämtar": return p.loaded > 0 ? `hämtar ${fmtBytes(p.loaded)} av ${fmtBytes(p.bytes)}` : "hämtar";
    case "avkodar": return "avkodar Parquet";
    case "läser in": return "läser in i databasen";
    case "klar": return `klar (${fmtMs(p.ms.fetch + p.ms.decode + p.ms.insert)})`;
    case "fel": return "fel";
    default: return "väntar";
  }
}

/** The summary line; `state` is also kept as data-state for styling and tests. */
export function setSummary(text: string, state: string): void {
  const summary = $("load-summary");
  summary.dataset.state = state;
  summary.textContent = text;
}
