import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchLiveDataSet, type LiveOptions } from "./live";
import { FakeClock, FakeKolada, KOLADA, fixtureText, type Reply } from "./testing";

const KPIS = ["U21468", "U21461", "U21401", "U21432", "N21608", "N20508"];
const U0114 = "V21E011400101,V21E011400204";
const U0180 = "V21E018000101,V21E018000102,V21E018000215,V21E018000318";
const OUK = ["U21468", "U21461", "N21608"]; // unit-level KPIs with has_ou_data in kpi_meta.json
const YEARS = [2023, 2024];

function urls(base = KOLADA) {
  return {
    kpi: `${base}/kpi/${KPIS.join(",")}?per_page=5000`,
    groups: `${base}/municipality_groups?per_page=5000`,
    data: `${base}/data/kpi/${KPIS.join(",")}/municipality/0114,0180,1480,0000/year/2023,2024?per_page=5000`,
    ou: ["0114", "0180", "1480"].map((m) => `${base}/ou?municipality=${m}&per_page=5000`),
    oudata: OUK.flatMap((k) => YEARS.map((y) => `${base}/oudata/kpi/${k}/year/${y}?per_page=5000`)),
  };
}

type OuRecord = { kpi: string; ou: string; period: number; values: unknown[] };
/** The unit fixtures re-cut as Kolada answers /oudata/kpi/{kpi}/year/{year}: every unit holding values. */
function ouDataByKpi(kpi: string, year: number): Reply {
  const all = ["oudata_0114.json", "oudata_0180.json"].flatMap((f) => (JSON.parse(fixtureText(f)) as { values: OuRecord[] }).values);
  // A unit of a municipality not asked for (listed nowhere here) must be ignored.
  all.push({ kpi: "U21468", ou: "V21E999900101", period: 2024, values: [{ gender: "T", count: 1, status: "", value: 50, isdeleted: false }] });
  const values = all.filter((r) => r.kpi === kpi && r.period === year);
  return { body: { values, count: values.length, next_url: null, previous_url: null } };
}

function fakeKolada(clock: FakeClock, base = KOLADA) {
  const u = urls(base);
  const k = new FakeKolada(clock)
    .on(u.kpi, { fixture: "kpi_meta.json" })
    .on(u.groups, { fixture: "municipality_groups.json" })
    .on(u.data, { fixture: "live_data.json" })
    .on(u.ou[0], { fixture: "ou_0114.json" })
    .on(u.ou[1], { fixture: "ou_0180.json" })
    .on(u.ou[2], { fixture: "ou_1480.json" }); // listed units without values: not hemtjänst units here
  OUK.forEach((kpi, i) => YEARS.forEach((y, j) => k.on(u.oudata[i * YEARS.length + j], ouDataByKpi(kpi, y))));
  return k;
}

const dirs: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function options(kolada: FakeKolada, clock: FakeClock, cacheDir: string, lines: string[]): LiveOptions {
  return {
    years: [2024, 2023], kpis: KPIS, municipalities: ["1480", "0114", "0180"], cacheDir,
    fetchImpl: kolada.fetch, now: () => new Date("2026-05-04T08:00:00Z"), log: (l) => lines.push(l),
    http: { now: clock.now, sleep: clock.sleep, setTimer: clock.setTimer, random: () => 0.5 },
  };
}

function tempCache(): string {
  const d = mkdtempSync(path.join(tmpdir(), "kolada-cache-"));
  dirs.push(d);
  return d;
}

