// The view model of a municipality page (/kommun/{code}/): everything the page, and later its report
// package, shows about one municipality, computed from the model output and the raw values. Pure: no
// I/O, no DOM, no formatting of numbers (the components format through src/charts/format.ts), except
// the plain-Swedish strength/weakness sentences, which are text by nature.
//
// Comparisons with the nation, the SKR kommungrupp and the Kolada "Liknande kommuner äldreomsorg" peers
// use the median over the municipalities with a value (robust to one outlier among seven peers).
import type { MethodDoc } from "../model/method";
import type { IndicatorScoreRow, RankChangeRow, ScoreRow, UnitScoreRow } from "../model/outputTables";
import type { MethodCatalogueRow } from "../model/method";
import type { SubIndexId } from "../model/types";
import { SUB_INDEX_IDS } from "../model/types";
import type { MunicipalityRow, ProviderType, UnitRow, UnitValueRow, ValueRow } from "../pipeline/tables";
import { RIKET } from "../pipeline/tables";
import { indicatorSetDifference, previousYear } from "../model/rankChange";
import { median } from "../model/median";
import { changeIndex, changeOf, type ChangeIndex, type ComparableChange } from "./change";

export interface MunicipalityInputs {
  municipalities: MunicipalityRow[];
  values: ValueRow[];
  scores: ScoreRow[];
  indicatorScores: IndicatorScoreRow[];
  units: UnitRow[];
  unitValues: UnitValueRow[];
  unitScores: UnitScoreRow[];
  /** Rank changes between pairs of published years, on the indicators both years have. */
  rankChanges: RankChangeRow[];
  method: MethodDoc;
}

// ---- Rules of this page (quoted on the page and tested) ---------------------------------------------

/** A strength or weakness needs at least this many score points between the municipality and its peers. */
export const MIN_GAP = 3;
/** …and, for survey shares, a gap beyond this many standard errors of the municipality's share (90 %). */
export const Z_GAP = 1.6448536269514722;
/** At most this many strengths and this many weaknesses are listed. */
export const MAX_STATEMENTS = 3;
/** A peer is only compared when this many of the seven peers have a value. */
export const MIN_PEERS = 3;
/** Unit-level indicators shown as charts up front; the others follow in a collapsed chart. */
export const KEY_UNIT_INDICATORS = ["U21468", "U21475", "U21467", "U21481"];
/** Units with fewer respondents than this are flagged (the model's MIN_UNIT_RESPONDENTS). */
export const SMALL_N = 30;

export const STRENGTH_RULE_SV =
  `En indikator räknas som styrka eller svaghet när kommunens poäng skiljer sig minst ${MIN_GAP} poäng ` +
  "från medianen i de liknande kommunerna och, för enkätfrågor, skillnaden är större än den statistiska " +
  "osäkerheten i kommunens andel (90 %, utifrån antalet svarande). De skillnader som betyder mest för " +
  `totalen (skillnad gånger indikatorns vikt) visas, högst ${MAX_STATEMENTS} av varje. Välfärdsteknikens ` +
  "många små indikatorer redovisas tillsammans i en mening.";

// ---- View model --------------------------------------------------------------------------------------

export interface Flag { code: string; text: string }

export interface TotalView {
  score: number | null;
  rank: number | null;
  rankLow: number | null;
  rankHigh: number | null;
  nRanked: number;
  group: string | null;
  coverage: number;
  flags: Flag[];
  lowCoverage: boolean;
  /** Rank with the other missing-data rule / the derived weight set (same year), for transparency. */
  rankOtherMissingRule: number | null;
  rankDerivedWeights: number | null;
  indistinguishableCount: number;
  /** Indicators in use that year without a value for the municipality (scored at the national median). */
  missing: { id: string; name: string }[];
}

export interface SubIndexView {
  id: SubIndexId;
  name: string;
  description: string;
  municipality: number | null;
  nation: number | null;
  kommungrupp: number | null;
  peers: number | null;
}

export type ValueKind = "share" | "coded" | "count";
/** Whose value a sentence shows: the municipality's own, the peers' median or Riket's (an average for some kinds). */
export type ValueRole = "own" | "peers" | "nation";

export interface IndicatorView {
  id: string;
  kpi: string;
  name: string;
  description: string;
  subIndex: SubIndexId;
  kind: ValueKind;
  lowerIsBetter: boolean;
  year: number;
  value: number | null; // raw value as published
  valueDecimals: number; // decimals needed to show the raw value (0–2)
  score: number | null; // 0–100
  missing: boolean;
  weight: number; // share of the total (default set)
  nationValue: number | null; // Riket's raw value
  peersScore: number | null; // median score of the peers with a value
  peersValue: number | null; // median raw value of the peers with a value
  source: string; // "Källa: Kolada" | "Källa: Senior alert via Kolada"
}

