// The same model per home-care unit. Unit-level indicators (the survey items, Enhetsundersökningen)
// use the unit's own values; municipality-wide indicators (continuity, welfare technology, response
// rate, Senior alert) are inherited from the municipality. Units with fewer than 30 respondents are
// shown but flagged and not ranked. Units with unknown respondents (every live Kolada unit: Kolada has
// no per-unit count) are shown, flagged "okant_antal_svarande", not ranked and given no interval.
// Ranks are within the municipality.

import type { UnitRow, UnitValueRow } from "../pipeline/tables";
import { N_SUB, aggregate, columnWeights } from "./aggregate";
import { bootstrapKeys, rankIntervals, streamFor } from "./bootstrap";
import { CATALOGUE, OVERALL_KPI } from "./catalogue";
import { COVERAGE_LIMIT } from "./missing";
import type { UnitScoreRow } from "./outputTables";
import { competitionRanks } from "./ranking";
import { round1, roundTo, scoreIndicator } from "./scoring";
import type { WeightSet } from "./types";
import { MISSING_RULE_IDS } from "./types";
import type { YearMatrix } from "./yearData";

export const MIN_UNIT_RESPONDENTS = 30;

const UNIT_KPIS = new Set(CATALOGUE.filter((e) => e.level === "enhet").map((e) => e.kpi));

export const UNIT_RULES_SV: readonly string[] = [
  "Enheterna räknas med samma modell och samma vikter som kommunerna. Enkätfrågorna och " +
    "enhetsundersökningens mått tas från enheten; mått som bara finns för hela kommunen " +
    "(personalkontinuitet, välfärdsteknik, svarsfrekvens, Senior alert) ärvs från kommunen.",
  `En enhet med färre än ${MIN_UNIT_RESPONDENTS} svarande visas men flaggas och rangordnas inte, ` +
    "eftersom resultatet är för osäkert. Enheterna rangordnas inom sin kommun.",
  "Kolada redovisar inte antalet svarande per enhet; det finns bara i Socialstyrelsens filer per enhet. " +
    "En enhet med okänt antal svarande visas med sina värden och märks ”antal svarande okänt”, men " +
    "rangordnas inte och får inget osäkerhetsintervall, eftersom osäkerheten inte går att bedöma. " +
    "Den räknas inte heller in i spridningen mellan enheter.",
  `Spridningen per indikator är skillnaden mellan bästa och sämsta enhet med minst ` +
    `${MIN_UNIT_RESPONDENTS} svarande i kommunen.`,
];

export interface UnitSpread {
  count: number;
  min: number;
  max: number;
}

interface Cell {
  value: number | null;
  respondents: number | null;
}

/** unit → kpi → year → cell. */
function indexUnitValues(
  unitValues: readonly UnitValueRow[], years: ReadonlySet<number>,
): Map<string, Map<string, Map<number, Cell>>> {
  const index = new Map<string, Map<string, Map<number, Cell>>>();
  for (const row of unitValues) {
    if (!years.has(row.year) || !UNIT_KPIS.has(row.kpi)) continue;
    let byKpi = index.get(row.unit_id);
    if (!byKpi) index.set(row.unit_id, (byKpi = new Map()));
    let byYear = byKpi.get(row.kpi);
    if (!byYear) byKpi.set(row.kpi, (byYear = new Map()));
    const value = row.value === null || !Number.isFinite(row.value) ? null : row.value;
    const prev = byYear.get(row.year);
    if (prev && (prev.value !== value || prev.respondents !== row.respondents)) {
      throw new Error(`unit_values: conflicting duplicate rows for unit ${row.unit_id}, kpi ${row.kpi}, year ${row.year}`);
    }
    byYear.set(row.year, { value, respondents: row.respondents });
  }
  return index;
}

