// The /data/ page's "Senaste uppdatering" (issue 13): when the data were last fetched, how old they are,
// and what the last `npm run data:update` changed (data/build/changes.json, absent for other builds).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Changes } from "../pipeline/changes";
import type { Manifest } from "../pipeline/manifest";
import { dataAgeText, dataDateOf, dateTextSv, newerDataOf, type NewerData } from "./dataDate";

export function readChanges(dir: string): Changes | null {
  const file = path.join(dir, "changes.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Changes) : null;
}

export interface RevisionRow { kpi: string; municipality: string; year: number; gender: string; old: number; new: number }

export interface RefreshView {
  fetched: { iso: string; text: string } | null;
  mode: "live" | "snapshot" | null;
  age: string | null;
  newer: NewerData | null;
  /** Sentences about the last data:update; empty when this build was not made by one. */
  changeSentences: string[];
  revisions: RevisionRow[];
}

const listSv = (xs: readonly string[]) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} och ${xs.at(-1)}`);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function refreshView(manifest: Manifest, changes: Changes | null, nameOf: (code: string) => string): RefreshView {
  const kolada = manifest.sources.find((s) => s.id === "kolada");
  const mode = kolada?.mode === "live" ? "live" : kolada ? "snapshot" : null;
  const sentences: string[] = [];
  if (changes) {
    const prev = changes.previous.exists
      ? `Jämfört med bygget före${changes.previous.refreshed ? ` (data hämtade ${dateTextSv(changes.previous.refreshed)})` : ""}`
      : "Det fanns inget tidigare bygge att jämföra med";
    sentences.push(`${prev}: ${changes.years.added.length ? `nya år ${listSv(changes.years.added.map(String))}` : "inga nya år"}` +
      `${changes.years.removed.length ? `, år som inte längre finns ${listSv(changes.years.removed.map(String))}` : ""}.`);
    sentences.push(`${plural(changes.values.added, "nytt värde", "nya värden")}, ${plural(changes.values.removed, "borttaget", "borttagna")} och ` +
      `${plural(changes.values.revised, "reviderat värde", "reviderade värden")} (Kolada kan ändra publicerade värden i efterhand).`);
    const m = changes.municipalities;
    if (m.gained.length || m.lost.length) {
      sentences.push(`Kommuner med värden: ${m.gained.length ? `tillkom ${listSv(m.gained.map(nameOf))}` : ""}${m.gained.length && m.lost.length ? "; " : ""}${m.lost.length ? `saknas nu ${listSv(m.lost.map(nameOf))}` : ""}.`);
    } else sentences.push("Samma kommuner har värden som förut.");
    sentences.push(`Enheter (verkliga, inte exempeldata): ${changes.units.gained} tillkom och ${changes.units.lost} försvann.`);
  }
  return {
    fetched: dataDateOf(manifest) ?? null, mode, age: dataAgeText(manifest), newer: newerDataOf(manifest),
    changeSentences: sentences,
    revisions: (changes?.values.largest_revisions ?? []).map((r) => ({ kpi: r.kpi, municipality: r.municipality, year: r.year, gender: r.gender, old: r.old, new: r.new })),
  };
}
