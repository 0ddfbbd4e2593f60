// "Lär av": for the municipality's weakest indicators, the similar municipalities (Kolada's "Liknande
// kommuner äldreomsorg") and the members of its SKR kommungrupp that do clearly better. Pure; the rule is
// quoted in the report (LEARN_RULE_SV) and unit-tested with hand-computed numbers.
//
// "Clearly better" means the difference is larger than the uncertainty:
//   diff    = candidate's score − own score                            (score points, 0–100)
//   margin  = z90 · √(se_own² + se_candidate²)                         (survey shares)
//           = 0                                                        (register data: no sampling error)
//   clear   ⇔ diff > max(MIN_CLEAR_GAP, margin)
// se = 100 · √(p̃(1 − p̃)/n), with p̃ = (p·n + 1)/(n + 2) as in the model's bootstrap and n the
// municipality's number of survey respondents that year (Kolada U23592). n counts everyone who answered
// the survey; a single question has somewhat fewer answers, so the true margin is a little wider.
// A survey value whose respondent count is unknown is never called clearly better (it cannot be checked).
//
// Weakest indicators: the ones furthest below the similar municipalities' median, weighted by what each
// counts for in the total ((median − own) × weight), at most three. Welfare-technology items (yes/no,
// coded 0/1/2) are left out here: they are many small items and are listed in "Alla indikatorer".

/** z for a two-sided 90 % interval. */
export const Z90 = 1.6448536269514722;
/** Even without sampling error, smaller differences than this (score points) are not called better. */
export const MIN_CLEAR_GAP = 3;
/** Weak indicators shown. */
export const MAX_WEAK = 3;
/** An example with an overall rank in the worst part of the ranking gets a note. */
export const LOW_OVERALL_SHARE = 2 / 3;

export const LEARN_RULE_SV =
  "En kommun räknas som tydligt bättre när skillnaden i poäng är större än den statistiska osäkerheten: " +
  "för enkätfrågor den sammanlagda felmarginalen (90 %) i de två kommunernas andelar, räknad från antalet " +
  `svarande i respektive kommun, och alltid minst ${MIN_CLEAR_GAP} poäng. Antalet svarande gäller hela enkäten; ` +
  "en enskild fråga har något färre svar, så den verkliga felmarginalen är något större. " +
  "De svagaste indikatorerna är de där kommunen ligger längst under medianen bland liknande kommuner, " +
  "räknat som skillnaden i poäng gånger indikatorns vikt. Välfärdsteknikens ja/nej-frågor redovisas i stället " +
  "under Alla indikatorer. En kommun som är bättre på en fråga är ett exempel för just den frågan, inte för " +
  "hemtjänsten som helhet.";

export interface LearnSubject {
  id: string;
  name: string;
  kind: "share" | "coded" | "count";
  survey: boolean;
  weight: number;
  score: number | null;
  value: number | null;
  peersScore: number | null; // median score of the similar municipalities
}

export interface LearnCandidate {
  code: string;
  name: string;
  inPeers: boolean;
  inKommungrupp: boolean;
  respondents: number | null;
  rank: number | null;
  rankLow: number | null;
  rankHigh: number | null;
  nRanked: number;
  /** indicator id → { score, value } (absent or null score: no value). */
  indicators: ReadonlyMap<string, { score: number | null; value: number | null }>;
}

export interface LearnExample {
  code: string;
  name: string;
  inPeers: boolean;
  inKommungrupp: boolean;
  score: number;
  value: number | null;
  /** 90 % margin of the candidate's own value (score points), 0 for register data. */
  ownMargin: number;
  diff: number;
  /** The combined margin the difference had to exceed (before MIN_CLEAR_GAP). */
  margin: number;
  rank: number | null;
  rankLow: number | null;
  rankHigh: number | null;
  nRanked: number;
  /** Overall rank missing or in the worst third: an example for this indicator only. */
  lowOverall: boolean;
}

