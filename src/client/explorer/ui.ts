// The explorer page (/utforska/) in the browser. Wires the parts together:
// - form.ts / state.ts: the reader's choices, kept in the URL;
// - firstData.ts + tsRank.ts + rankingView.ts: the first ranking from the model's TypeScript over two
//   small tables (performance.mark("ranking-ready") once it is on screen), re-ranked on every change;
// - engine.ts (dynamic import): DuckDB-WASM for the SQL box, only when needed or when the page is idle
//   on a fast connection (connection.ts); performance.mark("data-ready") when SQL can run;
// - sqlView.ts, rankingDownload.ts, download.ts: the SQL box and the downloads.
// Loaded by a dynamic import after the page's `load` event.

import type { SubIndexId } from "../../model/types";
import type { ClientConfig } from "./config";
import { preloadDecision, type ConnectionInfo } from "./connection";
import { displayRows, rankParams, weightSet, type Ctx } from "./context";
import { downloadCsv, downloadXlsx } from "./download";
import type { SqlEngine } from "./engine";
import { loadFirstData } from "./firstData";
import { $, fmtBytes, fmtMs, optionValues, readJson } from "./format";
import { readForm, showWeightErrors, updateShares, urlFor, writeForm } from "./form";
import type { DataManifest } from "./load";
import { setPhase, setSummary } from "./progress";
import { rankingSql } from "./rank";
import { rankingDownloadTable } from "./rankingDownload";
import { render, rankState, renderChart, scheduleRank, showRankSql } from "./rankingView";
import { runSql, wireSqlDownloads } from "./sqlView";
import {
  SUB_INDEX_ORDER, defaultState, parseState, percentWeights, sameRanking, type ExplorerState, type StateContext,
} from "./state";
import { yearScores } from "./tsRank";

const engineBytes = () => Number($("load-summary").dataset.engineBytes ?? 0);

/** DuckDB-WASM with every table, started once; `why` is shown while it loads. */
function ensureEngine(ctx: Ctx, why: string): Promise<SqlEngine> {
  if (ctx.engine) return ctx.engine;
  setSummary(`${why} Hämtar databasmotorn DuckDB-WASM (${fmtBytes(engineBytes())}) och alla tabeller …`, "engine-loading");
  $("sql-start").hidden = true;
  const t0 = performance.now();
  ctx.engine = import("./engine")
    .then((m) => m.loadEngine(ctx.config, ctx.manifest, (text) => setSummary(text, "engine-loading")))
    .then((engine) => {
      document.documentElement.dataset.explorer = "all-ready";
      setSummary(`Frågerutan är klar: alla tabeller är inlästa (${fmtMs(performance.now() - t0)}).`, "all-ready");
      return engine;
    });
  ctx.engine.catch((error: unknown) => {
    ctx.engine = null; // a later click may try again
    $("sql-start").hidden = false;
    setPhase("engine", "fel", "fel");
    setSummary(`Databasmotorn kunde inte startas: ${(error as Error).message}. Rangordningen fungerar ändå.`, "engine-error");
  });
  return ctx.engine;
}

function wireForm(ctx: Ctx): void {
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
    if (changed) scheduleRank(ctx, t0);
    // The URL follows (debounced: a slider sends many events and browsers throttle history updates).
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => history.replaceState(null, "", urlFor(ctx, ctx.state)), 120);
  };
  form.addEventListener("input", onChange);
  form.addEventListener("change", onChange);
  form.addEventListener("submit", (e) => e.preventDefault());
  $("reset-button").addEventListener("click", () => {
    clearTimeout(urlTimer);
    ctx.state = defaultState(ctx.stateCtx);
    writeForm(ctx.state);
    showWeightErrors([], []);
    history.replaceState(null, "", urlFor(ctx, ctx.state));
    scheduleRank(ctx);
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
  $("download-csv").addEventListener("click", () => downloadCsv(rankingDownloadTable(ctx)));
  $("download-xlsx").addEventListener("click", () => {
    const btn = $<HTMLButtonElement>("download-xlsx");
    btn.setAttribute("aria-busy", "true");
    downloadXlsx(rankingDownloadTable(ctx))
      .catch((e: unknown) => { $("result-summary").textContent = `Excelfilen kunde inte skapas: ${(e as Error).message}`; })
      .finally(() => btn.removeAttribute("aria-busy"));
  });
  $("table-more").addEventListener("click", () => {
    ctx.showAll = !ctx.showAll;
    if (ctx.shown) render(ctx, ctx.shown, ctx.rows);
  });
  $<HTMLDetailsElement>("rank-sql-details").addEventListener("toggle", () => {
    if ($<HTMLDetailsElement>("rank-sql-details").open) showRankSql(ctx);
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
}

function wireSqlBox(ctx: Ctx): void {
  const sqlInput = $<HTMLTextAreaElement>("sql-input");
  const engine = () => ensureEngine(ctx, "Frågerutan startar.");
  const fast = () => preloadDecision((navigator as { connection?: ConnectionInfo }).connection).preload;
  $<HTMLFormElement>("sql-form").addEventListener("submit", (e) => {
    e.preventDefault();
    void runSql(engine, sqlInput.value);
  });
  sqlInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void runSql(engine, sqlInput.value);
    }
  });
  // On a fast connection, starting to write is reason enough to fetch the engine; on a slow or metered
  // one only running a query or the start button is.
  sqlInput.addEventListener("focus", () => { if (fast()) void engine().catch(() => undefined); });
  $("sql-start").addEventListener("click", () => { void engine().catch(() => undefined); });
  document.querySelectorAll<HTMLButtonElement>("button.example").forEach((b) => {
    b.addEventListener("click", () => {
      const q = ctx.config.examples[Number(b.dataset.example)];
      if (!q) return;
      sqlInput.value = q.sql;
      sqlInput.focus();
      $("sql-status").textContent = `Exempelfrågan ”${q.label}” är ifylld. Tryck på Kör frågan.`;
    });
  });
  wireSqlDownloads(ctx.manifest.data_version);
}

