// The ranking view: ranks the municipalities with the reader's choices (the model's TypeScript,
// tsRank.ts) and draws the summary, the bar chart and the table. A weight change re-ranks at once;
// "rerank" (performance.measure) runs from the reader's input to the new ranking painted.

import type { ExplorerState } from "./state";
import { SUB_INDEX_LABEL, SUB_INDEX_ORDER, hasFilter, normalisedWeights } from "./state";
import { displayRows, rankParams, weightSet, weightsUnchanged, type Ctx, type RankRow } from "./context";
import { $, DASH, NBSP, esc, fmt, signed } from "./format";
import { createSubSumsSql, indicatorWideSql, rankingSql, subSumsSql } from "./rank";
import { defaultRanking, rankYear } from "./tsRank";

export function describeState(ctx: Ctx, s: ExplorerState): string {
  const set = weightSet(ctx, s.start);
  const w = normalisedWeights(s.weights);
  const weights = SUB_INDEX_ORDER.map((k) => `${SUB_INDEX_LABEL[k]} ${fmt(w[k] * 100, 0, 1)}${NBSP}%`).join(", ");
  const own = weightsUnchanged(s, set) ? set.name_sv : `egna vikter från ${set.name_sv.toLowerCase()}`;
  const rule = s.missing === "som-hemtjanstindex" ? "saknade värden räknas som 0" : "riksmedianen för saknade värden";
  return `${s.year}, ${own} (${weights}), ${rule}`;
}

export function selectionText(s: ExplorerState): string[] {
  const parts: string[] = [];
  const label = (id: string, value: string | null, suffix = "") => {
    if (!value) return;
    const opt = [...$<HTMLSelectElement>(id).options].find((o) => o.value === value);
    if (opt) parts.push(opt.text + suffix);
  };
  label("f-lan", s.county);
  label("f-grupp", s.group);
  label("f-storlek", s.size);
  label("f-liknande", s.peersOf, " och liknande kommuner");
  return parts;
}

const CHART_MAX = 25;
/** Rows in the table until the reader asks for all (a long table is slow to lay out on every change). */
const TABLE_LIMIT = 50;