export interface LearnIndicator {
  id: string;
  name: string;
  kind: LearnSubject["kind"];
  survey: boolean;
  score: number;
  value: number | null;
  /** 90 % margin of the municipality's own value (score points), 0 for register data, null when unknown. */
  margin: number | null;
  peersScore: number;
  /** Candidates with a value for the indicator (similar municipalities and kommungrupp, without itself). */
  compared: number;
  /** Clearly better ones, largest difference first. */
  examples: LearnExample[];
}

const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/** 90 % margin (score points = percentage points) of a survey share p (percent) from n respondents. */
export function shareMargin(p: number, n: number): number {
  const q = (Math.min(100, Math.max(0, p)) / 100 * n + 1) / (n + 2);
  return Z90 * 100 * Math.sqrt((q * (1 - q)) / n);
}

/** The weakest indicators (see the header), at most `max`. */
export function weakestIndicators(subjects: readonly LearnSubject[], max = MAX_WEAK): LearnSubject[] {
  return subjects
    .filter((s) => s.kind !== "coded" && finite(s.score) && finite(s.peersScore) && s.peersScore > s.score && s.weight > 0)
    .map((s) => ({ s, w: (s.peersScore! - s.score!) * s.weight }))
    .sort((a, b) => b.w - a.w || (a.s.id < b.s.id ? -1 : 1))
    .slice(0, max)
    .map((x) => x.s);
}

/** Examples to learn from for one indicator (see the header). */
export function clearlyBetter(
  subject: LearnSubject, ownRespondents: number | null, candidates: readonly LearnCandidate[],
): LearnIndicator | null {
  if (!finite(subject.score) || !finite(subject.peersScore)) return null;
  const ownMargin = !subject.survey ? 0 : finite(subject.value) && finite(ownRespondents) && ownRespondents > 0
    ? shareMargin(subject.value, ownRespondents) : null;
  let compared = 0;
  const examples: LearnExample[] = [];
  for (const c of candidates) {
    const x = c.indicators.get(subject.id);
    if (!x || !finite(x.score)) continue;
    compared++;
    let candMargin = 0;
    if (subject.survey) {
      if (ownMargin === null || !finite(x.value) || !finite(c.respondents) || c.respondents <= 0) continue;
      candMargin = shareMargin(x.value, c.respondents);
    }
    const margin = subject.survey ? Math.sqrt(ownMargin! ** 2 + candMargin ** 2) : 0;
    const diff = x.score - subject.score;
    if (!(diff > Math.max(MIN_CLEAR_GAP, margin))) continue;
    examples.push({
      code: c.code, name: c.name, inPeers: c.inPeers, inKommungrupp: c.inKommungrupp, score: x.score, value: x.value,
      ownMargin: candMargin, diff, margin, rank: c.rank, rankLow: c.rankLow, rankHigh: c.rankHigh, nRanked: c.nRanked,
      lowOverall: c.rank === null || c.nRanked <= 0 || c.rank > c.nRanked * LOW_OVERALL_SHARE,
    });
  }
  const collator = new Intl.Collator("sv");
  examples.sort((a, b) => b.diff - a.diff || collator.compare(a.name, b.name));
  return {
    id: subject.id, name: subject.name, kind: subject.kind, survey: subject.survey, score: subject.score, value: subject.value,
    margin: ownMargin, peersScore: subject.peersScore, compared, examples,
  };
}

/** "Lär av" for the weakest indicators. */
export function learnFrom(
  subjects: readonly LearnSubject[], ownRespondents: number | null, candidates: readonly LearnCandidate[], max = MAX_WEAK,
): LearnIndicator[] {
  return weakestIndicators(subjects, max)
    .map((s) => clearlyBetter(s, ownRespondents, candidates))
    .filter((x): x is LearnIndicator => x !== null);
}

/**
 * The examples a page or slide has room for: the clearly better similar municipalities first (Kolada's
 * peer group is the comparison the report is built on), then the kommungrupp's, each by difference.
 */
export function shownExamples(li: LearnIndicator, max: number): LearnExample[] {
  const peers = li.examples.filter((e) => e.inPeers);
  const others = li.examples.filter((e) => !e.inPeers);
  return [...peers, ...others].slice(0, max);
}
