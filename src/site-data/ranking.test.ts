import { describe, expect, it } from "vitest";
import type { ScoreRow } from "../model/outputTables";
import type { MunicipalityRow } from "../pipeline/tables";
import {
  SIZE_GROUPS, allVariants, compareKommungrupp, isDefaultVariant, rankingRows, sizeGroupOf, variantPath,
} from "./ranking";

const muni = (code: string, name: string, population: number): MunicipalityRow => ({
  code, name, county_code: code.slice(0, 2), county: "Län", kommungrupp: "Större stad", kommungrupp_id: "G92788",
  population, pop_65_79: 0, pop_80plus: 0, peer_group_id: "", peers: "",
});
const score = (municipality: string, rank: number | null, total: number | null, extra: Partial<ScoreRow> = {}): ScoreRow => ({
  year: 2022, municipality, weight_set: "seniorernas-prioritering", missing_rule: "riksmedian",
  information: 60, bistandshandlaggning: 60, utforande: 60, stod_utveckling: 60, total, rank, rank_low: rank, rank_high: rank,
  n_ranked: 3, group: "nära medel", coverage: 1, flags: "", missing_indicators: "", indistinguishable: null, rank_shift_weight_set: null,
  rank_shift_missing_rule: null, ...extra,
});
const v = { year: 2022, weightSet: "seniorernas-prioritering", missingRule: "riksmedian" } as const;

describe("rankingRows", () => {
  const municipalities = [muni("0114", "Upplands Väsby", 48_000), muni("1280", "Malmö", 357_000), muni("2321", "Åre", 11_000), muni("0180", "Stockholm", 984_000)];
  const scores = [
    score("0000", null, 69.6, { flags: "riket" }),
    score("1280", 2, 70),
    score("0114", 1, 75, { coverage: 0.6, flags: "lag_tackning;saknar_delindex", group: null }),
    score("2321", 2, 70),
    score("0180", null, null, { flags: "inga_data", group: null }),
    score("1280", 1, 99, { weight_set: "harledd-ur-brukarnas-svar" }),
  ];
  const rows = rankingRows(scores, municipalities, v);

  it("keeps one variant, drops Riket and orders by rank, ties by Swedish name, unranked last", () => {
    expect(rows.map((r) => r.name)).toEqual(["Upplands Väsby", "Malmö", "Åre", "Stockholm"]);
  });

  it("joins the municipality and flags low coverage", () => {
    const vasby = rows[0];
    expect(vasby).toMatchObject({ code: "0114", lowCoverage: true, flags: ["lag_tackning", "saknar_delindex"], group: null, sizeGroup: "3" });
    expect(rows[1]).toMatchObject({ code: "1280", lowCoverage: false, total: 70, sizeGroup: "5" });
  });
});

describe("size groups", () => {
  it("cover every population without gaps", () => {
    expect(sizeGroupOf(0).id).toBe("1");
    expect(sizeGroupOf(9_999).id).toBe("1");
    expect(sizeGroupOf(10_000).id).toBe("2");
    expect(sizeGroupOf(99_999).id).toBe("4");
    expect(sizeGroupOf(2_000_000).id).toBe("5");
    expect(SIZE_GROUPS).toHaveLength(5);
  });
});

describe("variants", () => {
  it("pre-render every year × published weight set × missing rule, the default one at /rankning/", () => {
    const variants = allVariants([2019, 2020, 2022]);
    expect(variants).toHaveLength(12);
    expect(variants.filter((x) => isDefaultVariant(x, 2022))).toHaveLength(1);
    expect(variantPath(v, 2022)).toBe("/rankning/");
    expect(variantPath({ ...v, year: 2020 }, 2022)).toBe("/rankning/2020/seniorernas-prioritering/riksmedian/");
    expect(variantPath({ ...v, missingRule: "som-hemtjanstindex" }, 2022)).toBe("/rankning/2022/seniorernas-prioritering/som-hemtjanstindex/");
    expect(new Set(variants.map((x) => variantPath(x, 2022))).size).toBe(12);
  });
});

describe("compareKommungrupp", () => {
  it("follows SKR's order and puts unknown titles last", () => {
    const titles = ["Landsbygdskommun med besöksnäring", "Okänd", "Storstäder", "Större stad"];
    expect([...titles].sort(compareKommungrupp)).toEqual(["Storstäder", "Större stad", "Landsbygdskommun med besöksnäring", "Okänd"]);
  });
});
