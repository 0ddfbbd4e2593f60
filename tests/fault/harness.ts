// Runs one fault scenario end to end: a fresh copy of a repository root that already holds a last good
// build, the fault server, the REAL live pipeline (runPipeline, source "live"), then the checks:
// recovered runs publish exactly what the server served (or list it in validation.json); stopped runs
// fail with a clear message and leave data/build, data/snapshot and data/reference byte for byte as
// they were; nothing half-written is left behind. Shared by the vitest suite and the benchmark.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { mulberry32 } from "../../src/model/random";
import { LIVE_KPIS, SURVEY_KPIS, UNIT_LEVEL_KPIS } from "../../src/pipeline/kpis";
import { sha256 } from "../../src/pipeline/manifest";
import { readParquet } from "../../src/pipeline/parquet";
import { runPipeline } from "../../src/pipeline/run";
import { readReferenceCsv } from "../../src/pipeline/sources/reference";
import type { UnitRow, UnitValueRow, ValueRow } from "../../src/pipeline/tables";
import { fraction, homeCareUnitsFor, KoladaFaultServer, type ReferenceMunicipality, type ServedValue } from "./koladaServer";
import { SUBSET, type Scenario } from "./scenarios";

export const YEARS = [2022];
/** Short timeouts and backoff so every scenario ends by itself in seconds. */
export const TEST_HTTP = { maxRequestsPerSecond: 2000, maxRetries: 4, baseDelayMs: 10, maxDelayMs: 100, requestTimeoutMs: 500, maxInvalidJsonRetries: 2 };
export const TOTAL_TIME_LIMIT_MS = 15_000;
const WATCHDOG_MS = 25_000;

export interface BaseRoot { dir: string; municipalities: ReferenceMunicipality[] }

export interface ScenarioResult {
  id: string;
  title: string;
  expected: Scenario["expect"];
  outcome: "recovered" | "stopped" | "failed";
  faults_injected: number;
  requests: number;
  values_served: number; // municipality + unit values in complete HTTP 200 answers
  values_published: number;
  values_quarantined: number;
  values_lost: number;
  message: string | null; // the error that stopped the run
  ms: number;
  problems: string[];
  logs: string[];
}

export interface ReliabilitySummary {
  faults_injected: number;
  runs_recovered: number;
  runs_stopped_cleanly: number;
  runs_failed: number;
  values_lost: number;
  scenarios: ScenarioResult[];
}

/** A temp repository root with data/reference, data/snapshot and a last good data/build (from the snapshot). */
export async function prepareBase(repoRoot: string): Promise<BaseRoot> {
  const dir = mkdtempSync(path.join(tmpdir(), "htk-fault-base-"));
  for (const sub of ["reference", "snapshot"]) cpSync(path.join(repoRoot, "data", sub), path.join(dir, "data", sub), { recursive: true });
  await runPipeline({ root: dir, source: "snapshot", log: () => undefined });
  const refFile = path.join(dir, "data", "reference", "municipalities.csv");
  return { dir, municipalities: readReferenceCsv(readFileSync(refFile, "utf8"), refFile) };
}

export function removeBase(base: BaseRoot): void {
  rmSync(base.dir, { recursive: true, force: true });
}

/** sha256 of every file under dir, by relative path ({} when the folder is absent). */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = sha256(readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

function diffTrees(label: string, before: Record<string, string>, after: Record<string, string>): string[] {
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => before[f] !== after[f]);
  return changed.length ? [`${label} changed: ${changed.slice(0, 5).join(", ")}${changed.length > 5 ? ", …" : ""}`] : [];
}

/** Temp folders, staging folders and partial caches a run must never leave behind. */
function leftovers(root: string): string[] {
  const found: string[] = [];
  const data = path.join(root, "data");
  for (const name of readdirSync(data)) if (/\.(staging|old)-|\.tmp/.test(name)) found.push(`data/${name}`);
  const cache = path.join(data, "cache", "kolada");
  if (existsSync(cache)) for (const name of readdirSync(cache)) if (name.startsWith(".partial-") || name.endsWith(".tmp")) found.push(`data/cache/kolada/${name}`);
  return found;
}

