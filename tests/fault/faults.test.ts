// Fault injection against a real local Kolada v3 server (issue 8): every scenario runs the REAL live
// pipeline end to end and must either recover with complete, exact output or stop with a clear message,
// with the last good data/build and data/snapshot untouched. Counts are printed at the end.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatResult, formatSummary, prepareBase, removeBase, runScenario, summarise, type BaseRoot, type ScenarioResult } from "./harness";
import { SCENARIOS } from "./scenarios";

const repo = path.resolve(__dirname, "../..");
let base: BaseRoot;
const results: ScenarioResult[] = [];

beforeAll(async () => { base = await prepareBase(repo); });
afterAll(() => {
  if (base) removeBase(base);
  if (results.length) console.log(["fault injection (live pipeline against a local Kolada v3 server):", ...results.map(formatResult), formatSummary(summarise(results))].join("\n"));
});

describe("live pipeline under injected faults", () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: ${scenario.title} → ${scenario.expect === "recover" ? "recovers" : "stops cleanly"}`, async () => {
      const result = await runScenario(scenario, base);
      results.push(result);
      const detail = result.problems.length ? `${result.problems.join("\n")}\n--- log ---\n${result.logs.slice(-15).join("\n")}` : "";
      expect(result.problems, detail).toEqual([]);
      expect(result.outcome).toBe(scenario.expect === "recover" ? "recovered" : "stopped");
      expect(result.values_lost).toBe(0);
      if (scenario.faults.length) expect(result.faults_injected).toBeGreaterThan(0);
    }, 30_000);
  }

  it("loses no value across all scenarios", () => {
    const summary = summarise(results);
    expect(summary.runs_failed).toBe(0);
    expect(summary.values_lost).toBe(0);
    expect(summary.runs_recovered + summary.runs_stopped_cleanly).toBe(SCENARIOS.length);
  });
});
