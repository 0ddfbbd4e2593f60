// The summary says "ahead"/"behind" only by rank interval and a rank change only by the change rule.
import { describe, expect, it } from "vitest";
import { reportSummary } from "./summaryText";
import { fixtureReport } from "./testFixture";

const r = fixtureReport();

describe("reportSummary", () => {
  it("compares with the peers by rank interval, never by the point estimate alone", () => {
    // Bestad 70–120 lies wholly before Åstad's 134–161; Cestad 150–270 overlaps it.
    const s = reportSummary(r.view, r.priorities, r.peerRows, r.rankYears).join("\n");
    expect(s).toContain("Totalindexet är 68,2 mot 66,1 i median för de sju liknande kommunerna.");
    expect(s).toContain("Av de 2 liknande kommunerna med placering ligger 1 tydligt före Åstad, 0 tydligt efter och 1 går inte att skilja från Åstad");
    expect(s).not.toMatch(/poäng (över|under) medianen/);
  });

  it("calls the change from the first to the last ranked year by the change rule", () => {
    // 2019: 160–200, 2022: 134–161 → overlap at 160–161: not a change.
    const s = reportSummary(r.view, r.priorities, r.peerRows, r.rankYears).join("\n");
    expect(s).toContain("Från 2019 till 2022 har placeringen inte ändrats mer än osäkerheten (plats 160–200 år 2019, 134–161 år 2022).");
    const clear = { ...r.view, overallChange: { ...r.view.overallChange!, from: { year: 2019, rank: 250, low: 230, high: 270 }, places: 102, verdict: "steg" as const, certain: true } };
    expect(reportSummary(clear, r.priorities, r.peerRows, r.rankYears).join("\n")).toContain("har Åstad klart förbättrat sin placering");
  });

  it("says when the two years were compared on the indicators both had", () => {
    const common = { ...r.view, overallChange: { ...r.view.overallChange!, sameIndicators: false, indicatorCount: 18 } };
    expect(reportSummary(common, r.priorities, r.peerRows, r.rankYears).join("\n"))
      .toContain("(plats 160–200 år 2019, 134–161 år 2022 på de 18 indikatorer som fanns båda åren)");
  });
});