/** What the pipeline should publish for a current value the server sent (DESIGN.md §3.1: only null is missing; status kept). */
function expectedOf(v: ServedValue): { value: number | null; status: string | null } {
  const status = v.status.trim() || null;
  if (v.value === null) return { value: null, status: status ?? "missing" };
  return { value: v.value, status };
}

/** Every key the server holds for the request (for "output complete"), independent of what it answered. */
function expectedKeys(municipalities: ReferenceMunicipality[], years: number[]): { values: Set<string>; unitValues: Set<string>; units: Set<string> } {
  const values = new Set<string>();
  const gendered = new Set<string>(SURVEY_KPIS);
  for (const kpi of LIVE_KPIS) {
    for (const m of [...municipalities.map((x) => x.code), "0000"]) {
      for (const year of years) for (const g of gendered.has(kpi) ? ["T", "K", "M"] : ["T"]) values.add(`${kpi}|${m}|${year}|${g}`);
    }
  }
  const unitValues = new Set<string>();
  const units = new Set<string>();
  for (const m of municipalities) {
    for (const u of homeCareUnitsFor(m)) {
      units.add(u.id);
      for (const kpi of UNIT_LEVEL_KPIS) for (const year of years) if (fraction(`gap|${kpi}|${u.id}|${year}`) >= 0.08) unitValues.add(`${u.id}|${kpi}|${year}`);
    }
  }
  return { values, unitValues, units };
}

type Validation = { outOfRange: { table: string; key: string; reason: string }[]; duplicates: { table: string; key: string }[]; unknownCodes: { table: string; key: string }[]; other: { table: string; key: string }[] };

