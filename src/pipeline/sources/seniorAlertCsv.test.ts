import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSeniorAlertCsv, importSeniorAlertFile, seniorAlertKpi } from "./seniorAlertCsv";

const DIR = path.resolve(__dirname, "../../../tests/fixtures/sos");

describe("Senior alert CSV export", () => {
  it("reads the export into values with source senioralert and the export date", () => {
    const r = importSeniorAlertFile(path.join(DIR, "good", "senioralert-export-2024.csv"));
    expect(r.quarantined).toEqual([]);
    expect(r.values).toHaveLength(14);
    expect(r.values.every((v) => v.source === "senioralert" && v.fetched_at === "2025-02-14")).toBe(true);
    expect(new Set(r.values.map((v) => v.kpi))).toEqual(new Set(["U21432", "U23433"]));
    expect(r.values[0]).toEqual({ kpi: "U21432", municipality: "0180", year: 2023, gender: "T", value: 45.8, status: null, source: "senioralert", fetched_at: "2025-02-14" });
    expect(r.values.find((v) => v.municipality === "0000")?.value).toBe(41.7);
    expect(r.values.find((v) => v.gender === "K")).toMatchObject({ value: null, status: "suppressed" });
  });

  it("maps indicator ids and Senior alert's names to the two KPIs", () => {
    expect(seniorAlertKpi("u21432")).toBe("U21432");
    expect(seniorAlertKpi("Riskbedömning, särskilt boende")).toBe("U23433");
    expect(seniorAlertKpi("Hemsjukvård i ordinärt boende")).toBe("U21432");
    expect(seniorAlertKpi("Fallprevention")).toBeNull();
  });

  it("quarantines unknown indicators, shares over 100, duplicates, bad years and bad codes", () => {
    const r = importSeniorAlertFile(path.join(DIR, "broken", "senioralert-bad.csv"));
    expect(r.values.map((v) => [v.kpi, v.value])).toEqual([["U21432", 45]]);
    expect(r.quarantined.map((q) => [q.row, q.field])).toEqual([[5, "Indikator"], [6, "Värde"], [7, "Indikator"], [8, "År"], [9, "Kommunkod"]]);
    expect(r.quarantined[1].reason).toBe("share 120 is outside 0–100");
    expect(r.quarantined[2].reason).toContain("duplicate U21432 for 0180 2024 T (first in row 4)");
  });

  it("needs an export date: from the file, the options, or (for files) the modification date", () => {
    const file = path.join(DIR, "broken", "senioralert-no-date.csv");
    const text = readFileSync(file, "utf8");
    expect(() => importSeniorAlertCsv(text, file)).toThrow(/senioralert-no-date\.csv: no export date; expected a date such as "Uttagsdatum: 2025-03-01" above the header in row 1/);
    expect(importSeniorAlertCsv(text, file, { fetchedAt: "2025-01-31" }).values[0].fetched_at).toBe("2025-01-31");
    expect(importSeniorAlertFile(file).values[0].fetched_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("stops on an unknown layout", () => {
    expect(() => importSeniorAlertCsv("Kommun;Resultat\n0180;45\n", "export.csv", { fetchedAt: "2025-01-01" }))
      .toThrow(/export\.csv: unknown layout, no header row found in rows 1–\d+; expected columns "Kommunkod", "År", "Indikator" and "Värde"/);
  });
});
