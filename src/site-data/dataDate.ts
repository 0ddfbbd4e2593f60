// Dates every page, embed and report states (issues 8 and 13), from the build's manifest:
// - the fetch date ("Data hämtade: 7 december 2026"): the newest source date;
// - the data age ("Senaste uppgifter: brukarundersökningen 2022"): the newest survey year in the build,
//   said apart from the fetch date, since data fetched today can still be years old;
// - whether Kolada has published newer survey years than the build holds (the home page notice).
import type { Manifest } from "../pipeline/manifest";

export function dataDateOf(manifest: Manifest): { iso: string; text: string } | undefined {
  const dates = manifest.sources.flatMap((s) => s.dates).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const iso = dates.at(-1);
  if (!iso) return undefined;
  return { iso, text: dateTextSv(iso) };
}

/** "2026-12-07" → "7 december 2026". */
export function dateTextSv(iso: string): string {
  return new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

/** Newest user-survey year in the build (null when the manifest does not say). */
export function surveyYearOf(manifest: Manifest): number | null {
  return manifest.data_age?.survey_year ?? null;
}

/** "Senaste uppgifter: brukarundersökningen 2022", or null when the build holds no survey year. */
export function dataAgeText(manifest: Manifest): string | null {
  const year = surveyYearOf(manifest);
  return year === null ? null : `Senaste uppgifter: brukarundersökningen ${year}`;
}

export interface NewerData { have: number; published: number; basis: string }

/**
 * Newer survey results exist when Kolada has published a later year than the build's newest (known from
 * /kpi metadata in a live build, or from the stored catalogue for the offline snapshot). Null otherwise.
 */
export function newerDataOf(manifest: Manifest): NewerData | null {
  const have = surveyYearOf(manifest);
  const published = manifest.sources.find((s) => s.id === "kolada")?.published_through;
  if (have === null || !published || published.year <= have) return null;
  return { have, published: published.year, basis: published.basis };
}
