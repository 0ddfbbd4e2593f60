// The explorer page (/utforska/) in the browser: reads the inlined config and data manifest, restores
// the state from the URL, starts DuckDB-WASM with a visible progress state, loads the tables, renders
// the ranking on every change (recomputed in SQL), keeps the URL in step (replaceState), downloads
// and runs the read-only SQL box. Loaded by a dynamic import after the page's `load` event.

import type { AsyncDuckDBConnection } from "@duckdb/duckdb-wasm";
import { Float64, Int16, Table, Utf8, vectorFromArray } from "apache-arrow";
import type { MissingRuleId, SubIndexId } from "../../model/types";
import type { ClientConfig, ConfigWeightSet } from "./config";
import { lockEngine, startEngine, type Engine } from "./db";
import { downloadCsv, downloadXlsx, type DownloadTable } from "./download";
import type { DecodeMessage, DecodeRequest } from "./decode.worker";
import { newProgress, type DataManifest, type ManifestEntry, type TableProgress } from "./load";
import { createSubSumsSql, indicatorWideSql, rankingSql, subSumsSql, type RankParams, weightRows, yearSubWeights } from "./rank";
import { checkReadOnlySql, translateDuckDbError } from "./sql";
import {
  SUB_INDEX_LABEL, SUB_INDEX_ORDER, defaultState, hasFilter, makeSelection, placesAgainst, normalisedWeights, parseState, parseWeight, percentWeights,
  sameRanking, serializeState, validateWeights, type ExplorerState, type MunicipalityMeta, type StateContext,
} from "./state";

// ---------------------------------------------------------------- formatting (Swedish, DESIGN.md §6)
const MINUS = "\u2212";
const NARROW = "\u202F";
const NBSP = "\u00A0";
const DASH = "\u2013";
const formats = new Map<string, Intl.NumberFormat>();
function nf(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}
function fmt(x: number | null | undefined, decimals = 1, maxDecimals = decimals): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const m = 10 ** maxDecimals;
  const r = Math.sign(x) * Math.round(Math.abs(x) * m + 1e-9) / m;
  return nf(decimals, maxDecimals).format(r === 0 ? 0 : r).replace(/[\u00A0 ]/g, NARROW).replace(/^-/, MINUS);
}
const fmtBytes = (b: number) => (b >= 1_000_000 ? `${fmt(b / 1_000_000, 1)}${NBSP}MB` : `${fmt(Math.max(1, b / 1000), 0)}${NBSP}kB`);
const fmtMs = (ms: number) => (ms >= 1000 ? `${fmt(ms / 1000, 1)}${NBSP}s` : `${fmt(ms, 0)}${NBSP}ms`);
function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}
function signed(x: number): string {
  return x > 0 ? `+${fmt(x, 0)}` : x < 0 ? fmt(x, 0) : `±0`;
}

// ---------------------------------------------------------------- DOM helpers
const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`Utforskaren: elementet #${id} saknas på sidan.`);
  return el as T;
};
function readJson<T>(id: string): T {
  return JSON.parse($(id).textContent ?? "null") as T;
}
function optionValues(select: HTMLSelectElement): string[] {
  return [...select.options].map((o) => o.value).filter((v) => v !== "");
}

// ---------------------------------------------------------------- ranking rows
/** A row of rankingSql. */
export interface SqlRankRow {
  municipality: string;
  counts: boolean; // forms the ranking (a total and coverage ≥ the limit); false: an indicative place
  rank: number | null;
  n_ranked: number;
  total: number | null;
  total_rounded: number | null;
  information: number | null;
  bistandshandlaggning: number | null;
  utforande: number | null;
  stod_utveckling: number | null;
  coverage: number;
  default_rank: number | null;
  default_total: number | null;
}

/** A displayed row: the SQL row with names, the change and the place within the selection. */
export interface RankRow extends SqlRankRow {
  code: string;
  name: string;
  county: string;
  kommungrupp: string;
  change: number | null;
  rank_in_selection: number | null;
}

