// "Det viktigaste" from the hand-made fixture (testFixture.ts): sub-indices Information 61 vs peers 58,
// Biståndshandläggning missing, Utförande 74.5 vs 72.2, Stöd och utveckling 0 vs 55.8.
import { describe, expect, it } from "vitest";
import { rankChange } from "../model/rankChange";
import { keyMessages, subIndexMargins } from "./keyMessages";
import { fixtureView } from "./testFixture";

const v = fixtureView();

describe("subIndexMargins", () => {
  it("weights the indicators' margins by their weight within the sub-index; unknown survey margins give null", () => {
    const rows = [
      { subIndex: "a", weight: 0.3, missing: false, margin: 6 }, { subIndex: "a", weight: 0.1, missing: false, margin: 0 },
      { subIndex: "a", weight: 0.2, missing: true, margin: null }, { subIndex: "b", weight: 0.1, missing: false, margin: null },
    ];
    // a: (0.3·6 + 0.1·0) / 0.4 = 4.5
    const out = subIndexMargins(rows, ["a", "b", "c"]);
    expect(out[0].margin).toBeCloseTo(4.5, 9);
    expect(out.slice(1)).toEqual([{ id: "b", margin: null }, { id: "c", margin: null }]);
  });
});

describe("keyMessages", () => {
  const margins = [{ id: "information", margin: 2 }, { id: "utforande", margin: 4 }, { id: "stod_utveckling", margin: 0 }];

  it("names the strongest and weakest area with number, year and certainty, and the change by the change rule", () => {
    const change = rankChange({ year: 2020, rank: 160, low: 140, high: 180 }, { year: 2022, rank: 148, low: 134, high: 161 });
    const k = keyMessages(v, margins, change, 2020);
    expect(k.verdict).toContain("Åstad");
    expect(k.messages).toHaveLength(3);
    // Information: 61 − 58 = 3, not more than max(3, 2): "i nivå med".
    // Utförande: 74.5 − 72.2 = 2.3 (< 3), Stöd: −55.8 → strongest is Information (largest difference).
    expect(k.messages[0]).toBe("Starkast 2022 är Information med 61,0 av 100, i nivå med medianen bland liknande kommuner (58,0): " +
      "skillnaden är inte större än 3 poäng.");
    // With a margin of 5 points the same difference lies within the uncertainty.
    expect(keyMessages(v, [{ id: "information", margin: 5 }, ...margins.slice(1)], change, 2020).messages[0])
      .toContain("skillnaden ryms inom osäkerheten (±5,0 poäng)");
    expect(k.messages[1]).toBe("Svagast 2022 är Stöd och utveckling med 0,0 av 100, 55,8 poäng under medianen bland liknande kommuner (55,8), " +
      "och uppgifterna är registeruppgifter utan urvalsosäkerhet.");
    expect(k.messages[2]).toContain("ungefär oförändrad");
    expect(k.messages[2]).toContain("2020");
  });

  it("calls a change a change only when the intervals do not overlap, and says why there is none", () => {
    const up = rankChange({ year: 2020, rank: 200, low: 180, high: 220 }, { year: 2022, rank: 148, low: 134, high: 161 });
    expect(keyMessages(v, margins, up, 2020).messages[2]).toContain("klart förbättrat");
    expect(keyMessages(v, margins, null, null).messages[2]).toBe("2022 är det första året i jämförelsen, så någon förändring kan inte visas.");
    const none = rankChange({ year: 2020, rank: null, low: null, high: null }, { year: 2022, rank: 148, low: 134, high: 161 });
    expect(keyMessages(v, margins, none, 2020).messages[2]).toBe("Förändringen sedan 2020 kan inte bedömas: Åstad har ingen placering 2020.");
  });

  it("gives no rank when the municipality has none (below the coverage limit)", () => {
    const unranked = { ...v, total: { ...v.total, rank: null, rankLow: null, rankHigh: null, group: null } };
    const k = keyMessages(unranked, margins, null, 2020);
    expect(k.verdict).toContain("ingen placering");
    expect(k.verdict).not.toMatch(/plats \d/);
    // No total at all below the coverage limit: the verdict says why, with the coverage.
    const none = keyMessages({ ...unranked, total: { ...unranked.total, score: null } }, margins, null, 2020);
    expect(none.verdict).toContain("kan inte jämföras säkert med andra kommuner 2022: bara 70\u00a0%");
    expect(none.place).toBeNull();
  });
});
