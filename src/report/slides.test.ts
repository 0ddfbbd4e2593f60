// The deck's story (pure specs) and the PowerPoint file drawn from it, read back as a ZIP.
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { svgToPng } from "../charts/render";
import type { ReportChartKey } from "./charts";
import { pngSize } from "./charts";
import { reportPresentation, type SlideImage } from "./pptx";
import { reportSlides } from "./slides";
import { fixtureReport } from "./testFixture";

const r = fixtureReport();
const allCharts = new Set<ReportChartKey>(["delindex", "trend", "enheter", "enheter-ovriga"]);

describe("reportSlides", () => {
  it("tells the story in 8–12 slides, each with a title, a source line and speaker notes", () => {
    for (const charts of [allCharts, new Set<ReportChartKey>(["delindex", "trend"])]) {
      const slides = reportSlides(r, charts);
      expect(slides.length).toBeGreaterThanOrEqual(8);
      expect(slides.length).toBeLessThanOrEqual(12);
      for (const s of slides) {
        expect(s.title.length).toBeGreaterThan(0);
        expect(s.source.length).toBeGreaterThan(0);
        expect(s.notes.length).toBeGreaterThan(0);
      }
    }
    const slides = reportSlides(r, allCharts);
    expect(slides[0]).toMatchObject({ kind: "title", title: "Hemtjänsten i Åstad" });
    expect(slides.filter((s) => s.kind === "chart").map((s) => s.chart)).toEqual(["delindex", "trend", "enheter"]);
  });

  it("puts the numbers in the notes and the Exempeldata notice on the units slide", () => {
    const slides = reportSlides(r, allCharts);
    const summary = slides.find((s) => s.kind === "figures")!;
    expect(summary.figures!.map((f) => f.value)).toEqual(["68,2", "148", "134–161", "Nära medel"]);
    expect(slides.find((s) => s.chart === "delindex")!.notes).toContain("Utförande: Åstad 74,5, riket 78,3");
    expect(slides.find((s) => s.chart === "enheter")!.notice).toContain("Exempeldata");
    expect(slides.find((s) => s.title === "Vad kan förbättras först?")!.table!.rows[0]).toEqual(
      ["1", "Välfärdsteknik: GPS-larm", "0,0", "100,0 (Bestad)", "+100,0", "10,0"]);
    for (const s of slides.filter((x) => x.kind === "chart")) expect(s.source).toMatch(/Kolada|Exempeldata/);
  });
});

describe("reportPresentation", () => {
  const png = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 40"><rect width="64" height="40" fill="#0b5394"/></svg>', 128);
  const images = new Map<ReportChartKey, SlideImage>([...allCharts].map((k) => [k, { png, ...pngSize(png) }]));

  it("opens as a ZIP with one slide part per spec, the name on the title slide and notes", async () => {
    const slides = reportSlides(r, allCharts);
    const bytes = await reportPresentation(slides, images, { title: "Hemtjänsten i Åstad 2022", footer: "Hemtjänstkollen · Åstad" });
    const files = unzipSync(bytes);
    const slideParts = Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slideParts.length).toBe(slides.length);
    expect(strFromU8(files["ppt/slides/slide1.xml"])).toContain("Hemtjänsten i Åstad");
    expect(Object.keys(files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f)).length).toBe(slides.length);
    expect(Object.keys(files).some((f) => f.startsWith("ppt/media/"))).toBe(true);
    expect(strFromU8(files["docProps/core.xml"])).toContain("2000-01-01T00:00:00Z");
    expect(pngSize(png)).toEqual({ width: 128, height: 80 });
  });

  it("is byte-identical for identical input", async () => {
    const slides = reportSlides(r, allCharts);
    const a = await reportPresentation(slides, images, { title: "T", footer: "F" });
    const b = await reportPresentation(slides, images, { title: "T", footer: "F" });
    expect(Buffer.compare(a, b)).toBe(0);
  });
});
