// Compare island (/jamfor/?k=0180,1480,1280): 2–5 municipalities side by side. The state is the `k`
// query parameter only, so every view is a shareable link. Data: /jamfor/kommuner.json (built by
// src/site-data/ranking.ts compareData). All text goes in through textContent: names are never HTML.
import { formatInt, formatNumber, formatRankInterval, formatScore, formatShare } from "../charts/format";
import type { CompareData, CompareMunicipality } from "../site-data/ranking";
import { GROUP_LABEL, SUB_NAMES, el, indicatorNote, rankText, setBarWidth } from "./compareDom";
import { renderCards } from "./compareCards";

export const MAX_COMPARE = 5;
export const MIN_COMPARE = 2;

/** Codes from a `k` value: 4-digit, known, de-duplicated, in the order given, at most MAX_COMPARE. */
export function parseCodes(k: string | null, known: ReadonlySet<string>): string[] {
  if (!k) return [];
  const out: string[] = [];
  for (const part of k.split(/[,\s;]+/)) {
    const code = part.trim();
    if (/^\d{4}$/.test(code) && known.has(code) && !out.includes(code)) out.push(code);
    if (out.length === MAX_COMPARE) break;
  }
  return out;
}

/** The query string for a set of codes ("?k=0180,1480"; commas kept readable). */
export function queryFor(codes: readonly string[]): string {
  return codes.length ? `?k=${codes.join(",")}` : "";
}

export function addCode(codes: readonly string[], code: string): string[] {
  return codes.includes(code) || codes.length >= MAX_COMPARE ? [...codes] : [...codes, code];
}

export function removeCode(codes: readonly string[], code: string): string[] {
  return codes.filter((c) => c !== code);
}

/** Fill up with peers ("Liknande kommuner äldreomsorg") of the first municipality, up to the maximum. */
export function withPeers(codes: readonly string[], peers: readonly string[], known: ReadonlySet<string>): string[] {
  let out = [...codes];
  for (const p of peers) if (known.has(p)) out = addCode(out, p);
  return out;
}

function scoreCell(score: number | null, bold = false): HTMLTableCellElement {
  const td = el("td", { class: "num" });
  const text = el(bold ? "strong" : "span", {}, formatScore(score));
  td.append(text);
  if (score !== null) {
    const bar = el("span", { class: "mini-bar", "aria-hidden": "true" });
    bar.append(setBarWidth(el("span"), score));
    td.append(bar);
  }
  return td;
}

function groupCell(group: string | null): HTMLTableCellElement {
  return el("td", {}, el("span", { class: "group", "data-group": group ?? "ingen" }, group ? GROUP_LABEL[group] ?? group : "Ingen grupp"));
}

function rowHeader(text: string, note?: string): HTMLTableCellElement {
  const th = el("th", { scope: "row" }, text);
  if (note) th.append(el("span", { class: "row-note" }, note));
  return th;
}

/** Renders the comparison table for the chosen municipalities. */
export function renderTable(data: CompareData, chosen: CompareMunicipality[], onRemove: (code: string) => void): HTMLTableElement {
  const table = el("table", { class: "compare-table" });
  table.append(el("caption", {}, `Jämförelse ${data.year}: ${chosen.map((m) => m.name).join(", ")}. Standardvikter, riksmedianen för saknade värden.`));
  const headRow = el("tr", {}, el("td", { class: "corner" }));
  for (const m of chosen) {
    const th = el("th", { scope: "col" });
    th.append(el("a", { href: `/kommun/${m.code}/` }, m.name));
    th.append(el("span", { class: "col-meta" }, m.county));
    const remove = el("button", { type: "button", class: "remove", "aria-label": `Ta bort ${m.name} från jämförelsen` }, "Ta bort");
    remove.addEventListener("click", () => onRemove(m.code));
    th.append(remove);
    headRow.append(th);
  }
  headRow.append(el("th", { scope: "col", class: "national" }, "Riket"));
  table.append(el("thead", {}, headRow));

  const body = el("tbody");
  const add = (header: HTMLTableCellElement, cells: HTMLTableCellElement[], national: HTMLTableCellElement) => {
    national.classList.add("national");
    body.append(el("tr", {}, header, ...cells, national));
  };
  add(rowHeader("Rang", "1 är bäst"), chosen.map((m) => el("td", { class: "num" }, el("strong", {}, rankText(m)))), el("td", { class: "num" }, "–"));
  add(rowHeader("Trolig plats", "90 % säkerhet"), chosen.map((m) => el("td", { class: "num" }, m.lowCoverage ? "–" : formatRankInterval(m.rankLow, m.rankHigh))), el("td", { class: "num" }, "–"));
  add(rowHeader("Resultatgrupp"), chosen.map((m) => groupCell(m.group)), el("td", {}, "–"));
  add(rowHeader("Totalindex", "0–100"), chosen.map((m) => scoreCell(m.total, true)), scoreCell(data.national.total, true));
  SUB_NAMES.forEach((name, i) => add(rowHeader(name, "delindex, 0–100"), chosen.map((m) => scoreCell(m.sub[i])), scoreCell(data.national.sub[i])));
  add(rowHeader("Täckning", "andel av vikten med faktiska värden"), chosen.map((m) => {
    const td = el("td", { class: "num" }, formatShare(m.coverage * 100, 0));
    if (m.lowCoverage) td.append(" ", el("span", { class: "flag" }, "Låg täckning"));
    return td;
  }), el("td", { class: "num" }, "–"));
  add(rowHeader("Kommungrupp (SKR)"), chosen.map((m) => el("td", {}, m.kommungrupp)), el("td", {}, "–"));
  add(rowHeader("Invånare", "2022"), chosen.map((m) => el("td", { class: "num" }, formatInt(m.population))), el("td", { class: "num" }, "–"));
  table.append(body);

  const indBody = el("tbody", { class: "indicators" });
  indBody.append(el("tr", {}, el("th", { scope: "rowgroup", colspan: String(chosen.length + 2), class: "section-row" }, `Några av indikatorerna ${data.year} (rådata)`)));
  data.indicators.forEach((ind, i) => {
    const fmt = (v: number | null) => (ind.unit === "share" ? formatShare(v, v !== null && Number.isInteger(v) ? 0 : 1) : formatNumber(v, 1));
    const note = indicatorNote(ind);
    indBody.append(el("tr", {}, rowHeader(ind.name, note), ...chosen.map((m) => el("td", { class: "num" }, fmt(m.values[i]))), el("td", { class: "num national" }, fmt(data.national.values[i]))));
  });
  table.append(indBody);
  return table;
}

