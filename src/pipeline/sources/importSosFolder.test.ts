import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectSosKind, importSosFolder } from "./importSosFolder";

const DIR = path.resolve(__dirname, "../../../tests/fixtures/sos");

describe("importSosFolder", () => {
  it("routes each CSV by its header and merges the results", () => {
    const r = importSosFolder(path.join(DIR, "good"));
    expect(r.files.map((f) => [f.file, f.kind, f.units, f.values])).toEqual([
      ["bilaga-hemtjanst-verksamheter-2025_0180_Stockholm.csv", "user-survey", 6, 0],
      ["bilaga-hemtjanst-verksamheter-2025_1480_Goteborg.csv", "user-survey", 4, 0],
      ["bilaga-hemtjanst-verksamheter-2025_2281_Sundsvall.csv", "user-survey", 3, 0],
      ["resultat - Hemtjänst, enheter.csv", "unit-survey", 7, 0],
      ["senioralert-export-2024.csv", "senior-alert", 0, 14],
    ]);
    expect(r.quarantined).toEqual([]);
    expect(r.units).toHaveLength(20);
    expect(r.unitValues).toHaveLength(r.files.reduce((s, f) => s + f.unitValues, 0));
    expect(r.values.every((v) => v.source === "senioralert")).toBe(true);
    // Sorted by key, so the folder listing order never changes the output.
    const ids = r.units.map((u) => u.unit_id);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("quarantines rows for municipalities outside the reference list", () => {
    const r = importSosFolder(path.join(DIR, "good"), { knownMunicipalities: new Set(["0180", "1480", "2281"]) });
    expect(r.units.some((u) => u.municipality === "0114")).toBe(false);
    expect(r.quarantined.map((q) => q.reason)).toEqual(['unknown municipality code "0114"', 'unknown municipality code "0114"']);
    expect(r.files.find((f) => f.kind === "unit-survey")?.quarantined).toBe(2);
  });

  it("stops on a CSV it does not recognise, naming the file and the known layouts", () => {
    expect(() => importSosFolder(path.join(DIR, "folder-unknown")))
      .toThrow(/folder-unknown\/notes\.csv: unknown layout, not one of the known files; expected the user survey .*Enhetsundersökningen .*Senior alert/);
  });

  it("detects kinds from text and refuses an empty folder", () => {
    expect(detectSosKind("x\nVerksamhet;Antal svarande;F18 Helhetssyn\n")).toBe("user-survey");
    expect(detectSosKind("Enhets-ID,Kommunkod,ind2\n")).toBe("unit-survey");
    expect(detectSosKind("Kommunkod;År;Indikator;Värde\n")).toBe("senior-alert");
    expect(detectSosKind("a;b\n1;2\n")).toBeNull();
    const empty = mkdtempSync(path.join(tmpdir(), "sos-"));
    writeFileSync(path.join(empty, "README.md"), "no data");
    expect(() => importSosFolder(empty)).toThrow(/no \.csv files to import/);
  });
});
