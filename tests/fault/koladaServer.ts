// A real HTTP server on 127.0.0.1 that speaks enough Kolada v3 (DESIGN.md §3.1) for the live fetcher to
// complete a run end to end, with scripted faults. Values are generated deterministically from
// (KPI, municipality/unit, year, gender), for any of the 290 municipalities, so a test can say exactly
// what the server served and compare it with what the pipeline published.
//
// Routes: /v3/kpi/{ids}, /v3/municipality_groups, /v3/data/kpi/{kpis}/municipality/{ids}/year/{years},
// /v3/ou?municipality=…, /v3/oudata/kpi/{kpis}/ou/{ids}/year/{years}, /v3/oudata/kpi/{kpis}/year/{years};
// all paged with per_page/page and next_url. More than `maxIdsPerSegment` ids in one path segment answers
// `longPathStatus` (422 by default; Kolada's documented answer is 400).
// Always on, as the real API does (DESIGN.md §3.1, ../shared/data/kolada/v3-recorded/): inner count 1/0 (never
// respondents), "Missing" beside null values, withdrawn (isdeleted) entries sent before the current ones,
// unit lists holding schools, särskilt boende, odd entries, hemtjänst units without values and a hemtjänst
// unit whose id lacks the usual V21 prefix, and years after `publishedThrough` that hold no data.
import { createHash } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isShareKpi, SURVEY_KPIS, UNIT_LEVEL_KPIS } from "../../src/pipeline/kpis";

export type EndpointKind = "kpi" | "municipality_groups" | "data" | "ou" | "oudata";

export type Fault =
  | { type: "status"; status: number; retryAfter?: string } // 429 / 5xx, with or without Retry-After
  | { type: "hang" } // accept the request, never answer
  | { type: "stall" } // headers and half the body, then nothing more
  | { type: "reset" } // headers and half the body, then a TCP reset
  | { type: "truncate" } // a complete HTTP 200 whose JSON body is cut off
  | { type: "rename"; level: "envelope" | "row" | "value"; from: string; to: string } // schema drift
  | { type: "empty" } // HTTP 200 with values: [] where data exists
  | { type: "loop" } // next_url points back to the first page
  | { type: "mojibake" } // names double-encoded UTF-8 ("HemtjÃ¤nst")
  | { type: "value"; value: number; kpi: string; within?: string } // one value replaced (e.g. 250 for a share); `within`: unit id prefix
  | { type: "foreignNext" }; // next_url names another host (the client must stay on its own)

export interface FaultRule {
  kind: EndpointKind;
  fault: Fault;
  /** How many matching requests get the fault; default 1, Infinity for every one. */
  times?: number;
  /** Only requests whose path and query contain this text (a KPI id, "page=2", …). */
  match?: string;
}

export interface ReferenceMunicipality {
  code: string;
  name: string;
  kommungrupp: string;
  kommungrupp_id: string;
  peer_group_id: string;
  peers: string; // "0115;0117;…"
}

export interface ServerOptions {
  municipalities: ReferenceMunicipality[];
  faults?: FaultRule[];
  /** Largest page the server hands out, whatever per_page asks for (so paging happens). Default 60. */
  pageSize?: number;
  /** More ids than this in one path segment answers HTTP `longPathStatus`. Default 25 (Kolada's known-good limit). */
  maxIdsPerSegment?: number;
  /** Status for a too-long path: 422 by default; 400 as Kolada's documented API, 414 from proxies. */
  longPathStatus?: number;
  /** Newest year with data; later years answer nothing, and /kpi says the next one comes out in the future. Default 2022. */
  publishedThrough?: number;
}

/** One value as it went over the wire in a complete HTTP 200 answer. */
export interface ServedValue { value: number | null; status: string; count: number | null }
export interface ServedUnit { municipality: string; title: string }

/** A unit list entry as the server lists it (any kind; may be odd on purpose). */
export interface ListedUnit { id?: string; municipality?: string; title?: string; hemtjanst: boolean }

export interface RequestLogEntry { at: number; kind: EndpointKind | "unknown"; path: string; outcome: string }

