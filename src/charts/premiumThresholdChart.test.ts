import { describe, expect, it } from "vitest";
import { premiumThresholdChart } from "./premiumThresholdChart";

const points = [
  { threshold: 85, withPremium: 3, allThree: 2, cost: 28_000 },
  { threshold: 90, withPremium: 2, allThree: 2, cost: 24_000 },
  { threshold: 95, withPremium: 2, allThree: 1, cost: 16_000 },
];

describe("premiumThresholdChart", () => {
  const c = premiumThresholdChart({ id: "kontinuitet", label: "Kontinuitet", direction: "min", current: 90, providers: 3, points });

  it("is an accessible SVG: role img, title and text alternative with the numbers", () => {
    expect(c.svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="whatif-kontinuitet-titel whatif-kontinuitet-text"/);
    expect(c.summary).toBe("Kontinuitet: vid 90\u00a0% får 2 av 3 utförare premie, kostnad 24\u202f000 kr (vald gräns). Från vid 85\u00a0% får 3 av 3 utförare premie, kostnad 28\u202f000 kr till vid 95\u00a0% får 2 av 3 utförare premie, kostnad 16\u202f000 kr.");
    expect(c.svg).toContain(`<desc id="whatif-kontinuitet-text">${c.summary}</desc>`);
  });

  it("has a table twin with every point, the chosen limit marked", () => {
    expect(c.table.rows).toEqual([
      ["85\u00a0%", "3", "2", "28\u202f000 kr"], ["90\u00a0% (vald)", "2", "2", "24\u202f000 kr"], ["95\u00a0%", "2", "1", "16\u202f000 kr"],
    ]);
  });

  it("draws the same SVG for the same input (snapshot)", () => {
    expect(c.svg).toMatchSnapshot();
  });

  it("escapes the label", () => {
    const bad = premiumThresholdChart({ id: "x", label: "<script>", direction: "max", current: 1, providers: 0, points: [] });
    expect(bad.svg).not.toContain("<script>");
    expect(bad.summary).toBe("<script>: inga utförare att räkna på.");
  });
});
