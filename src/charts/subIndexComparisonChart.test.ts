import { describe, expect, it } from "vitest";
import { expectAccessibleSwedishChart, prettySvg } from "./chartAssertions";
import { subIndexComparisonFixture } from "./fixtures";
import { subIndexComparisonChart } from "./subIndexComparisonChart";

describe("subIndexComparisonChart", () => {
  const input = subIndexComparisonFixture();
  const out = subIndexComparisonChart(input);

  it("matches the SVG snapshots (640 and 375 px)", async () => {
    await expect(prettySvg(out.svg)).toMatchFileSnapshot("./__snapshots__/subIndexComparisonChart.svg");
    await expect(prettySvg(subIndexComparisonChart(input, { width: 375 }).svg)).toMatchFileSnapshot("./__snapshots__/subIndexComparisonChart-375.svg");
  });

  it("is accessible, Swedish and free of NaN", () => {
    expectAccessibleSwedishChart(out);
    expectAccessibleSwedishChart(subIndexComparisonChart(input, { width: 375 }));
  });

  it("draws one symbol per available value, each comparison with its own class and shape", () => {
    const count = (cls: string) => (out.svg.match(new RegExp(`class="series-${cls}"[\\s\\S]*?</g>`))?.[0].match(/<(path|circle)\b/g) ?? []).length;
    expect(count("municipality")).toBe(4);
    expect(count("nation")).toBe(4);
    expect(count("kommungrupp")).toBe(3); // one value missing
    expect(count("peers")).toBe(4);
    expect(out.svg).toContain("uppgift saknas");
  });

  it("labels values with a decimal comma and gives differences with U+2212", () => {
    expect(out.svg).toContain(">71,3<");
    expect(out.summary).toContain("(\u22122,7)");
    expect(out.summary).toContain("(+2,8)");
  });

  it("credits derived figures as processed, not to Kolada", () => {
    expect(out.source).toBe("Bearbetning av data från Kolada");
    expect(out.table.rows).toHaveLength(4);
  });
});
