// `--source live`: fetch everything the model needs from Kolada v3 into the same tables as the snapshot.
// Every validated raw page goes to a staging folder inside the cache; only a complete run moves the pages
// into the cache and writes index.json, so a failed or partial run never replaces good cached files.
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ALL_KPIS, UNIT_LEVEL_KPIS } from "../../kpis";
import { RIKET, type DataSet, type UnitRow } from "../../tables";
import { DEFAULT_BASE_URL, KoladaClient, type FetchedPage } from "./client";
import { KoladaHttp, type FetchLike, type HttpOptions } from "./http";
import { isHomeCareUnit, toIndicatorRows, toUnitRows, toUnitValueRows, toValueRows } from "./normalise";
import type { KoladaGroup, KoladaOu, KoladaOuDataRecord } from "./schema";

export interface LiveOptions {
  baseUrl?: string; // default: env KOLADA_BASE_URL, else https://api.kolada.se/v3
  years: number[];
  kpis?: readonly string[]; // default ALL_KPIS
  municipalities: string[]; // 4-character codes; Riket ("0000") is added for values
  cacheDir: string;
  fetchImpl?: FetchLike;
  now?: () => Date; // the fetch date written to `fetched_at`
  log?: (line: string) => void;
  totalTimeLimitMs?: number;
  /** Test hooks and tuning for the HTTP layer (sleep, timer, random, retries, rate). */
  http?: Omit<HttpOptions, "fetchImpl" | "log" | "totalTimeLimitMs">;
}

export interface LiveDataSet extends Omit<DataSet, "municipalities"> {
  /** /municipality_groups as fetched (kommungrupper, "Liknande kommuner äldreomsorg" peers). */
  groups: KoladaGroup[];
  /** Things that did not stop the run but must be reported (e.g. a municipality without listed units). */
  warnings: string[];
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

export async function fetchLiveDataSet(opts: LiveOptions): Promise<LiveDataSet> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const fetchedAt = (opts.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const kpis = [...(opts.kpis ?? ALL_KPIS)];
  const years = [...opts.years].sort((a, b) => a - b);
  const municipalities = [...new Set(opts.municipalities)].filter((m) => m !== RIKET).sort(); // Riket is added below
  if (years.length === 0) throw new Error("Kolada live: no years given");
  if (municipalities.length === 0) throw new Error("Kolada live: no municipalities given");
  const baseUrl = resolveBaseUrl(opts.baseUrl);
  const warnings: string[] = [];
  const warn = (line: string) => { warnings.push(line); log(`kolada: warning: ${line}`); };

  const http = new KoladaHttp({ ...opts.http, fetchImpl: opts.fetchImpl, log, totalTimeLimitMs: opts.totalTimeLimitMs });
  const cache = new CacheWriter(opts.cacheDir);
  const client = new KoladaClient({ http, baseUrl, onPage: (p) => cache.write(p) });
  const span = `${years[0]}–${years[years.length - 1]}`;
  log(`kolada: live from ${baseUrl}: ${kpis.length} KPIs, ${municipalities.length} municipalities + Riket, years ${span}`);

  try {
    // 1. KPI metadata: titles, has_ou_data, ended KPIs.
    const indicators = toIndicatorRows(await client.fetchKpis(kpis));
    const missingMeta = kpis.filter((k) => !indicators.some((i) => i.kpi === k));
    if (missingMeta.length) warn(`no KPI metadata for ${missingMeta.join(", ")}`);
    log(`kolada: KPI metadata: ${indicators.length} KPIs (${indicators.filter((i) => i.ended).length} ended, ${indicators.filter((i) => i.has_ou_data).length} with unit data)`);

    // 2. Municipality groups (kommungrupper and peer groups).
    const groups = await client.fetchMunicipalityGroups();
    log(`kolada: municipality groups: ${groups.length}`);

    // 3. Municipality values incl. Riket; an empty answer here is always an error.
    const values = toValueRows(await client.fetchMunicipalityData(kpis, [...municipalities, RIKET], years), fetchedAt);
    const missing = values.filter((v) => v.value === null).length;
    log(`kolada: municipality values: ${values.length} rows (${missing} missing with reason), years ${span}`);

    // 4. Hemtjänst units per municipality.
    const unitsByMunicipality = new Map<string, KoladaOu[]>();
    for (const m of municipalities) {
      const ous = (await client.fetchUnits(m, { allowEmpty: true })).filter((ou) => isHomeCareUnit(ou));
      if (ous.length === 0) warn(`no hemtjänst units (V21E…) listed for municipality ${m}`);
      unitsByMunicipality.set(m, ous);
    }
    const units: UnitRow[] = toUnitRows([...unitsByMunicipality.values()].flat());
    log(`kolada: units: ${units.length} hemtjänst units in ${[...unitsByMunicipality.values()].filter((u) => u.length).length} municipalities`);

    // 5. Unit values, only for unit-level KPIs that Kolada says have OU data.
    const ouKpis = kpis.filter((k) => UNIT_LEVEL_KPIS.includes(k) && indicators.some((i) => i.kpi === k && i.has_ou_data));
    const skipped = kpis.filter((k) => UNIT_LEVEL_KPIS.includes(k) && !ouKpis.includes(k));
    if (skipped.length) log(`kolada: unit values: skipping ${skipped.length} KPIs without OU data (${skipped.join(", ")})`);
    const ouRecords: KoladaOuDataRecord[] = [];
    if (ouKpis.length) {
      for (const [m, ous] of unitsByMunicipality) {
        if (ous.length === 0) continue;
        // Units can be listed but have no values for these years (new or closed units), and a KPI chunk can
        // be empty for some units: allow empty chunks, but report a municipality whose units gave nothing.
        const records = await client.fetchUnitData(ouKpis, ous.map((o) => o.id), years, { allowEmpty: true });
        if (records.length === 0) warn(`no unit values for municipality ${m} (${ous.length} units)`);
        ouRecords.push(...records);
      }
    }
    const unitValues = toUnitValueRows(ouRecords);
    log(`kolada: unit values: ${unitValues.length} rows for ${ouKpis.length} KPIs (${unitValues.filter((v) => v.value === null).length} missing with reason)`);

    cache.commit({ fetched_at: fetchedAt, base_url: baseUrl, years, kpis, municipalities, requests: http.attempts });
    log(`kolada: cached ${cache.entries.length} raw pages in ${opts.cacheDir} (${http.attempts} HTTP requests)`);
    return { indicators, values, units, unitValues, groups, warnings, fetchedAt, baseUrl, requests: http.attempts };
  } catch (error) {
    cache.discard();
    throw error;
  }
}