describe("fetchLiveDataSet", () => {
  it("fetches metadata, values, units and unit values with exactly the expected requests", async () => {
    const clock = new FakeClock();
    const kolada = fakeKolada(clock);
    const cache = tempCache();
    const lines: string[] = [];
    const ds = await fetchLiveDataSet(options(kolada, clock, cache, lines));
    const u = urls();
    expect(kolada.requests).toEqual([u.kpi, u.groups, u.data, ...u.ou, ...u.oudata]);

    expect(ds.indicators.map((i) => i.kpi)).toEqual(["N20508", "N21608", "U21401", "U21432", "U21461", "U21468"]);
    expect(ds.indicators.find((i) => i.kpi === "U21401")).toMatchObject({ ended: true, ended_year: 2024 });
    expect(ds.groups.map((g) => g.id)).toContain("G176683");

    const entries = JSON.parse(fixtureText("live_data.json")).values.reduce((n: number, r: { values: unknown[] }) => n + r.values.length, 0);
    expect(ds.values).toHaveLength(entries);
    expect(ds.values.every((v) => v.fetched_at === "2026-05-04")).toBe(true);
    expect(ds.values.find((v) => v.kpi === "U21468" && v.municipality === "0000" && v.year === 2024 && v.gender === "T")!.value).toBe(88);
    expect(ds.values.find((v) => v.kpi === "U21401" && v.municipality === "0000")).toMatchObject({ value: null, status: "Missing" });
    expect(ds.values.filter((v) => v.kpi === "U21432").every((v) => v.source === "senioralert")).toBe(true);

    // Units chosen by what they hold: the school in 0180's list and 1480's units without values are not.
    expect(ds.units.map((x) => x.unit_id)).toEqual([...U0114.split(","), ...U0180.split(",")]);
    expect(ds.units.filter((x) => x.provider_type === "privat").map((x) => x.unit_id)).toEqual(["V21E011400204", "V21E018000215", "V21E018000318"]);
    expect(ds.unitValues).toHaveLength(13);
    // Kolada has no respondent count per unit: unknown, never the inner count.
    expect(ds.unitValues.find((v) => v.unit_id === "V21E011400101")).toMatchObject({ kpi: "U21468", year: 2024, value: 80, respondents: null });
    expect(ds.unitValues.every((v) => v.respondents === null)).toBe(true);
    expect(ds.warnings).toEqual([]);
    expect(ds.notices).toEqual(["no hemtjänst unit with values listed for municipality 1480"]);
    expect(ds.publishedThrough).toMatchObject({ U21468: 2025, U21432: 2025 });
    expect(ds.statuses).toEqual({ Missing: 2 });
    expect(lines.join("\n")).toMatch(/units: 6 hemtjänst units .*; 3 other listed entries hold no hemtjänst value \(2 of them with a V21 id\)/);

    // one progress line per step
    expect(lines.filter((l) => /^kolada: (KPI metadata|municipality groups|municipality values|units|unit values|cached)/.test(l))).toHaveLength(6);
    expect(lines.join("\n")).toMatch(/KPI metadata: 6 KPIs \(2 ended, 3 with unit data\)/);

    // raw pages in the cache, an index naming every URL, no staging folder left
    const index = JSON.parse(readFileSync(path.join(cache, "index.json"), "utf8"));
    expect(index.fetched_at).toBe("2026-05-04");
    expect(index.pages.map((p: { url: string }) => p.url)).toEqual(kolada.requests);
    for (const p of index.pages) expect(existsSync(path.join(cache, p.file))).toBe(true);
    const dataPage = index.pages.find((p: { kind: string }) => p.kind === "data");
    expect(readFileSync(path.join(cache, dataPage.file), "utf8")).toBe(fixtureText("live_data.json"));
    expect(readdirSync(cache).filter((f) => f.startsWith(".partial"))).toEqual([]);
  });

  it("a failed run leaves the good cache untouched", async () => {
    const cache = tempCache();
    const clock = new FakeClock();
    await fetchLiveDataSet(options(fakeKolada(clock), clock, cache, []));
    const before = readFileSync(path.join(cache, "index.json"), "utf8");
    const files = readdirSync(cache, { recursive: true }).sort();

    const clock2 = new FakeClock();
    const broken = fakeKolada(clock2).on(urls().oudata[1], { fixture: "data_schema_drift.json" });
    const lines: string[] = [];
    await expect(fetchLiveDataSet({ ...options(broken, clock2, cache, lines), now: () => new Date("2026-06-01T08:00:00Z") }))
      .rejects.toThrow(/schema drift at .*oudata.*row 0, field "ou"/);
    expect(readFileSync(path.join(cache, "index.json"), "utf8")).toBe(before);
    expect(readdirSync(cache, { recursive: true }).sort()).toEqual(files);
  });

  it("stops on a municipality-level empty answer (the wrong-URL symptom)", async () => {
    const clock = new FakeClock();
    const kolada = fakeKolada(clock).on(urls().data, { fixture: "data_empty.json" });
    await expect(fetchLiveDataSet(options(kolada, clock, tempCache(), []))).rejects.toThrow(/empty answer .*\/data\/kpi\//);
  });

  it("takes the base URL from KOLADA_BASE_URL", async () => {
    const base = "http://127.0.0.1:8081/v3";
    vi.stubEnv("KOLADA_BASE_URL", base);
    const clock = new FakeClock();
    const kolada = fakeKolada(clock, base);
    const lines: string[] = [];
    const ds = await fetchLiveDataSet(options(kolada, clock, tempCache(), lines));
    expect(ds.baseUrl).toBe(base);
    expect(kolada.requests.every((u) => u.startsWith(`${base}/`))).toBe(true);
    expect(lines[0]).toContain(`live from ${base}`);
  });

  it("gives up at the total time limit", async () => {
    const clock = new FakeClock();
    const kolada = fakeKolada(clock).on(urls().groups, { status: 503, headers: { "retry-after": "90" } });
    const cache = tempCache();
    await expect(fetchLiveDataSet({ ...options(kolada, clock, cache, []), totalTimeLimitMs: 60_000 }))
      .rejects.toThrow(/total time limit of 60 s/);
    expect(existsSync(path.join(cache, "index.json"))).toBe(false);
  });
});
