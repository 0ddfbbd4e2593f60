// What a refresh changed (issue 13, `npm run data:update`): years added, values revised since the previous
// build (count and the largest revisions, old → new), values added or removed, municipalities and units
// gained or lost. Pure: the caller reads both builds. Written to data/build/changes.json and printed.
import type { UnitRow, ValueRow } from "./tables";
import { RIKET } from "./tables";

/** Revisions smaller than this are float noise, not a revision (Kolada sends up to 8 decimals). */
export const REVISION_EPSILON = 1e-9;
export const LARGEST_SHOWN = 10;

export interface Revision { kpi: string; municipality: string; year: number; gender: string; old: number; new: number; diff: number }

export interface Changes {
  /** Fetch date of the new Kolada values (the newest `fetched_at`). */
  refreshed: string | null;
  previous: { exists: boolean; refreshed: string | null };
  years: { before: number[]; after: number[]; added: number[]; removed: number[] };
  values: { added: number; removed: number; revised: number; largest_revisions: Revision[] };
  municipalities: { gained: string[]; lost: string[] };
  units: { gained: number; lost: number; gained_ids: string[]; lost_ids: string[] };
}

type Comparable = Pick<ValueRow, "kpi" | "municipality" | "year" | "gender" | "value" | "fetched_at">;

const keyOf = (v: Comparable) => `${v.kpi}|${v.municipality}|${v.year}|${v.gender}`;

function yearsWithValues(values: readonly Comparable[]): number[] {
  return [...new Set(values.filter((v) => v.value !== null).map((v) => v.year))].sort((a, b) => a - b);
}

function municipalitiesWithValues(values: readonly Comparable[]): Set<string> {
  return new Set(values.filter((v) => v.value !== null && v.municipality !== RIKET).map((v) => v.municipality));
}

function newestDate(values: readonly Comparable[]): string | null {
  let newest: string | null = null;
  for (const v of values) if (newest === null || v.fetched_at > newest) newest = v.fetched_at;
  return newest;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

/** `before` is null when there was no previous build. Only real (non-synthetic) units count. */
export function compareBuilds(
  before: { values: readonly Comparable[]; units: readonly Pick<UnitRow, "unit_id" | "synthetic">[] } | null,
  after: { values: readonly Comparable[]; units: readonly Pick<UnitRow, "unit_id" | "synthetic">[] },
): Changes {
  const prevValues = before?.values ?? [];
  const prev = new Map(prevValues.filter((v) => v.value !== null).map((v) => [keyOf(v), v]));
  const next = new Map(after.values.filter((v) => v.value !== null).map((v) => [keyOf(v), v]));
  const revisions: Revision[] = [];
  let added = 0;
  for (const [key, v] of next) {
    const old = prev.get(key);
    if (!old) { added++; continue; }
    const diff = (v.value as number) - (old.value as number);
    if (Math.abs(diff) > REVISION_EPSILON) {
      revisions.push({ kpi: v.kpi, municipality: v.municipality, year: v.year, gender: v.gender, old: old.value as number, new: v.value as number, diff });
    }
  }
  const removed = [...prev.keys()].filter((k) => !next.has(k)).length;
  // Largest first; ties in a fixed order so the file is the same for the same inputs.
  revisions.sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff) || a.kpi.localeCompare(b.kpi) ||
    a.municipality.localeCompare(b.municipality) || a.year - b.year || a.gender.localeCompare(b.gender));

  const yb = yearsWithValues(prevValues), ya = yearsWithValues(after.values);
  const mb = municipalitiesWithValues(prevValues), ma = municipalitiesWithValues(after.values);
  const ub = new Set((before?.units ?? []).filter((u) => !u.synthetic).map((u) => u.unit_id));
  const ua = new Set(after.units.filter((u) => !u.synthetic).map((u) => u.unit_id));
  const gainedUnits = sorted([...ua].filter((u) => !ub.has(u))), lostUnits = sorted([...ub].filter((u) => !ua.has(u)));
  return {
    refreshed: newestDate(after.values),
    previous: { exists: before !== null, refreshed: before ? newestDate(prevValues) : null },
    years: { before: yb, after: ya, added: ya.filter((y) => !yb.includes(y)), removed: yb.filter((y) => !ya.includes(y)) },
    values: { added, removed, revised: revisions.length, largest_revisions: revisions.slice(0, LARGEST_SHOWN) },
    municipalities: { gained: sorted([...ma].filter((m) => !mb.has(m))), lost: sorted([...mb].filter((m) => !ma.has(m))) },
    units: { gained: gainedUnits.length, lost: lostUnits.length, gained_ids: gainedUnits.slice(0, 50), lost_ids: lostUnits.slice(0, 50) },
  };
}

const num = (x: number) => new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 }).format(x);
const list = (ys: number[]) => (ys.length ? ys.join(", ") : "inga");

/** The summary a maintainer reads after `npm run data:update` (Swedish, like the pipeline's progress lines). */
export function formatChanges(c: Changes): string[] {
  const lines = [
    `uppdatering: data hämtade ${c.refreshed ?? "–"}${c.previous.exists ? ` (förra bygget: ${c.previous.refreshed ?? "–"})` : " (inget tidigare bygge att jämföra med)"}`,
    `  år med värden: ${c.years.after.length ? `${c.years.after[0]}–${c.years.after.at(-1)}` : "–"}; nya år: ${list(c.years.added)}; borttagna år: ${list(c.years.removed)}`,
    `  värden: ${c.values.added} nya, ${c.values.removed} borttagna, ${c.values.revised} reviderade`,
    ...c.values.largest_revisions.map((r) => `    ${r.kpi} ${r.municipality} ${r.year} ${r.gender}: ${num(r.old)} → ${num(r.new)}`),
    `  kommuner med värden: +${c.municipalities.gained.length}${c.municipalities.gained.length ? ` (${c.municipalities.gained.join(", ")})` : ""}, −${c.municipalities.lost.length}${c.municipalities.lost.length ? ` (${c.municipalities.lost.join(", ")})` : ""}`,
    `  enheter (verkliga): +${c.units.gained}, −${c.units.lost}`,
  ];
  return lines;
}
