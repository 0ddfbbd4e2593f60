// The deck's story (pure specs) and the PowerPoint file drawn from it, read back as a ZIP.
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { svgToPng } from "../charts/render";
import type { ReportChartKey } from "./charts";
import { pngSize } from "./charts";
import { reportPresentation, type SlideImage } from "./pptx";
import { reportSlides } from "./slides";
import { MAX_SLIDE_ROWS } from "./slidesLearn";
import { MIN_FONT_PT } from "./pptx";
import { fixtureReport } from "./testFixture";

const r = fixtureReport();
const allCharts = new Set<ReportChartKey>(["delindex", "trend", "enheter", "enheter-ovriga"]);

describe("reportSlides", () => {
  it("tells the story in 8–13 slides, each with a title, a source line and speaker notes", () => {
    for (const charts of [allCharts, new Set<ReportChartKey>(["delindex", "trend"])]) {
      const slides = reportSlides(r, charts);
      expect(slides.length).toBeGreaterThanOrEqual(8);
      expect(slides.length).toBeLessThanOrEqual(13);
      for (const s of slides) {
        expect(s.title.length).toBeGreaterThan(0);
        expect(s.source.length).toBeGreaterThan(0);
        expect(s.notes.length).toBeGreaterThan(0);
      }
    }
    const slides = reportSlides(r, allCharts);
    expect(slides[0]).toMatchObject({ kind: "title", title: "Hemtjänsten i Åstad" });
    // Example units are invented: no unit slide for them.
    expect(slides.filter((s) => s.kind === "chart").map((s) => s.chart)).toEqual(["delindex", "trend"]);
  });

  it("opens with 'Det viktigaste' on slide 2: the verdict and the three key messages", () => {
    const s = reportSlides(r, allCharts)[1];
    expect(s).toMatchObject({ kind: "messages", title: "Det viktigaste 2022", lead: r.keyMessages.lead, bullets: r.keyMessages.messages });
    expect(s.notes).toContain(r.keyMessages.verdict);
  });

  it("shows a unit slide only with real unit data", () => {
    const real = { ...r, view: { ...r.view, units: { ...r.view.units, synthetic: false } } };
    expect(reportSlides(real, allCharts).filter((s) => s.chart === "enheter")).toHaveLength(1);
    expect(reportSlides(r, allCharts).filter((s) => s.chart === "enheter")).toHaveLength(0);
  });

  it("keeps tables to MAX_SLIDE_ROWS rows and puts the numbers in the notes", () => {
    const many = { ...r, priorities: Array.from({ length: 9 }, (_, i) => ({ ...r.priorities[1], id: `X${i}`, rank: i + 1 })) };
    for (const s of reportSlides(many, allCharts)) if (s.table) expect(s.table.rows.length, s.title).toBeLessThanOrEqual(MAX_SLIDE_ROWS);
    const slides = reportSlides(r, allCharts);
    expect(slides.find((s) => s.chart === "delindex")!.notes).toContain("Utförande: Åstad 74,5, riket 78,3");
    expect(slides.find((s) => s.title === "Vad kan förbättras först?")!.table!.rows[0]).toEqual(
      ["Välfärdsteknik: GPS-larm", "0,0", "100,0", "10,0 poäng"]);
    const learn = slides.find((s) => s.title === "Lär av: Nöjd med hemtjänsten som helhet")!;
    expect(learn.table!.rows).toEqual([["Bestad", "Liknande", "92\u00a0% ± 3", "+9 (±4)", "250 (200–270) *"]]);
    expect(learn.bullets).toEqual(["* Svag totalt: ett exempel bara för just den här frågan."]);
    expect(learn.notes).toContain("Bestad (liknande): 92\u00a0% ± 3, 9,0 poäng bättre (osäkerhet ± 4,0), plats totalt 250 (200–270) – svag totalt");
    for (const s of slides.filter((x) => x.kind === "chart")) expect(s.source).toMatch(/Kolada|Exempeldata/);
  });

  it("says an unranked example has no rank (too little data), not that it is weak overall", () => {
    const li = r.learn[0];
    const unranked = { ...r, learn: [{ ...li, examples: li.examples.map((e) => ({ ...e, rank: null, rankLow: null, rankHigh: null, lowOverall: true })) }] };
    const learn = reportSlides(unranked, allCharts).find((s) => s.title === `Lär av: ${li.name}`)!;
    expect(learn.table!.rows[0][4]).toBe("ingen placering");
    expect(learn.bullets).toEqual(["Ingen placering: för lite underlag för ett totalindex; ett exempel bara för just den här frågan."]);
    expect(learn.notes).toContain("plats totalt ingen placering (för lite underlag), ett exempel bara för denna fråga.");
    expect(learn.notes).not.toContain("svag totalt");
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

  it("never draws text under 14 pt nor shrinks it to fit, and no table has more than 6 rows", async () => {
    const bytes = await reportPresentation(reportSlides(r, allCharts), images, { title: "T", footer: "F" });
    const files = unzipSync(bytes);
    for (const part of Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))) {
      const xml = strFromU8(files[part]);
      const sizes = [...xml.matchAll(/\bsz="(\d+)"/g)].map((m) => Number(m[1]) / 100);
      expect(sizes.length, part).toBeGreaterThan(0);
      expect(Math.min(...sizes), part).toBeGreaterThanOrEqual(MIN_FONT_PT);
      expect(xml, part).not.toMatch(/normAutofit|fontScale/);
      for (const table of xml.split("<a:tbl>").slice(1)) expect(table.split("</a:tbl>")[0].match(/<a:tr\b/g)!.length, part).toBeLessThanOrEqual(MAX_SLIDE_ROWS + 1);
    }
  });

  it("is byte-identical for identical input", async () => {
    const slides = reportSlides(r, allCharts);
    const a = await reportPresentation(slides, images, { title: "T", footer: "F" });
    const b = await reportPresentation(slides, images, { title: "T", footer: "F" });
    expect(Buffer.compare(a, b)).toBe(0);
  });
});
