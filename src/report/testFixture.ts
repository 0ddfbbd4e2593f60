// A small, hand-made report view for the unit tests of the table, sheet and slide builders: two
// sub-indices' worth of indicators, two peers, two units, three years. Numbers are chosen so that the
// expected cells can be computed by hand.
import type { IndicatorView, MunicipalityView } from "../site-data/municipality";
import type { ReportView } from "./reportView";

const ind = (p: Partial<IndicatorView> & { id: string }): IndicatorView => ({
  kpi: p.id, name: p.id, description: "", subIndex: "utforande", kind: "share", lowerIsBetter: false, year: 2022,
  value: null, valueDecimals: 0, score: null, missing: false, weight: 0, nationValue: null, peersScore: null,
  peersValue: null, source: "Källa: Kolada", ...p,
});

export function fixtureView(): MunicipalityView {
  const indicators = [
    ind({ id: "U21465", name: "Information om förändringar", subIndex: "information", value: 61, score: 61, weight: 0.2, nationValue: 60, peersScore: 58, peersValue: 58 }),
    ind({ id: "U21468", name: "Nöjd med hemtjänsten som helhet", value: 83, score: 83, weight: 0.25, nationValue: 86, peersScore: 85, peersValue: 85 }),
    ind({ id: "U21401", name: "Personalkontinuitet", kind: "count", lowerIsBetter: true, value: 14.5, valueDecimals: 1, score: 61.8, weight: 0.15, nationValue: 15, peersScore: 55, peersValue: 15.6, source: "Källa: Kolada" }),
    ind({ id: "U21341", name: "Välfärdsteknik: GPS-larm", subIndex: "stod_utveckling", kind: "coded", value: 0, score: 0, weight: 0.1, nationValue: null, peersScore: 100, peersValue: 2 }),
    ind({ id: "U21432", name: "Senior alert", subIndex: "stod_utveckling", value: null, score: null, missing: true, weight: 0.3, source: "Källa: Senior alert via Kolada" }),
  ];
  const sub = (id: MunicipalityView["subIndices"][number]["id"], name: string, m: number | null, n: number | null, k: number | null, p: number | null) =>
    ({ id, name, description: `${name} beskrivning`, municipality: m, nation: n, kommungrupp: k, peers: p });
  return {
    code: "0180", name: "Åstad", county: "Testlän", kommungrupp: "Storstäder", population: 12345, year: 2022,
    publishedYears: [2019, 2020, 2022], weightSetName: "Seniorernas prioritering",
    missingRule: { id: "riksmedian", name: "Riksmedianen (standard)", description: "Saknade värden får riksmedianen." },
    otherMissingRuleName: "Som Hemtjänstindex", coverageLimit: 0.75,
    total: {
      score: 68.2, rank: 148, rankLow: 134, rankHigh: 161, nRanked: 290, group: "nära medel", coverage: 0.7,
      flags: [{ code: "lag_tackning", text: "Låg täckning." }], lowCoverage: true, rankOtherMissingRule: 120,
      rankDerivedWeights: 190, indistinguishableCount: 10, missing: [],
    },
    subIndices: [
      sub("information", "Information", 61, 62.25, 58, 58), sub("bistandshandlaggning", "Biståndshandläggning", null, 63.8, 61.2, 62.6),
      sub("utforande", "Utförande", 74.5, 78.3, 71.1, 72.2), sub("stod_utveckling", "Stöd och utveckling", 0, 55.8, 49.5, 55.8),
    ],
    indicators,
    missingIndicators: indicators.filter((i) => i.missing),
    unusedIndicators: [],
    strengths: [{ indicator: "U21465", text: "Fler än i liknande kommuner får information.", gap: 3, weightedGap: 0.6 }],
    weaknesses: [],
    trend: [
      { year: 2019, total: 60, rank: 178, nRanked: 290, change: null, subIndices: { information: 50, bistandshandlaggning: 60, utforande: 70, stod_utveckling: 40 }, nationalMedian: 64 },
      { year: 2020, total: 65.5, rank: 160, nRanked: 288, change: 18, subIndices: { information: 55, bistandshandlaggning: 62, utforande: 72, stod_utveckling: 45 }, nationalMedian: 65 },
      { year: 2022, total: 68.2, rank: 148, nRanked: 290, change: 12, subIndices: { information: 61, bistandshandlaggning: null, utforande: 74.5, stod_utveckling: 0 }, nationalMedian: 66 },
    ],
    overallChange: {
      from: { year: 2019, rank: 178, low: 160, high: 200 }, to: { year: 2022, rank: 148, low: 134, high: 161 }, places: 30,
      verdict: "oförändrad", certain: false, sameIndicators: true, indicatorCount: 18,
    },
    units: {
      year: 2022, synthetic: true,
      units: [
        { id: "EX-0180-01", name: "Exempelenhet 1", providerType: "kommunal", respondents: 45, total: 70.1, rank: 1, rankLow: 1, rankHigh: 1, nRanked: 1, small: false },
        { id: "EX-0180-02", name: "Exempelenhet 2", providerType: "privat", respondents: 12, total: 66.4, rank: null, rankLow: null, rankHigh: null, nRanked: 1, small: true },
      ],
      indicators: [{ id: "U21468", name: "Nöjd med hemtjänsten som helhet", municipalityValue: 83, nationValue: 86, key: true }],
      values: [
        { unitId: "EX-0180-01", indicatorId: "U21468", value: 84.4, respondents: 45 },
        { unitId: "EX-0180-02", indicatorId: "U21468", value: 79, respondents: 12 },
      ],
      counts: { kommunal: 1, privat: 1, small: 1 },
    },
    peers: [
      { code: "0181", name: "Bestad", total: 72, rank: 90, better: true, aheadSubIndices: [], aheadIndicators: [] },
      { code: "0182", name: "Cestad", total: 60.1, rank: 250, better: false, aheadSubIndices: [], aheadIndicators: [] },
    ],
    peersMedianTotal: 66.05,
    context: [],
  };
}