function tableRows<T>(table: Table): T[] {
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

// ---------------------------------------------------------------- the explorer
interface Ctx {
  config: ClientConfig;
  manifest: DataManifest;
  stateCtx: StateContext;
  engine: Engine | null;
  state: ExplorerState; // last valid state (what the ranking shows)
  rows: RankRow[];
  meta: Map<string, MunicipalityMeta>;
  sums: Map<string, Promise<unknown>>; // step 1b done (or running) per weight set and year
  showAll: boolean; // table shows every row of the selection
  sql: string; // the SQL behind the ranking on screen
  chartWidth: number; // width of the result column, read once and on resize (reading it after a DOM change would force a layout)
  shown: ExplorerState | null; // state of the rows on screen
  firstReady: boolean;
  allReady: boolean;
  allReadyPromise: Promise<void>;
  resolveAllReady: () => void;
}

function weightSet(ctx: Ctx, id: string): ConfigWeightSet {
  return ctx.config.weightSets.find((s) => s.id === id) ?? ctx.config.weightSets[0];
}

/** Were the weights left as the start set gives them? Then the set's exact weights are used. */
function weightsUnchanged(state: ExplorerState, set: ConfigWeightSet): boolean {
  const shown = percentWeights(set.subIndex);
  return SUB_INDEX_ORDER.every((s) => shown[s] === state.weights[s]);
}

export function rankParams(config: ClientConfig, state: ExplorerState): RankParams {
  const set = config.weightSets.find((s) => s.id === state.start) ?? config.weightSets[0];
  return {
    year: state.year,
    weightSet: set.id,
    subWeights: yearSubWeights(state.weights, weightsUnchanged(state, set), set, state.year),
    missing: state.missing,
  };
}

/** Filter, name and number the SQL rows for display (the ranking itself is all SQL). */
function displayRows(sqlRows: SqlRankRow[], state: ExplorerState, meta: ReadonlyMap<string, MunicipalityMeta>): RankRow[] {
  const inSelection = makeSelection(state, meta);
  const picked = sqlRows.filter((r) => inSelection(r.municipality));
  const places = placesAgainst(picked.map((r) => r.total_rounded), picked.map((r) => r.counts));
  return picked.map((r, i) => {
    const m = meta.get(r.municipality) as MunicipalityMeta;
    return {
      ...r, code: r.municipality, name: m.name, county: m.county, kommungrupp: m.kommungrupp,
      change: r.rank !== null && r.default_rank !== null ? r.default_rank - r.rank : null,
      rank_in_selection: places[i],
    };
  });
}

// ---------------------------------------------------------------- form <-> state
function readForm(ctx: Ctx): { state: ExplorerState | null; errors: string[]; invalid: SubIndexId[] } {
  const form = $<HTMLFormElement>("weigh-form");
  const data = new FormData(form);
  const raw = Object.fromEntries(SUB_INDEX_ORDER.map((s) => [s, ($<HTMLInputElement>(`w-${s}`)).value])) as Record<SubIndexId, string>;
  const result = validateWeights(raw);
  if (!result.ok) {
    let invalid = SUB_INDEX_ORDER.filter((s) => !parseWeight(raw[s], SUB_INDEX_LABEL[s]).ok);
    if (invalid.length === 0) invalid = [...SUB_INDEX_ORDER]; // all zero
    return { state: null, errors: result.errors, invalid };
  }
  const str = (name: string) => {
    const v = data.get(name);
    return typeof v === "string" && v !== "" ? v : null;
  };
  const year = Number(str("ar"));
  const candidate: ExplorerState = {
    start: str("start") ?? ctx.state.start,
    weights: result.weights,
    missing: (str("regel") ?? "riksmedian") as MissingRuleId,
    year: ctx.stateCtx.years.includes(year) ? year : ctx.state.year,
    county: str("lan"), group: str("grupp"), size: str("storlek"), peersOf: str("liknande"),
  };
  // Run the candidate through the same validation as a URL (rejects anything unknown).
  const parsed = parseState(serializeState(candidate, ctx.stateCtx), ctx.stateCtx);
  return { state: parsed.errors.length ? null : parsed.state, errors: parsed.errors, invalid: [] };
}

function writeForm(state: ExplorerState): void {
  for (const s of SUB_INDEX_ORDER) {
    const num = $<HTMLInputElement>(`w-${s}`);
    num.value = String(state.weights[s]).replace(".", ",");
    num.removeAttribute("aria-invalid");
    $<HTMLInputElement>(`w-${s}-range`).value = String(Math.round(state.weights[s]));
  }
  const radio = (name: string, value: string) => {
    const el = document.querySelector<HTMLInputElement>(`input[name="${name}"][value="${CSS.escape(value)}"]`);
    if (el) el.checked = true;
  };
  radio("start", state.start);
  radio("regel", state.missing);
  $<HTMLSelectElement>("f-ar").value = String(state.year);
  $<HTMLSelectElement>("f-lan").value = state.county ?? "";
  $<HTMLSelectElement>("f-grupp").value = state.group ?? "";
  $<HTMLSelectElement>("f-storlek").value = state.size ?? "";
  $<HTMLSelectElement>("f-liknande").value = state.peersOf ?? "";
  updateShares(state.weights);
}

function updateShares(weights: Record<SubIndexId, number>): void {
  const total = SUB_INDEX_ORDER.reduce((a, s) => a + weights[s], 0);
  const shares = total > 0 ? normalisedWeights(weights) : null;
  for (const s of SUB_INDEX_ORDER) {
    const share = shares ? `${fmt(shares[s] * 100, 0, 1)}${NBSP}% av totalen` : `${DASH} av totalen`;
    $(`w-${s}-share`).textContent = share;
    // Screen readers announce the slider's value with its share of the total.
    $(`w-${s}-range`).setAttribute("aria-valuetext", `${fmt(weights[s], 0, 4)}, ${share}`);
  }
}

function showWeightErrors(errors: string[], invalid: SubIndexId[]): void {
  const box = $("weights-error");
  box.innerHTML = errors.map((e) => `<p>${esc(e)}</p>`).join("");
  for (const s of SUB_INDEX_ORDER) {
    const num = $<HTMLInputElement>(`w-${s}`);
    if (invalid.includes(s)) num.setAttribute("aria-invalid", "true");
    else num.removeAttribute("aria-invalid");
  }
  $("result-stale").hidden = errors.length === 0;
}

// ---------------------------------------------------------------- rendering
function describeState(ctx: Ctx, s: ExplorerState): string {
  const set = weightSet(ctx, s.start);
  const w = normalisedWeights(s.weights);
  const weights = SUB_INDEX_ORDER.map((k) => `${SUB_INDEX_LABEL[k]} ${fmt(w[k] * 100, 0, 1)}${NBSP}%`).join(", ");
  const own = weightsUnchanged(s, set) ? set.name_sv : `egna vikter från ${set.name_sv.toLowerCase()}`;
  const rule = s.missing === "riksmedian" ? "riksmedianen för saknade värden" : "saknade värden räknas som 0";
  return `${s.year}, ${own} (${weights}), ${rule}`;
}

function selectionText(ctx: Ctx, s: ExplorerState): string[] {
  const parts: string[] = [];
  const label = (id: string, value: string | null) => {
    if (!value) return;
    const sel = $<HTMLSelectElement>(id);
    const opt = [...sel.options].find((o) => o.value === value);
    if (opt) parts.push(opt.text);
  };
  label("f-lan", s.county);
  label("f-grupp", s.group);
  label("f-storlek", s.size);
  if (s.peersOf) {
    const opt = [...$<HTMLSelectElement>("f-liknande").options].find((o) => o.value === s.peersOf);
    if (opt) parts.push(`${opt.text} och liknande kommuner`);
  }
  void ctx;
  return parts;
}

const CHART_MAX = 25;
/** Rows in the table until the reader asks for all (a long table is slow to lay out on every change). */
const TABLE_LIMIT = 50;

function renderChart(rows: RankRow[], available: number): string {
  const data = rows.filter((r) => r.total_rounded !== null).slice(0, CHART_MAX);
  if (data.length === 0) return "";
  // Drawn at the width it is shown (no scaling), so the text stays at the page's size on phones too.
  const width = Math.max(280, Math.min(720, Math.floor(available) || 640));
  const rowH = 22;
  const labelW = Math.min(170, Math.round(width * 0.42));
  const valueW = 40;
  const plotW = width - labelW - valueW;
  const height = data.length * rowH + 24;
  const x = (v: number) => labelW + (Math.max(0, Math.min(100, v)) / 100) * plotW;
  const ticks = [0, 25, 50, 75, 100];
  const parts: string[] = [];
  parts.push(`<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-hidden="true" focusable="false" font-size="13" font-family="system-ui, sans-serif">`);
  for (const t of ticks) {
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
        (r.rank !== null && !r.counts ? ` <span class="flag">låg täckning, ungefärlig plats</span>` : "") + `</th>`,
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

function render(ctx: Ctx, state: ExplorerState, rows: RankRow[], sql: string): void {
  ctx.rows = rows;
  ctx.shown = state;
  const filtered = hasFilter(state);
  const n = rows[0]?.n_ranked ?? 0;
  const sel = selectionText(ctx, state);
  const caption = `Rangordning ${state.year} med dina val` + (filtered ? ` – ${sel.join(", ")}` : " – alla kommuner") +
    `. Rang bland ${n} rangordnade kommuner.`;
  const limited = !ctx.showAll && rows.length > TABLE_LIMIT;
  const tableRowsShown = limited ? rows.slice(0, TABLE_LIMIT) : rows;
  $("result-table").innerHTML = rows.length
    ? renderTable(tableRowsShown, filtered, caption + (limited ? ` Tabellen visar de ${TABLE_LIMIT} första av ${rows.length}.` : ""))
    : `<p>Inga kommuner i urvalet. Ändra filtren.</p>`;
  const more = $<HTMLButtonElement>("table-more");
  more.hidden = rows.length <= TABLE_LIMIT;
  more.textContent = ctx.showAll ? `Visa bara de ${TABLE_LIMIT} första i tabellen` : `Visa alla ${rows.length} i tabellen`;
  more.setAttribute("aria-expanded", String(ctx.showAll));
  const figure = $("result-figure");
  const chart = renderChart(rows, ctx.chartWidth);
  figure.hidden = chart === "";
  $("result-chart").innerHTML = chart;
  const shownN = Math.min(CHART_MAX, rows.filter((r) => r.total_rounded !== null).length);
  $("result-figcaption").textContent = `Totalindex (0–100) för de ${shownN} högst rangordnade${filtered ? " i urvalet" : ""}. ` +
    "Stapeln visar resultatet med dina val, det orange strecket resultatet med standardvikterna. Värdena finns i tabellen nedan och i nedladdningarna.";
  // The SQL text is long: written only while "Visa SQL-frågan" is open (and when it is opened).
  ctx.sql = sql;
  if ($<HTMLDetailsElement>("rank-sql-details").open) $("rank-sql").firstElementChild!.textContent = sql;
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

// ---------------------------------------------------------------- queries
/** Step 1b for the weight set and year of a ranking, once (the first ranking needs one pair only). */
function ensureSums(ctx: Ctx, params: RankParams): Promise<unknown> {
  const key = `${params.weightSet}|${params.year}`;
  let done = ctx.sums.get(key);
  if (!done) {
    const set = weightSet(ctx, params.weightSet);
    done = (ctx.engine as Engine).conn.query(subSumsSql(set, params.year, ctx.config.rules, ctx.config.weightSets[0].id));
    ctx.sums.set(key, done);
  }
  return done;
}

/** The SQL shown under "Visa SQL-frågan": every step, so a reader can run it in their own DuckDB. */
function shownSql(ctx: Ctx, params: RankParams, step2: string): string {
  return `-- Steg 1 a (en gång): varje indikators poäng ur det publicerade värdet, en kolumn per indikator\n` +
    `${indicatorWideSql(ctx.config.weightSets, ctx.config.rules)};\n\n${createSubSumsSql()};\n\n` +
    `-- Steg 1 b (en gång per viktuppsättning och år): delindexens summor Σ v·x och Σ v\n` +
    `${subSumsSql(weightSet(ctx, params.weightSet), params.year, ctx.config.rules, ctx.config.weightSets[0].id)};\n\n` +
    `-- Steg 2 (vid varje ändring): totalindex och rang med dina vikter\n${step2};`;
}

let running = false;
let pending: { state: ExplorerState; t0: number } | null = null;

async function queryRows(conn: AsyncDuckDBConnection, sql: string): Promise<SqlRankRow[]> {
  return tableRows<SqlRankRow>(await conn.query(sql));
}

function scheduleRank(ctx: Ctx, state: ExplorerState, t0 = performance.now()): void {
  pending = { state, t0: pending?.t0 ?? t0 };
  if (!running && ctx.engine && ctx.firstReady) void drain(ctx);
}

async function drain(ctx: Ctx): Promise<void> {
  running = true;
  try {
    while (pending && ctx.engine) {
      const { state, t0 } = pending;
      pending = null;
      const params = rankParams(ctx.config, state);
      const sql = rankingSql(params);
      try {
        const tq = performance.now();
        await ensureSums(ctx, params);
        const rows = displayRows(await queryRows(ctx.engine.conn, sql), state, ctx.meta);
        performance.measure("rerank:query", { start: tq, end: performance.now() });
        const tr = performance.now();
        render(ctx, state, rows, shownSql(ctx, params, sql));
        performance.measure("rerank:render", { start: tr, end: performance.now() });
        // "rerank": from the reader's change to the new ranking painted (after the next frame).
        requestAnimationFrame(() => setTimeout(() => performance.measure("rerank", { start: t0, end: performance.now() }), 0));
      } catch (error) {
        $("result-summary").textContent = `Rangordningen kunde inte räknas: ${translateDuckDbError(String((error as Error).message ?? error))}`;
      }
    }
  } finally {
    running = false;
  }
}

// ---------------------------------------------------------------- progress
function setPhase(item: string, text: string, phase: string): void {
  const li = document.querySelector<HTMLElement>(`#load-list li[data-item="${CSS.escape(item)}"]`);
  if (!li) return;
  li.dataset.phase = phase;
  const el = li.querySelector(".load-phase");
  if (el) el.textContent = text;
}

function tablePhaseText(p: TableProgress): string {
  switch (p.phase) {
    case "hämtar": return p.loaded > 0 ? `hämtar ${fmtBytes(p.loaded)} av ${fmtBytes(p.bytes)}` : "hämtar";
    case "avkodar": return "avkodar Parquet";
    case "läser in": return "läser in i databasen";
    case "klar": return `klar (${fmtMs(p.ms.fetch + p.ms.decode + p.ms.insert)})`;
    case "fel": return "fel";
    default: return "väntar";
  }
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
        w.p.ms.fetch = m.ms.fetch;
        w.p.ms.decode = m.ms.decode;
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
    setPhase(entry.table, "i kö", "väntar");
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { p, resolve, reject });
      this.worker.postMessage({ id, table: entry.table, url: new URL(entry.url, location.href).href } satisfies DecodeRequest);
    });
  }

  close(): void { this.worker.terminate(); }
}

