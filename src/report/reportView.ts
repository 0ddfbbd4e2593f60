// The report package's view of one municipality: the municipality page's view model (so report and page
// tell the same numbers) plus what only the report shows: what to improve first, the best peer per
// indicator, a plain-Swedish summary, the method in brief and the data date. Plain data (structured-clone
// safe): it is hashed for the cache and sent to the worker threads as is.
import { dataAgeText } from "../site-data/dataDate";
import type { Manifest } from "../pipeline/manifest";
import type { ScoreRow } from "../model/outputTables";
import { SUB_INDEX_IDS } from "../model/types";
import { RIKET } from "../pipeline/tables";
import type { MunicipalityContext, MunicipalityView } from "../site-data/municipality";
import { STRENGTH_RULE_SV, buildMunicipalityView } from "../site-data/municipality";
import { formatIndicatorValue } from "../components/kommun/values";
import { PRIORITY_RULE_SV, bestPeerScore, improvementPriorities, type PeerScore, type Priority } from "./priorities";
import { reportSummary } from "./summaryText";
import { keyMessages, subIndexMargins, type KeyMessages } from "./keyMessages";
import { learnFrom, shareMargin, type LearnCandidate, type LearnIndicator } from "./learnFrom";
import { previousYear } from "../model/rankChange";
import type { ComparableChange } from "../site-data/change";
import { REPORT_GENERATOR_VERSION } from "./version";

/** The welfare-technology items (coded 0/1/2) are one priority together, as on the page's strengths. */
export const CODED_GROUP_SV = "Välfärdsteknik";

export interface MethodBrief {
  summary: string;
  credit: string;
  weightSetName: string;
  weightSetDescription: string;
  subIndexWeights: { id: string; name: string; weight: number; description: string }[];
  missingRule: string;
  indicatorRules: string[];
  ranking: string;
  groups: string;
  uncertainty: string[];
  units: string[];
  strengthRule: string;
  priorityRule: string;
  limitations: string[];
  publishedYears: string;
}

export interface DataFacts {
  date: string | null; // ISO date the data were fetched (latest source date)
  dateText: string | null; // "31 augusti 2024"
  /** "Senaste uppgifter: brukarundersökningen 2022" (the data age, apart from the fetch date). */
  ageText?: string | null;
  dataVersion: string;
  methodVersion: string;
  sources: { name: string; credit: string; licence: string }[];
}

export interface PeerBest { score: number; peers: string[] }

/** The municipality and its peers with total, rank and sub-indices (the peers table and sheet). */
export interface PeerRow {
  code: string;
  name: string;
  self: boolean;
  total: number | null;
  rank: number | null;
  /** 90 % interval of the rank (null when not ranked). */
  rankLow: number | null;
  rankHigh: number | null;
  /** Compared with the report's municipality: "före"/"efter" only when the rank intervals do not overlap. */
  versus: "före" | "efter" | "osäkert" | null;
  subIndices: Record<string, number | null>;
}

/** Rank and its interval per published year (the trend table). */
export interface RankYear { year: number; rank: number | null; rankLow: number | null; rankHigh: number | null }

export interface ReportView {
  generatorVersion: string;
  view: MunicipalityView;
  priorities: Priority[];
  /** indicator id → the best peer score and who holds it (null: no peer has a value). */
  peerBest: Record<string, PeerBest | null>;
  peerRows: PeerRow[];
  summary: string[];
  /** "Det viktigaste": verdict and three key messages (PDF page 1, slide 2). */
  keyMessages: KeyMessages;
  /** "Lär av": clearly better municipalities on the weakest indicators. */
  learn: LearnIndicator[];
  /** indicator id → the municipality's 90 % margin in score points (0 register data, null unknown). */
  margins: Record<string, number | null>;
  /** sub-index id → its 90 % margin in score points (see keyMessages.ts), null when unknown. */
  areaMargins: Record<string, number | null>;
  /** Survey respondents (U23592) that year, null when unknown. */
  respondents: number | null;
  /** priority id → 90 % margins of the own score and the best peer's score (0 register data, null unknown). */
  priorityMargins: Record<string, { own: number | null; best: number | null }>;
  /** Since the previous published year, both years on the indicators they share (the page's view.change). */
  change: ComparableChange | null;
  rankYears: RankYear[];
  method: MethodBrief;
  data: DataFacts;
}

export interface ReportInputs {
  ctx: MunicipalityContext;
  manifest: Manifest;
  /** Default weight set's sub-index weights (weights.json). */
  subIndexWeights: Record<string, number>;
}

