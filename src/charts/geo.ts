// Municipality boundaries for the map: pure functions, no file access (scripts/make-geo.ts reads and
// writes the files). Source: SCB's municipal boundaries, CC0 (see data/reference/GEO-PROVENANCE.md).
//
// Winding: RFC 7946 §3.1.6 (https://www.rfc-editor.org/rfc/rfc7946#section-3.1.6) says exterior rings
// run counter-clockwise; d3-geo, and so Plot's geo mark, treats a counter-clockwise exterior as "the
// whole sphere minus this area" (https://d3js.org/d3-geo#d3-geo: "clockwise winding order"). The map
// file we commit is therefore rewound for d3 (every ring reversed), and charts check it again.
import * as d3 from "d3";
import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon, Position } from "geojson";

export interface MunicipalityProperties {
  id: string; // 4-character kommunkod, "0114"
  name: string; // "Upplands Väsby"
}
export type MunicipalityFeature = Feature<Polygon | MultiPolygon, MunicipalityProperties>;
export type MunicipalityGeo = FeatureCollection<Polygon | MultiPolygon, MunicipalityProperties>;

function mapRings(geometry: Polygon | MultiPolygon, f: (ring: Position[]) => Position[] | null): Polygon | MultiPolygon {
  const polygon = (rings: Position[][]): Position[][] | null => {
    const out: Position[][] = [];
    for (let i = 0; i < rings.length; i++) {
      const r = f(rings[i]);
      if (r) out.push(r);
      else if (i === 0) return null; // exterior gone: drop the polygon with its holes
    }
    return out;
  };
  if (geometry.type === "Polygon") {
    const p = polygon(geometry.coordinates);
    if (!p) throw new Error("geo: a Polygon lost its exterior ring while processing");
    return { type: "Polygon", coordinates: p };
  }
  const ps = geometry.coordinates.map(polygon).filter((p): p is Position[][] => p !== null);
  if (!ps.length) throw new Error("geo: a MultiPolygon lost all its polygons while processing");
  return ps.length === 1 ? { type: "Polygon", coordinates: ps[0] } : { type: "MultiPolygon", coordinates: ps };
}

/** Reverses every ring: RFC 7946 winding (exterior counter-clockwise) to d3 winding, or back. */
export function reverseRings(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return mapRings(geometry, (ring) => [...ring].reverse());
}

/**
 * Rounds coordinates to `decimals` (4 decimals ≈ 11 m north–south, plenty for a national choropleth),
 * drops points that became duplicates of their predecessor, and drops rings left with fewer than 4
 * positions (a closed triangle). Rings stay closed.
 */
export function roundRings(geometry: Polygon | MultiPolygon, decimals = 4): Polygon | MultiPolygon {
  const m = 10 ** decimals;
  const round = (v: number) => Math.round(v * m) / m;
  return mapRings(geometry, (ring) => {
    const out: Position[] = [];
    for (const [x, y] of ring) {
      const p = [round(x), round(y)];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    const first = out[0];
    const last = out[out.length - 1];
    if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
    return out.length >= 4 ? out : null;
  });
}

/** True when d3-geo reads the feature as a small area (correct winding), false if it spans the globe. */
export function hasD3Winding(feature: Feature<Polygon | MultiPolygon>): boolean {
  return d3.geoArea(feature) < 2 * Math.PI;
}

/** Returns the feature with d3 winding, reversing the rings of each polygon only where needed (idempotent). */
export function ensureD3Winding<P extends GeoJsonProperties>(feature: Feature<Polygon | MultiPolygon, P>): Feature<Polygon | MultiPolygon, P> {
  const g = feature.geometry;
  const fix = (rings: Position[][]) =>
    d3.geoArea({ type: "Polygon", coordinates: rings }) < 2 * Math.PI ? rings : rings.map((r) => [...r].reverse());
  if (hasD3Winding(feature) && g.type === "Polygon") return feature;
  const geometry: Polygon | MultiPolygon =
    g.type === "Polygon" ? { type: "Polygon", coordinates: fix(g.coordinates) } : { type: "MultiPolygon", coordinates: g.coordinates.map(fix) };
  return { ...feature, geometry };
}

/**
 * From SCB's boundaries (RFC 7946 winding, properties id and name) to our compact map file: d3 winding,
 * coordinates rounded, only `id` and `name` kept, features sorted by id, so the output is deterministic.
 */
export function prepareMunicipalityGeo(source: FeatureCollection, decimals = 4): MunicipalityGeo {
  const features: MunicipalityFeature[] = source.features.map((f, i) => {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const id = String(props.id ?? f.id ?? "");
    const name = String(props.name ?? "");
    if (!/^\d{4}$/.test(id)) throw new Error(`geo: feature ${i} has no 4-digit municipality id (properties.id = ${JSON.stringify(props.id)})`);
    if (!name) throw new Error(`geo: feature ${i} (${id}) has no name`);
    if (!f.geometry || (f.geometry.type !== "Polygon" && f.geometry.type !== "MultiPolygon"))
      throw new Error(`geo: feature ${id} has geometry ${f.geometry?.type ?? "null"}, expected Polygon or MultiPolygon`);
    const rounded = roundRings(f.geometry, decimals);
    const feature: MunicipalityFeature = { type: "Feature", properties: { id, name }, geometry: rounded };
    return ensureD3Winding(feature);
  });
  features.sort((a, b) => (a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0));
  const ids = new Set(features.map((f) => f.properties.id));
  if (ids.size !== features.length) throw new Error("geo: duplicate municipality ids in the source");
  return { type: "FeatureCollection", features };
}

/** The map file as text: one feature per line, so a changed boundary is a readable diff. */
export function serializeMunicipalityGeo(geo: MunicipalityGeo): string {
  return `{"type":"FeatureCollection","features":[\n${geo.features.map((f) => JSON.stringify(f)).join(",\n")}\n]}\n`;
}

/**
 * Wraps a fitted d3 projection so projected points snap to a grid of `step` px, and repeated points and
 * points on a straight line between their neighbours are dropped. Neighbours share their border
 * vertices, so they snap identically and no slivers appear; the SVG gets much smaller (a national map
 * a few hundred pixels wide does not need sub-pixel detail).
 */
export function quantizedProjection(projection: d3.GeoProjection, step = 0.5): { stream: (s: d3.GeoStream) => d3.GeoStream } {
  const snap = (v: number) => Math.round(v / step) * step;
  return {
    stream(sink) {
      let line: [number, number][] = [];
      const flush = () => {
        const kept: [number, number][] = [];
        for (let i = 0; i < line.length; i++) {
          const p = line[i];
          const a = kept[kept.length - 1];
          const b = line[i + 1];
          // Drop p when a, p, b are collinear (first and last points always stay).
          if (a && b && (p[0] - a[0]) * (b[1] - a[1]) === (p[1] - a[1]) * (b[0] - a[0])) continue;
          kept.push(p);
        }
        for (const [x, y] of kept) sink.point(x, y);
        line = [];
      };
      const snapper: d3.GeoStream = {
        point(x, y) {
          const sx = snap(x);
          const sy = snap(y);
          const last = line[line.length - 1];
          if (last && last[0] === sx && last[1] === sy) return;
          line.push([sx, sy]);
        },
        lineStart() {
          line = [];
          sink.lineStart();
        },
        lineEnd() {
          flush();
          sink.lineEnd();
        },
        polygonStart() {
          sink.polygonStart();
        },
        polygonEnd() {
          sink.polygonEnd();
        },
        sphere() {
          sink.sphere?.();
        },
      };
      return projection.stream(snapper);
    },
  };
}