async function insertIpc(engine: Engine, name: string, ipc: Uint8Array, p: TableProgress): Promise<void> {
  const t = performance.now();
  await engine.conn.insertArrowFromIPCStream(ipc, { name, create: true });
  p.ms.insert = performance.now() - t;
  p.phase = "klar";
  setPhase(name, tablePhaseText(p), p.phase);
}

async function insert(engine: Engine, name: string, table: Table): Promise<void> {
  await engine.conn.insertArrowTable(table, { name, create: true });
}

/** The config tables: exact weights per set and year, and the scoring rules of the catalogue. */
function configTables(config: ClientConfig): { weights: Table; indicator_rules: Table } {
  const w = weightRows(config.weightSets, config.rules);
  const weights = new Table({
    weight_set: vectorFromArray(w.map((r) => r.weight_set), new Utf8()),
    year: vectorFromArray(w.map((r) => r.year), new Int16()),
    indicator: vectorFromArray(w.map((r) => r.indicator), new Utf8()),
    sub_index: vectorFromArray(w.map((r) => r.sub_index), new Utf8()),
    weight_in_sub_index: vectorFromArray(w.map((r) => r.weight_in_sub_index), new Float64()),
    sub_index_weight: vectorFromArray(w.map((r) => r.sub_index_weight), new Float64()),
  });
  const r = config.rules;
  const indicator_rules = new Table({
    indicator: vectorFromArray(r.map((x) => x.indicator), new Utf8()),
    pos: vectorFromArray(r.map((x) => x.pos), new Int16()),
    sub_index: vectorFromArray(r.map((x) => x.sub_index), new Utf8()),
    name: vectorFromArray(r.map((x) => x.name_sv), new Utf8()),
    kind: vectorFromArray(r.map((x) => x.kind), new Utf8()),
    direction: vectorFromArray(r.map((x) => x.direction), new Utf8()),
    best: vectorFromArray(r.map((x) => x.best), new Float64()),
    worst: vectorFromArray(r.map((x) => x.worst), new Float64()),
  });
  return { weights, indicator_rules };
}