export function scoreUnits(
  units: readonly UnitRow[], unitValues: readonly UnitValueRow[], matrices: readonly YearMatrix[],
  sets: readonly WeightSet[], samples: number, seed: number,
): { rows: UnitScoreRow[]; spreads: Map<string, UnitSpread> } {
  const index = indexUnitValues(unitValues, new Set(matrices.map((m) => m.year)));
  const sorted = [...units].sort((a, b) => (a.unit_id < b.unit_id ? -1 : a.unit_id > b.unit_id ? 1 : 0));
  const rows: UnitScoreRow[] = [];
  const spreads = new Map<string, UnitSpread>();
  for (const m of matrices) {
    const munRow = new Map(m.codes.map((c, r) => [c, r]));
    const nInd = m.indicators.length;
    const list = sorted.filter((u) => munRow.has(u.municipality) && index.has(u.unit_id) &&
      m.indicators.some((e) => e.level === "enhet" && index.get(u.unit_id)?.get(e.kpi)?.has(m.year)));
    const n = list.length;
    if (n === 0) continue;
    const raw = new Float64Array(n * nInd).fill(NaN), score = new Float64Array(n * nInd).fill(NaN);
    const cellN = new Float64Array(n * nInd).fill(NaN), rowN = new Float64Array(n).fill(NaN);
    list.forEach((u, r) => {
      const mr = munRow.get(u.municipality) as number;
      let maxN = NaN;
      m.indicators.forEach((e, i) => {
        const k = r * nInd + i;
        if (e.level === "kommun") {
          raw[k] = m.raw[mr * nInd + i];
          score[k] = m.score[mr * nInd + i];
          return;
        }
        const cell = index.get(u.unit_id)?.get(e.kpi)?.get(m.year);
        if (!cell || cell.value === null) return;
        raw[k] = cell.value;
        score[k] = scoreIndicator(e, cell.value, true);
        if (cell.respondents !== null && cell.respondents > 0) {
          cellN[k] = cell.respondents;
          if (e.survey && !(cell.respondents <= maxN)) maxN = cell.respondents;
        }
      });
      const overall = index.get(u.unit_id)?.get(OVERALL_KPI)?.get(m.year)?.respondents ?? null;
      rowN[r] = overall !== null && overall > 0 ? overall : maxN;
    });
    const eligible = Array.from(rowN, (x) => x >= MIN_UNIT_RESPONDENTS);
    // Groups: eligible units per municipality (for ranks and intervals).
    const byMun = new Map<string, number[]>();
    list.forEach((u, r) => {
      if (!byMun.has(u.municipality)) byMun.set(u.municipality, []);
      (byMun.get(u.municipality) as number[]).push(r);
    });
    const groups = [...byMun.values()];
    for (const [code, members] of byMun) {
      m.indicators.forEach((e, i) => {
        if (e.level !== "enhet") return;
        const vals = members.filter((r) => eligible[r]).map((r) => score[r * nInd + i]).filter((x) => x === x);
        if (vals.length) spreads.set(`${m.year}|${code}|${e.id}`, { count: vals.length, min: round1(Math.min(...vals)), max: round1(Math.max(...vals)) });
      });
    }
    const random = streamFor(seed, `enheter:${m.year}`);
    const combos = sets.flatMap((set) => {
      // A unit's missing value gets the same neutral score as a municipality's (the national median).
      const cw = columnWeights(m.indicators, set.byYear[String(m.year)], m.neutral);
      return MISSING_RULE_IDS.map((rule) => {
      const point = aggregate(score, n, cw, rule);
      // Ranked: enough respondents and coverage at least the limit (as for municipalities).
      const rounded = Float64Array.from(point.total, (t, r) =>
        (t === t && eligible[r] && point.coverage[r] >= COVERAGE_LIMIT ? round1(t) : NaN));
      const ranks = new Int32Array(n), counts = new Int32Array(n);
      for (const g of groups) {
        const rk = competitionRanks(g.map((r) => rounded[r]));
        g.forEach((r, j) => { ranks[r] = rk.ranks[j]; counts[r] = rk.n; });
      }
      return { set, rule, cw, point, rounded, ranks, counts };
      });
    });
    const input = { indicators: m.indicators, raw, score, rows: n, rowN, cellN, unit: true };
    const keys = bootstrapKeys(input, combos, samples, random);
    combos.forEach((c, k) => {
      const { low, high } = rankIntervals(keys[k], samples, n, c.ranks, groups);
      list.forEach((u, r) => {
        const ranked = c.ranks[r] > 0;
        const has = c.point.total[r] === c.point.total[r];
        const flags: string[] = [];
        if (!has) flags.push("inga_data");
        else if (c.point.coverage[r] < COVERAGE_LIMIT) flags.push("lag_tackning");
        if (!(rowN[r] > 0)) flags.push("okant_antal_svarande");
        else if (rowN[r] < MIN_UNIT_RESPONDENTS) flags.push("fa_svarande");
        if (u.synthetic) flags.push("exempeldata");
        const sub = (s: number) => { const x = c.point.sub[r * N_SUB + s]; return x === x ? round1(x) : null; };
        rows.push({
          year: m.year, unit_id: u.unit_id, municipality: u.municipality, weight_set: c.set.id,
          missing_rule: c.rule, information: sub(0), bistandshandlaggning: sub(1), utforande: sub(2),
          stod_utveckling: sub(3), total: has ? round1(c.point.total[r]) : null,
          respondents: rowN[r] > 0 ? rowN[r] : null, rank: ranked ? c.ranks[r] : null,
          rank_low: ranked ? low[r] : null, rank_high: ranked ? high[r] : null, n_ranked: c.counts[r],
          coverage: roundTo(c.point.coverage[r], 3), flags: flags.join(";"), synthetic: u.synthetic,
        });
      });
    });
  }
  return { rows, spreads };
}
