// Scoring rules: raw value → 0–100 on an absolute scale (never min–max, so a score means the same
// thing every year and a trend is a real change). DESIGN.md §4.

import type { CatalogueEntry, Direction, ScoringRule } from "./types";

export const SCORING_RULES_SV: Record<ScoringRule["kind"], { name_sv: string; formula_sv: string }> = {
  andel: {
    name_sv: "Andel",
    formula_sv: "Andelen i procent är poängen (0–100). Om lägre är bättre: 100 minus andelen.",
  },
  ja_nej: { name_sv: "Ja/nej", formula_sv: "Ja (1) ger 100 poäng, nej (0) ger 0 poäng." },
  kod_012: {
    name_sv: "Nej / försök / breddinfört",
    formula_sv: "Nej (0) ger 0, försöksverksamhet (1) ger 50 och breddinfört (2) ger 100 poäng.",
  },
  ankare: {
    name_sv: "Fasta ankare",
    formula_sv: "100 poäng vid det bästa ankaret eller bättre, 0 vid det sämsta eller sämre, linjärt " +
      "däremellan. Ankarna är desamma alla år.",
  },
};

function clamp100(x: number): number {
  return x <= 0 ? 0 : x > 100 ? 100 : x; // also turns −0 into 0
}

/** Score one raw value by a rule. Returns NaN for a missing (null/NaN) value. */
export function scoreValue(rule: ScoringRule, direction: Direction, value: number | null): number {
  if (value === null || !Number.isFinite(value)) return NaN;
  switch (rule.kind) {
    case "andel":
      return clamp100(direction === "hogre_battre" ? value : 100 - value);
    case "ja_nej": {
      const s = clamp100(value * 100); // 1 → 100, 0 → 0 (a share of yes between 0 and 1 scales linearly)
      return direction === "hogre_battre" ? s : 100 - s;
    }
    case "kod_012": {
      const s = clamp100(value * 50);
      return direction === "hogre_battre" ? s : 100 - s;
    }
    case "ankare": {
      const { best, worst } = rule;
      if (best === worst) throw new Error("Anchor rule needs two different anchors");
      return clamp100((100 * (value - worst)) / (best - worst));
    }
  }
}

/** Score an indicator's municipality value (or, with `unit`, a unit value). */
export function scoreIndicator(entry: CatalogueEntry, value: number | null, unit = false): number {
  const rule = unit && entry.unitRule ? entry.unitRule : entry.rule;
  return scoreValue(rule, entry.direction, value);
}

/** Round to one decimal, the precision of every published score (half away from zero). */
export function round1(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9)) / 10 + 0; // + 0: never −0
}

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f + 0;
}