async function load(ctx: Ctx): Promise<void> {
  const summary = $("load-summary");
  summary.dataset.state = "loading";
  summary.textContent = "Hämtar databasmotorn och data för rangordningen …";
  const t0 = performance.now();
  const first = ctx.manifest.tables.filter((t) => t.first);
  const rest = ctx.manifest.tables.filter((t) => !t.first);
  const progress = new Map(ctx.manifest.tables.map((t) => [t.table, newProgress(t)]));

  setPhase("engine", "hämtar", "hämtar");
  const enginePromise = startEngine((loaded, total) => {
    setPhase("engine", loaded < total ? `hämtar ${fmtBytes(loaded)} av ${fmtBytes(total)}` : "startar", "hämtar");
  }).then((engine) => {
    performance.mark("explorer:engine-ready");
    setPhase("engine", `klar (${fmtMs(performance.now() - t0)})`, "klar");
    return engine;
  });
  // Fetch and decode every table in a worker (first tables first) while the engine compiles.
  performance.mark("explorer:start");
  // The other tables are asked for only after the first ranking is on screen, so that decoding them does
  // not compete with the engine's compilation for the processor.
  const decoder = new Decoder();
  const decoded = new Map<string, Promise<Uint8Array>>();
  const request = (list: ManifestEntry[]) => {
    for (const t of list) {
      const d = decoder.decode(t, progress.get(t.table) as TableProgress).then((ipc) => {
        performance.mark(`explorer:decoded:${t.table}`);
        return ipc;
      });
      d.catch(() => undefined); // errors surface where each table is awaited
      decoded.set(t.table, d);
    }
  };
  request(first);
  const engine = await enginePromise;
  ctx.engine = engine;
  const cfg = configTables(ctx.config);
  await insert(engine, "weights", cfg.weights);
  await insert(engine, "indicator_rules", cfg.indicator_rules);
  performance.mark("explorer:config-inserted");
  for (const t of first) {
    await insertIpc(engine, t.table, await (decoded.get(t.table) as Promise<Uint8Array>), progress.get(t.table) as TableProgress);
    performance.mark(`explorer:inserted:${t.table}`);
  }
  await engine.conn.query(indicatorWideSql(ctx.config.weightSets, ctx.config.rules));
  performance.mark("explorer:step1a");
  await engine.conn.query(createSubSumsSql());
  await ensureSums(ctx, rankParams(ctx.config, ctx.state));
  performance.mark("explorer:step1");
  const meta = tableRows<MunicipalityMeta>(await engine.conn.query(
    "SELECT code, name, county_code, county, kommungrupp_id, kommungrupp, population, peers FROM municipalities"));
  ctx.meta = new Map(meta.map((m) => [m.code, m]));
  performance.mark("explorer:first-inserted");
  ctx.firstReady = true;
  scheduleRank(ctx, ctx.state);
  await waitIdle();
  performance.mark("data-ready");
  document.documentElement.dataset.explorer = "data-ready";
  summary.dataset.state = "first-ready";
  summary.textContent = `Rangordningen är klar (${fmtMs(performance.now() - t0)}). Övriga tabeller läses in för frågerutan …`;

  // The other tables (decoded in the worker) and, meanwhile, step 1b for the other weight sets and years.
  request(rest);
  for (const set of ctx.config.weightSets) {
    for (const year of ctx.config.years) await ensureSums(ctx, { ...rankParams(ctx.config, ctx.state), weightSet: set.id, year });
  }
  for (const t of rest) await insertIpc(engine, t.table, await (decoded.get(t.table) as Promise<Uint8Array>), progress.get(t.table) as TableProgress);
  decoder.close();
  await lockEngine(engine);
  ctx.allReady = true;
  ctx.resolveAllReady();
  document.documentElement.dataset.explorer = "all-ready";
  summary.dataset.state = "all-ready";
  summary.textContent = `Alla tabeller är inlästa (${fmtMs(performance.now() - t0)}). Du kan vikta och ställa frågor.`;
  $("sql-run").removeAttribute("aria-disabled");
}

