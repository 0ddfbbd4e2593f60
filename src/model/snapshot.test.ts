// The model on the committed real snapshot (data/snapshot, data/reference). Skipped with a message
// when the files are absent. Test-only CSV loader: accepts the long (gender,value) or the wide (T,K,M) layout.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { MunicipalityRow, ValueRow } from "../pipeline/tables";
import { runModel } from "./index";
import { municipality } from "./testFixtures";

const ROOT = join(__dirname, "..", "..");
const VALUES = join(ROOT, "data", "snapshot", "kolada_values.csv");
const MUNICIPALITIES = join(ROOT, "data", "reference", "municipalities.csv");
const present = existsSync(VALUES) && existsSync(MUNICIPALITIES);
if (!present) console.warn(`snapshot.test.ts: skipped, ${VALUES} or ${MUNICIPALITIES} is missing`);

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    if (line === "") continue;
    const cells: string[] = [];
    let cell = "", quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") { cells.push(cell); cell = ""; } else cell += ch;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

function loadValues(): ValueRow[] {
  const [header, ...rows] = parseCsv(readFileSync(VALUES, "utf8"));
  const col = (name: string) => header.indexOf(name);
  const num = (s: string) => (s === "" ? null : Number(s));
  const base = (r: string[]) => ({ kpi: r[col("kpi")], municipality: r[col("municipality")], year: Number(r[col("year")]), status: null, source: "kolada" as const, fetched_at: "snapshot" });
  if (col("gender") >= 0) {
    return rows.map((r) => ({ ...base(r), gender: r[col("gender")] as ValueRow["gender"], value: num(r[col("value")]) }));
  }
  return rows.flatMap((r) => (["T", "K", "M"] as const).filter((g) => col(g) >= 0 && r[col(g)] !== "")
    .map((g) => ({ ...base(r), gender: g, value: num(r[col(g)]) })));
}

function loadMunicipalities(): MunicipalityRow[] {
  const [header, ...rows] = parseCsv(readFileSync(MUNICIPALITIES, "utf8"));
  return rows.map((r) => municipality(r[header.indexOf("code")]));
}

describe.skipIf(!present)("model on the real snapshot", () => {
  const municipalities = present ? loadMunicipalities() : [];
  const values = present ? loadValues() : [];
  const custom = { subIndex: { information: 1, bistandshandlaggning: 1, utforande: 1, stod_utveckling: 1 } };
  const out = present ? runModel({ municipalities, values, units: [], unitValues: [] }, { customWeights: custom }) : null!;

  it("reads 290 municipalities", () => {
    expect(municipalities.length).toBe(290);
  });
  it("publishes 2019, 2020 and 2022 but not 2021 or earlier survey years", () => {
    for (const y of [2019, 2020, 2022]) expect(out.publishedYears).toContain(y);
    for (const y of [2012, 2018, 2021]) expect(out.publishedYears).not.toContain(y);
  });
  it("ranks every municipality that has data, with ranks 1..N, in all three weight sets and both rules", () => {
    const withData = new Set(out.indicatorScores.filter((r) => !r.missing && r.municipality !== "0000").map((r) => `${r.year}|${r.municipality}`));
    for (const y of out.publishedYears) {
      const expected = [...withData].filter((k) => k.startsWith(`${y}|`)).length;
      expect(expected).toBeGreaterThan(280);
      for (const set of ["seniorernas-prioritering", "harledd-ur-brukarnas-svar", "egna-vikter"]) {
        for (const rule of ["riksmedian", "som-hemtjanstindex"]) {
          const rows = out.scores.filter((r) => r.year === y && r.weight_set === set && r.missing_rule === rule && r.municipality !== "0000");
          expect(rows.length).toBe(290);
          const ranked = rows.filter((r) => r.rank !== null);
          // The ranking is formed by those with enough coverage: ranks 1..N with shared ties. Below the
          // coverage limit there is no total, rank, interval or group, only sub-indices.
          const low = rows.filter((r) => r.flags.includes("lag_tackning"));
          expect(ranked.length).toBe(expected - low.length);
          for (const r of low) expect([r.total, r.rank, r.rank_low, r.rank_high, r.group]).toEqual([null, null, null, null, null]);
          const counted = ranked;
          expect(counted.length).toBeGreaterThan(280);
          expect(ranked.every((r) => r.n_ranked === counted.length)).toBe(true);
          const ranks = counted.map((r) => r.rank!).sort((a, b) => a - b);
          expect(ranks[0]).toBe(1);
          expect(ranks[ranks.length - 1]).toBeLessThanOrEqual(counted.length);
          for (const r of ranked) expect(r.rank).toBe(counted.filter((o) => o.total! > r.total!).length + 1);
          for (const r of ranked) expect(r.rank_low! <= r.rank! && r.rank! <= r.rank_high!).toBe(true);
        }
      }
    }
  });
  it("uses all five result groups in the default ranking", () => {
    const groups = new Set(out.scores.filter((r) => r.year === 2022 && r.weight_set === "seniorernas-prioritering" && r.missing_rule === "riksmedian").map((r) => r.group));
    for (const g of ["högt", "över medel", "nära medel", "under medel", "lågt"]) expect(groups).toContain(g);
  });
  it("derives weights from the survey with a stored, plausible relative-importance analysis", () => {
    expect(out.weights.relativeImportance.map((a) => a.year)).toEqual(out.publishedYears);
    for (const a of out.weights.relativeImportance) {
      expect(a.n).toBeGreaterThan(250);
      expect(a.r2).toBeGreaterThan(0.5);
      expect(a.items.reduce((s, it) => s + it.share, 0)).toBeCloseTo(1, 3);
    }
    const derived = out.weights.sets.find((s) => s.id === "harledd-ur-brukarnas-svar")!;
    const w = derived.byYear["2022"].subIndex;
    expect(w.stod_utveckling).toBeCloseTo(0.15, 6);
    expect(w.information + w.bistandshandlaggning + w.utforande + w.stod_utveckling).toBeCloseTo(1, 5);
  });
  it("uses real indicators in every sub-index of every published year", () => {
    for (const y of out.publishedYears) {
      const subs = new Set(out.indicatorScores.filter((r) => r.year === y && !r.missing).map((r) => r.sub_index));
      expect(subs.size).toBe(4);
    }
  });
});
