import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import * as d3 from "d3";
import type { FeatureCollection, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { ensureD3Winding, hasD3Winding, prepareMunicipalityGeo, reverseRings, roundRings, serializeMunicipalityGeo, type MunicipalityGeo } from "./geo";

// A small square around Stockholm, exterior counter-clockwise as RFC 7946 prescribes, with a hole.
const square: Polygon = {
  type: "Polygon",
  coordinates: [
    [[18, 59], [18.2, 59], [18.2, 59.2], [18, 59.2], [18, 59]],
    [[18.05, 59.05], [18.05, 59.1], [18.1, 59.1], [18.1, 59.05], [18.05, 59.05]],
  ],
};
const source: FeatureCollection = {
  type: "FeatureCollection",
  features: [
    { type: "Feature", properties: { id: "0180", name: "Stockholm" }, geometry: square },
    { type: "Feature", properties: { id: "0114", name: "Upplands Väsby" }, geometry: { type: "Polygon", coordinates: [[[17.8, 59.5], [17.9, 59.5], [17.9, 59.6], [17.8, 59.5]]] } },
  ],
};

describe("geo (pure)", () => {
  it("reads RFC 7946 winding as the whole globe and reversed rings as a small area", () => {
    const f = { type: "Feature" as const, properties: {}, geometry: square };
    expect(hasD3Winding(f)).toBe(false);
    const fixed = ensureD3Winding(f);
    expect(hasD3Winding(fixed)).toBe(true);
    expect(d3.geoArea(fixed)).toBeLessThan(1e-4);
    expect(ensureD3Winding(fixed)).toBe(fixed); // idempotent
    expect(reverseRings(reverseRings(square))).toEqual(square);
  });

  it("rounds coordinates, drops repeated points and keeps rings closed", () => {
    const r = roundRings({ type: "Polygon", coordinates: [[[1.00001, 2.00001], [1.00002, 2.00002], [1.5, 2], [1.5, 2.5], [1.00004, 2.00001]]] }, 4) as Polygon;
    expect(r.coordinates[0]).toEqual([[1, 2], [1.5, 2], [1.5, 2.5], [1, 2]]);
  });

  it("prepares a sorted, d3-wound, compact collection and names bad input", () => {
    const out = prepareMunicipalityGeo(source);
    expect(out.features.map((f) => f.properties.id)).toEqual(["0114", "0180"]);
    expect(out.features.every((f) => hasD3Winding(f))).toBe(true);
    expect(Object.keys(out.features[1].properties)).toEqual(["id", "name"]);
    expect(() => prepareMunicipalityGeo({ type: "FeatureCollection", features: [{ type: "Feature", properties: { name: "X" }, geometry: square }] })).toThrow(/4-digit/);
    expect(serializeMunicipalityGeo(out).split("\n")).toHaveLength(5);
  });
});

describe("data/reference/kommuner.geo.json (committed map file)", () => {
  const file = path.resolve(__dirname, "../../data/reference/kommuner.geo.json");
  const geo: MunicipalityGeo = JSON.parse(readFileSync(file, "utf8"));

  it("holds 290 municipalities with 4-digit ids and names, and is well under 300 kB", () => {
    expect(geo.features).toHaveLength(290);
    expect(new Set(geo.features.map((f) => f.properties.id)).size).toBe(290);
    for (const f of geo.features) {
      expect(f.properties.id).toMatch(/^\d{4}$/);
      expect(f.properties.name.length).toBeGreaterThan(1);
    }
    expect(statSync(file).size).toBeLessThan(300_000);
  });

  it("is wound for d3 and covers Sweden", () => {
    for (const f of geo.features) expect(hasD3Winding(f), f.properties.id).toBe(true);
    const [[w, s], [e, n]] = d3.geoBounds(geo as FeatureCollection);
    expect(w).toBeCloseTo(11.13, 1);
    expect(e).toBeCloseTo(24.15, 1);
    expect(s).toBeCloseTo(55.34, 1);
    expect(n).toBeCloseTo(69.05, 1);
  });

  it("is what scripts/make-geo.ts writes from the shared source (when the source is present)", () => {
    const src = path.resolve(__dirname, "../../../shared/data/geo/kommuner_cc0.geojson");
    let text: string;
    try {
      text = readFileSync(src, "utf8");
    } catch {
      return; // the shared folder is not on every machine; the committed file is the contract
    }
    expect(serializeMunicipalityGeo(prepareMunicipalityGeo(JSON.parse(text)))).toBe(readFileSync(file, "utf8"));
  });
});