/** A strength or weakness; `indicator` is a catalogue id, or several joined by ";" (combined coded items). */
export interface Statement { indicator: string; text: string; gap: number; weightedGap: number }

export interface TrendRow {
  year: number;
  total: number | null;
  rank: number | null;
  nRanked: number | null;
  /** Places gained since the previous ranked year (positive = better), both years on their common indicators. */
  change: number | null;
  /** That change by the change rule, with the comparable ranks and intervals (null: no earlier ranked year). */
  changeDetail?: ComparableChange | null;
  /** The rank's 90 % interval (optional: older fixtures lack it). */
  rankLow?: number | null;
  rankHigh?: number | null;
  subIndices: Record<SubIndexId, number | null>;
  nationalMedian: number | null;
}

export interface UnitView { id: string; name: string; providerType: ProviderType; respondents: number | null; total: number | null; rank: number | null; rankLow: number | null; rankHigh: number | null; nRanked: number; small: boolean; unknownN?: boolean }
export interface UnitIndicatorView { id: string; name: string; municipalityValue: number | null; nationValue: number | null; key: boolean }
export interface UnitValueView { unitId: string; indicatorId: string; value: number | null; respondents: number | null }
export interface UnitSectionView {
  year: number | null;
  synthetic: boolean;
  units: UnitView[];
  indicators: UnitIndicatorView[];
  values: UnitValueView[];
  /** small: known to have fewer than SMALL_N respondents; unknownN: respondents unknown (live Kolada units). */
  counts: { kommunal: number; privat: number; small: number; unknownN?: number };
}

export interface PeerView {
  code: string;
  name: string;
  total: number | null;
  rank: number | null;
  better: boolean;
  /** Sub-indices where the peer is ahead by at least MIN_GAP, largest first. */
  aheadSubIndices: { id: SubIndexId; name: string; gap: number }[];
  /** Indicators where the peer is ahead most (weighted), at most three. */
  aheadIndicators: { id: string; name: string; gap: number }[];
}

export interface ContextFigure { kpi: string; label: string; value: number | null; year: number | null; unit: "share" | "int" | "hours" }

export interface MunicipalityView {
  code: string;
  name: string;
  county: string;
  kommungrupp: string;
  population: number;
  year: number;
  publishedYears: number[];
  weightSetName: string;
  missingRule: { id: string; name: string; description: string };
  otherMissingRuleName: string;
  coverageLimit: number;
  total: TotalView;
  subIndices: SubIndexView[];
  indicators: IndicatorView[];
  /** In use this year, but no value for this municipality. */
  missingIndicators: IndicatorView[];
  /** In the catalogue, but not in use this year for anyone (with the reason). */
  unusedIndicators: { id: string; name: string; subIndex: SubIndexId; reason: string }[];
  strengths: Statement[];
  weaknesses: Statement[];
  trend: TrendRow[];
  units: UnitSectionView;
  peers: PeerView[];
  peersMedianTotal: number | null;
  context: ContextFigure[];
  /** Lowest and highest total among the ranked municipalities (coverage at or above the limit) this year. */
  range?: { min: number; max: number } | null;
  /** The change since the previous published year, by the change rule, on the indicators both years have
   *  (null: no previous year). */
  change?: ComparableChange | null;
  /** First to last ranked year, the same way (null: fewer than two ranked years). */
  overallChange?: ComparableChange | null;
  /** Indicators in use in only one of the two compared years (catalogue ids). */
  indicatorSetChange?: { added: string[]; dropped: string[] } | null;
}

// ---- Helpers ------------------------------------------------------------------------------------------

export { median } from "../model/median";

/** Decimals needed to show a raw value as published (at most two). */
export function decimalsOf(x: number | null): number {
  if (x === null || !Number.isFinite(x)) return 0;
  for (let d = 0; d < 2; d++) if (Math.abs(Math.round(x * 10 ** d) - x * 10 ** d) < 1e-6) return d;
  return 2;
}

function kindOf(e: MethodCatalogueRow): ValueKind {
  if (e.rule.kind === "kod_012") return "coded";
  if (e.rule.kind === "ankare") return "count";
  return "share";
}

function sourceLine(e: MethodCatalogueRow): string {
  return e.source === "senioralert" ? "Källa: Senior alert via Kolada" : "Källa: Kolada";
}

