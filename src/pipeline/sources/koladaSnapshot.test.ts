// The committed snapshot must equal ../shared/data to the decimal for everything it holds.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../csv";
import { endedYearFromTitle, readSnapshot, SNAPSHOT_FIRST_YEAR } from "./koladaSnapshot";

const root = path.resolve(__dirname, "../../..");
const shared = path.resolve(root, "../shared/data/kolada/ddf-dump-2024");
const hasShared = existsSync(shared);
if (!hasShared) console.warn(`skipping snapshot-vs-shared comparison: ${shared} is absent`);

describe("committed snapshot", () => {
  const { values, indicators } = readSnapshot(path.join(root, "data", "snapshot"));

  it("holds the survey, continuity, e-hälsa, Senior alert and context KPIs", () => {
    const kpis = new Set(values.map((v) => v.kpi));
    for (const k of ["U21468", "U21465", "U21401", "U21340", "U23433", "U23592", "N21701"]) expect(kpis.has(k)).toBe(true);
    expect(values.every((v) => v.year >= SNAPSHOT_FIRST_YEAR && /^\d{4}$/.test(v.municipality))).toBe(true);
    expect(values.filter((v) => v.source === "senioralert").every((v) => v.kpi === "U23433" || v.kpi === "U21432")).toBe(true);
    expect(indicators.find((i) => i.kpi === "U21473")).toMatchObject({ ended: true, ended_year: 2023 });
  });

  it.skipIf(!hasShared)("equals ../shared/data to the decimal for every KPI, municipality, year and gender", () => {
    const byKey = new Map(values.map((v) => [`${v.kpi}|${v.municipality}|${v.year}|${v.gender}`, v.value]));
    const kpis = [...new Set(values.map((v) => v.kpi))];
    let compared = 0;
    for (const kpi of kpis) {
      const id = kpi.toLowerCase();
      for (const [dir, gendered] of [["datapoints--by--geo--year", false], ["datapoints--by--geo--gender--year", true]] as const) {
        const file = path.join(shared, dir, `ddf--datapoints--${id}--by--geo${gendered ? "--gender" : ""}--year.csv`);
        if (!existsSync(file)) continue;
        for (const r of parseCsvRecords(readFileSync(file, "utf8"), file)) {
          const geo = r.geo === "0" ? "0000" : r.geo;
          if (geo.length !== 4 || Number(r.year) < SNAPSHOT_FIRST_YEAR) continue;
          const gender = gendered ? r.gender.toUpperCase() : "T";
          expect(byKey.get(`${kpi}|${geo}|${r.year}|${gender}`), `${kpi} ${geo} ${r.year} ${gender}`).toBe(Number(r[id]));
          compared++;
        }
      }
    }
    expect(compared).toBe(values.length); // nothing extra in the snapshot, nothing left out
  });
});

describe("endedYearFromTitle", () => {
  it("reads Kolada's ended-KPI suffixes", () => {
    expect(endedYearFromTitle("Brukarbedömning … välja utförare, andel (%) (-2023)")).toBe(2023);
    expect(endedYearFromTitle("Personalkontinuitet … (- 2024)")).toBe(2024);
    expect(endedYearFromTitle("Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)")).toBeNull();
  });
});
