import { describe, expect, it } from "vitest";
import { expectAccessibleSwedishChart, prettySvg } from "./chartAssertions";
import { trendFixture } from "./fixtures";
import { trendChart, trendYears } from "./trendChart";

describe("trendChart", () => {
  const input = trendFixture();
  const out = trendChart(input);

  it("matches the SVG snapshots (640 and 375 px)", async () => {
    await expect(prettySvg(out.svg)).toMatchFileSnapshot("./__snapshots__/trendChart.svg");
    await expect(prettySvg(trendChart(input, { width: 375 }).svg)).toMatchFileSnapshot("./__snapshots__/trendChart-375.svg");
  });

  it("is accessible, Swedish and free of NaN", () => {
    expectAccessibleSwedishChart(out);
  });

  it("breaks the line at an unpublished year instead of bridging it", () => {
    // One path for the line; a gap shows as a second "M" (move) without a segment across 2021.
    const d = out.svg.match(/class="trend-line"[^>]*>\s*<path d="([^"]+)"/)?.[1];
    expect(d).toBeDefined();
    expect(d!.match(/M/g)).toHaveLength(2);
    expect(d!.split("M").filter(Boolean).map((s) => s.split("L").length)).toEqual([5, 3]);
    expect(out.svg).toContain("ingen mätning");
    expect(out.summary).toContain("2021");
  });

  it("writes ranks and rank changes, with U+2212 for a worse rank", () => {
    expect(out.svg).toContain(">150<");
    expect(out.svg).toContain(">+9<");
    expect(out.svg).toContain(">\u221217<");
    expect(out.svg).toContain(">2024<"); // years are not grouped ("2 024")
  });

  it("computes rank changes across the gap, positive = better", () => {
    const years = trendYears(input.points);
    expect(years.map((y) => y.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(years.find((y) => y.year === 2021)!.change).toBeNull();
    expect(years.find((y) => y.year === 2022)!.change).toBe(121 - 88);
    expect(years.find((y) => y.year === 2024)!.change).toBe(79 - 85);
  });

  it("fills in years that are absent from the input as gaps", () => {
    const years = trendYears([{ year: 2019, total: 70, rank: 1 }, { year: 2022, total: 71, rank: 2 }]);
    expect(years.map((y) => y.total)).toEqual([70, null, null, 71]);
  });

  it("breaks the national median line at a year absent from the input (not drawn straight through 2021)", () => {
    const points = [2019, 2020, 2022].map((year, i) => ({ year, total: 60 + i, rank: 100 - i }));
    const svg = trendChart({ municipalityCode: "0000", municipalityName: "X", points, nationalMedian: points.map((p) => ({ year: p.year, value: 62 })) }).svg;
    const d = svg.match(/class="trend-national"[^>]*>\s*<path d="([^"]+)"/)?.[1];
    expect(d!.match(/M/g)).toHaveLength(2);
    // 2022 alone (no median in 2021) gets a short dashed level of its own, ending at the plot's right edge.
    const mark = svg.match(/class="trend-national-point"[^>]*>\s*<line ([^>]+)>/)?.[1];
    expect(mark).toBeDefined();
    const [x1, x2] = ["x1", "x2"].map((k) => Number(mark!.match(new RegExp(`${k}="([\\d.]+)"`))![1]));
    expect(x2 - x1).toBeGreaterThan(10);
    expect(x2 - x1).toBeLessThan(40);
  });

  it("writes ~ instead of a number when the two years' rank intervals overlap (change rule)", () => {
    const points = [
      { year: 2019, total: 60, rank: 128, rankLow: 90, rankHigh: 190 },
      { year: 2020, total: 55, rank: 222, rankLow: 186, rankHigh: 258 }, // overlaps 2019 → ≈
      { year: 2022, total: 75, rank: 20, rankLow: 5, rankHigh: 40 }, // disjoint from 2020 → +202
    ];
    const out = trendChart({ municipalityCode: "0000", municipalityName: "X", points });
    const years = trendYears(points);
    expect(years.map((y) => y.changeCertain)).toEqual([true, false, true, true]);
    expect(out.svg).toContain(">~<");
    expect(out.svg).toContain(">+202<");
    expect(out.svg).not.toContain(">\u221294<");
    expect(out.caption).toContain("ungefär oförändrad");
  });

  it("shows a change computed elsewhere (on the indicators both years share) instead of the published difference", () => {
    const points = [
      { year: 2020, total: 60, rank: 223, rankLow: 180, rankHigh: 260 },
      // Published 199 (+24), but on the common indicators 197 (+26) and still within the uncertainty.
      { year: 2022, total: 62, rank: 199, rankLow: 148, rankHigh: 236, change: { places: 26, certain: false } },
    ];
    expect(trendYears(points).map((y) => [y.change, y.changeCertain])).toEqual([[null, true], [null, true], [26, false]]);
    const certain = [points[0], { ...points[1], change: { places: 26, certain: true } }];
    expect(trendYears(certain).at(-1)!.changeCertain).toBe(true);
    expect(trendChart({ municipalityCode: "0000", municipalityName: "X", points: certain }).svg).toContain(">+26<");
    // Computed on the common indicators: marked with "*" and explained in the caption.
    const common = [points[0], { ...points[1], change: { places: 26, certain: true, commonSet: true } }];
    const out = trendChart({ municipalityCode: "0000", municipalityName: "X", points: common });
    expect(out.svg).toContain(">+26*<");
    expect(out.caption).toContain("* Åren hade inte samma indikatorer");
  });
});