const num = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * "Andel som tycker att personalen … ." → "tycker att personalen …": the clause a "Fler än …"
 * sentence can take. Null when the description is not of that form.
 */
export function shareClause(description: string): string | null {
  const m = /^Andel som (.+?)\.(\s|$)/.exec(description);
  if (!m) return null;
  return m[1].replace(/^(svarat|fått|känt|upplevt)\b/, "har $1");
}

// ---- Indexing (once per build) --------------------------------------------------------------------------

export interface MunicipalityContext {
  inputs: MunicipalityInputs;
  year: number;
  years: number[];
  weightSet: string;
  missingRule: string;
  otherMissingRule: string;
  derivedWeightSet: string | null;
  byCode: Map<string, MunicipalityRow>;
  catalogue: Map<string, MethodCatalogueRow>;
  /** year → code → score row (default set and rule). */
  scores: Map<number, Map<string, ScoreRow>>;
  /** "year|code|set|rule" → score row, for the sensitivity lines. */
  scoreKey: Map<string, ScoreRow>;
  /** year → code → indicator → row. */
  indicatorScores: Map<number, Map<string, Map<string, IndicatorScoreRow>>>;
  /** year → code → respondents (U23592). */
  respondents: Map<number, Map<string, number>>;
  /** kpi → code → year → value (context KPIs only). */
  context: Map<string, Map<string, Map<number, number>>>;
  unitsByMunicipality: Map<string, UnitRow[]>;
  unitValuesByUnit: Map<string, UnitValueRow[]>;
  unitScoresByUnit: Map<string, UnitScoreRow>; // latest year, default set and rule
  kommungruppMembers: Map<string, string[]>;
  /** year → median of every municipality's score per sub-index and total. */
  nationMedians: Map<number, Record<SubIndexId | "total", number | null>>;
  /** Rank changes (default set and rule) by changeKey(from, to, code). */
  changes: ChangeIndex;
}

const CONTEXT_KPIS: { kpi: string; label: string; unit: ContextFigure["unit"] }[] = [
  { kpi: "N01957", label: "Invånare 80 år och äldre", unit: "int" },
  { kpi: "N21704", label: "Andel av invånarna 80 år och äldre med hemtjänst", unit: "share" },
  { kpi: "N21826", label: "Beviljade timmar hemtjänst per brukare och månad", unit: "hours" },
  { kpi: "N21804", label: "Andel av hemtjänsten i enskild regi", unit: "share" },
];
export const RESPONDENTS_KPI = "U23592";

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function prepareMunicipalityContext(inputs: MunicipalityInputs): MunicipalityContext {
  const { method } = inputs;
  const years = [...method.publishedYears].sort((a, b) => a - b);
  const year = years[years.length - 1];
  const weightSet = method.defaultWeightSet;
  const missingRule = method.defaultMissingRule;
  const otherMissingRule = method.missingRules.find((r) => r.id !== missingRule)?.id ?? missingRule;
  const derivedWeightSet = method.weightSets.find((s) => s.id === "harledd-ur-brukarnas-svar")?.id ?? null;

  const scores = new Map<number, Map<string, ScoreRow>>();
  const scoreKey = new Map<string, ScoreRow>();
  for (const s of inputs.scores) {
    scoreKey.set(`${s.year}|${s.municipality}|${s.weight_set}|${s.missing_rule}`, s);
    if (s.weight_set !== weightSet || s.missing_rule !== missingRule) continue;
    let byCode = scores.get(s.year);
    if (!byCode) scores.set(s.year, (byCode = new Map()));
    byCode.set(s.municipality, s);
  }
  const indicatorScores = new Map<number, Map<string, Map<string, IndicatorScoreRow>>>();
  for (const r of inputs.indicatorScores) {
    let byCode = indicatorScores.get(r.year);
    if (!byCode) indicatorScores.set(r.year, (byCode = new Map()));
    let byInd = byCode.get(r.municipality);
    if (!byInd) byCode.set(r.municipality, (byInd = new Map()));
    byInd.set(r.indicator, r);
  }
  const respondents = new Map<number, Map<string, number>>();
  const context = new Map<string, Map<string, Map<number, number>>>();
  const contextKpis = new Set(CONTEXT_KPIS.map((c) => c.kpi));
  for (const v of inputs.values) {
    if (v.gender !== "T" || !num(v.value)) continue;
    if (v.kpi === RESPONDENTS_KPI) {
      let m = respondents.get(v.year);
      if (!m) respondents.set(v.year, (m = new Map()));
      m.set(v.municipality, v.value);
    } else if (contextKpis.has(v.kpi)) {
      let byCode = context.get(v.kpi);
      if (!byCode) context.set(v.kpi, (byCode = new Map()));
      let byYear = byCode.get(v.municipality);
      if (!byYear) byCode.set(v.municipality, (byYear = new Map()));
      byYear.set(v.year, v.value);
    }
  }
  const unitsByMunicipality = new Map<string, UnitRow[]>();
  for (const u of inputs.units) push(unitsByMunicipality, u.municipality, u);
  const unitValuesByUnit = new Map<string, UnitValueRow[]>();
  for (const v of inputs.unitValues) push(unitValuesByUnit, v.unit_id, v);
  const unitScoresByUnit = new Map<string, UnitScoreRow>();
  for (const s of inputs.unitScores) {
    if (s.weight_set !== weightSet || s.missing_rule !== missingRule) continue;
    const prev = unitScoresByUnit.get(s.unit_id);
    if (!prev || s.year > prev.year) unitScoresByUnit.set(s.unit_id, s);
  }
  const kommungruppMembers = new Map<string, string[]>();
  for (const m of inputs.municipalities) push(kommungruppMembers, m.kommungrupp_id, m.code);

  const nationMedians = new Map<number, Record<SubIndexId | "total", number | null>>();
  for (const [y, byCode] of scores) {
    const rows = [...byCode.values()].filter((r) => r.municipality !== RIKET);
    const rec = { total: median(rows.map((r) => r.total)) } as Record<SubIndexId | "total", number | null>;
    for (const id of SUB_INDEX_IDS) rec[id] = median(rows.map((r) => r[id]));
    nationMedians.set(y, rec);
  }

  return {
    inputs, year, years, weightSet, missingRule, otherMissingRule, derivedWeightSet,
    changes: changeIndex(inputs.rankChanges, weightSet, missingRule),
    byCode: new Map(inputs.municipalities.map((m) => [m.code, m])),
    catalogue: new Map(method.catalogue.map((e) => [e.id, e])),
    scores, scoreKey, indicatorScores, respondents, context, unitsByMunicipality, unitValuesByUnit,
    unitScoresByUnit, kommungruppMembers, nationMedians,
  };
}

