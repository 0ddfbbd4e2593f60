// What comparing years on their common indicators does, per pair of consecutive published years (default
// weights and missing rule), for the method page: how many indicators were compared, how far the later
// year's comparable rank lies from its published rank, and how many changes are certain on the common
// set versus on the published ranks. Pure.

import type { RankChangeRow, ScoreRow } from "./outputTables";
import { median } from "./median";
import { rankChange } from "./rankChange";

export interface ChangeComparison {
  fromYear: number;
  toYear: number;
  /** Indicators compared (in use both years) and in use in each year. */
  indicators: number;
  indicatorsFrom: number;
  indicatorsTo: number;
  /** Municipalities ranked both years on the common set. */
  compared: number;
  /** |comparable rank − published rank| for the later year: median and largest (null without rows). */
  medianShiftTo: number | null;
  maxShiftTo: number | null;
  certainUp: number;
  certainDown: number;
  /** The same counts had the published ranks and intervals been compared instead. */
  publishedCertainUp: number;
  publishedCertainDown: number;
}

export function changeComparisons(
  changes: readonly RankChangeRow[], scores: readonly ScoreRow[], activeByYear: ReadonlyMap<number, readonly unknown[]>,
  weightSet: string, missingRule: string,
): ChangeComparison[] {
  const years = [...activeByYear.keys()].sort((a, b) => a - b);
  const published = new Map(scores.filter((s) => s.weight_set === weightSet && s.missing_rule === missingRule)
    .map((s) => [`${s.year}|${s.municipality}`, s]));
  return years.slice(1).map((toYear, i) => {
    const fromYear = years[i];
    const rows = changes.filter((r) => r.from_year === fromYear && r.to_year === toYear && r.weight_set === weightSet && r.missing_rule === missingRule);
    const ranked = rows.filter((r) => r.rank_from !== null && r.rank_to !== null);
    const shifts = ranked.flatMap((r) => {
      const p = published.get(`${toYear}|${r.municipality}`)?.rank;
      return p == null ? [] : [Math.abs(p - r.rank_to!)];
    });
    let pubUp = 0, pubDown = 0;
    for (const r of rows) {
      const at = (y: number) => {
        const s = published.get(`${y}|${r.municipality}`);
        return { year: y, rank: s?.rank ?? null, low: s?.rank_low ?? null, high: s?.rank_high ?? null };
      };
      const c = rankChange(at(fromYear), at(toYear));
      if (c.verdict === "steg") pubUp++;
      if (c.verdict === "föll") pubDown++;
    }
    return {
      fromYear, toYear,
      indicators: rows[0]?.indicators ? rows[0].indicators.split(";").length : 0,
      indicatorsFrom: activeByYear.get(fromYear)?.length ?? 0, indicatorsTo: activeByYear.get(toYear)?.length ?? 0,
      compared: ranked.length,
      medianShiftTo: median(shifts), maxShiftTo: shifts.length ? Math.max(...shifts) : null,
      certainUp: rows.filter((r) => r.verdict === "steg").length, certainDown: rows.filter((r) => r.verdict === "föll").length,
      publishedCertainUp: pubUp, publishedCertainDown: pubDown,
    };
  });
}

export const CHANGE_RULE_SV: readonly string[] = [
  "En förändring i placering mellan två år kallas förändring (”steg”, ”föll”) bara när årens 90-procentiga " +
    "osäkerhetsintervall för placeringen inte överlappar. Annars är placeringen ungefär oförändrad, och båda " +
    "intervallen visas.",
  "Åren jämförs på de indikatorer som finns båda åren. När ett år har fått nya indikatorer (2022 tillkom " +
    "välfärdsteknik) eller förlorat några räknas båda åren om på de gemensamma indikatorerna, med samma vikter " +
    "fördelade över dem, samma regel för saknade värden, samma täckningsgräns och samma osäkerhetsberäkning. " +
    "Då kan inte ett nytt eller borttaget mått flytta placeringen. Placeringen i jämförelsen kan därför skilja " +
    "sig från årets publicerade placering, som bygger på alla det årets indikatorer; sidorna säger när så är fallet.",
  "Har båda åren samma indikatorer är placeringarna i jämförelsen de publicerade.",
];
