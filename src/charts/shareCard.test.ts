import { describe, expect, it } from "vitest";
import { textWidth } from "./layout";
import { shareCardSvg } from "./shareCard";

const base = { name: "Upplands Väsby", year: 2022, score: 67.34, rank: 12, nRanked: 285, group: "över medel", lowCoverage: false, host: "hemtjanstkollen.example.se" };

describe("shareCardSvg", () => {
  it("shows the index with a decimal comma, the rank among the ranked and the group, credited as processed data", () => {
    const svg = shareCardSvg(base);
    expect(svg).toContain(">Hemtjänsten i Upplands Väsby<");
    expect(svg).toContain(">67,3<");
    expect(svg).toContain(">Plats 12 av 285 rangordnade · Resultatgrupp: över medel<");
    // The longest rank line (three-digit places, the longest group name) fits the card at 38 px.
    expect(textWidth("Plats 286 av 290 rangordnade · Resultatgrupp: under medel", 38)).toBeLessThan(1200 - 80 - 40);
    expect(svg).toContain("Bearbetning av data från Kolada · hemtjanstkollen.example.se");
    expect(svg).not.toContain("Källa: Kolada");
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 1200 630"/);
  });
  it("shows no rank below the coverage limit", () => {
    const svg = shareCardSvg({ ...base, rank: null, group: null, lowCoverage: true });
    expect(svg).toContain(">Ingen rang: för få indikatorer med värden<");
    expect(svg).not.toContain("Plats ");
  });
  it("escapes names", () => {
    expect(shareCardSvg({ ...base, name: "A<b>&" })).toContain("Hemtjänsten i A&lt;b&gt;&amp;");
  });
});
