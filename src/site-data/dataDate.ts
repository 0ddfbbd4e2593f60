// The data date every page shows (issue 8): the newest source date in the build's manifest, in Swedish.
import type { Manifest } from "../pipeline/manifest";

export function dataDateOf(manifest: Manifest): { iso: string; text: string } | undefined {
  const dates = manifest.sources.flatMap((s) => s.dates).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const iso = dates.at(-1);
  if (!iso) return undefined;
  const text = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  return { iso, text };
}
