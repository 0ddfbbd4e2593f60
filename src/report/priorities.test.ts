import { describe, expect, it } from "vitest";
import { bestPeerScore, improvementPriorities, peerGaps, type PeerScore, type PriorityIndicator } from "./priorities";

const peer = (code: string, scores: Record<string, number | null>): PeerScore =>
  ({ code, name: `Kommun ${code}`, scores: new Map(Object.entries(scores)) });

// Hand-computed case. Own scores and weights (share of the total):
//   A 60, w 0.10 · B 80, w 0.30 · C 50, w 0.05 · D missing · E 90, w 0.20 · F 70, w 0.02
// Peer scores:
//   P1: A 70, B 84, C 75, D 80, E 88, F 71.5
//   P2: A 72, B 83, C 50, E 91, F 70
//   P3: A null, B 84, C 60, E 95
// Best: A 72 (P2) gap 12 → 1.2 · B 84 (P1, P3 tie) gap 4 → 1.2 · C 75 (P1) gap 25 → 1.25
//       E 95 (P3) gap 5 → 1.0 · F 71.5 (P1) gap 1.5 → 0.03 · D skipped (own missing)
// Order: C 1.25; A and B tie at 1.2 → larger gap first (A 12 > B 4); E 1.0; F 0.03.
const indicators: PriorityIndicator[] = [
  { id: "A", name: "A-fråga", subIndex: "information", score: 60, weight: 0.1 },
  { id: "B", name: "B-fråga", subIndex: "utforande", score: 80, weight: 0.3 },
  { id: "C", name: "C-fråga", subIndex: "utforande", score: 50, weight: 0.05 },
  { id: "D", name: "D-fråga", subIndex: "stod_utveckling", score: null, weight: 0.1 },
  { id: "E", name: "E-fråga", subIndex: "bistandshandlaggning", score: 90, weight: 0.2 },
  { id: "F", name: "F-fråga", subIndex: "stod_utveckling", score: 70, weight: 0.02 },
];
const peers = [
  peer("P1", { A: 70, B: 84, C: 75, D: 80, E: 88, F: 71.5 }),
  peer("P2", { A: 72, B: 83, C: 50, E: 91, F: 70 }),
  peer("P3", { A: null, B: 84, C: 60, E: 95 }),
];

describe("improvementPriorities", () => {
  it("ranks by weighted gap to the best peer, ties by gap", () => {
    const p = improvementPriorities(indicators, peers);
    expect(p.map((x) => [x.id, x.bestScore, x.gap, x.weightedGap, x.rank])).toEqual([
      ["C", 75, 25, 1.25, 1],
      ["A", 72, 12, 1.2, 2],
      ["B", 84, 4, 1.2, 3],
      ["E", 95, 5, 1, 4],
      ["F", 71.5, 1.5, 0.03, 5],
    ]);
    expect(p.find((x) => x.id === "B")!.bestPeers.map((b) => b.code)).toEqual(["P1", "P3"]);
    expect(p.find((x) => x.id === "A")!.bestPeers.map((b) => b.code)).toEqual(["P2"]);
  });

  it("limits the list and leaves out small and negative gaps", () => {
    expect(improvementPriorities(indicators, peers, 2).map((x) => x.id)).toEqual(["C", "A"]);
    const ahead = improvementPriorities([{ id: "A", name: "A", subIndex: "x", score: 99, weight: 0.5 }], peers);
    expect(ahead).toEqual([]);
    const tiny = improvementPriorities([{ id: "A", name: "A", subIndex: "x", score: 71.5, weight: 0.5 }], peers);
    expect(tiny).toEqual([]); // gap 0.5 < 1
  });

  it("keeps negative gaps in peerGaps and skips indicators no peer has", () => {
    const g = peerGaps([...indicators, { id: "Z", name: "Z", subIndex: "x", score: 10, weight: 0.1 }], peers);
    expect(g.map((x) => x.id)).toEqual(["A", "B", "C", "E", "F"]);
    expect(bestPeerScore("Z", peers)).toBeNull();
    expect(bestPeerScore("D", peers)).toEqual({ score: 80, peers: [{ code: "P1", name: "Kommun P1" }] });
  });

  it("does not depend on the order of the peers except for the order of tied holders", () => {
    const a = improvementPriorities(indicators, peers).map((x) => [x.id, x.weightedGap]);
    const b = improvementPriorities(indicators, [...peers].reverse()).map((x) => [x.id, x.weightedGap]);
    expect(b).toEqual(a);
  });
});

describe("grouped indicators", () => {
  // G1 own 0, w 0.01, best 100 (P1) → 1.0 · G2 own 50, w 0.03, best 100 (P1, P2) → 1.5 · G3 own 100 (no gap)
  // Combined: weight 0.04, weighted gap 2.5, score (0·0.01 + 50·0.03)/0.04 = 37.5,
  // best (100·0.01 + 100·0.03)/0.04 = 100, gap 62.5; P1 best on both members.
  // Alone: A 60 vs 72 (P2), w 0.1 → 1.2.
  const inds: PriorityIndicator[] = [
    { id: "G1", name: "Teknik: larm", subIndex: "s", score: 0, weight: 0.01, group: "Teknik" },
    { id: "G2", name: "Teknik: lås", subIndex: "s", score: 50, weight: 0.03, group: "Teknik" },
    { id: "G3", name: "Teknik: video", subIndex: "s", score: 100, weight: 0.02, group: "Teknik" },
    { id: "A", name: "A-fråga", subIndex: "i", score: 60, weight: 0.1 },
  ];
  const ps = [peer("P1", { G1: 100, G2: 100, G3: 100, A: 70 }), peer("P2", { G2: 100, A: 72 })];

  it("combines the members' weighted gaps into one priority", () => {
    const p = improvementPriorities(inds, ps);
    expect(p.map((x) => [x.id, x.name, x.weight, x.weightedGap, x.score, x.bestScore, x.gap, x.rank])).toEqual([
      ["G1;G2", "Teknik (2 indikatorer)", 0.04, 2.5, 37.5, 100, 62.5, 1],
      ["A", "A-fråga", 0.1, 1.2, 60, 72, 12, 2],
    ]);
    expect(p[0].bestPeers.map((b) => b.code)).toEqual(["P1"]);
    expect(p[0].members.map((m) => m.id)).toEqual(["G1", "G2"]);
  });

  it("keeps a group with one member behind as that indicator", () => {
    const p = improvementPriorities([{ ...inds[0] }, { ...inds[2] }], ps);
    expect(p.map((x) => [x.id, x.name, x.weightedGap])).toEqual([["G1", "Teknik: larm", 1]]);
  });
});