// ---- Builders -------------------------------------------------------------------------------------------

function peerCodes(m: MunicipalityRow): string[] {
  return m.peers.split(";").map((s) => s.trim()).filter((c) => c && c !== m.code);
}

function totalView(ctx: MunicipalityContext, code: string): TotalView {
  const s = ctx.scores.get(ctx.year)?.get(code);
  const flags = (s?.flags ?? "inga_data").split(";").filter(Boolean)
    .map((c) => ({ code: c, text: ctx.inputs.method.flags[c] ?? c }));
  const other = ctx.scoreKey.get(`${ctx.year}|${code}|${ctx.weightSet}|${ctx.otherMissingRule}`);
  const derived = ctx.derivedWeightSet
    ? ctx.scoreKey.get(`${ctx.year}|${code}|${ctx.derivedWeightSet}|${ctx.missingRule}`) : undefined;
  return {
    score: s?.total ?? null,
    rank: s?.rank ?? null,
    rankLow: s?.rank_low ?? null,
    rankHigh: s?.rank_high ?? null,
    nRanked: s?.n_ranked ?? 0,
    group: s?.group ?? null,
    coverage: s?.coverage ?? 0,
    flags,
    lowCoverage: (s?.coverage ?? 0) < ctx.inputs.method.coverageLimit,
    rankOtherMissingRule: other?.rank ?? null,
    rankDerivedWeights: derived?.rank ?? null,
    indistinguishableCount: s?.indistinguishable ? s.indistinguishable.split(";").filter(Boolean).length : 0,
    missing: (s?.missing_indicators ?? "").split(";").filter(Boolean).map((id) => ({
      id, name: ctx.inputs.method.catalogue.find((e) => e.id === id)?.name_sv ?? id,
    })),
  };
}

function subIndexViews(ctx: MunicipalityContext, m: MunicipalityRow, peers: string[]): SubIndexView[] {
  const byCode = ctx.scores.get(ctx.year) ?? new Map<string, ScoreRow>();
  const own = byCode.get(m.code);
  const group = (ctx.kommungruppMembers.get(m.kommungrupp_id) ?? []).map((c) => byCode.get(c));
  const peerRows = peers.map((c) => byCode.get(c));
  const nation = ctx.nationMedians.get(ctx.year);
  return ctx.inputs.method.subIndices.map((d) => ({
    id: d.id,
    name: d.name_sv,
    description: d.description_sv,
    municipality: own?.[d.id] ?? null,
    nation: nation?.[d.id] ?? null,
    kommungrupp: median(group.map((r) => r?.[d.id])),
    peers: median(peerRows.map((r) => r?.[d.id])),
  }));
}