export async function initCompare(root: HTMLElement): Promise<void> {
  const url = root.dataset.src;
  if (!url) return;
  const status = root.querySelector<HTMLElement>("[data-compare-status]");
  const output = root.querySelector<HTMLElement>("[data-compare-output]");
  const chips = root.querySelector<HTMLElement>("[data-compare-chips]");
  const peersButton = root.querySelector<HTMLButtonElement>("[data-compare-peers]");
  const share = root.querySelector<HTMLAnchorElement>("[data-compare-link]");
  const picker = root.querySelector<HTMLElement>("[data-municipality-search]");
  if (!status || !output || !chips) return;
  let data: CompareData;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    data = (await response.json()) as CompareData;
  } catch {
    status.textContent = "Jämförelsedata kunde inte laddas. Försök igen, eller gå till kommunsidorna nedan.";
    return;
  }
  const byCode = new Map(data.municipalities.map((m) => [m.code, m]));
  const known = new Set(byCode.keys());
  let codes = parseCodes(new URLSearchParams(location.search).get("k"), known);

  const render = (message?: string) => {
    history.replaceState(null, "", `${location.pathname}${queryFor(codes)}${location.hash}`);
    const chosen = codes.map((c) => byCode.get(c)!);
    chips.replaceChildren(...chosen.map((m) => {
      const b = el("button", { type: "button", class: "chip", "aria-label": `Ta bort ${m.name}` }, m.name, el("span", { "aria-hidden": "true" }, " ×"));
      b.addEventListener("click", () => update(removeCode(codes, m.code), `${m.name} togs bort.`));
      return el("li", {}, b);
    }));
    if (share) {
      share.href = `${location.pathname}${queryFor(codes)}`;
      share.textContent = `${location.origin}${location.pathname}${queryFor(codes)}`;
      share.closest<HTMLElement>("[data-share]")!.hidden = codes.length === 0;
    }
    if (peersButton) {
      const first = chosen[0];
      peersButton.hidden = !first || codes.length >= MAX_COMPARE;
      if (first) peersButton.textContent = `Lägg till kommuner som liknar ${first.name}`;
    }
    const full = codes.length >= MAX_COMPARE;
    const input = picker?.querySelector<HTMLInputElement>("input");
    if (input) {
      input.disabled = full;
      input.placeholder = full ? `Högst ${MAX_COMPARE} kommuner. Ta bort en för att lägga till en annan.` : "";
    }
    if (codes.length < MIN_COMPARE) {
      output.replaceChildren(el("p", { class: "compare-empty" }, codes.length === 0
        ? "Välj minst två kommuner för att jämföra dem."
        : `Välj minst en kommun till att jämföra ${chosen[0].name} med.`));
    } else {
      const wrap = el("div", { class: "table-wrap compare-wide", role: "region", tabindex: "0", "aria-label": "Jämförelsetabell" });
      const onRemove = (code: string) => update(removeCode(codes, code), `${byCode.get(code)?.name} togs bort.`);
      wrap.append(renderTable(data, chosen, onRemove));
      // Phones show one card per municipality instead of the wide table (CSS picks one; both hold the same).
      output.replaceChildren(wrap, renderCards(data, chosen, onRemove));
    }
    status.textContent = message ?? (codes.length
      ? `Jämför ${codes.length} ${codes.length === 1 ? "kommun" : "kommuner"}: ${chosen.map((m) => m.name).join(", ")}.`
      : "");
  };
  const update = (next: string[], message?: string) => { codes = next; render(message); };

  root.addEventListener("municipality-pick", (e) => {
    const item = (e as CustomEvent<{ code: string; name: string }>).detail;
    if (codes.includes(item.code)) { status.textContent = `${item.name} finns redan i jämförelsen.`; return; }
    if (codes.length >= MAX_COMPARE) { status.textContent = `Du kan jämföra högst ${MAX_COMPARE} kommuner.`; return; }
    update(addCode(codes, item.code), `${item.name} lades till.`);
  });
  peersButton?.addEventListener("click", () => {
    const first = byCode.get(codes[0]);
    if (!first) return;
    const before = codes.length;
    update(withPeers(codes, first.peers, known), undefined);
    status.textContent = `${codes.length - before} liknande kommuner lades till.`;
  });
  root.querySelectorAll<HTMLElement>("[data-needs-js]").forEach((n) => { n.hidden = false; });
  root.querySelectorAll<HTMLElement>("[data-no-js]").forEach((n) => { n.hidden = true; });
  render();
}
