// The fault scenarios, shared by tests/fault/faults.test.ts and scripts/bench-reliability.ts.
// Each runs the real live pipeline against tests/fault/koladaServer.ts. "recover": the run must complete
// with output equal to what the server served. "stop": the run must fail with a message that names the
// URL (and field) and leave data/build and data/snapshot byte for byte as they were.
import type { FaultRule, KoladaFaultServer } from "./koladaServer";

export interface ScenarioCheckContext {
  server: KoladaFaultServer;
  /** validation.json of the new build (recovered runs only). */
  validation: { outOfRange: { table: string; key: string; reason: string }[] } | null;
  published: { values: Set<string>; unitValues: Set<string> };
  logs: string[];
}

export interface Scenario {
  id: string;
  title: string;
  faults: FaultRule[];
  expect: "recover" | "stop";
  /** For "stop": the error message must match (it must name the URL and, for data faults, the field). */
  message?: RegExp;
  /** Municipalities to fetch: a small default subset, or all 290. */
  municipalities?: "all" | string[];
  server?: { pageSize?: number; maxIdsPerSegment?: number; longPathStatus?: number; publishedThrough?: number };
  /** Years to ask for (default harness YEARS). */
  years?: number[];
  /** Extra checks; returns problems (empty = fine). */
  check?: (ctx: ScenarioCheckContext) => string[];
}

/** Four municipalities whose names carry å/ä/ö (so mojibake has something to break), plus Riket. */
export const SUBSET = ["0114", "0180", "1480", "2580"];
const URL_RE = String.raw`http://127\.0\.0\.1:\d+/v3`;
const ALWAYS = Infinity;

