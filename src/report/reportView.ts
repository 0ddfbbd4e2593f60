// The report package's view of one municipality: the municipality page's view model (so report and page
// tell the same numbers) plus what only the report shows: what to improve first, the best peer per
// indicator, a plain-Swedish summary, the method in brief and the data date. Plain data (structured-clone
// safe): it is hashed for the cache and sent to the worker threads as is.
import type { Manifest } from "../pipeline/manifest";
import { SUB_INDEX_IDS } from "../model/types";
import { RIKET } from "../pipeline/tables";
import type { MunicipalityContext, MunicipalityView } from "../site-data/municipality";
import { STRENGTH_RULE_SV, buildMunicipalityView } from "../site-data/municipality";
import { formatRawValue } from "../components/kommun/values";
import { PRIORITY_RULE_SV, bestPeerScore, improvementPriorities, type PeerScore, type Priority } from "./priorities";
import { reportSummary } from "./summaryText";
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
  subIndices: Record<string, number | null>;
}

export interface ReportView {
  generatorVersion: string;
  view: MunicipalityView;
  priorities: Priority[];
  /** indicator id → the best peer score and who holds it (null: no peer has a value). */
  peerBest: Record<string, PeerBest | null>;
  peerRows: PeerRow[];
  summary: string[];
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

function peerRows(ctx: MunicipalityContext, view: MunicipalityView): PeerRow[] {
  const byCode = ctx.scores.get(ctx.year);
  const row = (code: string, name: string, self: boolean): PeerRow => {
    const s = byCode?.get(code);
    return {
      code, name, self, total: s?.total ?? null, rank: s?.rank ?? null,
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

/** Everything the report package shows about `code`. */
export function buildReportView(inputs: ReportInputs, code: string): ReportView {
  const { ctx, manifest } = inputs;
  const view = buildMunicipalityView(ctx, code, (ind, v) => formatRawValue(ind, v));
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
  return {
    generatorVersion: REPORT_GENERATOR_VERSION,
    view,
    priorities,
    peerBest,
    peerRows: peerRows(ctx, view),
    summary: reportSummary(view, priorities),
    method: methodBrief(inputs),
    data: {
      date, dateText, dataVersion: manifest.data_version,
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
