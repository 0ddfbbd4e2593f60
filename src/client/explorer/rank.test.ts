// The explorer's ranking SQL run in native DuckDB (@duckdb/node-api) against the built tables, compared
// with the TypeScript model. The browser test (tests/e2e/explorer.test.ts) checks the same in DuckDB-WASM;
// this one is fast and pins down the SQL itself. Needs data/build (npm run data); skipped without it.
import { existsSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareModel, type PreparedModel } from "../../model/index";
import { scoreMunicipalityYear } from "../../model/municipalityModel";
import { mulberry32 } from "../../model/random";
import type { SubIndexId } from "../../model/types";
import { MISSING_RULE_IDS } from "../../model/types";
import { BUILD_DIR, loadBuildData } from "../../site-data/load";
import type { ExplorerConfig } from "./config";
import { createNativeTables } from "./nativeTables.testutil";
import { createSubSumsSql, indicatorWideSql, rankingSql, subSumsSql, yearSubWeights } from "./rank";
import { SUB_INDEX_ORDER, percentWeights } from "./state";

const HAVE_DATA = ["indicator_scores", "scores", "municipalities"].every((t) => existsSync(path.join(BUILD_DIR, `${t}.parquet`)));

let instance: DuckDBInstance;
let conn: DuckDBConnection;
let config: ExplorerConfig;
let prepared: PreparedModel;

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql);
  return (reader.getRowObjectsJS() as Record<string, unknown>[]).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
}

describe.skipIf(!HAVE_DATA)("ranking SQL (native DuckDB) equals the model", () => {
  beforeAll(async () => {
    const { explorerConfig } = await import("../../pages/utforska/_explorer-data");
    config = await explorerConfig();
    const data = await loadBuildData();
    prepared = prepareModel({ municipalities: data.municipalities, values: data.values });
    instance = await DuckDBInstance.create(":memory:");
    conn = await instance.connect();
    await createNativeTables(conn, config, ["indicator_scores", "scores", "municipalities"]);
    await conn.run(indicatorWideSql(config.weightSets, config.rules));
    await conn.run(createSubSumsSql());
    for (const set of config.weightSets) {
      for (const year of config.years) await conn.run(subSumsSql(set, year, config.rules, config.weightSets[0].id));
    }
  }, 120_000);
  afterAll(() => { conn?.closeSync(); instance?.closeSync(); });

  function check(setIndex: number, entered: Record<SubIndexId, number>, year: number, unchanged: boolean) {
    const cs = config.weightSets[setIndex];
    const base = prepared.sets[setIndex];
    const sub = yearSubWeights(entered, unchanged, cs, year);
    // The model's set: the start set's within-sub-index weights and these sub-index weights.
    const set = { ...base, byYear: { ...base.byYear, [String(year)]: { subIndex: sub, indicator: base.byYear[String(year)].indicator } } };
    const k = prepared.publishedYears.indexOf(year);
    const result = scoreMunicipalityYear(prepared.matrices[k], prepared.riket[k], [set], 0, 1);
    return Promise.all(MISSING_RULE_IDS.map(async (rule) => {
      const c = result.combos.find((x) => x.rule === rule);
      if (!c) throw new Error(rule);
      const got = await rows(rankingSql({ year, weightSet: cs.id, subWeights: sub, missing: rule }));
      const byCode = new Map(got.map((r) => [r.municipality as string, r]));
      expect(got.length).toBe(prepared.matrices[k].codes.length);
      prepared.matrices[k].codes.forEach((code, r) => {
        const row = byCode.get(code);
        const label = `${cs.id} ${year} ${rule} ${code}`;
        if (Number.isNaN(c.point.total[r])) {
          expect(row?.total ?? null, label).toBeNull();
          return;
        }
        expect(row?.total, label).toBe(c.point.total[r]); // bit-identical, not just within 1e-9
        expect(row?.total_rounded, label).toBe(c.rounded[r]);
        expect(row?.rank, label).toBe(c.ranks[r] > 0 ? c.ranks[r] : null);
        expect(row?.counts, label).toBe(c.counts[r] === 1);
        expect(row?.n_ranked, label).toBe(c.n);
      });
    }));
  }

  it("for each published weight set and year, both missing rules", async () => {
    for (let i = 0; i < config.weightSets.length; i++) {
      for (const year of config.years) await check(i, percentWeights(config.weightSets[i].subIndex), year, true);
    }
  });

  it("for random own weights from either set", async () => {
    const random = mulberry32(7);
    for (let n = 0; n < 12; n++) {
      const w = Object.fromEntries(SUB_INDEX_ORDER.map((s) => [s, random() < 0.2 ? 0 : Math.round(random() * 1000) / 10])) as Record<SubIndexId, number>;
      if (SUB_INDEX_ORDER.every((s) => w[s] === 0)) w.utforande = 1;
      await check(n % 2, w, config.years[n % config.years.length], false);
    }
  });
});
