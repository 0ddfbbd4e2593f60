import { describe, expect, it } from "vitest";
import { ALL_KPIS } from "../../kpis";
import { KoladaClient, KoladaEmptyError, chunk, dropWithdrawn } from "./client";
import { KoladaHttp } from "./http";
import { KoladaSchemaError } from "./schema";
import { FakeClock, FakeKolada, KOLADA, fixtureText, type Reply } from "./testing";

function setup(opts: { perPage?: number; baseUrl?: string } = {}) {
  const clock = new FakeClock();
  const kolada = new FakeKolada(clock);
  const pages: string[] = [];
  const http = new KoladaHttp(clock.httpOptions({ fetchImpl: kolada.fetch }));
  const client = new KoladaClient({ http, ...opts, onPage: (p) => { pages.push(p.url); } });
  return { clock, kolada, client, pages };
}

const M4 = ["0114", "0180", "1480", "0000"];
const PAGED = `${KOLADA}/data/kpi/U21468,U21461/municipality/0114,0180,1480,0000/year/2023,2024`;

/** Path segments of a data/oudata URL, split into id lists. */
function segmentsOf(url: string): Record<string, string[]> {
  const parts = new URL(url).pathname.split("/").slice(3); // after /v3/data
  const out: Record<string, string[]> = {};
  for (let i = 0; i < parts.length; i += 2) out[parts[i]] = parts[i + 1].split(",");
  return out;
}

/** A valid one-record answer for any data URL (first KPI × first municipality × first year). */
function generated(url: string): Reply {
  const s = segmentsOf(url);
  return { body: { values: [{ kpi: s.kpi[0], municipality: s.municipality[0], period: Number(s.year[0]), values: [{ gender: "T", count: 1, status: "", value: 80, isdeleted: false }] }], count: 1, next_url: null, previous_url: null } };
}

describe("chunk", () => {
  it("splits into pieces of at most n", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 25)).toEqual([]);
  });
});

