import { describe, expect, it } from "vitest";
import { expectAccessibleSwedishChart, prettySvg } from "./chartAssertions";
import { qualityCostFixture } from "./fixtures";
import { placedPoints, qualityCostChart } from "./qualityCostChart";

describe("qualityCostChart", () => {
  const input = qualityCostFixture();
  const out = qualityCostChart(input);

  it("matches the SVG snapshots (640 and 340 px)", async () => {
    await expect(prettySvg(out.svg)).toMatchFileSnapshot("./__snapshots__/qualityCostChart.svg");
    await expect(prettySvg(qualityCostChart(input, { width: 340 }).svg)).toMatchFileSnapshot("./__snapshots__/qualityCostChart-340.svg");
  });

  it("is accessible, Swedish and free of NaN", () => {
    expectAccessibleSwedishChart(out);
  });

  it("draws one dot per municipality with both values, tagged with its code for the highlight", () => {
    const placed = placedPoints(input.points);
    expect(placed).toHaveLength(58);
    expect(out.svg.match(/<circle [^>]*data-code="\d{4}"/g)).toHaveLength(58);
    expect(out.svg).not.toContain('data-code="1007"'); // no total
    expect(out.svg).not.toContain('data-code="1011"'); // no cost
  });

  it("states the correlation in words, says who is left out, and keeps every municipality in the table twin", () => {
    expect(out.summary).toContain("svagt positivt samband");
    expect(out.summary).toContain("2 saknar index eller kostnad");
    expect(out.table.rows).toHaveLength(60);
    expect(out.source).toMatch(/Källa: Kolada/);
    expect(out.source).toMatch(/Bearbetning av data från Kolada/);
  });
});