export interface FaultLogEntry { kind: EndpointKind; fault: Fault["type"]; path: string }

const RIKET = "0000";
const GENDERED = new Set<string>(SURVEY_KPIS);
const UNIT_KPIS = new Set<string>(UNIT_LEVEL_KPIS);
/** Counts (persons, respondents, population): whole numbers, not shares. */
const COUNT_KPIS = new Set(["U23592", "N21702", "N21826", "N01951", "N01956", "N01957", "N21006", "N21024"]);

/** Deterministic fraction in [0, 1) from a key. */
export function fraction(key: string): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) / 2 ** 32;
}
const round1 = (x: number) => Math.round(x * 10) / 10;

export function kpiTitle(id: string): string {
  if (id === "U21401") return "Personalkontinuitet, antal personal som en hemtjänsttagare 65+ möter under 14 dagar, medelvärde (- 2024)";
  if (GENDERED.has(id)) return `Brukarbedömning hemtjänst äldreomsorg – fråga ${id}, andel (%)`;
  if (id.startsWith("U2134")) return `Välfärdsteknik i ordinärt boende ${id}, (0 nej, 1 test, 2 breddinfört)`;
  return `Nyckeltal ${id} för äldreomsorgen – hemtjänst`;
}

/** The value the server has for a KPI, municipality or unit, year and gender (value null = missing). */
export function valueFor(kpi: string, id: string, year: number, gender: string): ServedValue {
  const key = `${kpi}|${id}|${year}|${gender}`;
  const f = fraction(key);
  const g = fraction(`status|${key}`);
  if (g < 0.03) return { value: null, status: "Missing", count: 0 }; // as Kolada sends a missing value
  if (g < 0.05) return { value: null, status: "", count: 0 }; // null without a status
  let value: number;
  if (COUNT_KPIS.has(kpi)) value = 50 + Math.floor(f * 5000);
  else if (kpi.startsWith("U2134")) value = Math.floor(f * 3);
  else if (kpi === "U21401") value = round1(6 + f * 14);
  else if (isShareKpi(kpi)) value = round1(40 + f * 58);
  else value = round1(1 + f * 9);
  // A status beside a real value (constructed text: real statuses other than "Missing" are unverified).
  const status = g > 0.98 ? "Testnotering" : "";
  return { value, status, count: 1 };
}

/** Whether a withdrawn entry is sent before the current one for this key (about 4 %). */
export function hasWithdrawn(kpi: string, id: string, year: number, gender: string): boolean {
  return fraction(`withdrawn|${kpi}|${id}|${year}|${gender}`) < 0.04;
}

const DISTRICTS = ["Södra", "Norra", "Östra", "Västra", "Centrum", "Åsen", "Älvsidan", "Hägern"];

/**
 * Everything the server lists for a municipality: a school, a särskilt boende, 2–4 hemtjänst units (V21E…),
 * every fifth municipality a hemtjänst unit whose id lacks the V21 prefix, every seventh a V21E unit that
 * holds no values (closed), and odd entries that must not stop the run (empty title, no municipality, no id).
 */
export function unitsFor(m: ReferenceMunicipality): ListedUnit[] {
  const n = 2 + Math.floor(fraction(`units|${m.code}`) * 3);
  const units: ListedUnit[] = Array.from({ length: n }, (_, i) => {
    const district = DISTRICTS[Math.floor(fraction(`d|${m.code}|${i}`) * DISTRICTS.length)];
    const title = i % 3 === 2 ? `Förenade Care Hemtjänst ${district} AB` : `Hemtjänst ${district} ${i + 1}, ${m.name}`;
    return { id: `V21E${m.code}${String(101 + i).padStart(5, "0")}`, municipality: m.code, title, hemtjanst: true };
  });
  const idx = Number(m.code);
  if (idx % 5 === 0) units.push({ id: `H${m.code}0042`, municipality: m.code, title: `Hemtjänsten Linden, ${m.name}`, hemtjanst: true });
  if (idx % 7 === 0) units.push({ id: `V21E${m.code}00999`, municipality: m.code, title: `Hemtjänst Nedlagd, ${m.name}`, hemtjanst: false });
  return [
    { id: `V15E${m.code}00101`, municipality: m.code, title: `Skolan i ${m.name}`, hemtjanst: false },
    { id: `V23E${m.code}00201`, municipality: m.code, title: `Äldreboendet Solgården, ${m.name}`, hemtjanst: false },
    ...units,
    { id: `V23E${m.code}00202`, municipality: m.code, title: "", hemtjanst: false },
    { id: `V25E${m.code}00301`, title: `LSS-boende utan kommunkod`, hemtjanst: false },
    { municipality: m.code, title: "Post utan id", hemtjanst: false },
  ];
}

