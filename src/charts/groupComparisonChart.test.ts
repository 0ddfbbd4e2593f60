import { describe, expect, it } from "vitest";
import { expectAccessibleSwedishChart, prettySvg } from "./chartAssertions";
import { groupComparisonFixture } from "./fixtures";
import { groupComparisonChart, KOMMUNGRUPP_ORDER, SIZE_GROUPS, sizeGroupLabel } from "./groupComparisonChart";

describe("groupComparisonChart", () => {
  const input = groupComparisonFixture();
  const out = groupComparisonChart(input);

  it("matches the SVG snapshot", async () => {
    await expect(prettySvg(out.svg)).toMatchFileSnapshot("./__snapshots__/groupComparisonChart.svg");
  });

  it("is accessible, Swedish and free of NaN", () => {
    expectAccessibleSwedishChart(out);
    expectAccessibleSwedishChart(groupComparisonChart(input, { width: 375 }));
  });

  it("draws every municipality with a value once per grouping", () => {
    const valued = input.municipalities.filter((m) => m.value !== null).length;
    expect((out.svg.match(/<circle/g) ?? []).length).toBe(2 * valued);
  });

  it("lists groups in SKR's order with their size and median", () => {
    const positions = KOMMUNGRUPP_ORDER.map((g) => out.svg.indexOf(`>${g} (`)).filter((i) => i >= 0);
    expect(positions.length).toBe(9);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(out.svg).toMatch(/median \d+,\d(\u00A0|&#160;)%/); // linkedom writes U+00A0 as &#160;
    expect(out.table.rows).toHaveLength(SIZE_GROUPS.length + 9);
  });

  it("credits raw shares to Kolada", () => {
    expect(out.source).toBe("Källa: Kolada");
  });

  it("puts municipalities into size groups by population", () => {
    expect(sizeGroupLabel(9999)).toBe(SIZE_GROUPS[0].label);
    expect(sizeGroupLabel(10000)).toBe(SIZE_GROUPS[1].label);
    expect(sizeGroupLabel(980000)).toBe(SIZE_GROUPS[4].label);
    expect(SIZE_GROUPS[1].label).toBe("10\u202F000–24\u202F999 invånare");
  });
});