export const SCENARIOS: Scenario[] = [
  { id: "baseline-290", title: "no faults, all 290 municipalities + Riket", faults: [], expect: "recover", municipalities: "all", server: { pageSize: 500 } },

  { id: "429-burst", title: "burst of 429 without Retry-After (own backoff)", expect: "recover",
    faults: [{ kind: "data", fault: { type: "status", status: 429 }, times: 4 }, { kind: "ou", fault: { type: "status", status: 429 }, times: 2 }] },
  { id: "429-retry-after", title: "429 with Retry-After: 1 (honoured)", expect: "recover",
    faults: [{ kind: "data", match: "page=2", fault: { type: "status", status: 429, retryAfter: "1" }, times: 1 }],
    check: ({ server }) => retryAfterHonoured(server, 1000) },
  { id: "429-retry-after-too-long", title: "429 with Retry-After: 3600 (beyond the time limit)", expect: "stop",
    faults: [{ kind: "municipality_groups", fault: { type: "status", status: 429, retryAfter: "3600" }, times: ALWAYS }],
    message: new RegExp(String.raw`time limit .*a retry would wait 3600 s after HTTP 429.* at ${URL_RE}/municipality_groups`) },
  { id: "5xx-mixed", title: "500, 502, 503 on every endpoint", expect: "recover",
    faults: [
      { kind: "kpi", fault: { type: "status", status: 500 } },
      { kind: "municipality_groups", fault: { type: "status", status: 503, retryAfter: "0" } },
      { kind: "data", fault: { type: "status", status: 502 }, times: 2 },
      { kind: "ou", fault: { type: "status", status: 503 } },
      { kind: "oudata", fault: { type: "status", status: 500 }, times: 2 },
    ] },
  { id: "503-persistent", title: "503 on every data request", expect: "stop",
    faults: [{ kind: "data", fault: { type: "status", status: 503 }, times: ALWAYS }],
    message: new RegExp(String.raw`HTTP 503 for ${URL_RE}/data/kpi/.*gave up after 5 attempts`) },

  { id: "hang", title: "no answer past the request timeout", expect: "recover",
    faults: [{ kind: "kpi", fault: { type: "hang" } }, { kind: "oudata", fault: { type: "hang" }, times: 2 }] },
  { id: "stall-mid-body", title: "half a body, then silence past the timeout", expect: "recover",
    faults: [{ kind: "data", fault: { type: "stall" }, times: 2 }] },
  { id: "hang-persistent", title: "unit listing never answers", expect: "stop",
    faults: [{ kind: "ou", fault: { type: "hang" }, times: ALWAYS }],
    message: new RegExp(String.raw`timeout .* for ${URL_RE}/ou\?municipality=\d{4}.*gave up after 5 attempts`) },

  { id: "reset-mid-body", title: "connection reset in the middle of the body", expect: "recover",
    faults: [{ kind: "data", fault: { type: "reset" }, times: 2 }, { kind: "ou", fault: { type: "reset" } }, { kind: "oudata", fault: { type: "reset" } }] },

  { id: "truncated-json", title: "HTTP 200 with truncated JSON, once", expect: "recover",
    faults: [{ kind: "data", fault: { type: "truncate" } }, { kind: "municipality_groups", fault: { type: "truncate" } }] },
  { id: "truncated-json-persistent", title: "HTTP 200 with truncated JSON, every time", expect: "stop",
    faults: [{ kind: "kpi", fault: { type: "truncate" }, times: ALWAYS }],
    message: new RegExp(String.raw`invalid or truncated JSON from ${URL_RE}/kpi/`) },

  { id: "schema-drift-row", title: "valid JSON, field municipality renamed municipality_id", expect: "stop",
    faults: [{ kind: "data", fault: { type: "rename", level: "row", from: "municipality", to: "municipality_id" } }],
    message: new RegExp(String.raw`schema drift at ${URL_RE}/data/kpi/\S+, row 0, field "municipality"`) },
  { id: "schema-drift-value", title: "valid JSON, unit value field value renamed varde", expect: "stop",
    faults: [{ kind: "oudata", fault: { type: "rename", level: "value", from: "value", to: "varde" } }],
    message: new RegExp(String.raw`schema drift at ${URL_RE}/oudata/kpi/\S+, row 0, field "values\[0\]\.value"`) },
  { id: "schema-drift-envelope", title: "valid JSON, envelope values renamed data", expect: "stop",
    faults: [{ kind: "ou", fault: { type: "rename", level: "envelope", from: "values", to: "data" } }],
    message: new RegExp(String.raw`schema drift at ${URL_RE}/ou\?municipality=\d{4}\S*, field "values"`) },

  { id: "empty-200", title: "HTTP 200 with values: [] where data exists", expect: "stop",
    faults: [{ kind: "data", fault: { type: "empty" } }],
    message: new RegExp(String.raw`empty answer \(values: \[\]\) where data was expected: ${URL_RE}/data/kpi/`) },

  { id: "next-url-loop", title: "next_url points back to the first page", expect: "stop",
    faults: [{ kind: "data", match: "page=2", fault: { type: "loop" } }],
    message: new RegExp(String.raw`next_url loop, ${URL_RE}/data/kpi/\S+ was already fetched`) },

  { id: "mojibake-units", title: "double-encoded UTF-8 in unit names", expect: "stop",
    faults: [{ kind: "ou", fault: { type: "mojibake" } }],
    message: new RegExp(String.raw`${URL_RE}/ou\?municipality=\d{4}\S*, row \d+, field "title": text looks double-encoded \(mojibake`) },
  { id: "mojibake-groups", title: "double-encoded UTF-8 in municipality group names", expect: "stop",
    faults: [{ kind: "municipality_groups", fault: { type: "mojibake" } }],
    message: new RegExp(String.raw`${URL_RE}/municipality_groups\S*, row \d+, field "(title|members\[\d+\]\.member_title)": text looks double-encoded`) },

  { id: "share-250", title: "a share of 250 (municipality and unit level)", expect: "recover",
    faults: [
      { kind: "data", fault: { type: "value", kpi: "U21468", value: 250 } },
      { kind: "oudata", fault: { type: "value", kpi: "U21461", value: 250, within: "V21E0114" } }, // a unit of the subset
    ],
    check: ({ validation, published }) => quarantined250(validation, published) },

  { id: "422-split", title: "server accepts at most 12 ids per segment (HTTP 422 → split)", expect: "recover",
    faults: [], server: { maxIdsPerSegment: 12 } },
  { id: "400-long-path", title: "a long path answers HTTP 400, as Kolada documents (→ split)", expect: "recover",
    faults: [], server: { maxIdsPerSegment: 12, longPathStatus: 400 } },
  { id: "next-url-foreign-host", title: "next_url names another host (re-based, never followed)", expect: "recover",
    // Following it would fail (the host does not resolve) and stop the run; recovering proves the re-base.
    faults: [{ kind: "data", fault: { type: "foreignNext" }, times: 3 }, { kind: "oudata", fault: { type: "foreignNext" } }] },
  { id: "year-not-published", title: "2023 asked but not yet published (/kpi says so): notice, not error", expect: "recover",
    faults: [], years: [2022, 2023], server: { publishedThrough: 2022 },
    check: ({ server, logs }) => [
      ...server.requests.filter((r) => /\/year\/[^/?]*2023/.test(r.path)).map((r) => `asked for the unpublished year: ${r.path}`),
      ...(logs.some((l) => /notice: 2023 is not yet published by Kolada/.test(l)) ? [] : ["no notice about 2023"]),
    ] },
];

/** The retry after a 429 with Retry-After came no earlier than the server asked. */
function retryAfterHonoured(server: KoladaFaultServer, ms: number): string[] {
  const i = server.requests.findIndex((r) => r.outcome === "fault status");
  if (i < 0) return ["no 429 was answered"];
  const next = server.requests.slice(i + 1).find((r) => r.path === server.requests[i].path);
  if (!next) return ["the 429'd URL was never asked again"];
  const gap = next.at - server.requests[i].at;
  return gap >= ms - 50 ? [] : [`retry came ${gap.toFixed(0)} ms after the 429, before Retry-After (${ms} ms)`];
}

/** Every 250 the server sent is listed in validation.json and not published. */
function quarantined250(validation: ScenarioCheckContext["validation"], published: ScenarioCheckContext["published"]): string[] {
  if (!validation) return ["no validation.json"];
  const problems: string[] = [];
  const hits = validation.outOfRange.filter((q) => /\b250\b/.test(q.reason));
  for (const table of ["values", "unit_values"]) {
    const row = hits.find((q) => q.table === table);
    if (!row) { problems.push(`validation.json lists no 250 in ${table}`); continue; }
    const set = table === "values" ? published.values : published.unitValues;
    if (set.has(row.key)) problems.push(`${table} ${row.key} (250) was published`);
  }
  return problems;
}
