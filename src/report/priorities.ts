// "What to improve first": the indicators where the municipality is furthest behind the best of its
// Kolada "Liknande kommuner äldreomsorg" peers, weighted by what each indicator counts for in the total.
// Pure; the rule is quoted in the report (PRIORITY_RULE_SV) and unit-tested with hand-computed numbers.
//
//   gap          = best peer score − own score           (score points, 0–100 scale)
//   weightedGap  = gap × weight                            (weight = the indicator's share of the total)
//
// weightedGap is, to a first approximation, how many points the total index would rise if the
// municipality reached the best peer's level on that indicator alone (exact when no indicator is
// missing; under re-weighting a missing indicator's weight is spread over the others).

/** At most this many priorities are listed. */
export const MAX_PRIORITIES = 5;
/** Gaps smaller than this many score points are not listed (they are within ordinary year-to-year noise). */
export const MIN_PRIORITY_GAP = 1;

export const PRIORITY_RULE_SV =
  "Listan visar de indikatorer där kommunen ligger längst efter den bästa av de liknande kommunerna, " +
  "räknat som skillnaden i poäng gånger indikatorns vikt i totalindexet. Produkten motsvarar ungefär hur " +
  "många poäng totalindexet skulle stiga om kommunen nådde den bästa liknande kommunens nivå på just den " +
  `indikatorn. Skillnader under ${MIN_PRIORITY_GAP} poäng tas inte med, och högst ${MAX_PRIORITIES} indikatorer visas.`;

export interface PriorityIndicator {
  id: string;
  name: string;
  subIndex: string;
  score: number | null; // own score 0–100; null = missing
  weight: number; // share of the total (0..1)
}

export interface PeerScore {
  code: string;
  name: string;
  /** indicator id → score (missing values are absent or null). */
  scores: ReadonlyMap<string, number | null>;
}

export interface Priority {
  id: string;
  name: string;
  subIndex: string;
  score: number;
  bestScore: number;
  /** The peers with the best score (ties share), in the order given. */
  bestPeers: { code: string; name: string }[];
  gap: number;
  weight: number;
  weightedGap: number;
  rank: number; // 1 = improve first
}

const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/** The best peer score per indicator and who holds it (null when no peer has a value). */
export function bestPeerScore(indicatorId: string, peers: readonly PeerScore[]): { score: number; peers: { code: string; name: string }[] } | null {
  let best: number | null = null;
  let holders: { code: string; name: string }[] = [];
  for (const p of peers) {
    const s = p.scores.get(indicatorId);
    if (!finite(s)) continue;
    if (best === null || s > best + 1e-9) {
      best = s;
      holders = [{ code: p.code, name: p.name }];
    } else if (Math.abs(s - best) <= 1e-9) holders.push({ code: p.code, name: p.name });
  }
  return best === null ? null : { score: best, peers: holders };
}

/** Gap and weighted gap to the best peer for every indicator with an own score and a peer value. */
export function peerGaps(indicators: readonly PriorityIndicator[], peers: readonly PeerScore[]): Omit<Priority, "rank">[] {
  const out: Omit<Priority, "rank">[] = [];
  for (const ind of indicators) {
    if (!finite(ind.score)) continue;
    const best = bestPeerScore(ind.id, peers);
    if (!best) continue;
    const gap = round(best.score - ind.score, 6);
    out.push({
      id: ind.id, name: ind.name, subIndex: ind.subIndex, score: ind.score, bestScore: best.score, bestPeers: best.peers,
      gap, weight: ind.weight, weightedGap: round(gap * ind.weight, 6),
    });
  }
  return out;
}

/**
 * The indicators to improve first: positive gaps of at least MIN_PRIORITY_GAP, largest weighted gap first
 * (ties: larger gap, then id), at most `max`.
 */
export function improvementPriorities(
  indicators: readonly PriorityIndicator[], peers: readonly PeerScore[], max = MAX_PRIORITIES,
): Priority[] {
  return peerGaps(indicators, peers)
    .filter((g) => g.gap >= MIN_PRIORITY_GAP && g.weight > 0)
    .sort((a, b) => b.weightedGap - a.weightedGap || b.gap - a.gap || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, max)
    .map((g, i) => ({ ...g, rank: i + 1 }));
}

function round(x: number, decimals: number): number {
  const m = 10 ** decimals;
  const r = Math.round(x * m) / m;
  return r === 0 ? 0 : r;
}
