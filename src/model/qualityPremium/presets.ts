// Presets are data: a municipality starts from one and edits every number. Stockholm 2022 is first
// (the trial May–December 2022, as described in Stockholm's evaluation; DESIGN.md §4b).
import type { PremiumRules } from "./types";

export const STOCKHOLM_2022: PremiumRules = {
  id: "stockholm-2022",
  name_sv: "Stockholm 2022",
  description_sv:
    "Stockholms stads försök med kvalitetspremie i hemtjänsten maj–december 2022: tre indikatorer, 15 kr per " +
    "utförd timme när alla tre uppfylls och 5 kr när två uppfylls. Septembers timmar gånger 8 ger premien för perioden.",
  continuityMinShare: 90,
  hourlyPaidMaxShare: 22,
  trainedMinShare: 80,
  underskoterskorMinShare: 20,
  levels: [{ met: 3, krPerHour: 15 }, { met: 2, krPerHour: 5 }],
  readingMonth_sv: "september",
  multiplier: 8,
};

/** Only the three-of-three level pays: a stricter variant a municipality may want to compare. */
export const ALL_THREE_ONLY: PremiumRules = {
  ...STOCKHOLM_2022,
  id: "alla-tre",
  name_sv: "Bara tre av tre",
  description_sv: "Som Stockholm 2022, men premie bara när alla tre indikatorerna uppfylls (15 kr per timme).",
  levels: [{ met: 3, krPerHour: 15 }],
};

export const PRESETS: readonly PremiumRules[] = [STOCKHOLM_2022, ALL_THREE_ONLY];

/** Monthly-hour bands for continuity (Stockholm): lower bounds of 0–9, 10–59, 60–99, 100–134, 135–169, 170–199, 200+. */
export const HOUR_BANDS: readonly number[] = [0, 10, 60, 100, 135, 170, 200];

export function bandLabel(i: number): string {
  const lo = HOUR_BANDS[i];
  const next = HOUR_BANDS[i + 1];
  return next === undefined ? `${lo}+` : `${lo}–${next - 1}`;
}