/** Units that hold hemtjänst values (the ones a correct client publishes). */
export function homeCareUnitsFor(m: ReferenceMunicipality): { id: string; municipality: string; title: string }[] {
  return unitsFor(m).filter((u) => u.hemtjanst).map((u) => ({ id: u.id!, municipality: u.municipality!, title: u.title! }));
}

/** UTF-8 bytes read as Latin-1 and encoded again: "ä" → "Ã¤". */
export function doubleEncode(text: string): string {
  return Buffer.from(text, "utf8").toString("latin1");
}

type Row = Record<string, unknown>;

function ids(segment: string): string[] {
  return decodeURIComponent(segment).split(",").filter((s) => s.length > 0);
}

export class KoladaFaultServer {
  private server: http.Server | null = null;
  private readonly rules: { rule: FaultRule; left: number }[];
  private readonly byCode: Map<string, ReferenceMunicipality>;
  private readonly unitsByCode = new Map<string, ListedUnit[]>();
  private readonly unitById = new Map<string, ListedUnit>();
  private readonly open = new Set<ServerResponse>();
  origin = "";
  /** Kolada base URL to hand to the fetcher, e.g. http://127.0.0.1:41234/v3 */
  url = "";
  faultsInjected = 0;
  readonly faultLog: FaultLogEntry[] = [];
  readonly requests: RequestLogEntry[] = [];
  /** Every municipality value in a complete 200 answer: "kpi|municipality|year|gender". */
  readonly servedValues = new Map<string, ServedValue>();
  /** Every unit value in a complete 200 answer: "unit|kpi|year" (gender T). */
  readonly servedUnitValues = new Map<string, ServedValue>();
  /** Every unit list entry with an id in a complete 200 answer (all kinds). */
  readonly servedUnits = new Map<string, ServedUnit>();

  constructor(private readonly opts: ServerOptions) {
    this.rules = (opts.faults ?? []).map((rule) => ({ rule, left: rule.times ?? 1 }));
    this.byCode = new Map(opts.municipalities.map((m) => [m.code, m]));
    for (const m of opts.municipalities) {
      const list = unitsFor(m);
      this.unitsByCode.set(m.code, list);
      for (const u of list) if (u.id) this.unitById.set(u.id, u);
    }
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
    this.url = `${this.origin}/v3`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    for (const res of this.open) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  private takeFault(kind: EndpointKind, pathAndQuery: string, applies: (f: Fault) => boolean): Fault | null {
    for (const r of this.rules) {
      if (r.left <= 0 || r.rule.kind !== kind) continue;
      if (r.rule.match && !pathAndQuery.includes(r.rule.match)) continue;
      if (!applies(r.rule.fault)) continue;
      r.left--;
      this.faultsInjected++;
      this.faultLog.push({ kind, fault: r.rule.fault.type, path: pathAndQuery });
      return r.rule.fault;
    }
    return null;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", this.origin);
    const pathAndQuery = `${url.pathname}${url.search}`;
    const log = (kind: RequestLogEntry["kind"], outcome: string) =>
      this.requests.push({ at: performance.now(), kind, path: pathAndQuery, outcome });
    let route: { kind: EndpointKind; records: Row[] } | { error: number; detail: string };
    try {
      route = this.route(url);
    } catch (error) {
      route = { error: 400, detail: (error as Error).message };
    }
    if ("error" in route) {
      log("unknown", `HTTP ${route.error}`);
      return void sendJson(res, route.error, { detail: route.detail });
    }
    const { kind, records } = route;

    // Paging as Kolada does it: per_page (≤ 5000, and here ≤ pageSize) and a 1-based page number. The
    // all-units /oudata answers are long: they page at ≥ 500 so a test run stays short.
    const cap = kind === "oudata" && !url.pathname.includes("/ou/") ? Math.max(500, this.opts.pageSize ?? 60) : this.opts.pageSize ?? 60;
    const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 5000) || 5000, 5000, cap);
    const page = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
    const slice = records.slice((page - 1) * perPage, page * perPage).map((r) => structuredClone(r));
    const pageUrl = (p: number) => {
      const q = new URLSearchParams(url.searchParams);
      q.set("page", String(p)); // per_page stays as asked; the server may still hand out less
      return `${this.origin}${url.pathname}?${q}`;
    };
    const envelope: Row = {
      values: slice, count: slice.length,
      next_url: page * perPage < records.length ? pageUrl(page + 1) : null,
      previous_url: page > 1 ? pageUrl(page - 1) : null,
    };