/** Hooks for the browser tests and the benchmark. Read-only: no way to run unchecked SQL (issue 20). */
function exposeHooks(ctx: Ctx, rankingReady: Promise<void>): void {
  (window as unknown as { htkExplorer: unknown }).htkExplorer = {
    rankingReady,
    rankingSql: (s: ExplorerState) => rankingSql(rankParams(ctx.config, s)),
    /** The TypeScript ranking of a state (what the page shows). */
    rank: async (s: ExplorerState) => { await rankingReady; return rankState(ctx, s); },
    /** The same ranking in DuckDB-WASM (starts the engine). */
    rankSql: async (s: ExplorerState) => (await ensureEngine(ctx, "Testet ber om SQL-rangordningen.")).rankSql(rankParams(ctx.config, s)),
  };
}

async function loadFirst(ctx: Ctx): Promise<void> {
  const t0 = performance.now();
  const first = ctx.manifest.tables.filter((t) => t.first);
  const bytes = first.reduce((a, t) => a + t.bytes, 0);
  setSummary(`Hämtar data för rangordningen (${fmtBytes(bytes)}) …`, "loading");
  const data = await loadFirstData(first, (table, loaded, phase) => {
    const total = first.find((t) => t.table === table)?.bytes ?? loaded;
    setPhase(table, phase === "hämtar" ? `hämtar ${fmtBytes(loaded)} av ${fmtBytes(total)}` : phase === "avkodar" ? "avkodar Parquet" : "klar", phase);
  });
  ctx.meta = new Map(data.meta.map((m) => [m.code, m]));
  ctx.years = yearScores(data.values, data.meta.map((m) => m.code));
  render(ctx, ctx.state, displayRows(rankState(ctx, ctx.state), ctx.state, ctx.meta));
  ctx.firstReady = true;
  // "ranking-ready": the first ranking is painted (after the next frame).
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  performance.mark("ranking-ready");
  document.documentElement.dataset.explorer = "ranking-ready";
  setSummary(`Rangordningen är klar (${fmtMs(performance.now() - t0)}). Databasmotorn för frågerutan hämtas när du använder den.`, "ranking-ready");
}

/** After the first ranking: fetch the engine unasked only when the page is idle on a fast connection. */
function preloadWhenIdle(ctx: Ctx): void {
  const decision = preloadDecision((navigator as { connection?: ConnectionInfo }).connection);
  if (!decision.preload) {
    $("sql-start-reason").textContent = `Den hämtas inte automatiskt här (${decision.reason}).`;
    return;
  }
  const idle = (cb: () => void) => ("requestIdleCallback" in window ? requestIdleCallback(cb, { timeout: 5000 }) : setTimeout(cb, 1500));
  idle(() => { void ensureEngine(ctx, "Sidan är i vila på en snabb anslutning.").catch(() => undefined); });
}

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
  const parsed = parseState(location.search, stateCtx);
  const ctx: Ctx = {
    config, manifest, stateCtx, state: parsed.state, rows: [], meta: new Map(), years: null, defaults: new Map(),
    showAll: false, sql: "", chartWidth: $("result").clientWidth, shown: null, firstReady: false, engine: null,
  };
  writeForm(ctx.state);
  showWeightErrors(parsed.errors, []);
  $("result-stale").hidden = true;
  if (parsed.errors.length) history.replaceState(null, "", urlFor(ctx, ctx.state));
  wireForm(ctx);
  wireSqlBox(ctx);
  const rankingReady = loadFirst(ctx);
  exposeHooks(ctx, rankingReady);
  try {
    await rankingReady;
  } catch (error) {
    document.documentElement.dataset.explorer = "error";
    setSummary(`Utforskaren kunde inte läsa in data: ${(error as Error).message}. Ladda om sidan för att försöka igen.`, "error");
    throw error;
  }
  preloadWhenIdle(ctx);
}
