import { describe, expect, it } from "vitest";
import { expectAccessibleSwedishChart, prettySvg } from "./chartAssertions";
import { indicatorScoreFixture } from "./fixtures";
import { indicatorScoreChart } from "./indicatorScoreChart";

describe("indicatorScoreChart", () => {
  const input = indicatorScoreFixture();
  const out = indicatorScoreChart(input);

  it("matches the SVG snapshots (640 and 375 px)", async () => {
    await expect(prettySvg(out.svg)).toMatchFileSnapshot("./__snapshots__/indicatorScoreChart.svg");
    await expect(prettySvg(indicatorScoreChart(input, { width: 375 }).svg)).toMatchFileSnapshot("./__snapshots__/indicatorScoreChart-375.svg");
  });

  it("is accessible, Swedish and free of NaN", () => {
    expectAccessibleSwedishChart(out);
  });

  it("groups indicators under their sub-index headings in the given order", () => {
    const order = ["Information", "Biståndshandläggning", "Utförande", "Stöd och utveckling"].map((h) => out.svg.indexOf(`>${h}<`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("draws a bar per scored indicator and a median tick per indicator, and says when a score is missing", () => {
    const bars = (out.svg.match(/<title>[^<]* poäng \(rikets median/g) ?? []).length;
    expect(bars).toBe(input.indicators.filter((i) => i.score !== null).length);
    expect(out.svg).toContain("uppgift saknas");
    expect(out.svg).toContain(">86,4<");
    expect(out.summary).toContain("\u221213,5");
  });

  it("has a table row per indicator with raw value, score and median", () => {
    expect(out.table.rows).toHaveLength(input.indicators.length);
    expect(out.table.rows[0]).toMatchObject({ delindex: "Information", varde: "58,2 %", poang: 58.2, riket: 61 });
  });
});