describe("KoladaClient data (municipality level)", () => {
  it("follows next_url across pages and keeps every record", async () => {
    const { kolada, client, pages } = setup({ perPage: 8 });
    kolada.on(`${PAGED}?per_page=8`, { fixture: "data_page1.json" });
    kolada.on(`${PAGED}?page=2&per_page=8`, { fixture: "data_page2.json" });
    const rows = await client.fetchMunicipalityData(["U21468", "U21461"], M4, [2023, 2024]);
    expect(kolada.requests).toEqual([`${PAGED}?per_page=8`, `${PAGED}?page=2&per_page=8`]);
    expect(pages).toEqual(kolada.requests); // every validated page is handed to the cache
    expect(rows).toHaveLength(16);
    expect(new Set(rows.map((r) => `${r.kpi}|${r.municipality}|${r.period}`)).size).toBe(16);
    const sthlm = rows.find((r) => r.kpi === "U21468" && r.municipality === "0180" && r.period === 2024)!;
    expect(sthlm.values.find((v) => v.gender === "T")!.value).toBe(85);
  });

  it("uses the path form only, ≤ 25 ids per segment, for all KPIs × 290 municipalities + Riket", async () => {
    const { kolada, client } = setup();
    kolada.fallback = generated;
    const munis = Array.from({ length: 290 }, (_, i) => String(114 + i).padStart(4, "0")).concat("0000");
    await client.fetchMunicipalityData(ALL_KPIS, munis, [2019, 2020, 2022, 2023, 2024]);
    const kpiChunks = Math.ceil(ALL_KPIS.length / 25);
    expect(kolada.requests).toHaveLength(kpiChunks * Math.ceil(291 / 25));
    const seenKpis = new Set<string>();
    const seenMunis = new Set<string>();
    for (const url of kolada.requests) {
      expect(url).toMatch(/^https:\/\/api\.kolada\.se\/v3\/data\/kpi\/[A-Z0-9,]+\/municipality\/[0-9,]+\/year\/[0-9,]+\?per_page=5000$/);
      expect(url).not.toContain("?kpi=");
      const s = segmentsOf(url);
      expect(s.kpi.length).toBeLessThanOrEqual(25);
      expect(s.municipality.length).toBeLessThanOrEqual(25);
      expect(s.year).toEqual(["2019", "2020", "2022", "2023", "2024"]);
      s.kpi.forEach((k) => seenKpis.add(k));
      s.municipality.forEach((m) => seenMunis.add(m));
    }
    expect(seenKpis.size).toBe(ALL_KPIS.length);
    expect(seenMunis.size).toBe(291);
  });

  it("splits a chunk in half on HTTP 422, recursively", async () => {
    const { kolada, client } = setup();
    kolada.fallback = generated;
    const munis = ["0114", "0115", "0117", "0120", "0123", "0125", "0126", "0127"];
    const url = (ms: string[]) => `${KOLADA}/data/kpi/U21468/municipality/${ms.join(",")}/year/2024?per_page=5000`;
    kolada.on(url(munis), { status: 422, fixture: "error_422.json" });
    kolada.on(url(munis.slice(0, 4)), { status: 422, fixture: "error_422.json" });
    const rows = await client.fetchMunicipalityData(["U21468"], munis, [2024]);
    expect(kolada.requests).toEqual([
      url(munis),
      url(munis.slice(0, 4)), url(munis.slice(0, 2)), url(munis.slice(2, 4)),
      url(munis.slice(4)),
    ]);
    expect(rows.map((r) => r.municipality)).toEqual(["0114", "0117", "0123"]);
  });

  it("splits on HTTP 400 and 414 as well (a refused long path)", async () => {
    for (const status of [400, 414]) {
      const { kolada, client } = setup();
      kolada.fallback = generated;
      const munis = ["0114", "0115", "0117", "0120"];
      const url = (ms: string[]) => `${KOLADA}/data/kpi/U21468/municipality/${ms.join(",")}/year/2024?per_page=5000`;
      kolada.on(url(munis), { status, body: { detail: "Bad Request" } });
      const rows = await client.fetchMunicipalityData(["U21468"], munis, [2024]);
      expect(kolada.requests).toEqual([url(munis), url(munis.slice(0, 2)), url(munis.slice(2))]);
      expect(rows.map((r) => r.municipality)).toEqual(["0114", "0117"]);
    }
  });

  it("does not split on other client errors (404 stops at once)", async () => {
    const { kolada, client } = setup();
    kolada.fallback = () => ({ status: 404, body: { detail: "Not Found" } });
    await expect(client.fetchMunicipalityData(["U21468"], ["0114", "0180"], [2024])).rejects.toThrow(/HTTP 404/);
    expect(kolada.requests).toHaveLength(1);
  });

  it("stops with a clear error when a single id still gets 422", async () => {
    const { kolada, client } = setup();
    kolada.fallback = () => ({ status: 422, fixture: "error_422.json" });
    await expect(client.fetchMunicipalityData(["U21468"], ["0114"], [2024])).rejects.toThrow(/HTTP 422 .*cannot split further/);
  });

  it("treats an empty 200 answer as an error naming the URL", async () => {
    const { kolada, client } = setup();
    const url = `${KOLADA}/data/kpi/U21468/municipality/0114/year/2021?per_page=5000`;
    kolada.on(url, { fixture: "data_empty.json" });
    const err = await client.fetchMunicipalityData(["U21468"], ["0114"], [2021]).catch((e) => e);
    expect(err).toBeInstanceOf(KoladaEmptyError);
    expect(err.message).toContain(url);
    // …unless the caller says an empty answer is normal
    expect(await client.fetchMunicipalityData(["U21468"], ["0114"], [2021], { allowEmpty: true })).toEqual([]);
  });

  it("reports schema drift with URL, row index and field", async () => {
    const { kolada, client } = setup();
    const url = `${KOLADA}/data/kpi/U21468/municipality/0114,0180/year/2024?per_page=5000`;
    kolada.on(url, { fixture: "data_schema_drift.json" });
    const err = await client.fetchMunicipalityData(["U21468"], ["0114", "0180"], [2024]).catch((e) => e);
    expect(err).toBeInstanceOf(KoladaSchemaError);
    expect(err.message).toContain(url);
    expect(err.row).toBe(1);
    expect(err.field).toBe("municipality");
  });

  it("names nested fields and envelope fields too", async () => {
    const { kolada, client } = setup();
    const url = `${KOLADA}/data/kpi/U21468/municipality/0114/year/2024?per_page=5000`;
    kolada.on(url, { body: { values: [{ kpi: "U21468", municipality: "0114", period: 2024, values: [{ gender: "X", value: 1 }] }], count: 1, next_url: null } });
    await expect(client.fetchMunicipalityData(["U21468"], ["0114"], [2024])).rejects.toThrow(/row 0, field "values\[0\]\.gender"/);
    kolada.on(url, { body: { results: [], count: 0 } });
    await expect(client.fetchMunicipalityData(["U21468"], ["0114"], [2024])).rejects.toThrow(/field "values"/);
  });

  it("detects a next_url loop", async () => {
    const { kolada, client } = setup({ perPage: 1 });
    const lp = `${KOLADA}/data/kpi/U21468/municipality/0114,0180/year/2024`;
    kolada.on(`${lp}?per_page=1`, { fixture: "data_loop_page1.json" });
    kolada.on(`${lp}?page=2&per_page=1`, { fixture: "data_loop_page2.json" });
    kolada.on(`${lp}?page=1&per_page=1`, { fixture: "data_loop_page1.json" });
    await expect(client.fetchMunicipalityData(["U21468"], ["0114", "0180"], [2024])).rejects.toThrow(/next_url loop.*page=2&per_page=1 was already fetched/);
    expect(kolada.requests).toHaveLength(3);
  });

  it("re-bases Kolada's absolute next_url onto an overridden base URL", async () => {
    const { kolada, client } = setup({ perPage: 8, baseUrl: "http://127.0.0.1:9999/v3" });
    const local = PAGED.replace(KOLADA, "http://127.0.0.1:9999/v3");
    kolada.on(`${local}?per_page=8`, { fixture: "data_page1.json" });
    kolada.on(`${local}?page=2&per_page=8`, { fixture: "data_page2.json" });
    expect(await client.fetchMunicipalityData(["U21468", "U21461"], M4, [2023, 2024])).toHaveLength(16);
    expect(kolada.requests.every((u) => u.startsWith("http://127.0.0.1:9999/v3/"))).toBe(true);
  });

  it("never follows next_url to another host: path and query are re-based onto the configured one", async () => {
    const { kolada, client } = setup({ perPage: 8 });
    const page2 = JSON.parse(fixtureText("data_page1.json"));
    page2.next_url = page2.next_url.replace("https://api.kolada.se/v3", "http://evil.example:8080/v3");
    kolada.on(`${PAGED}?per_page=8`, { body: page2 });
    kolada.on(`${PAGED}?page=2&per_page=8`, { fixture: "data_page2.json" });
    expect(await client.fetchMunicipalityData(["U21468", "U21461"], M4, [2023, 2024])).toHaveLength(16);
    expect(kolada.requests).toEqual([`${PAGED}?per_page=8`, `${PAGED}?page=2&per_page=8`]);
    expect(() => client.resolveNext("https://api.kolada.se/elsewhere?page=2", `${PAGED}?per_page=8`)).toThrow(/outside the API/);
    // a mirror with its own base path: Kolada's /v3/… is re-based onto it
    const mirror = new KoladaClient({ http: new KoladaHttp(), baseUrl: "https://mirror.test/kolada/v3" });
    expect(mirror.resolveNext("https://api.kolada.se/v3/data/kpi/U21468/year/2024?page=2", "https://mirror.test/kolada/v3/data/kpi/U21468/year/2024"))
      .toBe("https://mirror.test/kolada/v3/data/kpi/U21468/year/2024?page=2");
  });

  it("accepts a page without count (nothing depends on it)", async () => {
    const { kolada, client } = setup();
    const url = `${KOLADA}/data/kpi/U21468/municipality/0114/year/2024?per_page=5000`;
    kolada.on(url, { body: { values: [{ kpi: "U21468", municipality: "0114", period: 2024, values: [{ gender: "T", count: 1, status: "", value: 81, isdeleted: false }] }], next_url: null, previous_url: null } });
    expect((await client.fetchMunicipalityData(["U21468"], ["0114"], [2024]))[0].values[0].value).toBe(81);
  });

  it("drops withdrawn entries before anything else, keeping the current value beside them", async () => {
    const { kolada, client } = setup();
    const url = `${KOLADA}/data/kpi/U21468/municipality/0114/year/2024?per_page=5000`;
    const v = (value: number | null, isdeleted: boolean) => ({ gender: "T", count: value === null ? 0 : 1, status: value === null ? "Missing" : "", value, isdeleted });
    kolada.on(url, { body: { values: [
      { kpi: "U21468", municipality: "0114", period: 2024, values: [v(70, true)] }, // withdrawn first…
      { kpi: "U21468", municipality: "0114", period: 2024, values: [v(81, false)] }, // …then the current value
      { kpi: "U21468", municipality: "0114", period: 2023, values: [v(null, true)] }, // only a withdrawn entry
    ], count: 3, next_url: null, previous_url: null } });
    const rows = await client.fetchMunicipalityData(["U21468"], ["0114"], [2024]);
    expect(rows).toEqual([{ kpi: "U21468", municipality: "0114", period: 2024, values: [v(81, false)] }]);
    expect(client.withdrawn).toBe(2);
  });

  it("stops when two current values share a key (naming it)", () => {
    const rec = (value: number) => ({ kpi: "U21468", municipality: "0114", period: 2024, values: [{ gender: "T" as const, value, isdeleted: false }] });
    expect(() => dropWithdrawn([rec(81), rec(82)], (r) => r.municipality)).toThrow(/two current .*U21468\|0114\|2024\|T: 81 and 82/);
    expect(dropWithdrawn([rec(81), rec(81)], (r) => r.municipality).records).toHaveLength(1);
  });

  it("rejects ids that could change the URL path", async () => {
    const { client } = setup();
    await expect(client.fetchMunicipalityData(["U21468/../x"], ["0114"], [2024])).rejects.toThrow(/invalid KPI id/);
  });
});