function indicatorViews(ctx: MunicipalityContext, code: string, peers: string[]): IndicatorView[] {
  const byCode = ctx.indicatorScores.get(ctx.year);
  const own = byCode?.get(code);
  const riket = byCode?.get(RIKET);
  const active = ctx.inputs.method.activeIndicatorsByYear[String(ctx.year)] ?? [];
  return active.map((id) => {
    const e = ctx.catalogue.get(id)!;
    const r = own?.get(id);
    const peerRows = peers.map((c) => byCode?.get(c)?.get(id)).filter((x) => x && !x.missing);
    const value = r?.value ?? null;
    return {
      id, kpi: e.kpi, name: e.name_sv, description: e.description_sv, subIndex: e.subIndex, kind: kindOf(e),
      lowerIsBetter: e.direction === "lagre_battre", year: ctx.year, value, valueDecimals: decimalsOf(value),
      score: r && !r.missing ? r.score : null, missing: !r || r.missing || value === null,
      weight: r?.weight ?? riket?.get(id)?.weight ?? 0,
      nationValue: riket?.get(id)?.value ?? null,
      peersScore: peerRows.length >= MIN_PEERS ? median(peerRows.map((x) => x!.score)) : null,
      peersValue: peerRows.length >= MIN_PEERS ? median(peerRows.map((x) => x!.value)) : null,
      source: sourceLine(e),
    };
  });
}

function unusedIndicators(ctx: MunicipalityContext): MunicipalityView["unusedIndicators"] {
  const active = new Set(ctx.inputs.method.activeIndicatorsByYear[String(ctx.year)] ?? []);
  return ctx.inputs.method.catalogue.filter((e) => !active.has(e.id)).map((e) => ({
    id: e.id, name: e.name_sv, subIndex: e.subIndex,
    reason: e.firstYear !== null && ctx.year < e.firstYear ? `Används från ${e.firstYear}.`
      : e.lastYear !== null && ctx.year > e.lastYear ? `Upphörde efter ${e.lastYear}.`
        : `För få kommuner har värden ${ctx.year} (eller inga alls i underlaget).`,
  }));
}

/** Standard error (in percentage points) of a survey share p (percent) from n respondents. */
export function shareStandardError(p: number, n: number): number {
  const q = Math.min(1, Math.max(0, p / 100));
  return 100 * Math.sqrt((q * (1 - q)) / n);
}

/**
 * Strengths and weaknesses against the peers' median (see STRENGTH_RULE_SV). `respondents` is the
 * municipality's number of survey respondents that year (null: unknown, then only MIN_GAP applies).
 */
export function strengthsAndWeaknesses(
  indicators: readonly IndicatorView[], catalogue: ReadonlyMap<string, Pick<MethodCatalogueRow, "survey" | "description_sv">>,
  respondents: number | null, format: (ind: IndicatorView, value: number, role: ValueRole) => string,
): { strengths: Statement[]; weaknesses: Statement[] } {
  const strengths: Statement[] = [];
  const weaknesses: Statement[] = [];
  // Coded items (welfare technology) are many small indicators; they are combined into one statement per
  // direction, so that ten technologies do not crowd out what the seniors themselves say.
  const coded: { better: Statement[]; worse: Statement[]; names: { better: string[]; worse: string[] } } =
    { better: [], worse: [], names: { better: [], worse: [] } };
  for (const ind of indicators) {
    if (ind.missing || !num(ind.score) || !num(ind.peersScore) || !num(ind.value) || !num(ind.peersValue)) continue;
    const e = catalogue.get(ind.id);
    const gap = ind.score - ind.peersScore;
    let need = MIN_GAP;
    if (e?.survey && num(respondents) && respondents > 0) need = Math.max(need, Z_GAP * shareStandardError(ind.value, respondents));
    if (Math.abs(gap) < need) continue;
    const better = gap > 0;
    const st = { indicator: ind.id, text: "", gap, weightedGap: gap * ind.weight };
    if (ind.kind === "coded") {
      (better ? coded.better : coded.worse).push(st);
      (better ? coded.names.better : coded.names.worse).push(lowerFirst(ind.name.replace(/^[^:]*:\s*/, "")));
      continue;
    }
    const clause = e?.survey ? shareClause(e.description_sv) : null;
    const values = `${format(ind, ind.value, "own")} mot ${format(ind, ind.peersValue, "peers")} i liknande kommuner` +
      (num(ind.nationValue) ? ` och ${format(ind, ind.nationValue, "nation")} i riket` : "");
    // Shares where higher is better: "Fler/Färre än i liknande kommuner <clause>".
    st.text = clause && !ind.lowerIsBetter
      ? `${better ? "Fler" : "Färre"} än i liknande kommuner ${clause} (${values}).`
      : `${better ? "Bättre" : "Sämre"} än i liknande kommuner: ${lowerFirst(ind.name)}, ${values}.`;
    (better ? strengths : weaknesses).push(st);
  }
  for (const better of [true, false]) {
    const list = better ? coded.better : coded.worse;
    if (!list.length) continue;
    const top = list.reduce((a, b) => (Math.abs(b.weightedGap) > Math.abs(a.weightedGap) ? b : a));
    const names = better ? coded.names.better : coded.names.worse;
    (better ? strengths : weaknesses).push({
      indicator: list.map((x) => x.indicator).join(";"),
      text: `${better ? "Mer" : "Mindre"} välfärdsteknik än i de flesta liknande kommuner: ${joinSv(names)}.`,
      gap: top.gap, weightedGap: top.weightedGap,
    });
  }
  const order = (a: Statement, b: Statement) => Math.abs(b.weightedGap) - Math.abs(a.weightedGap) || a.indicator.localeCompare(b.indicator);
  return { strengths: strengths.sort(order).slice(0, MAX_STATEMENTS), weaknesses: weaknesses.sort(order).slice(0, MAX_STATEMENTS) };
}

