import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectAccessibleSwedishChart, prettySvg } from "./chartAssertions";
import { rankingMapFixture } from "./fixtures";
import { reverseRings, type MunicipalityGeo } from "./geo";
import { rankingMapChart } from "./rankingMapChart";

const geo: MunicipalityGeo = JSON.parse(readFileSync(path.resolve(__dirname, "../../data/reference/kommuner.geo.json"), "utf8"));

describe("rankingMapChart", () => {
  const input = rankingMapFixture(geo);
  const out = rankingMapChart(input);

  it("matches the SVG snapshot", async () => {
    await expect(prettySvg(out.svg)).toMatchFileSnapshot("./__snapshots__/rankingMapChart.svg");
  });

  it("is accessible, Swedish and free of NaN", () => {
    expectAccessibleSwedishChart(out);
  });

  it("draws all 290 municipalities, plus Stockholms län again in the inset", () => {
    const shapes = (out.svg.match(/<path[^>]*fill="url\(#karta-2024-[^"]+\)"/g) ?? []).length;
    expect(shapes).toBe(290 + 26);
  });

  it("tells groups apart by pattern as well as colour, with a text legend and counts", () => {
    for (const g of ["hogt", "over-medel", "nara-medel", "under-medel", "lagt", "saknas"]) {
      expect(out.svg).toMatch(new RegExp(`<pattern [^>]*id="karta-2024-${g}"`));
    }
    expect((out.svg.match(/<pattern /g) ?? []).length).toBe(6);
    // Four groups carry a white texture (lines or dots); "högt" is solid, which is its own pattern.
    const textures = (out.svg.match(/<pattern[\s\S]*?<\/pattern>/g) ?? []).map((p) => (p.match(/<(line|circle)\b/g) ?? []).length);
    expect(textures.filter((n) => n > 0)).toHaveLength(4);
    expect(new Set(out.svg.match(/<pattern[\s\S]*?<\/pattern>/g)!.map((p) => p.replace(/id="[^"]+"|fill="#[0-9A-Fa-f]+"/g, ""))).size).toBeGreaterThanOrEqual(4);
    for (const label of ["Högt (", "Över medel (", "Nära medel (", "Under medel (", "Lågt (", "Uppgift saknas ("]) expect(out.svg).toContain(label);
  });

  it("gives no shape a path that covers the whole frame (winding is right)", () => {
    // With the wrong winding d3 fills the sphere: a path starting at the frame's corner.
    const big = (out.svg.match(/d="M0,0L/g) ?? []).length;
    expect(big).toBe(0);
  });

  it("accepts RFC 7946 winding too (rewinds what it is given)", () => {
    const rfc = { ...geo, features: geo.features.map((f) => ({ ...f, geometry: reverseRings(f.geometry) })) };
    const again = rankingMapChart({ ...input, geo: rfc as MunicipalityGeo });
    expect(again.svg).toBe(out.svg);
  });

  it("has one table row per municipality, sorted in Swedish order", () => {
    expect(out.table.rows).toHaveLength(290);
    const names = out.table.rows.map((r) => r.kommun as string);
    expect(names.indexOf("Öckerö")).toBeGreaterThan(names.indexOf("Åre"));
    expect(out.source).toContain("Bearbetning av data från Kolada");
  });

  it("stays a reasonable size for an inline page chart", () => {
    expect(out.svg.length).toBeLessThan(160_000);
  });
});
