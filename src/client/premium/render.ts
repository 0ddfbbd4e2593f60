// DOM rendering of the premium result: the table per provider, the key figures, the continuity bands and
// the "what if" charts. Every name from a file goes in through textContent, never as HTML; the chart SVG
// is built from numbers and fixed labels only (src/charts/premiumThresholdChart.ts).
import { formatNumber, formatShare } from "../../charts/format";
import { premiumThresholdChart } from "../../charts/premiumThresholdChart";
import type { ContinuityResult } from "../../model/qualityPremium/continuity";
import { bandLabel } from "../../model/qualityPremium/presets";
import type { IndicatorResult, PremiumResult, ProviderInput, ProviderResult } from "../../model/qualityPremium/types";
import { sweepThreshold, sweepValues, THRESHOLD_PARAMS } from "../../model/qualityPremium/whatIf";

export const kr = (x: number) => `${formatNumber(x, 0)}\u00a0kr`;
const pct = (x: number) => formatShare(x, 1);
/** "+5,0 p.e." / "−1,4 p.e." */
const margin = (x: number) => `${x > 0 ? "+" : ""}${formatNumber(x, 1)}\u00a0p.e.`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** A cell: a word (not colour alone), the value(s), and the margin. */
function indicatorCell(i: IndicatorResult, values: string, marginLabel: string): HTMLTableCellElement {
  const td = el("td");
  const line = el("span", undefined, `indicator${i.met ? " met" : ""}`);
  // Words, not "✓"/"✗": the site font has neither glyph.
  line.append(el("span", i.met ? "Uppfylld: " : "Ej uppfylld: ", "indicator-verdict"), values);
  td.append(line, el("span", marginLabel, "margin"));
  return td;
}

function providerRow(p: ProviderResult): HTMLTableRowElement {
  const tr = el("tr");
  const th = el("th");
  th.scope = "row";
  th.append(el("span", p.utforare));
  if (p.regi) th.append(el("span", p.regi === "kommunal" ? "kommunal regi" : "enskild regi", "margin"));
  const { kontinuitet: k, timavlonade: t, utbildning: u } = p.indicators;
  tr.append(th,
    indicatorCell(k, pct(k.value), margin(k.margin)),
    indicatorCell(t, pct(t.value), margin(t.margin)),
    indicatorCell(u, `${pct(u.value)} / ${pct(p.underskoterskor.value)}`, margin(u.margin)),
    Object.assign(el("td", `${p.uppfyllda} av 3`), { className: "num" }),
    Object.assign(el("td", kr(p.kr_per_timme)), { className: "num" }),
    Object.assign(el("td", kr(p.premie_kr)), { className: "num" }),
  );
  tr.dataset.provider = p.utforare;
  return tr;
}

export function renderResult(root: HTMLElement, r: PremiumResult): void {
  const q = <T extends Element>(s: string) => root.querySelector<T>(s)!;
  q<HTMLElement>("[data-total]").textContent = kr(r.summa_kr);
  q<HTMLElement>("[data-total-cell]").textContent = kr(r.summa_kr);
  q<HTMLElement>("[data-with-premium]").textContent = `${r.withPremium} av ${r.providers.length}`;
  q<HTMLElement>("[data-all-three]").textContent = `${r.providers.filter((p) => p.uppfyllda === 3).length} av ${r.providers.length}`;
  q<HTMLElement>("[data-result-table] tbody").replaceChildren(...r.providers.map(providerRow));
}

export function renderBands(root: HTMLElement, continuity: ContinuityResult | null): void {
  const wrap = root.querySelector<HTMLElement>("[data-bands]")!;
  wrap.hidden = continuity === null;
  if (!continuity) return;
  const one = (x: number | null) => (x === null ? "–" : formatNumber(x, Number.isInteger(x) ? 0 : 1));
  root.querySelector("[data-band-rows]")!.replaceChildren(...continuity.bands.map((b) => {
    const tr = el("tr");
    const th = el("th", `${bandLabel(b.band)} timmar`);
    th.scope = "row";
    tr.append(th, Object.assign(el("td", formatNumber(b.customers, 0)), { className: "num" }),
      Object.assign(el("td", one(b.median)), { className: "num" }), Object.assign(el("td", one(b.reference)), { className: "num" }));
    return tr;
  }));
}

export function renderWhatIf(root: HTMLElement, providers: readonly ProviderInput[], r: PremiumResult, shares?: ReadonlyMap<string, number>): void {
  const figures = THRESHOLD_PARAMS.map(({ param, label_sv, short_sv, direction }) => {
    const current = r.rules[param];
    const chart = premiumThresholdChart({
      id: param, label: label_sv, direction, current, providers: providers.length,
      points: sweepThreshold(providers, r.rules, param, sweepValues(current), shares),
    });
    const figure = el("figure");
    const caption = el("figcaption", label_sv);
    caption.className = "figure-title";
    const svgHolder = el("div");
    svgHolder.innerHTML = chart.svg; // numbers and fixed labels only
    const details = el("details");
    details.append(el("summary", `Visa tabell: ${short_sv}`));
    const wrap = el("div", undefined, "table-wrap");
    const table = el("table");
    const cap = el("caption", `${label_sv}: utförare med premie och kostnad per gräns`);
    const head = el("thead");
    const hr = el("tr");
    for (const c of chart.table.columns) { const th = el("th", c); th.scope = "col"; hr.append(th); }
    head.append(hr);
    const body = el("tbody");
    for (const row of chart.table.rows) {
      const tr = el("tr");
      row.forEach((v, i) => { if (i === 0) { const th = el("th", v); th.scope = "row"; tr.append(th); } else tr.append(Object.assign(el("td", v), { className: "num" })); });
      body.append(tr);
    }
    table.append(cap, head, body);
    wrap.append(table);
    details.append(wrap);
    figure.append(caption, svgHolder, el("p", chart.summary, "small muted"), details);
    return figure;
  });
  root.querySelector("[data-whatif]")!.replaceChildren(...figures);
}
