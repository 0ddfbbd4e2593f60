// "Lär av" with hand-computed margins (python: z·100·√(q(1−q)/n), q = (p·n/100 + 1)/(n + 2), z = 1.6449):
//   60 % of 100 → 8.0646 · 80 % of 100 → 6.6509 · 70 % of 50 → 10.7362
//   own 60/100 vs 80/100: √(8.0646² + 6.6509²) = 10.4533 < 20 → clearly better
//   own 60/100 vs 70/50:  √(8.0646² + 10.7362²) = 13.4277 > 10 → not clearly better
import { describe, expect, it } from "vitest";
import { clearlyBetter, learnFrom, shareMargin, shownExamples, weakestIndicators, type LearnCandidate, type LearnSubject } from "./learnFrom";

const subject = (p: Partial<LearnSubject> & { id: string }): LearnSubject =>
  ({ name: p.id, kind: "share", survey: true, weight: 0.1, score: null, value: null, peersScore: null, ...p });
const cand = (code: string, p: Partial<LearnCandidate>, ind: Record<string, [number | null, number | null]>): LearnCandidate => ({
  code, name: `Kommun ${code}`, inPeers: false, inKommungrupp: false, respondents: null, rank: null, rankLow: null, rankHigh: null, nRanked: 290,
  indicators: new Map(Object.entries(ind).map(([k, [score, value]]) => [k, { score, value }])), ...p,
});

const U1 = subject({ id: "U1", score: 60, value: 60, peersScore: 70, weight: 0.1 });
const R = subject({ id: "R", kind: "count", survey: false, score: 40, value: 12, peersScore: 50, weight: 0.05 });
const candidates = [
  cand("A", { inPeers: true, respondents: 100, rank: 250, rankLow: 230, rankHigh: 270 }, { U1: [80, 80], R: [44, 11] }),
  cand("B", { inKommungrupp: true, respondents: 50, rank: 10, rankLow: 5, rankHigh: 30 }, { U1: [70, 70], R: [42, 11.5] }),
  cand("C", { inPeers: true, respondents: null, rank: 20 }, { U1: [80, 80] }),
  cand("D", { inKommungrupp: true, respondents: 1000, rank: 30 }, { U1: [62, 62] }),
];

describe("shareMargin", () => {
  it("is the 90 % margin of an adjusted share in percentage points", () => {
    expect(shareMargin(60, 100)).toBeCloseTo(8.0646, 3);
    expect(shareMargin(80, 100)).toBeCloseTo(6.6509, 3);
    expect(shareMargin(70, 50)).toBeCloseTo(10.7362, 3);
  });
});

describe("weakestIndicators", () => {
  it("orders by (peer median − own) × weight and leaves out coded items and indicators above the median", () => {
    const list = [U1, R, subject({ id: "X", score: 50, peersScore: 80, weight: 0.01 }), subject({ id: "Y", score: 90, peersScore: 80 }),
      subject({ id: "K", kind: "coded", survey: false, score: 0, peersScore: 100, weight: 0.1 })];
    // U1 (70−60)·0.1 = 1.0 · R (50−40)·0.05 = 0.5 · X 30·0.01 = 0.3
    expect(weakestIndicators(list).map((s) => s.id)).toEqual(["U1", "R", "X"]);
    expect(weakestIndicators(list, 2).map((s) => s.id)).toEqual(["U1", "R"]);
  });
});

describe("clearlyBetter", () => {
  it("keeps a survey difference only when it exceeds the combined margin; unknown respondents never count", () => {
    const li = clearlyBetter(U1, 100, candidates)!;
    expect(li.margin).toBeCloseTo(8.0646, 3);
    expect(li.compared).toBe(4);
    expect(li.examples.map((e) => e.code)).toEqual(["A"]);
    expect(li.examples[0].diff).toBe(20);
    expect(li.examples[0].margin).toBeCloseTo(10.4533, 3);
    expect(li.examples[0].ownMargin).toBeCloseTo(6.6509, 3);
    // Rank 250 of 290 is in the worst third: an example for this indicator only.
    expect(li.examples[0].lowOverall).toBe(true);
  });

  it("uses no sampling margin for register data but still needs 3 points", () => {
    const li = clearlyBetter(R, 100, candidates)!;
    expect(li.margin).toBe(0);
    expect(li.compared).toBe(2);
    expect(li.examples.map((e) => [e.code, e.diff, e.margin])).toEqual([["A", 4, 0]]);
  });

  it("calls nothing better when the municipality's own respondent count is unknown", () => {
    expect(clearlyBetter(U1, null, candidates)!.examples).toEqual([]);
  });
});

describe("learnFrom and shownExamples", () => {
  it("gives the weakest indicators with their examples, similar municipalities first", () => {
    const out = learnFrom([U1, R], 100, candidates);
    expect(out.map((x) => x.id)).toEqual(["U1", "R"]);
    const li = { ...out[0], examples: [
      { ...out[0].examples[0], code: "G", inPeers: false, diff: 30 }, { ...out[0].examples[0], code: "P", inPeers: true, diff: 20 },
    ] };
    expect(shownExamples(li, 1).map((e) => e.code)).toEqual(["P"]);
    expect(shownExamples(li, 5).map((e) => e.code)).toEqual(["P", "G"]);
  });
});
