// `--source live`: fetch everything the model needs from Kolada v3 into the same tables as the snapshot.
// Every validated raw page goes to a staging folder inside the cache; only a complete run moves the pages
// into the cache and writes index.json, so a failed or partial run never replaces good cached files.
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LIVE_KPIS, UNIT_LEVEL_KPIS } from "../../kpis";
import { RIKET, type DataSet, type UnitRow } from "../../tables";
import { DEFAULT_BASE_URL, KoladaClient, type FetchedPage, type ListedOu } from "./client";
import { KoladaHttp, type FetchLike, type HttpOptions } from "./http";
import {
  chooseHomeCareUnits, publishedThrough as publishedThrough_, toIndicatorRows, toUnitRows, toUnitValueRows, toValueRows,
} from "./normalise";
import type { KoladaDataRecord, KoladaGroup, KoladaOuDataRecord } from "./schema";

export interface LiveOptions {
  baseUrl?: string; // default: env KOLADA_BASE_URL, else https://api.kolada.se/v3
  /** Years to ask for; default DEFAULT_FIRST_YEAR through the newest year Kolada has published. */
  years?: number[];
  kpis?: readonly string[]; // default LIVE_KPIS
  municipalities: string[]; // 4-character codes; Riket ("0000") is added for values
  cacheDir: string;
  fetchImpl?: FetchLike;
  now?: () => Date; // the fetch date written to `fetched_at`
  log?: (line: string) => void;
  totalTimeLimitMs?: number;
  /** Test hooks and tuning for the HTTP layer (sleep, timer, random, retries, rate). */
  http?: Omit<HttpOptions, "fetchImpl" | "log" | "totalTimeLimitMs">;
}

/** First year fetched when no --years are given: the span the model and pages use. */
export const DEFAULT_FIRST_YEAR = 2019;

export interface LiveDataSet extends Omit<DataSet, "municipalities"> {
  /** /municipality_groups as fetched (kommungrupper, "Liknande kommuner äldreomsorg" peers). */
  groups: KoladaGroup[];
  /** Things that did not stop the run but must be reported (e.g. a municipality without listed units). */
  warnings: string[];
  /** Expected gaps, said once: a year not yet published, a year without data (no survey in 2021). */
  notices: string[];
  /** Distinct value statuses met (municipality and unit values) and how often. */
  statuses: Record<string, number>;
  /** Newest year Kolada has published per KPI (from /kpi metadata; absent = unknown). */
  publishedThrough: Record<string, number>;
  fetchedAt: string; // YYYY-MM-DD
  baseUrl: string;
  requests: number; // HTTP attempts including retries
}

interface CacheEntry { file: string; url: string; kind: string; rows: number }

/** Collects validated pages in a staging folder; `commit` moves them into the cache in one go. */
class CacheWriter {
  readonly staging: string;
  readonly entries: CacheEntry[] = [];
  constructor(readonly dir: string) {
    this.staging = path.join(dir, `.partial-${process.pid}-${Date.now().toString(36)}`);
    mkdirSync(this.staging, { recursive: true });
  }

