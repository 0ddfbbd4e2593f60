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
//
// Indicators of one group (the many small welfare-technology items) are combined into one priority, so
// that ten yes/no services do not crowd out what the seniors themselves say: its weight is the members'
// summed weight, its weighted gap their summed weighted gap, and its score and best score the
// weight-averaged member scores (so weightedGap = (bestScore − score) × weight still holds).

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
  /** Indicators with the same group label are combined into one priority (e.g. "Välfärdsteknik"). */
  group?: string;
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
  /** The indicators behind a combined priority (one entry for a single indicator). */
  members: { id: string; name: string }[];
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
      gap, weight: ind.weight, weightedGap: round(gap * ind.weight, 6), members: [{ id: ind.id, name: ind.name }],
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
  const positive = peerGaps(indicators, peers).filter((g) => g.gap >= MIN_PRIORITY_GAP && g.weight > 0);
  const groupOf = new Map(indicators.map((i) => [i.id, i.group]));
  const single = positive.filter((g) => !groupOf.get(g.id));
  const groups = new Map<string, typeof positive>();
  for (const g of positive) {
    const label = groupOf.get(g.id);
    if (label) groups.set(label, [...(groups.get(label) ?? []), g]);
  }
  const combined = [...groups].map(([label, list]) => (list.length === 1 ? list[0] : combineGroup(label, list)));
  return [...single, ...combined]
    .sort((a, b) => b.weightedGap - a.weightedGap || b.gap - a.gap || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, max)
    .map((g, i) => ({ ...g, rank: i + 1 }));
}

/** One priority for several indicators of a group (see the header). */
export function combineGroup(label: string, list: readonly Omit<Priority, "rank">[]): Omit<Priority, "rank"> {
  const weight = round(list.reduce((a, g) => a + g.weight, 0), 9);
  const weightedGap = round(list.reduce((a, g) => a + g.weightedGap, 0), 6);
  const score = round(list.reduce((a, g) => a + g.weight * g.score, 0) / weight, 6);
  const bestScore = round(list.reduce((a, g) => a + g.weight * g.bestScore, 0) / weight, 6);
  // The peers that are best on most of the members.
  const count = new Map<string, { code: string; name: string; n: number; first: number }>();
  list.forEach((g, i) => g.bestPeers.forEach((p) => {
    const c = count.get(p.code) ?? { ...p, n: 0, first: i };
    c.n++;
    count.set(p.code, c);
  }));
  const most = Math.max(...[...count.values()].map((c) => c.n));
  const bestPeers = [...count.values()].filter((c) => c.n === most).sort((a, b) => a.first - b.first).map(({ code, name }) => ({ code, name }));
  const members = list.flatMap((g) => g.members);
  return {
    id: members.map((m) => m.id).join(";"), name: `${label} (${members.length} indikatorer)`, subIndex: list[0].subIndex,
    score, bestScore, bestPeers, gap: round(bestScore - score, 6), weight, weightedGap, members,
  };
}

function round(x: number, decimals: number): number {
  const m = 10 ** decimals;
  const r = Math.round(x * m) / m;
  return r === 0 ? 0 : r;
}
