import { describe, expect, it } from "vitest";
import type { Manifest } from "../pipeline/manifest";
import { dataAgeText, dataDateOf, newerDataOf } from "./dataDate";

function manifest(surveyYear: number | null, published?: number): Manifest {
  return {
    product: "Hemtjänstkollen", data_version: "x", method_version: null, files: [], tools: {},
    data_age: { kpi: "U21468", survey_year: surveyYear },
    sources: [
      { id: "kolada", name: "Kolada", mode: "snapshot", licence: "", credit: "Källa: Kolada", dates: ["2024-08-31"], rows: {},
        ...(published ? { published_through: { kpi: "U21468", year: published, basis: "Koladas KPI-katalog (v3) från 2026-04-16" } } : {}) },
      { id: "reference", name: "Ref", mode: "reference", licence: "", credit: "", dates: ["2026-04-16"], rows: {} },
    ],
  };
}

describe("data dates", () => {
  it("says the data age apart from the fetch date", () => {
    expect(dataAgeText(manifest(2022))).toBe("Senaste uppgifter: brukarundersökningen 2022");
    expect(dataAgeText(manifest(null))).toBeNull();
    expect(dataDateOf(manifest(2022))).toEqual({ iso: "2026-04-16", text: "16 april 2026" });
  });

  it("knows when Kolada has published newer survey years than the build holds", () => {
    expect(newerDataOf(manifest(2022, 2025))).toEqual({ have: 2022, published: 2025, basis: "Koladas KPI-katalog (v3) från 2026-04-16" });
    expect(newerDataOf(manifest(2025, 2025))).toBeNull();
    expect(newerDataOf(manifest(2022))).toBeNull(); // unknown: say nothing
    expect(newerDataOf(manifest(null, 2025))).toBeNull();
  });
});