describe("KoladaClient metadata, groups, units", () => {
  it("reads KPI metadata", async () => {
    const { kolada, client } = setup();
    const ids = ["U21468", "U21461", "U21401", "U21432", "N21608", "N20508"];
    kolada.on(`${KOLADA}/kpi/${ids.join(",")}?per_page=5000`, { fixture: "kpi_meta.json" });
    const kpis = await client.fetchKpis(ids);
    expect(kpis.map((k) => k.id)).toEqual(ids);
    const u21401 = kpis.find((k) => k.id === "U21401")!;
    expect(u21401.title).toMatch(/\(- 2024\)$/);
    expect(u21401.has_ou_data).toBe(false);
    expect(u21401.is_divided_by_gender).toBe(true);
    expect(kpis.find((k) => k.id === "U21468")!.has_ou_data).toBe(true);
  });

  it("reads municipality groups with members", async () => {
    const { kolada, client } = setup();
    kolada.on(`${KOLADA}/municipality_groups?per_page=5000`, { fixture: "municipality_groups.json" });
    const groups = await client.fetchMunicipalityGroups();
    expect(groups.find((g) => g.id === "G92787")!.members.map((m) => m.member_id)).toEqual(["0180", "1280", "1480"]);
    const peers = groups.find((g) => g.title === "Liknande kommuner äldreomsorg, Stockholm, 2024")!;
    expect(peers.members).toHaveLength(7);
    expect(peers.members.map((m) => m.member_id)).toContain("1480");
  });

  it("lists a municipality's units unvalidated, with URL and row (chosen and validated later)", async () => {
    const { kolada, client } = setup();
    const url = `${KOLADA}/ou?municipality=0180&per_page=5000`;
    const body = JSON.parse(fixtureText("ou_0180.json"));
    body.values.push({ id: "V23E018000901", municipality: "", title: "" }); // odd: no municipality, no title
    kolada.on(url, { body });
    const listed = await client.fetchUnitList("0180");
    expect(listed).toHaveLength(6);
    expect(listed.map((e) => (e.raw as { id: string }).id).slice(0, 2)).toEqual(["V15E018001301", "V21E018000101"]);
    expect(listed[5]).toMatchObject({ url, row: 5 });
  });

  it("asks /oudata by KPI and year for every unit holding values", async () => {
    const { kolada, client } = setup();
    const url = `${KOLADA}/oudata/kpi/U21468/year/2024?per_page=5000`;
    kolada.on(url, { fixture: "oudata_0114.json" });
    const rows = await client.fetchUnitDataByKpi(["U21468"], [2024]);
    expect(kolada.requests).toEqual([url]);
    expect(rows.map((r) => r.ou)).toEqual(["V21E011400101", "V21E011400204"]);
  });

  it("reads unit values (oudata); the inner count is 1/0, not respondents", async () => {
    const { kolada, client } = setup();
    const ous = ["V21E018000101", "V21E018000102", "V21E018000215", "V21E018000318"];
    const url = `${KOLADA}/oudata/kpi/U21468,U21461,N21608/ou/${ous.join(",")}/year/2023,2024?per_page=5000`;
    kolada.on(url, { fixture: "oudata_0180.json" });
    const rows = await client.fetchUnitData(["U21468", "U21461", "N21608"], ous, [2023, 2024]);
    expect(kolada.requests).toEqual([url]);
    expect(rows).toHaveLength(11);
    const r = rows.find((x) => x.ou === "V21E018000101" && x.kpi === "U21468" && x.period === 2024)!;
    expect(r.values[0]).toMatchObject({ gender: "T", value: 88, count: 1 });
  });

  it("chunks OU ids to ≤ 25 per request", async () => {
    const { kolada, client } = setup();
    kolada.fallback = () => ({ fixture: "oudata_0114.json" });
    const ous = Array.from({ length: 60 }, (_, i) => `V21E0180${String(i).padStart(5, "0")}`);
    await client.fetchUnitData(["U21468"], ous, [2024]);
    expect(kolada.requests.map((u) => segmentsOf(u).ou.length)).toEqual([25, 25, 10]);
    expect(kolada.requests.every((u) => u.includes("/oudata/kpi/U21468/ou/"))).toBe(true);
  });
});
