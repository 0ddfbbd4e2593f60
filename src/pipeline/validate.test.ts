import { describe, expect, it } from "vitest";
import type { DataSet, MunicipalityRow, ValueRow } from "./tables";
import { validateDataSet } from "./validate";

const municipalities: MunicipalityRow[] = Array.from({ length: 290 }, (_, i) => ({
  code: String(1000 + i).padStart(4, "0"), name: `K${i}`, county_code: "01", county: "Län", kommungrupp: "G",
  kommungrupp_id: "G1", population: 1000, pop_65_79: 100, pop_80plus: 50, peer_group_id: "P", peers: "1000",
}));
const v = (over: Partial<ValueRow>): ValueRow => ({
  kpi: "U21468", municipality: "1000", year: 2022, gender: "T", value: 80, status: null, source: "kolada", fetched_at: "2024-08-31", ...over,
});
const base = (values: ValueRow[]): DataSet => ({ municipalities, indicators: [], values, units: [], unitValues: [] });

describe("validateDataSet", () => {
  it("quarantines unknown codes, shares outside 0–100 and duplicates, keeping every good row", () => {
    const { data, report } = validateDataSet(base([
      v({}), v({ municipality: "9999" }), v({ municipality: "1001", value: 250 }), v({ value: 81 }),
      v({ municipality: "0000", value: 84 }), v({ kpi: "U21401", municipality: "1002", value: 12 }),
      v({ municipality: "1003", value: null, status: "suppressed" }),
    ]));
    expect(data.values.map((r) => `${r.kpi}:${r.municipality}:${r.value}`)).toEqual([
      "U21468:1000:80", "U21468:0000:84", "U21401:1002:12", "U21468:1003:null",
    ]);
    expect(report.unknownCodes).toEqual([expect.objectContaining({ key: "U21468|9999|2022|T", field: "municipality" })]);
    expect(report.outOfRange).toEqual([expect.objectContaining({ key: "U21468|1001|2022|T", reason: "share 250 is outside 0–100" })]);
    expect(report.duplicates).toEqual([expect.objectContaining({ key: "U21468|1000|2022|T" })]);
    expect(report.quarantinedTotal).toBe(3);
    expect(report.coverage).toContainEqual({ kpi: "U21468", year: 2022, municipalities: 1, missing: 289 });
  });

  it("refuses an empty or incomplete data set outright", () => {
    expect(() => validateDataSet(base([]))).toThrow(/no values at all/);
    expect(() => validateDataSet({ ...base([v({})]), municipalities: municipalities.slice(1) })).toThrow(/expected 290 rows, found 289/);
  });

  it("checks unit values against known units and counts", () => {
    const { data, report } = validateDataSet({
      ...base([v({})]),
      units: [{ unit_id: "U1", name: "A", municipality: "1000", provider_type: "kommunal", synthetic: true, source: "exempeldata" }],
      unitValues: [
        { unit_id: "U1", kpi: "U21468", year: 2022, value: 70, respondents: 40, status: null, synthetic: true, source: "exempeldata" },
        { unit_id: "U2", kpi: "U21468", year: 2022, value: 70, respondents: 40, status: null, synthetic: true, source: "exempeldata" },
        { unit_id: "U1", kpi: "U21461", year: 2022, value: 70, respondents: -3, status: null, synthetic: true, source: "exempeldata" },
      ],
    });
    expect(data.unitValues).toHaveLength(1);
    expect(report.unknownCodes[0]).toMatchObject({ table: "unit_values", key: "U2|U21468|2022" });
    expect(report.other[0]).toMatchObject({ table: "unit_values", reason: "respondents -3 is not a count" });
  });
});