export async function runScenario(s: Scenario, base: BaseRoot, seed = 1): Promise<ScenarioResult> {
  const root = mkdtempSync(path.join(tmpdir(), `htk-fault-${s.id}-`));
  const years = s.years ?? YEARS;
  cpSync(base.dir, root, { recursive: true });
  const wanted = s.municipalities === "all" ? base.municipalities : base.municipalities.filter((m) => (s.municipalities ?? SUBSET).includes(m.code));
  const server = await new KoladaFaultServer({ municipalities: base.municipalities, faults: s.faults, ...s.server }).start();
  const logs: string[] = [];
  const problems: string[] = [];
  const guarded = ["build", "snapshot", "reference"].map((d) => path.join(root, "data", d));
  const before = guarded.map(hashTree);
  const started = performance.now();
  let error: Error | null = null;
  let watchdog: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      runPipeline({
        root, source: "live", koladaBase: server.url, years, log: (line) => logs.push(line),
        live: {
          municipalities: s.municipalities === "all" ? undefined : wanted.map((m) => m.code),
          totalTimeLimitMs: TOTAL_TIME_LIMIT_MS, http: { ...TEST_HTTP, random: mulberry32(seed) },
        },
      }),
      new Promise((_, reject) => { watchdog = setTimeout(() => reject(new Error(`watchdog: run did not finish within ${WATCHDOG_MS / 1000} s`)), WATCHDOG_MS); }),
    ]);
  } catch (e) {
    error = e as Error;
  } finally {
    clearTimeout(watchdog);
    await server.close();
  }
  const ms = performance.now() - started;
  const after = guarded.map(hashTree);
  // Units of the municipalities asked for, as listed; the all-units /oudata answers also carry other
  // municipalities' units, which a correct run ignores.
  const wantedCodes = new Set(wanted.map((m) => m.code));
  const listedWanted = new Map([...server.servedUnits].filter(([, u]) => wantedCodes.has(u.municipality)));
  const servedUnitValues = new Map([...server.servedUnitValues].filter(([key]) => listedWanted.has(key.split("|")[0])));
  const holding = new Set([...servedUnitValues].filter(([, v]) => v.value !== null).map(([key]) => key.split("|")[0]));
  const servedHomeCare = new Map([...listedWanted].filter(([id]) => holding.has(id)));
  const servedCount = server.servedValues.size + servedUnitValues.size;
  let published = 0, quarantined = 0, lost = 0;

  if (s.faults.length > 0 && server.faultsInjected === 0) problems.push("no fault was injected: the scenario tested nothing");
  if (s.server?.maxIdsPerSegment && server.faultsInjected === 0) problems.push("the id limit never answered 422");
  problems.push(...leftovers(root).map((f) => `left behind: ${f}`));
  problems.push(...diffTrees("data/snapshot", before[1], after[1]), ...diffTrees("data/reference", before[2], after[2]));

  if (error) {
    const buildChanged = diffTrees("data/build", before[0], after[0]);
    problems.push(...buildChanged);
    if (buildChanged.length) lost = servedCount; // a failed run must not have written anything
    if (existsSync(path.join(root, "data", "cache", "kolada", "index.json"))) problems.push("a failed run wrote the cache index");
    if (s.expect === "recover") problems.push(`run stopped but should have recovered: ${error.message}`);
    else if (s.message && !s.message.test(error.message)) problems.push(`unclear message (expected ${s.message}): ${error.message}`);
  } else {
    if (s.expect === "stop") problems.push("run completed but should have stopped");
    if (Object.keys(after[0]).length === 0 || JSON.stringify(before[0]) === JSON.stringify(after[0])) problems.push("data/build was not replaced by the new output");
    const out = path.join(root, "data", "build");
    const validation = JSON.parse(readFileSync(path.join(out, "validation.json"), "utf8")) as Validation;
    const quarantinedKeys = new Set([...validation.outOfRange, ...validation.duplicates, ...validation.unknownCodes, ...validation.other].map((q) => `${q.table}:${q.key}`));
    const values = await readParquet<ValueRow>(path.join(out, "values.parquet"));
    const unitValues = (await readParquet<UnitValueRow>(path.join(out, "unit_values.parquet"))).filter((r) => !r.synthetic);
    const units = (await readParquet<UnitRow>(path.join(out, "units.parquet"))).filter((r) => !r.synthetic);
    const pub = {
      values: new Map(values.map((r) => [`${r.kpi}|${r.municipality}|${r.year}|${r.gender}`, r])),
      unitValues: new Map(unitValues.map((r) => [`${r.unit_id}|${r.kpi}|${r.year}`, r])),
    };
    const compare = (table: "values" | "unit_values", served: Map<string, ServedValue>, got: Map<string, { value: number | null; status: string | null; respondents?: number | null; kpi: string }>) => {
      for (const [key, v] of served) {
        const row = got.get(key);
        if (row) {
          published++;
          const want = expectedOf(v);
          if (row.value !== want.value || row.status !== want.status) problems.push(`${table} ${key}: published ${row.value}/${row.status}, served ${want.value}/${want.status}`);
          // Kolada's inner count is 1/0, never respondents: a live unit's respondents are unknown.
          if (table === "unit_values" && row.respondents !== null) problems.push(`${table} ${key}: respondents ${row.respondents} from Kolada, which has no respondent count`);
        } else if (quarantinedKeys.has(`${table}:${key}`)) quarantined++;
        else { lost++; if (lost <= 5) problems.push(`${table} ${key}: served but neither published nor listed in validation.json`); }
      }
      for (const key of got.keys()) if (!served.has(key)) problems.push(`${table} ${key}: published but never served`);
    };
    compare("values", server.servedValues, pub.values);
    compare("unit_values", servedUnitValues, pub.unitValues);
    // Exactly the listed units that hold hemtjänst values: no school, säbo, closed or odd entry.
    for (const [id, u] of servedHomeCare) {
      const row = units.find((r) => r.unit_id === id);
      if (!row) problems.push(`unit ${id} holds hemtjänst values but was not published`);
      else if (row.name !== u.title.trim() || row.municipality !== u.municipality) problems.push(`unit ${id}: published ${row.name}/${row.municipality}, served ${u.title}/${u.municipality}`);
    }
    for (const row of units) if (!servedHomeCare.has(row.unit_id)) problems.push(`unit ${row.unit_id} (${row.name}) published but holds no hemtjänst value: wrong unit`);
    // Complete: the server answered every key it holds for this request (nothing silently skipped).
    const want = expectedKeys(wanted, years.filter((y) => y <= (s.server?.publishedThrough ?? 2022)));
    const missingValues = [...want.values].filter((k) => !server.servedValues.has(k)).length;
    const missingUnitValues = [...want.unitValues].filter((k) => !servedUnitValues.has(k)).length;
    const missingUnits = [...want.units].filter((k) => !servedHomeCare.has(k)).length;
    if (missingValues + missingUnitValues + missingUnits > 0) problems.push(`incomplete: ${missingValues} values, ${missingUnitValues} unit values, ${missingUnits} units never fetched`);
    const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")) as { sources: { id: string; mode: string }[] };
    if (manifest.sources.find((x) => x.id === "kolada")?.mode !== "live") problems.push("manifest does not say the Kolada data is live");
    problems.push(...(s.check?.({ server, validation, logs, published: { values: new Set(pub.values.keys()), unitValues: new Set(pub.unitValues.keys()) } }) ?? []));
  }
  if (error && s.check && s.expect === "stop") problems.push(...s.check({ server, validation: null, logs, published: { values: new Set(), unitValues: new Set() } }));
  rmSync(root, { recursive: true, force: true });

  const outcome = problems.length ? "failed" : error ? "stopped" : "recovered";
  return {
    id: s.id, title: s.title, expected: s.expect, outcome, faults_injected: server.faultsInjected, requests: server.requests.length,
    values_served: servedCount, values_published: published, values_quarantined: quarantined, values_lost: lost,
    message: error?.message ?? null, ms, problems, logs,
  };
}

