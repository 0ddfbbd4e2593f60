import { describe, expect, it } from "vitest";
import { expectAccessibleSwedishChart, prettySvg, svgTexts } from "./chartAssertions";
import { unitVariationFixture } from "./fixtures";
import { svgToPng } from "./render";
import { MAX_NAMED_UNITS, SMALL_N, unitVariationChart, wilsonInterval } from "./unitVariationChart";

describe("unitVariationChart", () => {
  const input = unitVariationFixture();
  const out = unitVariationChart(input);

  it("matches the SVG snapshot", async () => {
    await expect(prettySvg(out.svg)).toMatchFileSnapshot("./__snapshots__/unitVariationChart.svg");
  });

  it("is accessible, Swedish and free of NaN", () => {
    expectAccessibleSwedishChart(out);
  });

  it("draws exactly one dot per unit per indicator", () => {
    const dots = out.svg.match(/class="unit-dot"/g) ?? [];
    expect(dots.length).toBe(input.units.length * input.indicators.length);
    for (const unit of input.units) {
      const own = out.svg.match(new RegExp(`data-unit="${unit.id}"`, "g")) ?? [];
      expect(own.length).toBe(input.indicators.length);
    }
  });

  it("ties every dot to its unit (title names the unit of data-unit)", () => {
    const names = new Map(input.units.map((u) => [u.id, u.name]));
    for (const m of out.svg.matchAll(/data-unit="([^"]+)"[^>]*><title>([^<]+)<\/title>/g)) {
      expect(m[2].startsWith(names.get(m[1])!)).toBe(true);
    }
  });

  it("says Exempeldata in the subtitle and summary when units are synthetic", () => {
    expect(out.synthetic).toBe(true);
    expect(out.subtitle).toContain("Exempeldata");
    expect(out.summary).toContain("Exempeldata");
    expect(out.source).toContain("Exempeldata");
    expect(svgTexts(out.svg).some((t) => t.startsWith("Exempeldata"))).toBe(true); // visible in the picture too
    expect(svgTexts(unitVariationChart(input, { width: 375 }).svg).some((t) => t.startsWith("Exempeldata"))).toBe(true);
    const real = unitVariationChart(unitVariationFixture(9, 180, false));
    expect(real.subtitle).not.toContain("Exempeldata");
    expect(real.summary).not.toContain("Exempeldata");
    expect(real.svg).not.toContain("Exempeldata");
  });

  it("draws units with few respondents hollow and labels both reference values", () => {
    const small = input.values.filter((v) => v.respondents! < SMALL_N).length;
    expect(small).toBeGreaterThan(0);
    expect((out.svg.match(/class="unit-dot"[^>]*fill="white"|fill="white"[^>]*class="unit-dot"/g) ?? []).length).toBe(small);
    expect(out.svg).toContain("Riket 88,1");
    expect(out.svg).toContain("Stockholm 86,4");
  });

  it("says unknown respondents (live Kolada units) as unknown, not as few, and draws them hollow", () => {
    const unknown = { ...input, values: input.values.map((v) => ({ ...v, respondents: null })) };
    const o = unitVariationChart(unknown);
    const valued = unknown.values.filter((v) => v.value !== null).length;
    expect((o.svg.match(/class="unit-dot"[^>]*fill="white"|fill="white"[^>]*class="unit-dot"/g) ?? []).length).toBe(valued);
    expect(o.svg).toContain(`Färre än ${SMALL_N} eller okänt antal svarande`);
    expect(o.svg).toContain("antal svarande okänt");
    expect(o.summary).toMatch(/antalet svarande okänt, så osäkerheten går inte att visa/);
    expect(o.summary).not.toMatch(/färre än 30 svarande/);
  });

  it("has a data table with one row per unit and indicator", () => {
    expect(out.table.rows.length).toBe(input.units.length * input.indicators.length);
  });

  it("switches to a sorted caterpillar plot for many units, still one dot per unit", async () => {
    const many = unitVariationFixture(MAX_NAMED_UNITS + 25, 7, false);
    const big = unitVariationChart(many, { width: 375 });
    expectAccessibleSwedishChart(big);
    expect((big.svg.match(/class="unit-dot"/g) ?? []).length).toBe(many.units.length * many.indicators.length);
    await expect(prettySvg(big.svg)).toMatchFileSnapshot("./__snapshots__/unitVariationChart-many-375.svg");
  });

  it("leaves units without a value out of the dots and says so in a row", () => {
    const partial = unitVariationFixture(5);
    partial.values[0] = { ...partial.values[0], value: null };
    const o = unitVariationChart(partial);
    expect((o.svg.match(/class="unit-dot"/g) ?? []).length).toBe(5 * partial.indicators.length - 1);
    expect(o.svg).toContain("uppgift saknas");
  });

  it("wraps a long unit name onto more lines instead of cutting it (\"(exempel)\" stays visible)", () => {
    const long = unitVariationFixture(4);
    long.units[0] = { ...long.units[0], name: "Hemtjänst Norra distriktet, nattpatrullen (exempel)" };
    const narrow = unitVariationChart(long, { width: 340 });
    const texts = svgTexts(narrow.svg);
    expect(texts.some((t) => t.includes("(exempel)"))).toBe(true);
    expect(texts.some((t) => t.includes("…"))).toBe(false);
  });

  it("is deterministic", () => {
    expect(unitVariationChart(unitVariationFixture()).svg).toBe(out.svg);
  });

  it("renders to PNG", () => {
    const png = svgToPng(out.svg, 750);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(750);
  });
});

describe("wilsonInterval", () => {
  it("is a 90 % Wilson interval on a percent share", () => {
    const [lo, hi] = wilsonInterval(80, 100)!;
    expect(lo).toBeCloseTo(72.67, 1); // by hand: centre 0.7921, half-width 0.0654
    expect(hi).toBeCloseTo(85.75, 1);
    expect(lo).toBeLessThan(80);
    expect(hi).toBeGreaterThan(80);
  });
  it("stays inside 0–100 and widens for small n", () => {
    const [lo, hi] = wilsonInterval(100, 10)!;
    expect(hi).toBe(100);
    expect(lo).toBeGreaterThan(70);
    const narrow = wilsonInterval(50, 1000)!;
    const wide = wilsonInterval(50, 20)!;
    expect(wide[1] - wide[0]).toBeGreaterThan(narrow[1] - narrow[0]);
  });
  it("returns null without respondents", () => {
    expect(wilsonInterval(50, null)).toBeNull();
    expect(wilsonInterval(50, 0)).toBeNull();
  });
});
