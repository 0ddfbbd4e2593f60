// The comparison as one card per municipality, for phones (below ~600 px the wide table is hidden by CSS):
// every compared municipality is visible without sideways scrolling, with the same figures as the table.
import { formatNumber, formatRankInterval, formatScore, formatShare } from "../charts/format";
import type { CompareData, CompareMunicipality } from "../site-data/ranking";
import { GROUP_LABEL, SUB_NAMES, el, indicatorNote, rankText } from "./compareDom";

function item(dl: HTMLDListElement, label: string, value: Node | string): void {
  dl.append(el("div", { class: "card-item" }, el("dt", {}, label), el("dd", {}, value)));
}

export function renderCards(data: CompareData, chosen: CompareMunicipality[], onRemove: (code: string) => void): HTMLElement {
  const list = el("ul", { class: "compare-cards", "aria-label": `Jämförelse ${data.year}, en kommun i taget` });
  for (const m of chosen) {
    const card = el("li", { class: "compare-card", "data-code": m.code });
    const heading = el("h3", {}, el("a", { href: `/kommun/${m.code}/` }, m.name));
    const remove = el("button", { type: "button", class: "remove", "aria-label": `Ta bort ${m.name} från jämförelsen` }, "Ta bort");
    remove.addEventListener("click", () => onRemove(m.code));
    const dl = el("dl");
    item(dl, "Placering", rankText(m));
    if (!m.lowCoverage) item(dl, "Trolig plats (90 %)", formatRankInterval(m.rankLow, m.rankHigh));
    item(dl, "Resultatgrupp", el("span", { class: "group", "data-group": m.group ?? "ingen" }, m.group ? GROUP_LABEL[m.group] ?? m.group : "Ingen grupp"));
    item(dl, "Totalindex", el("strong", {}, formatScore(m.total)));
    SUB_NAMES.forEach((name, i) => item(dl, name, formatScore(m.sub[i])));
    item(dl, "Täckning", formatShare(m.coverage * 100, 0));
    data.indicators.forEach((ind, i) => {
      const v = m.values[i];
      // The table's row note ("andel", "antal, lägre är bättre") goes with the label, so "19,0" is not a bare number.
      item(dl, `${ind.name} (${indicatorNote(ind)})`, ind.unit === "share" ? formatShare(v, v !== null && Number.isInteger(v) ? 0 : 1) : formatNumber(v, 1));
    });
    card.append(heading, el("p", { class: "col-meta" }, `${m.county} · ${m.kommungrupp}`), dl, remove);
    list.append(card);
  }
  return list;
}