function lowerFirst(s: string): string {
  return /^[A-ZÅÄÖ][a-zåäö]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** "a", "a och b", "a, b och c". */
export function joinSv(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

function trendRows(ctx: MunicipalityContext, code: string): TrendRow[] {
  let previous: number | null = null; // the latest earlier year with a rank
  return ctx.years.map((y) => {
    const s = ctx.scores.get(y)?.get(code);
    const rank = s?.rank ?? null;
    const detail = rank !== null && previous !== null ? changeOf(ctx.changes, code, previous, y) : null;
    const row: TrendRow = {
      year: y, total: s?.total ?? null, rank, nRanked: s?.n_ranked ?? null,
      change: detail?.places ?? null, changeDetail: detail,
      rankLow: s?.rank_low ?? null, rankHigh: s?.rank_high ?? null,
      subIndices: Object.fromEntries(SUB_INDEX_IDS.map((id) => [id, s?.[id] ?? null])) as Record<SubIndexId, number | null>,
      nationalMedian: ctx.nationMedians.get(y)?.total ?? null,
    };
    if (rank !== null) previous = y;
    return row;
  });
}

function unitSection(ctx: MunicipalityContext, code: string, indicators: IndicatorView[]): UnitSectionView {
  const units = ctx.unitsByMunicipality.get(code) ?? [];
  const unitLevel = indicators.filter((i) => ctx.catalogue.get(i.id)?.level === "enhet");
  const unitLevelIds = new Set(unitLevel.map((i) => i.id));
  // The latest year with unit values among the indicators in use (at most the page's year).
  let year: number | null = null;
  for (const u of units) for (const v of ctx.unitValuesByUnit.get(u.unit_id) ?? []) {
    if (unitLevelIds.has(v.kpi) && num(v.value) && v.year <= ctx.year && (year === null || v.year > year)) year = v.year;
  }
  const values: UnitValueView[] = [];
  if (year !== null) {
    for (const u of units) for (const v of ctx.unitValuesByUnit.get(u.unit_id) ?? []) {
      if (v.year === year && unitLevelIds.has(v.kpi)) values.push({ unitId: u.unit_id, indicatorId: v.kpi, value: v.value, respondents: v.respondents });
    }
  }
  const withValues = new Set(values.filter((v) => num(v.value)).map((v) => v.indicatorId));
  const unitIndicators = unitLevel.filter((i) => withValues.has(i.id)).map((i) => ({
    id: i.id, name: i.name, municipalityValue: i.value, nationValue: i.nationValue, key: KEY_UNIT_INDICATORS.includes(i.id),
  }));
  const unitViews: UnitView[] = units.map((u) => {
    const s = ctx.unitScoresByUnit.get(u.unit_id);
    const sameYear = s && s.year === year ? s : undefined;
    return {
      id: u.unit_id, name: u.name, providerType: u.provider_type, respondents: sameYear?.respondents ?? null,
      total: sameYear?.total ?? null, rank: sameYear?.rank ?? null, rankLow: sameYear?.rank_low ?? null,
      rankHigh: sameYear?.rank_high ?? null, nRanked: sameYear?.n_ranked ?? 0,
      // Kolada has no respondent count per unit: unknown is said as such, never as "fewer than 30".
      small: num(sameYear?.respondents) && sameYear!.respondents! < SMALL_N,
      unknownN: !!sameYear && !num(sameYear.respondents),
    };
  }).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (b.total ?? -1) - (a.total ?? -1) || a.id.localeCompare(b.id));
  return {
    year,
    synthetic: units.some((u) => u.synthetic),
    units: unitViews,
    indicators: unitIndicators,
    values,
    counts: {
      kommunal: units.filter((u) => u.provider_type === "kommunal").length,
      privat: units.filter((u) => u.provider_type === "privat").length,
      small: unitViews.filter((u) => u.small).length,
      unknownN: unitViews.filter((u) => u.unknownN).length,
    },
  };
}

/** The combined welfare-technology item in peer comparisons (see strengthsAndWeaknesses). */
export const CODED_GROUP = { id: "valfardsteknik", name: "Välfärdsteknik (sammantaget)" };

/**
 * Peers with their totals; for those ahead, the sub-indices and indicators where they are ahead.
 * Coded items (`codedIds`, welfare technology) count as one item: their weight-averaged score gap.
 */
export function peerViews(
  ownTotal: number | null, ownSub: Partial<Record<SubIndexId, number | null>>, ownInd: ReadonlyMap<string, IndicatorScoreRow>,
  peers: { code: string; name: string; score: ScoreRow | undefined; indicators: ReadonlyMap<string, IndicatorScoreRow> | undefined }[],
  subIndexNames: ReadonlyMap<string, string>, indicatorNames: ReadonlyMap<string, string>, codedIds: ReadonlySet<string> = new Set(),
): PeerView[] {
  return peers.map((p) => {
    const total = p.score?.total ?? null;
    const better = num(total) && num(ownTotal) && total > ownTotal;
    const aheadSubIndices = better
      ? SUB_INDEX_IDS.flatMap((id) => {
        const a = p.score?.[id], b = ownSub[id];
        return num(a) && num(b) && a - b >= MIN_GAP ? [{ id, name: subIndexNames.get(id) ?? id, gap: a - b }] : [];
      }).sort((x, y) => y.gap - x.gap || x.id.localeCompare(y.id))
      : [];
    const items: { id: string; name: string; gap: number; w: number }[] = [];
    let codedW = 0, codedSum = 0;
    for (const r of better ? p.indicators?.values() ?? [] : []) {
      const o = ownInd.get(r.indicator);
      if (!o || o.missing || r.missing || !num(o.score) || !num(r.score)) continue;
      const gap = r.score - o.score;
      if (codedIds.has(r.indicator)) { codedW += r.weight; codedSum += r.weight * gap; continue; }
      items.push({ id: r.indicator, name: indicatorNames.get(r.indicator) ?? r.indicator, gap, w: gap * r.weight });
    }
    if (codedW > 0) items.push({ ...CODED_GROUP, gap: codedSum / codedW, w: codedSum });
    const aheadIndicators = items.filter((x) => x.gap >= MIN_GAP)
      .sort((x, y) => y.w - x.w || x.id.localeCompare(y.id)).slice(0, 3).map(({ id, name, gap }) => ({ id, name, gap }));
    return { code: p.code, name: p.name, total, rank: p.score?.rank ?? null, better: Boolean(better), aheadSubIndices, aheadIndicators };
  }).sort((a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity) || a.code.localeCompare(b.code));
}

function contextFigures(ctx: MunicipalityContext, code: string): ContextFigure[] {
  return CONTEXT_KPIS.map(({ kpi, label, unit }) => {
    const byYear = ctx.context.get(kpi)?.get(code);
    const years = [...(byYear?.keys() ?? [])].filter((y) => y <= ctx.year);
    const y = years.length ? Math.max(...years) : null;
    return { kpi, label, unit, year: y, value: y !== null ? byYear!.get(y)! : null };
  });
}

/** Lowest and highest total among the ranked municipalities of a year (low coverage left out). */
export function totalRange(rows: Iterable<ScoreRow>, coverageLimit: number): { min: number; max: number } | null {
  let min = Infinity, max = -Infinity;
  for (const r of rows) {
    if (r.municipality === RIKET || r.rank === null || !num(r.total) || r.coverage < coverageLimit) continue;
    min = Math.min(min, r.total);
    max = Math.max(max, r.total);
  }
  return min <= max ? { min, max } : null;
}

/**
 * The change since the previous published year and from the first to the last ranked year (change rule,
 * both years on the indicators they share), with the indicator sets compared.
 */
function changes(ctx: MunicipalityContext, code: string): Required<Pick<MunicipalityView, "change" | "overallChange" | "indicatorSetChange">> {
  const ranked = ctx.years.filter((y) => ctx.scores.get(y)?.get(code)?.rank != null);
  const overallChange = ranked.length >= 2 ? changeOf(ctx.changes, code, ranked[0], ranked[ranked.length - 1]) : null;
  const prev = previousYear(ctx.years, ctx.year);
  if (prev === null) return { change: null, overallChange, indicatorSetChange: null };
  const active = ctx.inputs.method.activeIndicatorsByYear;
  const diff = indicatorSetDifference(active[String(prev)] ?? [], active[String(ctx.year)] ?? []);
  return { change: changeOf(ctx.changes, code, prev, ctx.year), overallChange, indicatorSetChange: { added: diff.added, dropped: diff.dropped } };
}

/** Everything the page for `code` shows. `format` renders a raw value for the strength sentences. */
export function buildMunicipalityView(
  ctx: MunicipalityContext, code: string, format: (ind: IndicatorView, value: number, role: ValueRole) => string,
): MunicipalityView {
  const m = ctx.byCode.get(code);
  if (!m) throw new Error(`municipality view: unknown municipality code "${code}"`);
  const peers = peerCodes(m);
  const indicators = indicatorViews(ctx, code, peers);
  const n = ctx.respondents.get(ctx.year)?.get(code) ?? null;
  const { strengths, weaknesses } = strengthsAndWeaknesses(indicators, ctx.catalogue, n, format);
  const total = totalView(ctx, code);
  const subIndices = subIndexViews(ctx, m, peers);
  const byCode = ctx.scores.get(ctx.year);
  const indByCode = ctx.indicatorScores.get(ctx.year);
  const method = ctx.inputs.method;
  const rule = method.missingRules.find((r) => r.id === ctx.missingRule)!;
  const otherRule = method.missingRules.find((r) => r.id === ctx.otherMissingRule)!;
  return {
    code: m.code, name: m.name, county: m.county, kommungrupp: m.kommungrupp, population: m.population,
    year: ctx.year, publishedYears: ctx.years,
    weightSetName: method.weightSets.find((s) => s.id === ctx.weightSet)?.name_sv ?? ctx.weightSet,
    missingRule: { id: rule.id, name: rule.name_sv, description: rule.description_sv },
    otherMissingRuleName: otherRule.name_sv,
    coverageLimit: method.coverageLimit,
    total, subIndices, indicators,
    missingIndicators: indicators.filter((i) => i.missing),
    unusedIndicators: unusedIndicators(ctx),
    strengths, weaknesses,
    trend: trendRows(ctx, code),
    units: unitSection(ctx, code, indicators),
    peers: peerViews(
      total.score, Object.fromEntries(subIndices.map((s) => [s.id, s.municipality])), indByCode?.get(code) ?? new Map(),
      peers.map((c) => ({ code: c, name: ctx.byCode.get(c)?.name ?? c, score: byCode?.get(c), indicators: indByCode?.get(c) })),
      new Map(method.subIndices.map((s) => [s.id, s.name_sv])), new Map(method.catalogue.map((e) => [e.id, e.name_sv])),
      new Set(method.catalogue.filter((e) => e.rule.kind === "kod_012").map((e) => e.id)),
    ),
    peersMedianTotal: median(peers.map((c) => byCode?.get(c)?.total)),
    context: contextFigures(ctx, code),
    range: totalRange(byCode?.values() ?? [], method.coverageLimit),
    ...changes(ctx, code),
  };
}

// ---- Loading (build time) ---------------------------------------------------------------------------------
// Kept apart from the pure builders above: the import is dynamic, so unit tests of the builders need no
// data files.

let contextPromise: Promise<MunicipalityContext> | null = null;

/** The inputs from data/build (the pipeline's tables and the model outputs it wrote). */
export async function loadMunicipalityInputs(): Promise<MunicipalityInputs> {
  const { loadBuildData } = await import("./load");
  const d = await loadBuildData();
  return {
    municipalities: d.municipalities, values: d.values, scores: d.scores, indicatorScores: d.indicatorScores,
    units: d.units, unitValues: d.unitValues, unitScores: d.unitScores, rankChanges: d.rankChanges, method: d.method,
  };
}

export function loadMunicipalityContext(): Promise<MunicipalityContext> {
  contextPromise ??= loadMunicipalityInputs().then(prepareMunicipalityContext);
  return contextPromise;
}
