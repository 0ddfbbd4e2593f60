import { describe, expect, it } from "vitest";
import { rankChange } from "../model/rankChange";
import { changeSentence, inBrief, type InBriefInput } from "./inBrief";

const base: InBriefInput = {
  name: "Kiruna", year: 2022, score: 63.6, rank: 222, rankLow: 186, rankHigh: 258, nRanked: 290, group: "under medel",
  lowCoverage: false, coverage: 0.95, coverageLimit: 0.7, range: { min: 51.04, max: 78.36 },
  change: { ...rankChange({ year: 2020, rank: 128, low: 90, high: 190 }, { year: 2022, rank: 222, low: 186, high: 258 }), sameIndicators: false, indicatorCount: 18 },
  dataDateText: "5 mars 2024",
};

describe("inBrief", () => {
  it("states the verdict in words, the range municipalities reach and the rank interval", () => {
    const b = inBrief(base);
    expect(b.verdict).toBe("Hemtjänsten i Kiruna är sämre än i de flesta kommuner, enligt de äldres svar och kommunens arbetssätt 2022.");
    expect(b.range).toBe("Kommunerna får mellan 51,0 och 78,4 av 100; Kiruna får 63,6 och hamnar någonstans mellan plats 186 och 258 av 290 rangordnade kommuner, osäkerheten räknad med.");
    expect(inBrief({ ...base, nRanked: 286, nMunicipalities: 290 }).range).toMatch(
      /mellan plats 186 och 258 av 286 rangordnade kommuner \(290 totalt; 4 har för lite underlag\), osäkerheten räknad med\.$/);
    expect(b.dataLine).toBe("Senaste uppgifter: 2022 (hämtade 5 mars 2024).");
    expect(b.verdict).not.toMatch(/63,6/); // no school grade in the verdict
  });

  it("does not call an overlapping change a fall, and says the years were compared on their common indicators", () => {
    expect(inBrief(base).change).toBe(
      "Sedan 2020 är placeringen ungefär oförändrad: skillnaden ryms inom osäkerheten (plats 90–190 år 2020, 186–258 år 2022). " +
      "Båda åren är räknade på de 18 indikatorer som fanns båda åren.",
    );
    expect(inBrief({ ...base, change: { ...base.change!, sameIndicators: true } }).change).not.toMatch(/indikatorer/);
  });

  it("calls a change with disjoint intervals a change", () => {
    const c = rankChange({ year: 2020, rank: 250, low: 210, high: 280 }, { year: 2022, rank: 49, low: 12, high: 90 });
    expect(changeSentence("Forshaga", c)).toBe("Sedan 2020 har Forshaga klart förbättrat sin placering (plats 210–280 år 2020, 12–90 år 2022).");
  });

  it("gives a low-coverage municipality no place and no group words", () => {
    const b = inBrief({ ...base, name: "Sorsele", rank: null, rankLow: null, rankHigh: null, group: null, lowCoverage: true, coverage: 0.5, change: null });
    expect(b.verdict).toBe("Hemtjänsten i Sorsele kan inte jämföras säkert med andra kommuner 2022: bara 50\u00a0% av underlaget finns (gränsen är 70\u00a0%), så kommunen får ingen placering.");
    expect(b.range).toMatch(/ofullständigt underlag\.$/);
    expect(b.range).not.toMatch(/plats/);
    expect(b.change).toBeNull();
  });

  it("gives a low-coverage municipality without a total (the model's null) the coverage sentence, not 'no data'", () => {
    const b = inBrief({ ...base, name: "Sorsele", score: null, rank: null, rankLow: null, rankHigh: null, group: null, lowCoverage: true, coverage: 0.5, change: null });
    expect(b.verdict).toMatch(/kan inte jämföras säkert/);
    expect(b.range).toBe("Kommunerna får mellan 51,0 och 78,4 av 100. För Sorsele visas bara delindexen, eftersom underlaget inte räcker för ett totalindex.");
  });

  it("says so when there is no index", () => {
    const b = inBrief({ ...base, score: null, rank: null, group: null, change: null });
    expect(b.verdict).toMatch(/inget index/);
    expect(b.range).toBeNull();
  });
});