async function waitIdle(): Promise<void> {
  while (running || pending) await new Promise((r) => setTimeout(r, 5));
}

// ---------------------------------------------------------------- SQL box
const MAX_ROWS = 1000;
const SQL_TIMEOUT_MS = 20_000;

function formatCell(v: unknown): string {
  if (v === null || v === undefined) return `<span class="muted">NULL</span>`;
  if (typeof v === "number") return Number.isInteger(v) ? fmt(v, 0) : fmt(v, 0, 6);
  if (typeof v === "bigint") return esc(v.toString());
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return esc(v.toISOString().slice(0, 10));
  if (typeof v === "object" && v !== null && "toJSON" in v) return esc(JSON.stringify((v as { toJSON(): unknown }).toJSON()));
  return esc(String(v));
}

async function runSql(ctx: Ctx, text: string): Promise<void> {
  const status = $("sql-status");
  const result = $("sql-result");
  const check = checkReadOnlySql(text);
  if (!check.ok) {
    status.innerHTML = `<p class="sql-error">${esc(check.message)}</p>`;
    result.innerHTML = "";
    return;
  }
  if (!ctx.allReady) {
    status.innerHTML = "<p>Väntar på att alla tabeller ska läsas in …</p>";
    await ctx.allReadyPromise;
  }
  const engine = ctx.engine as Engine;
  status.innerHTML = "<p>Kör frågan …</p>";
  result.setAttribute("aria-busy", "true");
  const t0 = performance.now();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; void engine.sqlConn.cancelSent(); }, SQL_TIMEOUT_MS);
  try {
    const reader = await engine.sqlConn.send(check.sql, true);
    let fields: string[] = [];
    const rows: unknown[][] = [];
    let truncated = false;
    for await (const batch of reader) {
      if (!fields.length) fields = batch.schema.fields.map((f) => f.name);
      const cols = fields.map((_, k) => batch.getChildAt(k));
      for (let i = 0; i < batch.numRows; i++) {
        if (rows.length >= MAX_ROWS) { truncated = true; break; }
        rows.push(cols.map((c) => c?.get(i)));
      }
      if (truncated) break;
    }
    if (truncated) await engine.sqlConn.cancelSent().catch(() => false);
    if (!fields.length) fields = reader.schema?.fields.map((f) => f.name) ?? [];
    const ms = performance.now() - t0;
    result.innerHTML = `<div class="table-wrap" tabindex="0" role="region" aria-labelledby="sql-caption"><table>` +
      `<caption id="sql-caption">Resultat: ${truncated ? `de första ${fmt(MAX_ROWS, 0)} raderna` : `${fmt(rows.length, 0)} ${rows.length === 1 ? "rad" : "rader"}`}</caption>` +
      `<thead><tr>${fields.map((f, k) => `<th scope="col"${typeof rows[0]?.[k] === "number" ? ' class="num"' : ""}>${esc(f)}</th>`).join("")}</tr></thead>` +
      `<tbody>${rows.map((r) => `<tr>${r.map((v) => `<td${typeof v === "number" ? ' class="num"' : ""}>${formatCell(v)}</td>`).join("")}</tr>`).join("")}</tbody>` +
      `</table></div>`;
    status.innerHTML = `<p>Frågan gav ${truncated ? `mer än ${fmt(MAX_ROWS, 0)} rader (de första visas)` : `${fmt(rows.length, 0)} ${rows.length === 1 ? "rad" : "rader"}`} på ${fmtMs(ms)}.</p>`;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const message = timedOut ? "Frågan avbröts eftersom den tog längre än 20 sekunder. Begränsa den, till exempel med WHERE eller LIMIT." : translateDuckDbError(raw);
    result.innerHTML = "";
    status.innerHTML = `<div class="sql-error"><p><strong>Frågan kunde inte köras.</strong> ${esc(message)}</p>` +
      `<details><summary>Teknisk information (från DuckDB, på engelska)</summary><pre>${esc(raw)}</pre></details></div>`;
  } finally {
    clearTimeout(timer);
    result.setAttribute("aria-busy", "false");
  }
}

