import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { subIndexComparisonFixture } from "./fixtures";
import { chartToPng, framedSvg, renderPlot, svgSize, svgToPng } from "./render";
import { subIndexComparisonChart } from "./subIndexComparisonChart";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngWidth = (png: Buffer) => png.readUInt32BE(16);
const pngHeight = (png: Buffer) => png.readUInt32BE(20);

describe("renderPlot", () => {
  const spec = (): Plot.PlotOptions => ({
    width: 300,
    height: 200,
    clip: true, // Plot numbers clip-path ids with a global counter: they must come out stable
    x: { domain: [-1, 1] },
    marks: [Plot.dot([{ x: -1.5, y: 1234.5 }, { x: 2, y: 3 }], { x: "x", y: "y" })],
  });
  const a11y = { id: "test-chart", title: "Testdiagram", description: "Två punkter." };

  it("adds role, title, desc and aria references", () => {
    const svg = renderPlot(spec(), a11y);
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="test-chart-title"');
    expect(svg).toContain('aria-describedby="test-chart-desc"');
    expect(svg).toContain('<title id="test-chart-title">Testdiagram</title>');
    expect(svg).toContain('<desc id="test-chart-desc">Två punkter.</desc>');
    expect(svg).not.toContain("aria-label=");
  });

  it("is deterministic: ids are renumbered under the chart id, coordinates rounded", () => {
    const a = renderPlot(spec(), a11y);
    const b = renderPlot(spec(), a11y);
    expect(a).toBe(b);
    expect(a).not.toMatch(/plot-clip-\d/);
    expect(a).not.toMatch(/\d\.\d{3,}/);
    for (const m of a.matchAll(/\sid="([^"]+)"/g)) expect(m[1].startsWith("test-chart")).toBe(true);
  });

  it("formats Plot's own axis ticks in Swedish (decimal comma, U+2212, narrow no-break space)", () => {
    const svg = renderPlot(spec(), a11y);
    expect(svg).toContain("\u22120,5");
    expect(svg).toContain("1\u202F200");
  });
});

describe("PNG and framed SVG", () => {
  const chart = subIndexComparisonChart(subIndexComparisonFixture());

  it("rasterises an SVG to a PNG of the requested width", () => {
    const png = svgToPng(chart.svg, 800);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngWidth(png)).toBe(800);
    const { width, height } = svgSize(chart.svg);
    expect(pngHeight(png)).toBe(Math.round((800 * height) / width));
  });

  it("frames the chart with its title and source line for downloads", () => {
    const framed = framedSvg(chart);
    expect(framed).toContain(">Delindex för Stockholm 2024");
    expect(framed).toContain(">Bearbetning av data från Kolada<");
    expect(framed).toContain(">Hemtjänstkollen<");
    const png = chartToPng(chart, 1280);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngWidth(png)).toBe(1280);
    expect(pngHeight(png)).toBeGreaterThan(pngWidth(png) * (svgSize(chart.svg).height / 640) * 0.9);
  });
});