/** The latest YYYY-MM-DD among the sources' fetch dates, as the site footer shows it. */
export function dataDate(manifest: Manifest): { date: string | null; dateText: string | null } {
  const dates = manifest.sources.flatMap((s) => s.dates).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const date = dates.at(-1) ?? null;
  const dateText = date
    ? new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`))
    : null;
  return { date, dateText };
}

function peerScores(ctx: MunicipalityContext, code: string): PeerScore[] {
  const m = ctx.byCode.get(code)!;
  const byCode = ctx.indicatorScores.get(ctx.year);
  return m.peers.split(";").map((s) => s.trim()).filter((c) => c && c !== code && c !== RIKET).map((c) => ({
    code: c,
    name: ctx.byCode.get(c)?.name ?? c,
    scores: new Map([...(byCode?.get(c)?.values() ?? [])].map((r) => [r.indicator, r.missing ? null : r.score])),
  }));
}

/**
 * A rank the report may show: below the coverage limit a rank is only indicative, and the report treats it
 * as none (as the method does from issue 19 on, when such ranks are null in scores.parquet).
 */
function shownRank(ctx: MunicipalityContext, s: ScoreRow | undefined): { rank: number | null; rankLow: number | null; rankHigh: number | null } {
  if (!s || s.rank === null || s.coverage < ctx.inputs.method.coverageLimit) return { rank: null, rankLow: null, rankHigh: null };
  return { rank: s.rank, rankLow: s.rank_low ?? null, rankHigh: s.rank_high ?? null };
}

/** Before/after only when both are ranked and the 90 % rank intervals do not overlap. */
export function rankVersus(a: { rank: number | null; rankLow: number | null; rankHigh: number | null },
  self: { rank: number | null; rankLow: number | null; rankHigh: number | null }): PeerRow["versus"] {
  if (a.rank === null || self.rank === null) return null;
  const aHigh = a.rankHigh ?? a.rank, aLow = a.rankLow ?? a.rank, sLow = self.rankLow ?? self.rank, sHigh = self.rankHigh ?? self.rank;
  return aHigh < sLow ? "före" : aLow > sHigh ? "efter" : "osäkert";
}

function peerRows(ctx: MunicipalityContext, view: MunicipalityView): PeerRow[] {
  const byCode = ctx.scores.get(ctx.year);
  const own = byCode?.get(view.code);
  const ownRank = shownRank(ctx, own);
  const row = (code: string, name: string, self: boolean): PeerRow => {
    const s = byCode?.get(code);
    const r = shownRank(ctx, s);
    return {
      code, name, self, total: s?.total ?? null, ...r, versus: self ? null : rankVersus(r, ownRank),
      subIndices: Object.fromEntries(SUB_INDEX_IDS.map((id) => [id, s?.[id] ?? null])),
    };
  };
  return [row(view.code, view.name, true), ...view.peers.map((p) => row(p.code, p.name, false))]
    .sort((a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity) || (a.code < b.code ? -1 : 1));
}

function methodBrief(inputs: ReportInputs): MethodBrief {
  const { method } = inputs.ctx.inputs;
  const set = method.weightSets.find((s) => s.id === method.defaultWeightSet);
  const rule = method.missingRules.find((r) => r.id === method.defaultMissingRule);
  return {
    // The method page's summary ends "… redovisas här"; in a report "här" is the method page.
    summary: method.summary_sv.replace(/redovisas här\.$/, "redovisas på Hemtjänstkollens metodsida."),
    credit: method.credit_sv,
    weightSetName: set?.name_sv ?? method.defaultWeightSet,
    weightSetDescription: set?.description_sv ?? "",
    subIndexWeights: method.subIndices.map((s) => ({
      id: s.id, name: s.name_sv, weight: inputs.subIndexWeights[s.id] ?? 0, description: s.description_sv,
    })),
    missingRule: rule ? `${rule.name_sv}: ${rule.description_sv}` : method.defaultMissingRule,
    indicatorRules: [...method.indicatorRules_sv],
    ranking: method.ranking_sv,
    groups: method.groups.rule_sv,
    uncertainty: [...method.bootstrap.rules_sv],
    units: [...method.units.rules_sv],
    strengthRule: STRENGTH_RULE_SV,
    priorityRule: PRIORITY_RULE_SV,
    limitations: [...method.limitations_sv],
    publishedYears: method.publishedYearsRule_sv,
  };
}

/** The page's view with the indicative ranks (below the coverage limit) taken out, see shownRank. */
function withoutIndicativeRanks(ctx: MunicipalityContext, code: string, v: MunicipalityView): MunicipalityView {
  const total = v.total.lowCoverage ? { ...v.total, rank: null, rankLow: null, rankHigh: null, group: null } : v.total;
  const trend = v.trend.map((t) => (shownRank(ctx, ctx.scores.get(t.year)?.get(code)).rank === null && t.rank !== null
    ? { ...t, rank: null, change: null, changeDetail: null } : t));
  return { ...v, total, trend };
}

/** The municipality's 90 % margin per indicator: survey shares from its respondents, register data 0. */
function ownMargins(ctx: MunicipalityContext, view: MunicipalityView, respondents: number | null): Record<string, number | null> {
  return Object.fromEntries(view.indicators.map((i) => {
    if (i.missing || i.value === null) return [i.id, null];
    if (!ctx.catalogue.get(i.id)?.survey) return [i.id, 0];
    return [i.id, respondents !== null && respondents > 0 ? shareMargin(i.value, respondents) : null];
  }));
}

/** The margins of a priority's own score and of its (first) best peer's score. */
function priorityMargin(ctx: MunicipalityContext, p: Priority, own: Record<string, number | null>): { own: number | null; best: number | null } {
  if (p.members.length > 1 || !ctx.catalogue.get(p.id)?.survey) return { own: 0, best: 0 };
  const peer = p.bestPeers[0];
  const value = peer ? ctx.indicatorScores.get(ctx.year)?.get(peer.code)?.get(p.id)?.value ?? null : null;
  const n = peer ? ctx.respondents.get(ctx.year)?.get(peer.code) ?? null : null;
  return { own: own[p.id] ?? null, best: value !== null && n !== null && n > 0 ? shareMargin(value, n) : null };
}


/** The similar municipalities and the kommungrupp's members (without the municipality itself). */
function learnCandidates(ctx: MunicipalityContext, code: string): LearnCandidate[] {
  const m = ctx.byCode.get(code)!;
  const peers = new Set(m.peers.split(";").map((c) => c.trim()).filter((c) => c && c !== code && c !== RIKET));
  const group = new Set((ctx.kommungruppMembers.get(m.kommungrupp_id) ?? []).filter((c) => c !== code && c !== RIKET));
  const scores = ctx.scores.get(ctx.year);
  const inds = ctx.indicatorScores.get(ctx.year);
  return [...new Set([...peers, ...group])].sort().map((c) => {
    const s = scores?.get(c);
    return {
      code: c, name: ctx.byCode.get(c)?.name ?? c, inPeers: peers.has(c), inKommungrupp: group.has(c),
      respondents: ctx.respondents.get(ctx.year)?.get(c) ?? null,
      ...shownRank(ctx, s), nRanked: s?.n_ranked ?? 0,
      indicators: new Map([...(inds?.get(c)?.values() ?? [])].map((r) => [r.indicator, { score: r.missing ? null : r.score, value: r.value }])),
    };
  });
}

/** Everything the report package shows about `code`. */
export function buildReportView(inputs: ReportInputs, code: string): ReportView {
  const { ctx, manifest } = inputs;
  const view = withoutIndicativeRanks(ctx, code, buildMunicipalityView(ctx, code, formatIndicatorValue));
  const peers = peerScores(ctx, code);
  const priorities = improvementPriorities(
    view.indicators.map((i) => ({
      id: i.id, name: i.name, subIndex: i.subIndex, score: i.missing ? null : i.score, weight: i.weight,
      group: i.kind === "coded" ? CODED_GROUP_SV : undefined,
    })),
    peers,
  );
  const peerBest: Record<string, PeerBest | null> = {};
  for (const i of view.indicators) {
    const b = bestPeerScore(i.id, peers);
    peerBest[i.id] = b ? { score: b.score, peers: b.peers.map((p) => p.name) } : null;
  }
  const { date, dateText } = dataDate(manifest);
  const respondents = ctx.respondents.get(ctx.year)?.get(code) ?? null;
  const margins = ownMargins(ctx, view, respondents);
  const change = view.change ?? null;
  const prev = previousYear(ctx.years, ctx.year);
  const rows = peerRows(ctx, view);
  const areas = subIndexMargins(view.indicators.map((i) => ({ ...i, margin: margins[i.id] ?? null })), SUB_INDEX_IDS);
  const rankYears: RankYear[] = ctx.years.map((y) => {
    const s = ctx.scores.get(y)?.get(code);
    return { year: y, ...shownRank(ctx, s) };
  });
  return {
    generatorVersion: REPORT_GENERATOR_VERSION,
    view,
    priorities,
    peerBest,
    peerRows: rows,
    summary: reportSummary(view, priorities, rows, rankYears),
    keyMessages: keyMessages(view, areas, change, prev),
    areaMargins: Object.fromEntries(areas.map((a) => [a.id, a.margin])),
    learn: learnFrom(
      view.indicators.map((i) => ({ ...i, survey: ctx.catalogue.get(i.id)?.survey ?? false, score: i.missing ? null : i.score })),
      respondents, learnCandidates(ctx, code)),
    margins, respondents, change, rankYears,
    priorityMargins: Object.fromEntries(priorities.map((p) => [p.id, priorityMargin(ctx, p, margins)])),
    method: methodBrief(inputs),
    data: {
      date, dateText, ageText: dataAgeText(manifest), dataVersion: manifest.data_version,
      methodVersion: ctx.inputs.method.version ?? manifest.method_version,
      sources: manifest.sources.map((s) => ({ name: s.name, credit: s.credit, licence: s.licence })),
    },
  };
}

let inputsPromise: Promise<ReportInputs> | null = null;

/** The report inputs from data/build (memoised; the same loaders the municipality page uses). */
export function loadReportInputs(): Promise<ReportInputs> {
  inputsPromise ??= (async () => {
    const { loadMunicipalityContext } = await import("../site-data/municipality");
    const { loadBuildData } = await import("../site-data/load");
    const [ctx, data] = await Promise.all([loadMunicipalityContext(), loadBuildData()]);
    const set = data.weights.sets.find((s) => s.id === data.weights.defaultWeightSet) as { subIndex?: Record<string, number> } | undefined;
    return { ctx, manifest: data.manifest, subIndexWeights: set?.subIndex ?? {} };
  })();
  return inputsPromise;
}