export function renderChart(rows: RankRow[], available: number): string {
  const data = rows.filter((r) => r.total_rounded !== null).slice(0, CHART_MAX);
  if (data.length === 0) return "";
  // Drawn at the width it is shown (no scaling), so the text stays at the page's size on phones too.
  const width = Math.max(280, Math.min(720, Math.floor(available) || 640));
  const rowH = 22;
  const labelW = Math.min(170, Math.round(width * 0.42));
  const plotW = width - labelW - 40;
  const height = data.length * rowH + 24;
  const x = (v: number) => labelW + (Math.max(0, Math.min(100, v)) / 100) * plotW;
  const parts: string[] = [`<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-hidden="true" focusable="false" font-size="13" font-family="system-ui, sans-serif">`];
  for (const t of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="0" y2="${height - 18}" stroke="#d0d7de"/>`);
    parts.push(`<text x="${x(t)}" y="${height - 4}" text-anchor="middle" fill="#4a5560">${t}</text>`);
  }
  data.forEach((r, i) => {
    const y = i * rowH + 3;
    const total = r.total_rounded as number;
    const label = `${r.rank}. ${r.name}`;
    const maxChars = Math.floor((labelW - 8) / 7);
    const shown = label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label;
    parts.push(`<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" fill="#1b1f24">${esc(shown)}</text>`);
    parts.push(`<rect x="${labelW}" y="${y + 2}" width="${Math.max(0.5, x(total) - labelW)}" height="${rowH - 8}" fill="#0b5394"/>`);
    if (r.default_total !== null) {
      const dx = x(r.default_total);
      parts.push(`<line x1="${dx}" x2="${dx}" y1="${y}" y2="${y + rowH - 4}" stroke="#c2410c" stroke-width="2.5"/>`);
    }
    parts.push(`<text x="${x(total) + 4}" y="${y + 14}" fill="#1b1f24">${fmt(total, 1)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("");
}

function renderTable(rows: RankRow[], filtered: boolean, caption: string): string {
  const head = [
    ...(filtered ? [["Plats i urvalet", "num"]] : []),
    ["Rang", "num"], ["Kommun", ""], ["Totalindex", "num"], ["Förändring mot standardrankningen", "num"],
    ...SUB_INDEX_ORDER.map((s) => [SUB_INDEX_LABEL[s], "num"]), ["Täckning", "num"],
  ];
  const body = rows.map((r) => {
    const change = r.change === null ? DASH
      : `<span class="${r.change > 0 ? "change-up" : r.change < 0 ? "change-down" : ""}">${signed(r.change)}</span>` +
        ` <span class="small muted">(${r.change > 0 ? "upp" : r.change < 0 ? "ned" : "samma"}, från ${fmt(r.default_rank, 0)})</span>`;
    const cells = [
      ...(filtered ? [`<td class="num">${fmt(r.rank_in_selection, 0)}</td>`] : []),
      `<td class="num">${r.rank === null ? "ej rangordnad" : fmt(r.rank, 0)}</td>`,
      `<th scope="row"><a href="/kommun/${esc(r.code)}/">${esc(r.name)}</a>` +
        (r.coverage > 0 && !r.counts ? ` <span class="flag">låg täckning, ingen rang</span>` : "") + `</th>`,
      `<td class="num">${fmt(r.total_rounded, 1)}</td>`,
      `<td class="num">${change}</td>`,
      ...SUB_INDEX_ORDER.map((s) => `<td class="num">${fmt(r[s], 1)}</td>`),
      `<td class="num">${fmt(r.coverage * 100, 0)}${NBSP}%</td>`,
    ];
    return `<tr>${cells.join("")}</tr>`;
  }).join("");
  return `<div class="table-wrap" tabindex="0" role="region" aria-labelledby="result-caption"><table>` +
    `<caption id="result-caption">${esc(caption)}</caption>` +
    `<thead><tr>${head.map(([h, c]) => `<th scope="col"${c ? ` class="${c}"` : ""}>${esc(h)}</th>`).join("")}</tr></thead>` +
    `<tbody>${body}</tbody></table></div>`;
}

let summaryTimer: ReturnType<typeof setTimeout> | undefined;

export function render(ctx: Ctx, state: ExplorerState, rows: RankRow[]): void {
  ctx.rows = rows;
  ctx.shown = state;
  const filtered = hasFilter(state);
  const n = rows[0]?.n_ranked ?? 0;
  const caption = `Rangordning ${state.year} med dina val` + (filtered ? ` – ${selectionText(state).join(", ")}` : " – alla kommuner") +
    `. Rang bland ${n} rangordnade kommuner.`;
  const limited = !ctx.showAll && rows.length > TABLE_LIMIT;
  $("result-table").innerHTML = rows.length
    ? renderTable(limited ? rows.slice(0, TABLE_LIMIT) : rows, filtered, caption + (limited ? ` Tabellen visar de ${TABLE_LIMIT} första av ${rows.length}.` : ""))
    : `<p>Inga kommuner i urvalet. Ändra filtren.</p>`;
  const more = $<HTMLButtonElement>("table-more");
  more.hidden = rows.length <= TABLE_LIMIT;
  more.textContent = ctx.showAll ? `Visa bara de ${TABLE_LIMIT} första i tabellen` : `Visa alla ${rows.length} i tabellen`;
  more.setAttribute("aria-expanded", String(ctx.showAll));
  const chart = renderChart(rows, ctx.chartWidth);
  $("result-figure").hidden = chart === "";
  $("result-chart").innerHTML = chart;
  const shownN = Math.min(CHART_MAX, rows.filter((r) => r.total_rounded !== null).length);
  $("result-figcaption").textContent = `Totalindex (0–100) för de ${shownN} högst rangordnade${filtered ? " i urvalet" : ""}. ` +
    "Stapeln visar resultatet med dina val, det orange strecket resultatet med standardvikterna. Värdena finns i tabellen nedan och i nedladdningarna.";
  ctx.sql = "";
  if ($<HTMLDetailsElement>("rank-sql-details").open) showRankSql(ctx);
  $("result").setAttribute("aria-busy", "false");
  for (const id of ["download-csv", "download-xlsx"]) ($<HTMLButtonElement>(id)).disabled = rows.length === 0;
  const top = rows.find((r) => r.rank !== null);
  const moved = rows.filter((r) => r.change !== null && r.change !== 0).length;
  const text = `${n} kommuner rangordnade (${describeState(ctx, state)}).` +
    (filtered ? ` Urvalet visar ${rows.length} kommuner.` : "") +
    (top ? ` Först${filtered ? " i urvalet" : ""}: ${top.name} med ${fmt(top.total_rounded, 1)}.` : "") +
    ` ${moved} av ${rows.length} har en annan rang än med standardrankningen.`;
  clearTimeout(summaryTimer);
  // Announce once the reader stops changing (a slider sends many events).
  summaryTimer = setTimeout(() => { $("result-summary").textContent = text; }, ctx.firstReady ? 600 : 0);
}

/** "Visa SQL-frågan": the same ranking as SQL, every step, so a reader can run it in their own DuckDB. */
export function showRankSql(ctx: Ctx): void {
  const state = ctx.shown ?? ctx.state;
  if (!ctx.sql) {
    const params = rankParams(ctx.config, state);
    ctx.sql = `-- Steg 1 a (en gång): varje indikators poäng ur det publicerade värdet, en kolumn per indikator\n` +
      `${indicatorWideSql(ctx.config.weightSets, ctx.config.rules)};\n\n${createSubSumsSql()};\n\n` +
      `-- Steg 1 b (en gång per viktuppsättning och år): delindexens summor Σ v·x och Σ v\n` +
      `${subSumsSql(weightSet(ctx, params.weightSet), params.year, ctx.config.rules, ctx.config.weightSets[0].id)};\n\n` +
      `-- Steg 2 (vid varje ändring): totalindex och rang med dina vikter\n${rankingSql(params)};`;
  }
  ($("rank-sql").firstElementChild as HTMLElement).textContent = ctx.sql;
}

/** The ranking of a state by the model's TypeScript (all municipalities, ordered). */
export function rankState(ctx: Ctx, state: ExplorerState) {
  if (!ctx.years) throw new Error("Utforskaren: tabellerna för rangordningen är inte inlästa.");
  const y = ctx.years.get(state.year);
  if (!y) throw new Error(`Inga värden för ${state.year}.`);
  let d = ctx.defaults.get(state.year);
  if (!d) ctx.defaults.set(state.year, (d = defaultRanking(y, ctx.config.weightSets[0])));
  return rankYear(y, weightSet(ctx, state.start), rankParams(ctx.config, state), d);
}

let frame = 0;
let pendingT0: number | null = null;

/** Re-rank ctx.state and redraw (at most once per frame: a slider sends many events). */
export function scheduleRank(ctx: Ctx, t0 = performance.now()): void {
  if (!ctx.years) return;
  pendingT0 ??= t0;
  cancelAnimationFrame(frame);
  frame = requestAnimationFrame(() => {
    const start = pendingT0 ?? performance.now();
    pendingT0 = null;
    try {
      const tq = performance.now();
      const rows = displayRows(rankState(ctx, ctx.state), ctx.state, ctx.meta);
      performance.measure("rerank:query", { start: tq, end: performance.now() });
      const tr = performance.now();
      render(ctx, ctx.state, rows);
      performance.measure("rerank:render", { start: tr, end: performance.now() });
      // "rerank": from the reader's change to the new ranking painted (after the next frame).
      requestAnimationFrame(() => setTimeout(() => performance.measure("rerank", { start, end: performance.now() }), 0));
    } catch (error) {
      $("result-summary").textContent = `Rangordningen kunde inte räknas: ${(error as Error).message}`;
    }
  });
}