export function fixtureReport(): ReportView {
  const view = fixtureView();
  return {
    generatorVersion: "test",
    view,
    // U21341: best 100 (Bestad), own 0, weight 0.1 → 10 · U21468: best 88 (Bestad), own 83, weight 0.25 → 1.25
    priorities: [
      { id: "U21341", name: "Välfärdsteknik: GPS-larm", subIndex: "stod_utveckling", score: 0, bestScore: 100, bestPeers: [{ code: "0181", name: "Bestad" }], gap: 100, weight: 0.1, weightedGap: 10, members: [{ id: "U21341", name: "Välfärdsteknik: GPS-larm" }], rank: 1 },
      { id: "U21468", name: "Nöjd med hemtjänsten som helhet", subIndex: "utforande", score: 83, bestScore: 88, bestPeers: [{ code: "0181", name: "Bestad" }], gap: 5, weight: 0.25, weightedGap: 1.25, members: [{ id: "U21468", name: "Nöjd med hemtjänsten som helhet" }], rank: 2 },
    ],
    peerBest: { U21465: { score: 60, peers: ["Bestad"] }, U21468: { score: 88, peers: ["Bestad"] }, U21401: { score: 58, peers: ["Cestad"] }, U21341: { score: 100, peers: ["Bestad"] }, U21432: null },
    peerRows: [
      { code: "0181", name: "Bestad", self: false, total: 72, rank: 90, rankLow: 70, rankHigh: 120, versus: "före", subIndices: { information: 70, bistandshandlaggning: 71, utforande: 75, stod_utveckling: 60 } },
      { code: "0180", name: "Åstad", self: true, total: 68.2, rank: 148, rankLow: 134, rankHigh: 161, versus: null, subIndices: { information: 61, bistandshandlaggning: null, utforande: 74.5, stod_utveckling: 0 } },
      { code: "0182", name: "Cestad", self: false, total: 60.1, rank: 250, rankLow: 150, rankHigh: 270, versus: "osäkert", subIndices: { information: 50, bistandshandlaggning: 55, utforande: 65, stod_utveckling: 40 } },
    ],
    summary: ["Åstad får 68,2 av 100.", "Mest att vinna finns inom GPS-larm."],
    keyMessages: {
      verdict: "Hemtjänsten i Åstad ligger nära mitten bland landets kommuner, enligt de äldres svar och kommunens arbetssätt 2022. " +
        "Åstad får 68,2 av 100 och hamnar någonstans mellan plats 134 och 161 av 290 (osäkerheten räknad med).",
      lead: "Hemtjänsten i Åstad ligger nära mitten bland landets kommuner, enligt de äldres svar och kommunens arbetssätt 2022.",
      place: "Åstad får 68,2 av 100 och hamnar någonstans mellan plats 134 och 161 av 290 (osäkerheten räknad med).",
      messages: [
        "Starkast 2022 är Information med 61,0 av 100, 3,0 poäng över medianen bland liknande kommuner (58,0), mer än osäkerheten (±2,0 poäng).",
        "Svagast 2022 är Stöd och utveckling med 0,0 av 100, 55,8 poäng under medianen bland liknande kommuner (55,8), en skillnad som är större än osäkerheten (±0,0 poäng).",
        "Sedan 2020 är placeringen ungefär oförändrad: skillnaden ryms inom osäkerheten (plats 140–180 år 2020, 134–161 år 2022).",
      ],
    },
    // U21468: own 83 (n 400), Bestad 92 (n 300): margin 1.645·√(se²+se²) ≈ 5.1 < 9 → clear.
    learn: [{
      id: "U21468", name: "Nöjd med hemtjänsten som helhet", kind: "share", survey: true, score: 83, value: 83, margin: 3.1, peersScore: 85, compared: 2,
      examples: [{ code: "0181", name: "Bestad", inPeers: true, inKommungrupp: false, score: 92, value: 92, ownMargin: 2.6, diff: 9, margin: 4.0,
        rank: 250, rankLow: 200, rankHigh: 270, nRanked: 290, lowOverall: true }],
    }],
    margins: { U21465: 4, U21468: 3.1, U21401: 0, U21341: 0, U21432: null },
    respondents: 400,
    areaMargins: { information: 2, bistandshandlaggning: null, utforande: 4, stod_utveckling: 0 },
    priorityMargins: { U21341: { own: 0, best: 0 }, "U21468": { own: 3.1, best: 2.6 } },
    change: { from: { year: 2020, rank: 160, low: 140, high: 180 }, to: { year: 2022, rank: 148, low: 134, high: 161 }, places: 12, verdict: "oförändrad", certain: false, sameIndicators: true, indicatorCount: 18 },
    rankYears: [
      { year: 2019, rank: 178, rankLow: 160, rankHigh: 200 }, { year: 2020, rank: 160, rankLow: 140, rankHigh: 180 },
      { year: 2022, rank: 148, rankLow: 134, rankHigh: 161 },
    ],
    method: {
      summary: "Indexet väger samman fyra delindex.", credit: "Bearbetning av data från Kolada.", weightSetName: "Seniorernas prioritering",
      weightSetDescription: "Utförande 40 %.",
      subIndexWeights: [
        { id: "information", name: "Information", weight: 0.2, description: "Info." }, { id: "bistandshandlaggning", name: "Biståndshandläggning", weight: 0.25, description: "Bistånd." },
        { id: "utforande", name: "Utförande", weight: 0.4, description: "Utf." }, { id: "stod_utveckling", name: "Stöd och utveckling", weight: 0.15, description: "Stöd." },
      ],
      missingRule: "Riksmedianen: saknade värden får riksmedianen.", indicatorRules: ["Regel A."], ranking: "Rang.", groups: "Grupper.",
      uncertainty: ["Bootstrap."], units: ["Enheter."], strengthRule: "Styrkor.", priorityRule: "Prioritet.", limitations: ["Begränsning."],
      publishedYears: "2019, 2020, 2022.",
    },
    data: {
      date: "2024-08-31", dateText: "31 augusti 2024", dataVersion: "abc123", methodVersion: "1.0.0",
      sources: [{ name: "Kolada", credit: "Källa: Kolada", licence: "Fri" }],
    },
  };
}