    const fault = this.takeFault(kind, pathAndQuery, (f) => applicable(f, kind, slice, envelope));
    if (fault) log(kind, `fault ${fault.type}`);
    switch (fault?.type) {
      case "status": {
        const headers: Record<string, string> = fault.retryAfter != null ? { "retry-after": fault.retryAfter } : {};
        return void sendJson(res, fault.status, { detail: `injected HTTP ${fault.status}` }, headers);
      }
      case "hang":
        this.open.add(res);
        res.on("close", () => this.open.delete(res));
        return;
      case "stall":
      case "reset": {
        const body = Buffer.from(JSON.stringify(envelope), "utf8");
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.length });
        this.open.add(res);
        res.on("close", () => this.open.delete(res));
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
          if (fault.type === "reset") setTimeout(() => res.socket?.resetAndDestroy(), 5);
        });
        return;
      }
      case "truncate": {
        const text = JSON.stringify(envelope);
        return void sendText(res, 200, text.slice(0, Math.floor(text.length * 0.6)));
      }
      case "empty":
        envelope.values = [];
        envelope.count = 0;
        envelope.next_url = null;
        break;
      case "loop": // back to the first page, exactly as the client asked for it
        envelope.next_url = `${this.origin}${url.pathname}?per_page=${url.searchParams.get("per_page") ?? 5000}`;
        break;
      case "foreignNext": // a next page on a host the client was never pointed at (never answers)
        envelope.next_url = String(envelope.next_url).replace(this.origin, "http://kolada-mirror.invalid:9");
        break;
      case "rename":
        if (fault.level === "envelope") renameKey(envelope, fault.from, fault.to);
        for (const r of slice) {
          if (fault.level === "row") renameKey(r, fault.from, fault.to);
          if (fault.level === "value") for (const v of (r.values as Row[]) ?? []) renameKey(v, fault.from, fault.to);
        }
        break;
      case "mojibake":
        for (const r of slice) {
          for (const field of ["title", "member_title"]) if (typeof r[field] === "string") r[field] = doubleEncode(r[field] as string);
          for (const m of (r.members as Row[] | undefined) ?? []) m.member_title = doubleEncode(m.member_title as string);
        }
        break;
      case "value": {
        const isT = (v: Row) => v.gender === "T" && !v.isdeleted;
        const target = slice.find((r) => r.kpi === fault.kpi && inside(r, fault.within) && (r.values as Row[]).some(isT));
        const entry = (target!.values as Row[]).find(isT)!;
        entry.value = fault.value;
        entry.status = "";
        break;
      }
    }
    if (!fault) log(kind, "ok");
    if (fault?.type !== "rename") this.account(kind, slice);
    sendJson(res, 200, envelope);
  }

  /** Remember what went out in a complete answer, for the "no value lost" check. */
  private account(kind: EndpointKind, rows: Row[]): void {
    if (kind === "data") {
      for (const r of rows) {
        for (const v of (r.values as Row[]).filter((x) => !x.isdeleted)) {
          this.servedValues.set(`${r.kpi}|${r.municipality}|${r.period}|${v.gender}`, { value: v.value as number | null, status: v.status as string, count: v.count as number });
        }
      }
    } else if (kind === "oudata") {
      for (const r of rows) {
        const t = (r.values as Row[]).find((v) => v.gender === "T" && !v.isdeleted);
        if (t) this.servedUnitValues.set(`${r.ou}|${r.kpi}|${r.period}`, { value: t.value as number | null, status: t.status as string, count: t.count as number });
      }
    } else if (kind === "ou") {
      for (const r of rows) {
        if (typeof r.id === "string") this.servedUnits.set(r.id, { municipality: String(r.municipality ?? ""), title: String(r.title ?? "") });
      }
    }
  }

  private tooMany(segments: string[][]): string | null {
    const max = this.opts.maxIdsPerSegment ?? 25;
    const over = segments.find((s) => s.length > max);
    return over ? `Too many ids in one path segment (${over.length} > ${max})` : null;
  }

  private get published(): number {
    return this.opts.publishedThrough ?? 2022;
  }

  private route(url: URL): { kind: EndpointKind; records: Row[] } | { error: number; detail: string } {
    const p = url.pathname.replace(/\/+$/, "");
    let m: RegExpExecArray | null;
    if ((m = /^\/v3\/kpi\/([^/]+)$/.exec(p))) {
      const list = ids(m[1]);
      const tooMany = this.tooMany([list]);
      if (tooMany) return this.unprocessable("kpi", tooMany);
      return { kind: "kpi", records: list.map((id) => ({
        id, title: kpiTitle(id), description: `Beskrivning av ${id}. Källa: Socialstyrelsen (konstruerad testdata).`,
        has_ou_data: UNIT_KPIS.has(id), is_divided_by_gender: GENDERED.has(id), municipality_type: "K", auspice: "T",
        // The next period, announced for a date far ahead: published through `published`.
        operating_area: "Äldre och funktionshinder", perspective: "Kvalitet", publication_date: "2099-10-01", publ_period: String(this.published + 1),
      })) };
    }
    if (p === "/v3/municipality_groups") {
      const groups = new Map<string, { title: string; members: string[] }>();
      for (const mun of this.opts.municipalities) {
        const g = groups.get(mun.kommungrupp_id) ?? { title: mun.kommungrupp, members: [] };
        g.members.push(mun.code);
        groups.set(mun.kommungrupp_id, g);
        groups.set(mun.peer_group_id, { title: `Liknande kommuner äldreomsorg, ${mun.name}, 2023`, members: mun.peers.split(";") });
      }
      const records = [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([id, g]) => ({
        id, title: g.title,
        members: g.members.map((c) => ({ member_id: c, member_title: this.byCode.get(c)?.name ?? c })),
      }));
      return { kind: "municipality_groups", records };
    }
    if ((m = /^\/v3\/data\/kpi\/([^/]+)\/municipality\/([^/]+)\/year\/([^/]+)$/.exec(p))) {
      const [kpis, muns, years] = [ids(m[1]), ids(m[2]), ids(m[3]).map(Number)];
      const tooMany = this.tooMany([kpis, muns]);
      if (tooMany) return this.unprocessable("data", tooMany);
      const records: Row[] = [];
      for (const kpi of kpis) {
        for (const mun of muns) {
          if (mun !== RIKET && !this.byCode.has(mun)) continue;
          for (const year of years) {
            if (year > this.published) continue; // not published: Kolada has nothing for it
            const genders = GENDERED.has(kpi) ? ["T", "K", "M"] : ["T"];
            const withdrawn = genders.filter((g) => hasWithdrawn(kpi, mun, year, g));
            if (withdrawn.length) records.push({ kpi, municipality: mun, period: year, values: withdrawn.map((g) => withdrawnEntry(g, valueFor(kpi, mun, year, g))) });
            records.push({ kpi, municipality: mun, period: year, values: genders.map((gender) => entry(gender, valueFor(kpi, mun, year, gender))) });
          }
        }
      }
      return { kind: "data", records };
    }
    if (p === "/v3/ou") {
      const code = url.searchParams.get("municipality") ?? "";
      return { kind: "ou", records: (this.unitsByCode.get(code) ?? []).map(({ hemtjanst: _, ...u }) => ({ ...u })) };
    }
    if ((m = /^\/v3\/oudata\/kpi\/([^/]+)\/ou\/([^/]+)\/year\/([^/]+)$/.exec(p))) {
      const [kpis, ous, years] = [ids(m[1]), ids(m[2]), ids(m[3]).map(Number)];
      const tooMany = this.tooMany([kpis, ous]);
      if (tooMany) return this.unprocessable("oudata", tooMany);
      return { kind: "oudata", records: this.unitRecords(kpis, ous, years) };
    }
    if ((m = /^\/v3\/oudata\/kpi\/([^/]+)\/year\/([^/]+)$/.exec(p))) {
      const [kpis, years] = [ids(m[1]), ids(m[2]).map(Number)];
      const tooMany = this.tooMany([kpis, years.map(String)]);
      if (tooMany) return this.unprocessable("oudata", tooMany);
      return { kind: "oudata", records: this.unitRecords(kpis, [...this.unitById.keys()].sort(), years) };
    }
    return { error: 404, detail: `no such route: ${p}` };
  }

  /** Values of hemtjänst units only (schools, säbo and closed units hold none), with withdrawn entries first. */
  private unitRecords(kpis: string[], ous: string[], years: number[]): Row[] {
    const records: Row[] = [];
    for (const kpi of kpis) {
      if (!UNIT_KPIS.has(kpi)) continue;
      for (const ou of ous) {
        if (!this.unitById.get(ou)?.hemtjanst) continue;
        for (const year of years) {
          if (year > this.published) continue;
          if (fraction(`gap|${kpi}|${ou}|${year}`) < 0.08) continue; // Kolada leaves out what a unit lacks
          const v = valueFor(kpi, ou, year, "T");
          if (hasWithdrawn(kpi, ou, year, "T")) records.push({ kpi, ou, period: year, values: [withdrawnEntry("T", v)] });
          records.push({ kpi, ou, period: year, values: [entry("T", v)] });
        }
      }
    }
    return records;
  }

  private unprocessable(kind: EndpointKind, detail: string): { error: number; detail: string } {
    this.faultsInjected++; // the server's id limit is a fault the client has to work around
    this.faultLog.push({ kind, fault: "status", path: detail });
    return { error: this.opts.longPathStatus ?? 422, detail };
  }
}

