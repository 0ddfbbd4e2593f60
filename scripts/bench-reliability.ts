// Reliability benchmark (issue 8): runs every fault scenario of tests/fault/scenarios.ts — the REAL live
// pipeline against a local Kolada v3 server with scripted faults — and reports faults injected, runs
// recovered, runs stopped cleanly and values lost (must be 0). Called by `npm run bench`; also runs alone:
// `npx tsx scripts/bench-reliability.ts` (exits 1 if any scenario failed or a value was lost).
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { formatResult, formatSummary, prepareBase, removeBase, runScenario, type ScenarioResult } from "../tests/fault/harness";
import { SCENARIOS } from "../tests/fault/scenarios";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type ReliabilityScenario = Omit<ScenarioResult, "logs">;

export interface ReliabilityBench {
  faults_injected: number;
  runs_recovered: number;
  runs_stopped_cleanly: number;
  runs_failed: number; // a scenario whose outcome or checks were wrong (must be 0)
  values_lost: number; // served by the server but neither published, quarantined, nor kept out by a clean stop
  ms: number;
  scenarios: ReliabilityScenario[];
}

export async function benchReliability(opts: { root?: string; log?: (line: string) => void } = {}): Promise<ReliabilityBench> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const base = await prepareBase(opts.root ?? repoRoot);
  const results: ScenarioResult[] = [];
  try {
    log(`Felinjicering mot lokal Kolada v3-server (${SCENARIOS.length} scenarier, riktig live-pipeline):`);
    for (const scenario of SCENARIOS) {
      const result = await runScenario(scenario, base);
      results.push(result);
      log(`  ${formatResult(result).replace(/\n/g, "\n  ")}`);
    }
  } finally {
    removeBase(base);
  }
  const scenarios = results.map(({ logs: _logs, ...rest }) => ({ ...rest, ms: Math.round(rest.ms) }));
  const bench: ReliabilityBench = {
    faults_injected: results.reduce((n, r) => n + r.faults_injected, 0),
    runs_recovered: results.filter((r) => r.outcome === "recovered").length,
    runs_stopped_cleanly: results.filter((r) => r.outcome === "stopped").length,
    runs_failed: results.filter((r) => r.outcome === "failed").length,
    values_lost: results.reduce((n, r) => n + r.values_lost, 0),
    ms: Math.round(performance.now() - started),
    scenarios,
  };
  log(`  ${formatSummary({ ...bench, scenarios: results })} (must be 0 failed, 0 lost)`);
  return bench;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const bench = await benchReliability();
  if (bench.runs_failed > 0 || bench.values_lost > 0) process.exit(1);
}