// ---------------------------------------------------------------- downloads
function downloadTable(ctx: Ctx): DownloadTable {
  const s = ctx.shown ?? ctx.state;
  const filtered = hasFilter(s);
  const columns: DownloadTable["columns"] = [
    ...(filtered ? [{ name: "Plats i urvalet", kind: "int" as const }] : []),
    { name: "Rang", kind: "int" }, { name: "Kommunkod", kind: "text" }, { name: "Kommun", kind: "text" },
    { name: "Län", kind: "text" }, { name: "Kommungrupp", kind: "text" }, { name: "Totalindex", kind: "score" },
    ...SUB_INDEX_ORDER.map((k) => ({ name: SUB_INDEX_LABEL[k], kind: "score" as const })),
    { name: "Täckning", kind: "share" }, { name: "Ungefärlig plats (låg täckning)", kind: "text" },
    { name: "Rang med standardvikter", kind: "int" },
    { name: "Förändring mot standardrankningen", kind: "int" },
  ];
  const r1 = (x: number | null) => (x === null ? null : Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9) / 10);
  const rows = ctx.rows.map((r) => [
    ...(filtered ? [r.rank_in_selection] : []),
    r.rank, r.code, r.name, r.county, r.kommungrupp, r.total_rounded,
    ...SUB_INDEX_ORDER.map((k) => r1(r[k])),
    Math.round(r.coverage * 1000) / 1000, r.rank !== null && !r.counts ? "ja" : "nej", r.default_rank, r.change,
  ]);
  const w = normalisedWeights(s.weights);
  const about: [string, string][] = [
    ["År", String(s.year)],
    ["Viktuppsättning att börja från", weightSet(ctx, s.start).name_sv],
    ...SUB_INDEX_ORDER.map((k): [string, string] => [`Vikt ${SUB_INDEX_LABEL[k]}`, `${fmt(w[k] * 100, 1)} %`]),
    ["Saknade värden", s.missing === "riksmedian" ? "Riksmedianen (saknat värde = riksmedianen för indikatorn)" : "Som Hemtjänstindex (saknat värde = 0 poäng)"],
    ["Urval", selectionText(ctx, s).join(", ") || "Alla kommuner"],
    ["Förändring", "Rang med standardvikter (seniorernas prioritering, riksmedianen) minus rang här; positivt = högre placering."],
    ["Täckning", "Andel av vikten som vilar på faktiska värden (0–1)."],
    ["Ungefärlig plats", "En kommun med täckning under 75 % rangordnas inte med de andra; den får den plats den skulle ha fått, utan att flytta någon annan."],
    ["Källa", "Källa: Kolada, Senior alert via Kolada. Bearbetning av Hemtjänstkollen."],
    ["Länk", location.href],
    ["Dataversion", ctx.manifest.data_version ?? ""],
  ];
  return { columns, rows, about, fileStem: `hemtjanstkollen-egen-rangordning-${s.year}` };
}

