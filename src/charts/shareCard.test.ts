import { describe, expect, it } from "vitest";
import { shareCardSvg } from "./shareCard";

const base = { name: "Upplands Väsby", year: 2022, score: 67.34, rank: 12, nRanked: 285, group: "över medel", lowCoverage: false, host: "hemtjanstkollen.example.se" };

describe("shareCardSvg", () => {
  it("shows the index with a decimal comma, the rank among the ranked and the group, credited as processed data", () => {
    const svg = shareCardSvg(base);
    expect(svg).toContain(">Hemtjänsten i Upplands Väsby<");
    expect(svg).toContain(">67,3<");
    expect(svg).toContain(">Rang 12 av 285 · Resultatgrupp: över medel<");
    expect(svg).toContain("Bearbetning av data från Kolada · hemtjanstkollen.example.se");
    expect(svg).not.toContain("Källa: Kolada");
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 1200 630"/);
  });
  it("shows no rank below the coverage limit", () => {
    const svg = shareCardSvg({ ...base, rank: null, group: null, lowCoverage: true });
    expect(svg).toContain(">Ingen rang: för få indikatorer med värden<");
    expect(svg).not.toContain("Rang ");
  });
  it("escapes names", () => {
    expect(shareCardSvg({ ...base, name: "A<b>&" })).toContain("Hemtjänsten i A&lt;b&gt;&amp;");
  });
});
