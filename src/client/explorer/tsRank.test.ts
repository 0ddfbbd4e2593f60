// The explorer's TypeScript ranking (tsRank.ts, over indicator_scores.parquet) against the model run
// on the pipeline's values: totals bit-identical, ranks and "counts" identical, for every published
// weight set, year and missing rule and for random own weights. Needs data/build (npm run data).
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareModel, type PreparedModel } from "../../model/index";
import { DEFAULT_MISSING_RULE } from "../../model/missing";
import { scoreMunicipalityYear } from "../../model/municipalityModel";
import { mulberry32 } from "../../model/random";
import type { SubIndexId } from "../../model/types";
import { MISSING_RULE_IDS, SUB_INDEX_IDS } from "../../model/types";
import { readParquet } from "../../pipeline/parquet";
import { BUILD_DIR, loadBuildData } from "../../site-data/load";
import type { ExplorerConfig } from "./config";
import { yearSubWeights } from "./rank";
import { SUB_INDEX_ORDER, percentWeights } from "./state";
import { defaultRanking, rankYear, yearScores, type IndicatorValueRow, type YearScores } from "./tsRank";

const HAVE_DATA = ["indicator_scores", "scores", "municipalities"].every((t) => existsSync(path.join(BUILD_DIR, `${t}.parquet`)));

describe.skipIf(!HAVE_DATA)("TypeScript ranking over indicator_scores equals the model", () => {
  let config: ExplorerConfig;
  let prepared: PreparedModel;
  let years: Map<number, YearScores>;
  let published: Map<string, { rank: number | null; total: number | null }>;

  beforeAll(async () => {
    const { explorerConfig } = await import("../../pages/utforska/_explorer-data");
    config = await explorerConfig();
    const data = await loadBuildData();
    prepared = prepareModel({ municipalities: data.municipalities, values: data.values });
    const rows = await readParquet<IndicatorValueRow>(path.join(BUILD_DIR, "indicator_scores.parquet"));
    years = yearScores(rows, data.municipalities.map((m) => m.code));
    const scores = await readParquet<{ year: number; municipality: string; weight_set: string; missing_rule: string; rank: number | null; total: number | null }>(
      path.join(BUILD_DIR, "scores.parquet"));
    published = new Map(scores.map((s) => [`${s.year}|${s.municipality}|${s.weight_set}|${s.missing_rule}`, s]));
  }, 120_000);

  it("has the model's rows: every municipality, codes ascending", () => {
    for (const [k, year] of prepared.publishedYears.entries()) {
      expect(years.get(year)?.codes).toEqual(prepared.matrices[k].codes);
    }
  });

  function check(setIndex: number, entered: Record<SubIndexId, number>, year: number, unchanged: boolean): void {
    const cs = config.weightSets[setIndex];
    const base = prepared.sets[setIndex];
    const sub = yearSubWeights(entered, unchanged, cs, year);
    const set = { ...base, byYear: { ...base.byYear, [String(year)]: { subIndex: sub, indicator: base.byYear[String(year)].indicator } } };
    const k = prepared.publishedYears.indexOf(year);
    const model = scoreMunicipalityYear(prepared.matrices[k], prepared.riket[k], [set], 0, 1);
    const y = years.get(year) as YearScores;
    const defaults = defaultRanking(y, config.weightSets[0]);
    for (const rule of MISSING_RULE_IDS) {
      const c = model.combos.find((x) => x.rule === rule);
      if (!c) throw new Error(rule);
      const got = new Map(rankYear(y, cs, { year, weightSet: cs.id, subWeights: sub, missing: rule }, defaults).map((r) => [r.municipality, r]));
      prepared.matrices[k].codes.forEach((code, r) => {
        const row = got.get(code);
        const label = `${cs.id} ${year} ${rule} ${code}`;
        expect(row, label).toBeDefined();
        if (Number.isNaN(c.point.total[r])) {
          expect(row?.total, label).toBeNull();
          expect(row?.rank, label).toBeNull();
          return;
        }
        expect(row?.total, label).toBe(c.point.total[r]); // bit-identical
        expect(row?.total_rounded, label).toBe(c.rounded[r]);
        expect(row?.rank, label).toBe(c.ranks[r] > 0 ? c.ranks[r] : null);
        expect(row?.counts, label).toBe(c.counts[r] === 1);
        expect(row?.n_ranked, label).toBe(c.n);
        SUB_INDEX_IDS.forEach((s, j) => {
          const v = c.point.sub[r * 4 + j];
          expect(row?.[s], `${label} ${s}`).toBe(Number.isNaN(v) ? null : v);
        });
      });
    }
  }

  it("for each published weight set and year, both missing rules", () => {
    for (let i = 0; i < config.weightSets.length; i++) {
      for (const year of config.years) check(i, percentWeights(config.weightSets[i].subIndex), year, true);
    }
  });

  it("for random own weights from either set", () => {
    const random = mulberry32(11);
    for (let n = 0; n < 16; n++) {
      const w = Object.fromEntries(SUB_INDEX_ORDER.map((s) => [s, random() < 0.2 ? 0 : Math.round(random() * 1000) / 10])) as Record<SubIndexId, number>;
      if (SUB_INDEX_ORDER.every((s) => w[s] === 0)) w.utforande = 1;
      check(n % 2, w, config.years[n % config.years.length], false);
    }
  });

  it("the default ranking is the published one (scores.parquet)", () => {
    const set = config.weightSets[0];
    for (const year of config.years) {
      const y = years.get(year) as YearScores;
      const d = defaultRanking(y, set);
      y.codes.forEach((code, r) => {
        const p = published.get(`${year}|${code}|${set.id}|${DEFAULT_MISSING_RULE}`);
        expect(d.rank[r], `${year} ${code}`).toBe(p?.rank ?? null);
        expect(d.total[r], `${year} ${code}`).toBe(p?.total ?? null);
      });
    }
  });

  it("orders rows as the SQL ranking: rank, the ranking before indicative places, code", () => {
    const year = config.years[config.years.length - 1];
    const set = config.weightSets[0];
    const y = years.get(year) as YearScores;
    const rows = rankYear(y, set, { year, weightSet: set.id, subWeights: set.byYear[String(year)].subIndex, missing: DEFAULT_MISSING_RULE }, defaultRanking(y, set));
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1], b = rows[i];
      const ra = a.rank ?? Infinity, rb = b.rank ?? Infinity;
      expect(ra <= rb, `${a.municipality} before ${b.municipality}`).toBe(true);
      if (ra === rb && a.counts === b.counts) expect(a.municipality < b.municipality).toBe(true);
      if (ra === rb && a.counts !== b.counts) expect(a.counts).toBe(true);
    }
  });
});
