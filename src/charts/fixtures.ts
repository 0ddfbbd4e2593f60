// Fixed, seeded input data for the chart snapshot tests and previews. Not real data: municipality names
// are real, numbers are made up (but plausible) so snapshots stay stable whatever the pipeline does.
import type { RankingMapInput } from "./rankingMapChart";
import type { SubIndexComparisonInput } from "./subIndexComparisonChart";
import type { TrendInput } from "./trendChart";
import type { UnitVariationInput } from "./unitVariationChart";

/** Small deterministic PRNG (mulberry32), local so the fixtures do not depend on the model. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const round1 = (x: number) => Math.round(x * 10) / 10;

const surveyIndicators = [
  { id: "U21468", label: "Nöjd med hemtjänsten som helhet", municipalityValue: 86.4, nationalValue: 88.1 },
  { id: "U21466", label: "Alltid bra bemötande från personalen", municipalityValue: 91.2, nationalValue: 90.3 },
  { id: "U21461", label: "Personalen har tillräckligt med tid", municipalityValue: 78.5, nationalValue: 80.9 },
  { id: "U21467", label: "Känner sig mycket trygg med hemtjänsten", municipalityValue: 66.0, nationalValue: 69.7 },
];

/** Units for one municipality: n units, a mix of municipal and private, some with few respondents. */
export function unitVariationFixture(nUnits = 9, seed = 180, synthetic = true): UnitVariationInput {
  const random = seeded(seed);
  const names = ["Hemtjänst Norr", "Hemtjänst Söder", "Omsorg Väst", "Åkerby hemtjänst", "Ängens omsorg", "Östra distriktet", "Centrum", "Björkgården", "Kvarnbacken", "Sjöudden", "Lindängen", "Solgläntan"];
  const units = Array.from({ length: nUnits }, (_, i) => ({
    id: `EX-0180-${String(i + 1).padStart(2, "0")}`,
    name: i < names.length ? names[i] : `Enhet ${i + 1}`,
    providerType: (i % 3 === 1 ? "privat" : "kommunal") as "kommunal" | "privat",
  }));
  const values = surveyIndicators.flatMap((ind) =>
    units.map((u, i) => {
      const respondents = i % 4 === 3 ? 12 + Math.floor(random() * 15) : 35 + Math.floor(random() * 120);
      const value = Math.min(100, Math.max(30, round1(ind.municipalityValue + (random() - 0.5) * 24)));
      return { unitId: u.id, indicatorId: ind.id, value, respondents };
    }),
  );
  return {
    municipalityCode: "0180",
    municipalityName: "Stockholm",
    year: 2024,
    indicators: surveyIndicators,
    units,
    values,
    synthetic,
  };
}

export function subIndexComparisonFixture(): SubIndexComparisonInput {
  return {
    municipalityCode: "0180",
    municipalityName: "Stockholm",
    year: 2024,
    kommungruppName: "Storstäder",
    subIndices: [
      { id: "information", label: "Information", municipality: 71.3, nation: 74.0, kommungrupp: 72.2, peers: 73.5 },
      { id: "bistandshandlaggning", label: "Biståndshandläggning", municipality: 68.9, nation: 66.1, kommungrupp: 67.4, peers: 65.0 },
      { id: "utforande", label: "Utförande", municipality: 80.2, nation: 82.6, kommungrupp: 79.9, peers: 81.8 },
      { id: "stod_och_utveckling", label: "Stöd och utveckling", municipality: 55.0, nation: 49.3, kommungrupp: null, peers: 58.8 },
    ],
  };
}

export function trendFixture(): TrendInput {
  const totals: [number, number | null, number | null][] = [
    [2016, 68.2, 150], [2017, 69.0, 141], [2018, 70.4, 118], [2019, 71.1, 104], [2020, 70.2, 121],
    [2021, null, null], [2022, 72.8, 88], [2023, 73.5, 79], [2024, 72.9, 85],
  ];
  return {
    municipalityCode: "0180",
    municipalityName: "Stockholm",
    points: totals.map(([year, total, rank]) => ({ year, total, rank, rankOf: 290, note: total === null ? "ingen brukarundersökning" : undefined })),
    nationalMedian: totals.map(([year, total]) => ({ year, value: total === null ? null : Math.round((total - 1.5 + (year % 3) * 0.4) * 10) / 10 })),
  };
}

/** Result groups for every municipality in `geo`, seeded; three municipalities without a group. */
export function rankingMapFixture(geo: RankingMapInput["geo"]): RankingMapInput {
  const random = seeded(2024);
  const groups = ["högt", "över medel", "nära medel", "under medel", "lågt"] as const;
  const municipalities = geo.features.map((f, i) => {
    const total = round1(55 + random() * 35);
    const group = i % 97 === 5 ? null : groups[Math.min(4, Math.floor((90 - total) / 7))];
    return { code: f.properties.id, name: f.properties.name ?? f.properties.id, group, total: group === null ? null : total, rank: null };
  });
  return { year: 2024, geo, municipalities };
}
