// Kolada v3 endpoints (DESIGN.md §3.1): path-form data URLs only (the query-string form answers an empty
// 200), ≤ 25 ids per path segment with a split-in-half retry when a long path is refused (HTTP 400, 414
// or 422), per_page paging via next_url (re-based onto the configured host; a repeated next_url is an
// error), empty answers where data was expected are errors, every row is schema-validated, and withdrawn
// values (isdeleted) are dropped before anything else sees them.
import type { z } from "zod";
import { KoladaHttp, KoladaHttpError } from "./http";
import {
  dataRecordSchema, groupSchema, kpiSchema, ouDataRecordSchema, ouSchema, parseEnvelope, parseRows,
  type KoladaDataRecord, type KoladaGroup, type KoladaKpi, type KoladaOuDataRecord, type KoladaValueEntry,
} from "./schema";
import { z as zod } from "zod";

export const DEFAULT_BASE_URL = "https://api.kolada.se/v3";
export const MAX_IDS_PER_SEGMENT = 25;
export const MAX_PER_PAGE = 5000;

export type EndpointKind = "kpi" | "municipality_groups" | "data" | "ou" | "oudata";

/** One validated page, handed to `onPage` (the live fetch writes it to the cache). */
export interface FetchedPage { kind: EndpointKind; url: string; text: string; rows: number }

export interface KoladaClientOptions {
  http: KoladaHttp;
  baseUrl?: string;
  perPage?: number; // ≤ 5000
  maxIdsPerSegment?: number; // ≤ 25
  onPage?: (page: FetchedPage) => void | Promise<void>;
}

export interface FetchOptions {
  /** An empty result is normally an error (a wrong URL form also answers 200 with no rows). */
  allowEmpty?: boolean;
}

/** Statuses that mean "this path is too long for the server": split the longest segment and retry. */
export const SPLIT_STATUSES: ReadonlySet<number> = new Set([400, 414, 422]);

/** One entry of a unit list as sent, with where it came from (validated only once it is chosen). */
export interface ListedOu { raw: unknown; url: string; row: number }

/**
 * Drops withdrawn values (isdeleted: true), and records left with no values, then checks that what
 * remains is unique per (kpi, area, period, gender): Kolada can send a withdrawn entry beside the
 * current one, and keeping the wrong one would publish a withdrawn number. Identical repeats collapse;
 * two different current values for one key stop the run with the key named.
 */
export function dropWithdrawn<R extends { kpi: string; period: number; values: KoladaValueEntry[] }>(records: readonly R[], area: (r: R) => string): { records: R[]; withdrawn: number } {
  const seen = new Map<string, KoladaValueEntry>();
  const out: R[] = [];
  let withdrawn = 0;
  for (const r of records) {
    const values: KoladaValueEntry[] = [];
    for (const v of r.values) {
      if (v.isdeleted) { withdrawn++; continue; }
      const key = `${r.kpi}|${area(r)}|${r.period}|${v.gender}`;
      const prev = seen.get(key);
      if (prev) {
        if (prev.value === v.value && (prev.status ?? "") === (v.status ?? "")) continue;
        throw new Error(`Kolada: two current (not withdrawn) values for ${key}: ${prev.value} and ${v.value}`);
      }
      seen.set(key, v);
      values.push(v);
    }
    if (values.length) out.push({ ...r, values });
  }
  return { records: out, withdrawn };
}

export class KoladaEmptyError extends Error {
  constructor(readonly url: string) {
    super(`Kolada: empty answer (values: []) where data was expected: ${url}`);
    this.name = "KoladaEmptyError";
  }
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error("chunk size must be ≥ 1");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Ids go into URL paths: allow only what Kolada ids look like, so nothing can alter the path. */
function segment(ids: readonly (string | number)[], what: string): string {
  if (ids.length === 0) throw new Error(`Kolada: no ${what} ids given`);
  for (const id of ids) {
    if (!/^[A-Za-z0-9]+$/.test(String(id))) throw new Error(`Kolada: invalid ${what} id "${id}"`);
  }
  return ids.join(",");
}

function cartesian<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}

export class KoladaClient {
  readonly baseUrl: string;
  private readonly perPage: number;
  private readonly maxIds: number;

