// The explorer's shared state in the browser (one object, passed to every part) and the pure helpers
// around it: which weights a ranking uses, and the displayed rows of a selection.

import type { ClientConfig, ConfigWeightSet } from "./config";
import type { SqlEngine } from "./engine";
import type { DataManifest } from "./load";
import type { RankParams } from "./rank";
import { yearSubWeights } from "./rank";
import {
  SUB_INDEX_ORDER, makeSelection, percentWeights, placesAgainst,
  type ExplorerState, type MunicipalityMeta, type StateContext,
} from "./state";
import type { RankingRow, YearScores, defaultRanking } from "./tsRank";

/** A displayed row: the ranking row with names, the change and the place within the selection. */
export interface RankRow extends RankingRow {
  code: string;
  name: string;
  county: string;
  kommungrupp: string;
  change: number | null;
  rank_in_selection: number | null;
}

export interface Ctx {
  config: ClientConfig;
  manifest: DataManifest;
  stateCtx: StateContext;
  state: ExplorerState; // last valid state (what the ranking shows)
  rows: RankRow[];
  meta: Map<string, MunicipalityMeta>;
  /** Score matrices per year for the TypeScript ranking (null until the first tables are read). */
  years: Map<number, YearScores> | null;
  defaults: Map<number, ReturnType<typeof defaultRanking>>;
  showAll: boolean; // table shows every row of the selection
  sql: string; // the SQL behind the ranking on screen (shown on request)
  chartWidth: number; // width of the result column, read once and on resize
  shown: ExplorerState | null; // state of the rows on screen
  firstReady: boolean;
  /** DuckDB-WASM with every table, loaded on demand (null until something asks for it). */
  engine: Promise<SqlEngine> | null;
}

export function weightSet(ctx: Pick<Ctx, "config">, id: string): ConfigWeightSet {
  return ctx.config.weightSets.find((s) => s.id === id) ?? ctx.config.weightSets[0];
}

/** Were the weights left as the start set gives them? Then the set's exact weights are used. */
export function weightsUnchanged(state: ExplorerState, set: ConfigWeightSet): boolean {
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

/** Filter, name and number the ranking rows for display (the ranking itself is the model's). */
export function displayRows(ranking: readonly RankingRow[], state: ExplorerState, meta: ReadonlyMap<string, MunicipalityMeta>): RankRow[] {
  const inSelection = makeSelection(state, meta);
  const picked = ranking.filter((r) => inSelection(r.municipality));
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
