import { describe, expect, it } from "vitest";
import { compareBuilds, formatChanges } from "./changes";
import type { ValueRow } from "./tables";

const v = (kpi: string, municipality: string, year: number, value: number | null, fetched_at = "2024-08-31", gender: ValueRow["gender"] = "T") =>
  ({ kpi, municipality, year, gender, value, fetched_at });
const u = (unit_id: string, synthetic = false) => ({ unit_id, synthetic });

describe("compareBuilds", () => {
  const before = {
    values: [v("U21468", "0114", 2021, null), v("U21468", "0114", 2022, 85), v("U21468", "0180", 2022, 80), v("U21461", "0180", 2022, 70),
      v("U21468", "2580", 2022, 90), v("U21468", "0000", 2022, 84)],
    units: [u("EX-0114-01", true), u("V21E011400101"), u("V21E018000101")],
  };
  const after = {
    values: [v("U21468", "0114", 2022, 85, "2026-12-07"), v("U21468", "0180", 2022, 83.61934477, "2026-12-07"),
      v("U21461", "0180", 2022, 69, "2026-12-07"), v("U21468", "0114", 2023, 86, "2026-12-07"), v("U21468", "1480", 2023, 75, "2026-12-07"),
      v("U21468", "0000", 2022, 84.00000000001, "2026-12-07")],
    units: [u("V21E011400101"), u("V21E148000110"), u("EX-1480-01", true)],
  };
  const c = compareBuilds(before, after);

  it("finds years added, revisions (largest first, old → new) and added/removed values", () => {
    expect(c.refreshed).toBe("2026-12-07");
    expect(c.previous).toEqual({ exists: true, refreshed: "2024-08-31" });
    expect(c.years).toEqual({ before: [2022], after: [2022, 2023], added: [2023], removed: [] });
    expect(c.values.revised).toBe(2); // 80 → 83.6…, 70 → 69; 84 → 84.00000000001 is float noise
    expect(c.values.largest_revisions.map((r) => [r.kpi, r.municipality, r.old, r.new])).toEqual([
      ["U21468", "0180", 80, 83.61934477], ["U21461", "0180", 70, 69],
    ]);
    expect(c.values.added).toBe(2); // 0114 2023 and 1480 2023 (a null that stays null is no change)
    expect(c.values.removed).toBe(1); // 2580 2022
  });

  it("finds municipalities and real units gained or lost (Riket and example units do not count)", () => {
    expect(c.municipalities).toEqual({ gained: ["1480"], lost: ["2580"] });
    expect(c.units).toEqual({ gained: 1, lost: 1, gained_ids: ["V21E148000110"], lost_ids: ["V21E018000101"] });
  });

  it("treats a first build as all new and prints a summary", () => {
    const first = compareBuilds(null, after);
    expect(first.previous.exists).toBe(false);
    expect(first.values.added).toBe(6);
    expect(first.years.added).toEqual([2022, 2023]);
    const text = formatChanges(c).join("\n");
    expect(text).toContain("nya år: 2023");
    expect(text).toContain("2 nya, 1 borttagna, 2 reviderade");
    expect(text).toContain("U21468 0180 2022 T: 80 → 83,62");
    expect(text).toContain("kommuner med värden: +1 (1480), −1 (2580)");
  });
});