  write(page: FetchedPage): void {
    const hash = createHash("sha256").update(page.url).digest("hex").slice(0, 16);
    const file = `${page.kind}/${hash}.json`;
    const target = path.join(this.staging, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(`${target}.tmp`, page.text);
    renameSync(`${target}.tmp`, target);
    this.entries.push({ file, url: page.url, kind: page.kind, rows: page.rows });
  }

  commit(meta: Record<string, unknown>): void {
    for (const e of this.entries) {
      const target = path.join(this.dir, e.file);
      mkdirSync(path.dirname(target), { recursive: true });
      renameSync(path.join(this.staging, e.file), target); // atomic per file; same file system
    }
    const index = path.join(this.dir, "index.json");
    writeFileSync(`${index}.tmp`, `${JSON.stringify({ ...meta, pages: this.entries }, null, 2)}\n`);
    renameSync(`${index}.tmp`, index);
    rmSync(this.staging, { recursive: true, force: true });
  }

  discard(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}

export function resolveBaseUrl(option?: string): string {
  return option ?? process.env.KOLADA_BASE_URL ?? DEFAULT_BASE_URL;
}

/** "2019–2022" for a sorted list. */
function spanOf(years: readonly number[]): string {
  return years.length ? `${years[0]}–${years[years.length - 1]}` : "–";
}

export async function fetchLiveDataSet(opts: LiveOptions): Promise<LiveDataSet> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const fetchedAt = (opts.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const kpis = [...(opts.kpis ?? LIVE_KPIS)];
  const municipalities = [...new Set(opts.municipalities)].filter((m) => m !== RIKET).sort(); // Riket is added below
  if (opts.years && opts.years.length === 0) throw new Error("Kolada live: no years given");
  if (municipalities.length === 0) throw new Error("Kolada live: no municipalities given");
  const baseUrl = resolveBaseUrl(opts.baseUrl);
  const warnings: string[] = [];
  const notices: string[] = [];
  const warn = (line: string) => { warnings.push(line); log(`kolada: warning: ${line}`); };
  const notice = (line: string) => { notices.push(line); log(`kolada: notice: ${line}`); };

  const http = new KoladaHttp({ ...opts.http, fetchImpl: opts.fetchImpl, log, totalTimeLimitMs: opts.totalTimeLimitMs });
  const cache = new CacheWriter(opts.cacheDir);
  const client = new KoladaClient({ http, baseUrl, onPage: (p) => cache.write(p) });

  log(`kolada: live from ${baseUrl}: ${kpis.length} KPIs, ${municipalities.length} municipalities + Riket`);
  try {
    // 1. KPI metadata: titles, has_ou_data, ended KPIs, and how far each KPI is published.
    const meta = await client.fetchKpis(kpis);
    const indicators = toIndicatorRows(meta);
    const missingMeta = kpis.filter((k) => !indicators.some((i) => i.kpi === k));
    if (missingMeta.length) warn(`no KPI metadata for ${missingMeta.join(", ")}`);
    log(`kolada: KPI metadata: ${indicators.length} KPIs (${indicators.filter((i) => i.ended).length} ended, ${indicators.filter((i) => i.has_ou_data).length} with unit data)`);
    const publishedThrough: Record<string, number> = {};
    for (const k of meta) {
      const y = publishedThrough_(k, fetchedAt);
      if (y !== null) publishedThrough[k.id] = y;
    }
    const newest = Math.max(...Object.values(publishedThrough), -Infinity);
    const years = [...(opts.years ?? (Number.isFinite(newest)
      ? Array.from({ length: Math.max(0, newest - DEFAULT_FIRST_YEAR + 1) }, (_, i) => DEFAULT_FIRST_YEAR + i)
      : []))].sort((a, b) => a - b);
    if (years.length === 0) throw new Error(`Kolada live: no years to fetch (no --years given and /kpi metadata names no published period)`);

    // Ask each KPI only for the years Kolada has published; a later year is a notice, not an error.
    const yearsOf = (kpi: string) => years.filter((y) => publishedThrough[kpi] === undefined || y <= publishedThrough[kpi]);
    const unpublished = new Map<number, string[]>();
    for (const k of kpis) for (const y of years) if (!yearsOf(k).includes(y)) unpublished.set(y, [...(unpublished.get(y) ?? []), k]);
    for (const [y, list] of [...unpublished].sort(([a], [b]) => a - b)) {
      notice(`${y} is not yet published by Kolada for ${list.length} KPIs (${list.slice(0, 6).join(", ")}${list.length > 6 ? ", …" : ""}); not asked`);
    }
    const byYears = new Map<string, string[]>(); // KPIs grouped by the years they are asked for
    for (const k of kpis) {
      const ys = yearsOf(k);
      if (ys.length) byYears.set(ys.join(","), [...(byYears.get(ys.join(",")) ?? []), k]);
    }
    log(`kolada: years ${spanOf(years)}${opts.years ? "" : " (newest published)"}, ${byYears.size} request group(s) by published span`);

    // 2. Municipality groups (kommungrupper and peer groups).
    const groups = await client.fetchMunicipalityGroups();
    log(`kolada: municipality groups: ${groups.length}`);

    // 3. Municipality values incl. Riket. An empty answer for a whole request is an error (a wrong URL form
    //    answers 200 with no rows); a single year without any value is a notice (no survey in 2021).
    const records: KoladaDataRecord[] = [];
    for (const [ys, list] of byYears) {
      records.push(...(await client.fetchMunicipalityData(list, [...municipalities, RIKET], ys.split(",").map(Number))));
    }
    const values = toValueRows(records, fetchedAt);
    const seenYears = new Set(values.map((v) => v.year));
    for (const y of years) if (!seenYears.has(y) && !unpublished.has(y)) notice(`no municipality values at all for ${y}`);
    const statuses: Record<string, number> = {};
    const countStatus = (s: string | null) => { if (s) statuses[s] = (statuses[s] ?? 0) + 1; };
    values.forEach((v) => countStatus(v.status));
    log(`kolada: municipality values: ${values.length} rows (${values.filter((v) => v.value === null).length} missing), years ${spanOf(years)}, ${client.withdrawn} withdrawn entries dropped`);

    // 4. Hemtjänst units, chosen by what they hold: every unit holding a value of the unit-level hemtjänst
    //    KPIs (asked per KPI and year, all municipalities: small answers, DESIGN.md §3.1 on 504s), then
    //    matched against each municipality's unit list.
    const ouKpis = kpis.filter((k) => UNIT_LEVEL_KPIS.includes(k) && indicators.some((i) => i.kpi === k && i.has_ou_data));
    const skipped = kpis.filter((k) => UNIT_LEVEL_KPIS.includes(k) && !ouKpis.includes(k));
    if (skipped.length) log(`kolada: unit values: skipping ${skipped.length} KPIs without OU data (${skipped.join(", ")})`);
    const lists = new Map<string, ListedOu[]>();
    for (const m of municipalities) lists.set(m, await client.fetchUnitList(m, { allowEmpty: true }));
    const listed = new Set([...lists.values()].flat().map((e) => (e.raw as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === "string"));
    const ouRecords: KoladaOuDataRecord[] = [];
    for (const k of ouKpis) {
      for (const y of yearsOf(k)) {
        for (const r of await client.fetchUnitDataByKpi([k], [y], { allowEmpty: true })) if (listed.has(r.ou)) ouRecords.push(r);
      }
    }
    const holders = new Set(ouRecords.filter((r) => r.values.some((v) => v.value !== null)).map((r) => r.ou));
    const choice = chooseHomeCareUnits(lists, holders);
    for (const line of choice.skipped) warn(`unit skipped: ${line}`);
    const chosen = new Set(choice.units.map((u) => u.id));
    for (const m of municipalities) if (!choice.units.some((u) => u.municipality === m)) notice(`no hemtjänst unit with values listed for municipality ${m}`);
    const units: UnitRow[] = toUnitRows(choice.units);
    log(`kolada: units: ${units.length} hemtjänst units (holding values) in ${new Set(units.map((u) => u.municipality)).size} municipalities; ` +
      `${choice.notHolding} other listed entries hold no hemtjänst value (${choice.hintedWithoutValues.length} of them with a V21 id); ` +
      `${choice.chosenWithoutHint.length} chosen units lack the V21 id hint`);

    // 5. Unit values of the chosen units. Respondents are unknown (Kolada has no per-unit count).
    const unitValues = toUnitValueRows(ouRecords.filter((r) => chosen.has(r.ou)));
    unitValues.forEach((v) => countStatus(v.status));
    log(`kolada: unit values: ${unitValues.length} rows for ${ouKpis.length} KPIs (${unitValues.filter((v) => v.value === null).length} missing); respondents unknown (not in Kolada)`);
    log(`kolada: statuses met: ${Object.keys(statuses).length ? Object.entries(statuses).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `"${k}" ×${n}`).join(", ") : "none"}`);

    cache.commit({ fetched_at: fetchedAt, base_url: baseUrl, years, kpis, municipalities, requests: http.attempts });
    log(`kolada: cached ${cache.entries.length} raw pages in ${opts.cacheDir} (${http.attempts} HTTP requests)`);
    return {
      indicators, values, units, unitValues, groups, warnings, notices, statuses, publishedThrough,
      fetchedAt, baseUrl, requests: http.attempts,
    };
  } catch (error) {
    cache.discard();
    throw error;
  }
}
