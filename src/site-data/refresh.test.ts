import { describe, expect, it } from "vitest";
import { compareBuilds } from "../pipeline/changes";
import type { Manifest } from "../pipeline/manifest";
import { refreshView } from "./refresh";

const manifest = (mode: "live" | "snapshot"): Manifest => ({
  product: "Hemtjänstkollen", data_version: "x", method_version: null, files: [], tools: {},
  data_age: { kpi: "U21468", survey_year: 2024 },
  sources: [{ id: "kolada", name: "Kolada", mode, licence: "", credit: "Källa: Kolada", dates: ["2026-12-07"], rows: {},
    published_through: { kpi: "U21468", year: 2025, basis: "Koladas KPI-metadata (/v3/kpi), hämtad 2026-12-07" } }],
});
const v = (municipality: string, year: number, value: number, fetched_at: string) => ({ kpi: "U21468", municipality, year, gender: "T" as const, value, fetched_at });

describe("refreshView", () => {
  it("says when data were fetched, their age, newer results and what the update changed", () => {
    const changes = compareBuilds(
      { values: [v("0114", 2022, 85, "2024-08-31"), v("2580", 2022, 90, "2024-08-31")], units: [] },
      { values: [v("0114", 2022, 86, "2026-12-07"), v("0114", 2024, 80, "2026-12-07")], units: [{ unit_id: "V21E011400101", synthetic: false }] },
    );
    const r = refreshView(manifest("live"), changes, (c) => ({ "0114": "Upplands Väsby", "2580": "Luleå" })[c] ?? c);
    expect(r.fetched?.text).toBe("7 december 2026");
    expect(r.mode).toBe("live");
    expect(r.age).toBe("Senaste uppgifter: brukarundersökningen 2024");
    expect(r.newer).toMatchObject({ have: 2024, published: 2025 });
    expect(r.changeSentences).toEqual([
      "Jämfört med bygget före (data hämtade 31 augusti 2024): nya år 2024.",
      "1 nytt värde, 1 borttaget och 1 reviderat värde (Kolada kan ändra publicerade värden i efterhand).",
      "Kommuner med värden: saknas nu Luleå.",
      "Enheter (verkliga, inte exempeldata): 1 tillkom och 0 försvann.",
    ]);
    expect(r.revisions).toEqual([{ kpi: "U21468", municipality: "0114", year: 2022, gender: "T", old: 85, new: 86 }]);
  });

  it("has no change sentences for a build not made by data:update", () => {
    const r = refreshView(manifest("snapshot"), null, (c) => c);
    expect(r.mode).toBe("snapshot");
    expect(r.changeSentences).toEqual([]);
    expect(r.revisions).toEqual([]);
  });
});