// ---------------------------------------------------------------- start
export async function startExplorer(): Promise<void> {
  const config = readJson<ClientConfig>("explorer-config");
  const manifest = readJson<DataManifest>("explorer-manifest");
  const stateCtx: StateContext = {
    weightSets: config.weightSets.map((s) => ({ id: s.id, name_sv: s.name_sv, subIndex: s.subIndex })),
    years: config.years,
    counties: optionValues($<HTMLSelectElement>("f-lan")),
    groups: optionValues($<HTMLSelectElement>("f-grupp")),
    municipalities: optionValues($<HTMLSelectElement>("f-liknande")),
  };
  let resolveAllReady: () => void = () => undefined;
  const allReadyPromise = new Promise<void>((r) => { resolveAllReady = r; });
  const parsed = parseState(location.search, stateCtx);
  const ctx: Ctx = {
    config, manifest, stateCtx, engine: null, state: parsed.state, rows: [], meta: new Map(), shown: null,
    chartWidth: $("result").clientWidth, sums: new Map(), showAll: false, sql: "",
    firstReady: false, allReady: false, allReadyPromise, resolveAllReady,
  };
  writeForm(ctx.state);
  showWeightErrors(parsed.errors, []);
  $("result-stale").hidden = true;
  if (parsed.errors.length) history.replaceState(null, "", urlFor(ctx, ctx.state));

  const form = $<HTMLFormElement>("weigh-form");
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const onChange = (event: Event) => {
    const t0 = performance.now();
    const target = event.target as HTMLElement;
    // Keep slider and number field in step.
    if (target instanceof HTMLInputElement && target.type === "range" && target.dataset.sub) {
      $<HTMLInputElement>(`w-${target.dataset.sub}`).value = target.value;
    }
    if (target instanceof HTMLInputElement && target.name === "start" && event.type === "change") {
      // Starting from a set: take its weights.
      const set = weightSet(ctx, target.value);
      for (const s of SUB_INDEX_ORDER) $<HTMLInputElement>(`w-${s}`).value = String(percentWeights(set.subIndex)[s]).replace(".", ",");
    }
    const { state, errors, invalid } = readForm(ctx);
    if (!state) {
      showWeightErrors(errors, invalid);
      return; // keep the last valid state and result
    }
    if (target instanceof HTMLInputElement && target.classList.contains("weight-number") && target.dataset.sub) {
      $<HTMLInputElement>(`w-${target.dataset.sub}-range`).value = String(Math.round(state.weights[target.dataset.sub as SubIndexId]));
    }
    showWeightErrors([], []);
    updateShares(state.weights);
    const changed = !sameRanking(state, ctx.state) || JSON.stringify(state) !== JSON.stringify(ctx.state);
    ctx.state = state;
    if (changed) scheduleRank(ctx, state, t0);
    // The URL follows (debounced: a slider sends many events and browsers throttle history updates).
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => history.replaceState(null, "", urlFor(ctx, ctx.state)), 120);
  };
  form.addEventListener("input", onChange);
  form.addEventListener("change", onChange);
  form.addEventListener("submit", (e) => e.preventDefault());
  $("reset-button").addEventListener("click", () => {
    clearTimeout(urlTimer);
    ctx.state = defaultState(stateCtx);
    writeForm(ctx.state);
    showWeightErrors([], []);
    history.replaceState(null, "", urlFor(ctx, ctx.state));
    scheduleRank(ctx, ctx.state);
  });
  $("copy-link").addEventListener("click", async () => {
    const status = $("result-summary");
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = "Länken till urvalet är kopierad.";
    } catch {
      status.textContent = `Kopiera länken från adressfältet: ${location.href}`;
    }
  });
  $("download-csv").addEventListener("click", () => downloadCsv(downloadTable(ctx)));
  $("download-xlsx").addEventListener("click", () => {
    const btn = $<HTMLButtonElement>("download-xlsx");
    btn.setAttribute("aria-busy", "true");
    downloadXlsx(downloadTable(ctx))
      .catch((e: unknown) => { $("result-summary").textContent = `Excelfilen kunde inte skapas: ${(e as Error).message}`; })
      .finally(() => btn.removeAttribute("aria-busy"));
  });

  $("table-more").addEventListener("click", () => {
    ctx.showAll = !ctx.showAll;
    if (ctx.shown) render(ctx, ctx.shown, ctx.rows, ctx.sql);
  });
  $<HTMLDetailsElement>("rank-sql-details").addEventListener("toggle", () => {
    if ($<HTMLDetailsElement>("rank-sql-details").open) $("rank-sql").firstElementChild!.textContent = ctx.sql;
  });

  // Redraw the chart at its new width when the window is resized.
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      const w = $("result").clientWidth;
      if (w === ctx.chartWidth) return;
      ctx.chartWidth = w;
      if (ctx.rows.length) $("result-chart").innerHTML = renderChart(ctx.rows, w);
    }, 200);
  });

  // SQL box
  const sqlInput = $<HTMLTextAreaElement>("sql-input");
  $("sql-run").setAttribute("aria-disabled", "true");
  $<HTMLFormElement>("sql-form").addEventListener("submit", (e) => {
    e.preventDefault();
    void runSql(ctx, sqlInput.value);
  });
  sqlInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void runSql(ctx, sqlInput.value);
    }
  });
  document.querySelectorAll<HTMLButtonElement>("button.example").forEach((b) => {
    b.addEventListener("click", () => {
      const q = config.examples[Number(b.dataset.example)];
      if (!q) return;
      sqlInput.value = q.sql;
      sqlInput.focus();
      $("sql-status").textContent = `Exempelfrågan ”${q.label}” är ifylld. Tryck på Kör frågan.`;
    });
  });

  // Hooks for the browser tests and the benchmark (read-only; the reader can do the same in the SQL box).
  (window as unknown as { htkExplorer: unknown }).htkExplorer = {
    allReady: allReadyPromise,
    rankingSql: (s: ExplorerState) => rankingSql(rankParams(config, s)),
    /** Run SQL on the SQL box's connection without the box's check (tests of the database-level lock). */
    query: async (sql: string) => {
      await allReadyPromise;
      return tableRows(await (ctx.engine as Engine).sqlConn.query(sql));
    },
    rank: async (s: ExplorerState) => {
      await allReadyPromise;
      const params = rankParams(config, s);
      await ensureSums(ctx, params);
      return tableRows(await (ctx.engine as Engine).conn.query(rankingSql(params)));
    },
  };

  try {
    await load(ctx);
  } catch (error) {
    const summary = $("load-summary");
    summary.dataset.state = "error";
    summary.textContent = `Utforskaren kunde inte läsa in data: ${(error as Error).message}. Ladda om sidan för att försöka igen.`;
    throw error;
  }
}

function urlFor(ctx: Ctx, state: ExplorerState): string {
  const q = serializeState(state, ctx.stateCtx);
  return `${location.pathname}${q ? `?${q}` : ""}${location.hash}`;
}
