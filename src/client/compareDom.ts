// Small DOM helpers shared by the compare table and the compare cards (src/client/compare*.ts). All text
// goes in through append (textContent): names are never HTML.
import { formatInt, formatRank } from "../charts/format";
import type { CompareMunicipality } from "../site-data/ranking";

export const SUB_NAMES = ["Information", "Biståndshandläggning", "Utförande", "Stöd och utveckling"];
export const GROUP_LABEL: Record<string, string> = {
  högt: "Högt", "över medel": "Över medel", "nära medel": "Nära medel", "under medel": "Under medel", lågt: "Lågt",
};

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/**
 * A bar's width through the CSS object model: allowed by a Content-Security-Policy without
 * 'unsafe-inline' for styles (a style attribute would not be).
 */
export function setBarWidth<E extends HTMLElement>(bar: E, score: number): E {
  bar.style.width = `${Math.max(0, Math.min(100, score)).toFixed(1)}%`;
  return bar;
}

/** The rank in words; a low-coverage municipality has no rank here (never an indicative number). */
export function rankText(m: Pick<CompareMunicipality, "rank" | "nRanked" | "lowCoverage">): string {
  if (m.lowCoverage) return "Ingen placering (för lite underlag)";
  return m.rank === null ? "Ej rangordnad" : formatRank(m.rank, m.nRanked);
}

/** What an indicator's raw value is, beside its name: "andel", "antal" or "antal, lägre är bättre". */
export function indicatorNote(ind: { unit: "share" | "count"; lowerIsBetter: boolean }): string {
  return ind.unit === "share" ? "andel" : ind.lowerIsBetter ? "antal, lägre är bättre" : "antal";
}