export function summarise(results: ScenarioResult[]): ReliabilitySummary {
  return {
    faults_injected: results.reduce((n, r) => n + r.faults_injected, 0),
    runs_recovered: results.filter((r) => r.outcome === "recovered").length,
    runs_stopped_cleanly: results.filter((r) => r.outcome === "stopped").length,
    runs_failed: results.filter((r) => r.outcome === "failed").length,
    values_lost: results.reduce((n, r) => n + r.values_lost, 0),
    scenarios: results,
  };
}

/** One line per scenario for terminals and test output. */
export function formatResult(r: ScenarioResult): string {
  const pad = (t: string, n: number) => t.padEnd(n);
  const head = `${pad(r.id, 26)} ${pad(r.outcome, 9)} faults ${String(r.faults_injected).padStart(3)}  requests ${String(r.requests).padStart(4)}  ` +
    `values served ${String(r.values_served).padStart(6)} published ${String(r.values_published).padStart(6)} quarantined ${r.values_quarantined} lost ${r.values_lost}  ${(r.ms / 1000).toFixed(1)} s`;
  const tail = r.outcome === "failed" ? `\n    problems: ${r.problems.join("; ")}` : r.message ? `\n    stopped: ${shortIds(r.message).slice(0, 300)}` : "";
  return head + tail;
}

/** "U21468,U21461,…" (25 ids) → "U21468,…(+24)", so a message fits a line and still names URL and field. */
export function shortIds(text: string): string {
  return text.replace(/\b([A-Z0-9]{4,})((?:,[A-Z0-9]{4,}){2,})/g, (_, first: string, rest: string) => `${first},…(+${rest.split(",").length - 1})`);
}

export function formatSummary(s: ReliabilitySummary): string {
  return `reliability: ${s.scenarios.length} scenarios, faults injected ${s.faults_injected}, runs recovered ${s.runs_recovered}, ` +
    `runs stopped cleanly ${s.runs_stopped_cleanly}, runs failed ${s.runs_failed}, values lost ${s.values_lost}`;
}
