// Fixed, seeded input data for the chart snapshot tests and previews. Not real data: municipality names
// are real, numbers are made up (but plausible) so snapshots stay stable whatever the pipeline does.
import type { UnitVariationInput } from "./unitVariationChart";

/** Small deterministic PRNG (mulberry32), local so the fixtures do not depend on the model. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const round1 = (x: number) => Math.round(x * 10) / 10;

const surveyIndicators = [
  { id: "U21468", label: "Nöjd med hemtjänsten som helhet", municipalityValue: 86.4, nationalValue: 88.1 },
  { id: "U21466", label: "Alltid bra bemötande från personalen", municipalityValue: 91.2, nationalValue: 90.3 },
  { id: "U21461", label: "Personalen har tillräckligt med tid", municipalityValue: 78.5, nationalValue: 80.9 },
  { id: "U21467", label: "Känner sig mycket trygg med hemtjänsten", municipalityValue: 66.0, nationalValue: 69.7 },
];

/** Units for one municipality: n units, a mix of municipal and private, some with few respondents. */
export function unitVariationFixture(nUnits = 9, seed = 180, synthetic = true): UnitVariationInput {
  const random = seeded(seed);
  const names = ["Hemtjänst Norr", "Hemtjänst Söder", "Omsorg Väst", "Åkerby hemtjänst", "Ängens omsorg", "Östra distriktet", "Centrum", "Björkgården", "Kvarnbacken", "Sjöudden", "Lindängen", "Solgläntan"];
  const units = Array.from({ length: nUnits }, (_, i) => ({
    id: `EX-0180-${String(i + 1).padStart(2, "0")}`,
    name: i < names.length ? names[i] : `Enhet ${i + 1}`,
    providerType: (i % 3 === 1 ? "privat" : "kommunal") as "kommunal" | "privat",
  }));
  const values = surveyIndicators.flatMap((ind) =>
    units.map((u, i) => {
      const respondents = i % 4 === 3 ? 12 + Math.floor(random() * 15) : 35 + Math.floor(random() * 120);
      const value = Math.min(100, Math.max(30, round1(ind.municipalityValue + (random() - 0.5) * 24)));
      return { unitId: u.id, indicatorId: ind.id, value, respondents };
    }),
  );
  return {
    municipalityCode: "0180",
    municipalityName: "Stockholm",
    year: 2024,
    indicators: surveyIndicators,
    units,
    values,
    synthetic,
  };
}
