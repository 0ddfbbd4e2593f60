// Fixed, seeded input data for the chart snapshot tests and previews. Not real data: municipality names
// are real, numbers are made up (but plausible) so snapshots stay stable whatever the pipeline does.
import { KOMMUNGRUPP_ORDER, sizeGroupLabel, type GroupComparisonInput } from "./groupComparisonChart";
import type { IndicatorScoreInput } from "./indicatorScoreChart";
import type { RankingMapInput } from "./rankingMapChart";
import type { SubIndexComparisonInput } from "./subIndexComparisonChart";
import type { TrendInput } from "./trendChart";
import type { QualityCostInput } from "./qualityCostChart";
import type { UnitVariationInput } from "./unitVariationChart";
import { mulberry32 } from "../model/random";

/** The project's seeded PRNG (src/model/random.ts is I/O-free and has no model logic in it). */
export const seeded = mulberry32;
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

/** 290 made-up municipalities with a share, a size group and a kommungrupp (seeded). */
export function groupComparisonFixture(): GroupComparisonInput {
  const random = seeded(468);
  const municipalities = Array.from({ length: 290 }, (_, i) => {
    const population = Math.round(2500 * Math.exp(random() * 5.9));
    const kommungrupp = KOMMUNGRUPP_ORDER[Math.min(8, Math.floor(random() * 9))];
    const value = i % 61 === 7 ? null : round1(Math.min(100, 80 + (random() - 0.5) * 22 + (population < 10000 ? 3 : 0)));
    return { code: String(1000 + i), name: `Kommun ${i + 1}`, value, sizeGroup: sizeGroupLabel(population), kommungrupp };
  });
  return { year: 2024, indicatorLabel: "Nöjda med hemtjänsten som helhet", valueKind: "share", municipalities };
}

export function indicatorScoreFixture(): IndicatorScoreInput {
  const row = (id: string, label: string, subIndex: string, score: number | null, nationalMedian: number | null, rawValue: string | null) => ({ id, label, subIndex, score, nationalMedian, rawValue });
  return {
    municipalityCode: "0180",
    municipalityName: "Stockholm",
    year: 2024,
    indicators: [
      row("U21465", "Får information om tillfälliga förändringar", "Information", 58.2, 61.0, "58,2 %"),
      row("U21464", "Vet vart man vänder sig med synpunkter och klagomål", "Information", 71.4, 68.9, "71,4 %"),
      row("U21462", "Kan påverka vid vilka tider man får hjälp", "Biståndshandläggning", 49.8, 53.5, "49,8 %"),
      row("U21463", "Personalen tar hänsyn till åsikter och önskemål", "Biståndshandläggning", 84.0, 83.1, "84,0 %"),
      row("U21468", "Nöjd med hemtjänsten som helhet", "Utförande", 86.4, 88.1, "86,4 %"),
      row("U21401", "Personalkontinuitet (antal personal på 14 dagar)", "Utförande", 35.3, 47.1, "19"),
      row("U21475", "Personalen kommer på avtalad tid", "Utförande", null, 72.0, null),
      row("U21432", "Senior alert: riskbedömningar i ordinärt boende", "Stöd och utveckling", 12.0, 25.5, "12,0 %"),
    ],
  };
}

/** 60 made-up municipalities with a cost per inhabitant 80+ and a total (seeded); two lack a value. */
export function qualityCostFixture(): QualityCostInput {
  const random = seeded(1880);
  const points = Array.from({ length: 60 }, (_, i) => {
    const cost = Math.round(30000 + random() * 90000);
    const total = round1(55 + random() * 20 + (cost - 75000) / 20000);
    return { code: String(1000 + i), name: `Exempelkommun ${i + 1}`, total: i === 7 ? null : total, cost: i === 11 ? null : cost };
  });
  return { year: 2022, points, correlationText: "2022 fanns ett svagt positivt samband mellan kostnad och kvalitet (r = 0,21)." };
}
