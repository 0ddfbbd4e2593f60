// The built site fits the hosts it is published on (DESIGN.md §7: dist/ ≤ 500 MB and ≤ 20 000 files).
// `npm run check:dist` only warns in the publishing workflow (a live build with more years may grow);
// the offline build that every test run makes must stay inside the budget, so growth is caught here first.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { budgetProblems, distStats, DIST_MAX_BYTES, DIST_MAX_FILES } from "../../src/deploy/distStats";
import { DIST } from "./harness";

describe("published size budget", () => {
  it("dist/ is within 500 MB and 20 000 files", () => {
    expect(existsSync(DIST), "dist/ is built (npm run build)").toBe(true);
    const stats = distStats(DIST);
    console.log(`dist/: ${(stats.bytes / 1e6).toFixed(1)} MB, ${stats.files} files`);
    expect(stats.files).toBeGreaterThan(1000); // a whole site, not an empty folder
    expect(stats.bytes).toBeLessThanOrEqual(DIST_MAX_BYTES);
    expect(stats.files).toBeLessThanOrEqual(DIST_MAX_FILES);
    expect(budgetProblems(stats)).toEqual([]);
  });
});
