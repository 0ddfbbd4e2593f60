// Kolada v3 endpoints (DESIGN.md §3.1): path-form data URLs only (the query-string form answers an empty
// 200), ≤ 25 ids per path segment with a split-in-half retry on HTTP 422, per_page paging via next_url
// (a repeated next_url is an error), empty answers where data was expected are errors, and every row is
// schema-validated.
import type { z } from "zod";
import { KoladaHttp, KoladaHttpError } from "./http";
import {
  dataRecordSchema, groupSchema, kpiSchema, ouDataRecordSchema, ouSchema, parseEnvelope, parseRows,
  type KoladaDataRecord, type KoladaGroup, type KoladaKpi, type KoladaOu, type KoladaOuDataRecord,
} from "./schema";

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

  /** Values for KPIs × municipalities × years (use "0000" for Riket). */
  fetchMunicipalityData(kpis: readonly string[], municipalities: readonly string[], years: readonly number[], o: FetchOptions = {}): Promise<KoladaDataRecord[]> {
    return this.segmented([[...kpis], [...municipalities], years.map(String)], (s) => this.dataUrl(s[0], s[1], s[2].map(Number)), "data", dataRecordSchema, o);
  }

  /** Unit (OU) values; `count` in each value is the number of respondents for survey KPIs. */
  fetchUnitData(kpis: readonly string[], ous: readonly string[], years: readonly number[], o: FetchOptions = {}): Promise<KoladaOuDataRecord[]> {
    return this.segmented([[...kpis], [...ous], years.map(String)], (s) => this.ouDataUrl(s[0], s[1], s[2].map(Number)), "oudata", ouDataRecordSchema, o);
  }

  fetchKpis(ids: readonly string[], o: FetchOptions = {}): Promise<KoladaKpi[]> {
    return this.segmented([[...ids]], (s) => this.kpiUrl(s[0]), "kpi", kpiSchema, o);
  }

  fetchMunicipalityGroups(o: FetchOptions = {}): Promise<KoladaGroup[]> {
    return this.pages(this.groupsUrl(), "municipality_groups", groupSchema, o);
  }

  /** Every OU Kolada lists for a municipality (all operating areas; filter with `isHomeCareUnit`). */
  fetchUnits(municipality: string, o: FetchOptions = {}): Promise<KoladaOu[]> {
    return this.pages(this.ouListUrl(municipality), "ou", ouSchema, o);
  }

  /** Chunk every id segment to ≤ maxIds and fetch each combination; on 422 split further. */
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
      if (!(error instanceof KoladaHttpError) || error.status !== 422) throw error;
      // 422 = too many ids for the server: halve the longest segment and try both halves.
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
  private async pages<S extends z.ZodType>(firstUrl: string, kind: EndpointKind, schema: S, o: FetchOptions): Promise<z.infer<S>[]> {
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
      out.push(...rows);
      url = env.next_url ? this.resolveNext(env.next_url, url) : null;
    }
    if (out.length === 0 && !o.allowEmpty) throw new KoladaEmptyError(firstUrl);
    return out;
  }

  /** Relative next_urls resolve against the page; Kolada's absolute ones are re-based onto an overridden base URL. */
  private resolveNext(next: string, current: string): string {
    const abs = new URL(next, current).toString();
    if (this.baseUrl !== DEFAULT_BASE_URL && abs.startsWith(`${DEFAULT_BASE_URL}/`)) {
      return this.baseUrl + abs.slice(DEFAULT_BASE_URL.length);
    }
    return abs;
  }
}