function entry(gender: string, v: ServedValue): Row {
  return { gender, count: v.count, status: v.status, value: v.value, isdeleted: false };
}

/** An older, withdrawn value for the same key: a different number that must never be published. */
function withdrawnEntry(gender: string, v: ServedValue): Row {
  const value = v.value === null ? 1 : v.value === 0 ? 1 : v.value - (Number.isInteger(v.value) ? 1 : 0.5);
  return { gender, count: 1, status: "", value, isdeleted: true };
}

function renameKey(row: Row, from: string, to: string): void {
  if (!(from in row)) return;
  row[to] = row[from];
  delete row[from];
}

/** A unit row whose id starts with `prefix` (any row when no prefix is given). */
function inside(r: Row, prefix: string | undefined): boolean {
  return prefix === undefined || String(r.ou ?? "").startsWith(prefix);
}

/** A fault only counts when it can change this answer (e.g. a value fault needs the KPI on this page). */
function applicable(f: Fault, kind: EndpointKind, rows: Row[], envelope: Row): boolean {
  switch (f.type) {
    case "value": return (kind === "data" || kind === "oudata") && rows.some((r) => r.kpi === f.kpi && inside(r, f.within) && (r.values as Row[]).some((v) => v.gender === "T" && !v.isdeleted));
    case "foreignNext": return envelope.next_url != null;
    case "rename": case "mojibake": case "empty": return rows.length > 0;
    default: return true;
  }
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(text, "utf8");
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": body.length, ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(res, status, JSON.stringify(body), headers);
}