  constructor(private readonly opts: KoladaClientOptions) {
    this.baseUrl = (opts.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
    this.perPage = Math.min(opts.perPage ?? MAX_PER_PAGE, MAX_PER_PAGE);
    this.maxIds = Math.min(opts.maxIdsPerSegment ?? MAX_IDS_PER_SEGMENT, MAX_IDS_PER_SEGMENT);
  }

  dataUrl(kpis: readonly string[], municipalities: readonly string[], years: readonly number[]): string {
    return `${this.baseUrl}/data/kpi/${segment(kpis, "KPI")}/municipality/${segment(municipalities, "municipality")}/year/${segment(years, "year")}?per_page=${this.perPage}`;
  }

  /** Every unit holding values for these KPIs and years, all municipalities (how units are chosen). */
  ouDataByKpiUrl(kpis: readonly string[], years: readonly number[]): string {
    return `${this.baseUrl}/oudata/kpi/${segment(kpis, "KPI")}/year/${segment(years, "year")}?per_page=${this.perPage}`;
  }

  ouDataUrl(kpis: readonly string[], ous: readonly string[], years: readonly number[]): string {
    return `${this.baseUrl}/oudata/kpi/${segment(kpis, "KPI")}/ou/${segment(ous, "OU")}/year/${segment(years, "year")}?per_page=${this.perPage}`;
  }

  kpiUrl(ids: readonly string[]): string {
    return `${this.baseUrl}/kpi/${segment(ids, "KPI")}?per_page=${this.perPage}`;
  }

  groupsUrl(): string {
    return `${this.baseUrl}/municipality_groups?per_page=${this.perPage}`;
  }

  ouListUrl(municipality: string): string {
    return `${this.baseUrl}/ou?municipality=${segment([municipality], "municipality")}&per_page=${this.perPage}`;
  }

  /** Values for KPIs × municipalities × years (use "0000" for Riket); withdrawn entries already dropped. */
  async fetchMunicipalityData(kpis: readonly string[], municipalities: readonly string[], years: readonly number[], o: FetchOptions = {}): Promise<KoladaDataRecord[]> {
    const raw = await this.segmented([[...kpis], [...municipalities], years.map(String)], (s) => this.dataUrl(s[0], s[1], s[2].map(Number)), "data", dataRecordSchema, o);
    return this.noteWithdrawn(dropWithdrawn(raw, (r) => r.municipality));
  }

  /** Unit (OU) values for given units; withdrawn entries dropped. `count` is NOT a number of respondents. */
  async fetchUnitData(kpis: readonly string[], ous: readonly string[], years: readonly number[], o: FetchOptions = {}): Promise<KoladaOuDataRecord[]> {
    const raw = await this.segmented([[...kpis], [...ous], years.map(String)], (s) => this.ouDataUrl(s[0], s[1], s[2].map(Number)), "oudata", ouDataRecordSchema, o);
    return this.noteWithdrawn(dropWithdrawn(raw, (r) => r.ou));
  }

  /** Unit values of every unit that holds any, for KPIs × years (all municipalities); withdrawn dropped. */
  async fetchUnitDataByKpi(kpis: readonly string[], years: readonly number[], o: FetchOptions = {}): Promise<KoladaOuDataRecord[]> {
    const raw = await this.segmented([[...kpis], years.map(String)], (s) => this.ouDataByKpiUrl(s[0], s[1].map(Number)), "oudata", ouDataRecordSchema, o);
    return this.noteWithdrawn(dropWithdrawn(raw, (r) => r.ou));
  }

  /** Withdrawn values dropped so far (for the run's log). */
  withdrawn = 0;
  private noteWithdrawn<R>(r: { records: R[]; withdrawn: number }): R[] {
    this.withdrawn += r.withdrawn;
    return r.records;
  }

  fetchKpis(ids: readonly string[], o: FetchOptions = {}): Promise<KoladaKpi[]> {
    return this.segmented([[...ids]], (s) => this.kpiUrl(s[0]), "kpi", kpiSchema, o);
  }

  fetchMunicipalityGroups(o: FetchOptions = {}): Promise<KoladaGroup[]> {
    return this.pages(this.groupsUrl(), "municipality_groups", groupSchema, o);
  }

  /**
   * Every OU Kolada lists for a municipality (schools, LSS, särskilt boende…), unvalidated: the caller
   * chooses the hemtjänst units by what they hold and validates only those (chooseHomeCareUnits), so an
   * odd entry of another kind can never stop the run.
   */
  async fetchUnitList(municipality: string, o: FetchOptions = {}): Promise<ListedOu[]> {
    const out: ListedOu[] = [];
    await this.pages(this.ouListUrl(municipality), "ou", zod.unknown(), o, (url, rows) => {
      rows.forEach((raw, row) => out.push({ raw, url, row }));
    });
    return out;
  }

  /** Chunk every id segment to ≤ maxIds and fetch each combination; on 400/414/422 split further. */
  private async segmented<S extends z.ZodType>(
    segments: string[][], build: (s: string[][]) => string, kind: EndpointKind, schema: S, o: FetchOptions,
  ): Promise<z.infer<S>[]> {
    const out: z.infer<S>[] = [];
    for (const combo of cartesian(segments.map((s) => chunk(s, this.maxIds)))) {
      out.push(...(await this.withSplit(combo, build, kind, schema, o.allowEmpty ?? false)));
    }
    return out;
  }

  private async withSplit<S extends z.ZodType>(
    segs: string[][], build: (s: string[][]) => string, kind: EndpointKind, schema: S, allowEmpty: boolean,
  ): Promise<z.infer<S>[]> {
    const url = build(segs);
    try {
      return await this.pages(url, kind, schema, { allowEmpty });
    } catch (error) {
      if (!(error instanceof KoladaHttpError) || !SPLIT_STATUSES.has(error.status)) throw error;
      // A refused long path (Kolada has answered 400; 414/422 from proxies and newer versions):
      // halve the longest segment and try both halves.
      let longest = 0;
      segs.forEach((s, i) => { if (s.length > segs[longest].length) longest = i; });
      if (segs[longest].length < 2) throw new Error(`${error.message} (cannot split further: one id per segment)`);
      const mid = Math.ceil(segs[longest].length / 2);
      const halves = [segs[longest].slice(0, mid), segs[longest].slice(mid)];
      const out: z.infer<S>[] = [];
      // A half may be legitimately empty; the two halves together must not be (unless allowed).
      for (const half of halves) {
        const next = segs.map((s, i) => (i === longest ? half : s));
        out.push(...(await this.withSplit(next, build, kind, schema, true)));
      }
      if (out.length === 0 && !allowEmpty) throw new KoladaEmptyError(url);
      return out;
    }
  }

  /** Follow next_url until null; validate each page before handing it on. */
  private async pages<S extends z.ZodType>(
    firstUrl: string, kind: EndpointKind, schema: S, o: FetchOptions, perPage?: (url: string, rows: z.infer<S>[]) => void,
  ): Promise<z.infer<S>[]> {
    const seen = new Set<string>();
    const out: z.infer<S>[] = [];
    let url: string | null = firstUrl;
    while (url) {
      if (seen.has(url)) throw new Error(`Kolada: next_url loop, ${url} was already fetched (first page ${firstUrl})`);
      seen.add(url);
      const res = await this.opts.http.getJson(url);
      const env = parseEnvelope(url, res.body);
      const rows = parseRows(url, env.values, schema);
      await this.opts.onPage?.({ kind, url, text: res.text, rows: rows.length });
      perPage?.(url, rows);
      out.push(...rows);
      url = env.next_url ? this.resolveNext(env.next_url, url) : null;
    }
    if (out.length === 0 && !o.allowEmpty) throw new KoladaEmptyError(firstUrl);
    return out;
  }

  /**
   * next_url is re-based onto the configured host: its path and query are kept, its scheme, host and port
   * never followed (a mirror or test server can hand out its public name; we must not leave the host
   * we were pointed at). A path outside the configured base path is an error.
   */
  resolveNext(next: string, current: string): string {
    const given = new URL(next, current);
    const base = new URL(`${this.baseUrl}/`);
    // The part after the API root: after our own base path, else after Kolada's "/v3/" (a mirror's base
    // path can differ from the one the server writes into next_url).
    const v3 = given.pathname.indexOf("/v3/");
    const rest = given.pathname.startsWith(base.pathname) ? given.pathname.slice(base.pathname.length)
      : v3 >= 0 ? given.pathname.slice(v3 + 4) : null;
    if (rest === null) throw new Error(`Kolada: next_url ${next} is outside the API (${base.pathname}…) (page ${current})`);
    return `${base.origin}${base.pathname}${rest}${given.search}`;
  }
}
