import * as d3 from "d3";
import { describe, expect, it } from "vitest";
import {
  collator,
  formatCell,
  formatChange,
  formatInt,
  formatNumber,
  formatRank,
  formatRankInterval,
  formatScore,
  formatShare,
  formatYear,
  MINUS,
  rankedMunicipalities,
  rankedOutOf,
  MISSING,
  NBSP,
  THIN_NBSP,
  useSwedishD3Locale,
} from "./format";

describe("Swedish number formatting", () => {
  it("writes scores with one decimal and a decimal comma", () => {
    expect(formatScore(72.44)).toBe("72,4");
    expect(formatScore(72.45)).toBe("72,5");
    expect(formatScore(100)).toBe("100,0");
    expect(formatScore(-3.21)).toBe(`${MINUS}3,2`);
  });
  it("never writes a negative zero", () => {
    expect(formatScore(-0.04)).toBe("0,0");
    expect(formatChange(-0.2)).toBe("±0");
    expect(formatNumber(-0)).toBe("0");
  });
  it("writes shares with a no-break space before the percent sign", () => {
    expect(formatShare(82.4)).toBe(`82,4${NBSP}%`);
    expect(formatShare(82.4, 0)).toBe(`82${NBSP}%`);
  });
  it("groups thousands with a narrow no-break space and uses U+2212 for minus", () => {
    expect(formatInt(12345)).toBe(`12${THIN_NBSP}345`);
    expect(formatInt(1234567)).toBe(`1${THIN_NBSP}234${THIN_NBSP}567`);
    expect(formatInt(999)).toBe("999");
    expect(formatInt(-12345)).toBe(`${MINUS}12${THIN_NBSP}345`);
    expect(formatNumber(-1234.56, 2)).toBe(`${MINUS}1${THIN_NBSP}234,56`);
  });
  it("formats ranks, changes and rank intervals", () => {
    expect(formatRank(45, 290)).toBe("45 av 290");
    expect(formatRank(45)).toBe("45");
    expect(rankedOutOf(286, 290)).toBe("av 286 rangordnade kommuner (290 totalt; 4 har för lite underlag)");
    expect(rankedOutOf(290, 290)).toBe("av 290 rangordnade kommuner");
    expect(rankedOutOf(286)).toBe("av 286 rangordnade kommuner");
    expect(rankedMunicipalities(286, 290)).toBe("286 rangordnade kommuner (290 totalt; 4 har för lite underlag)");
    expect(formatChange(3)).toBe("+3");
    expect(formatChange(-2)).toBe(`${MINUS}2`);
    expect(formatChange(0)).toBe("±0");
    expect(formatChange(2.345, 1)).toBe("+2,3");
    expect(formatRankInterval(40, 52)).toBe("40–52");
    expect(formatRankInterval(52, 40)).toBe("40–52");
    expect(formatRankInterval(45, 45)).toBe("45");
  });
  it("shows missing values as an en dash", () => {
    for (const v of [null, undefined, NaN, Infinity]) {
      expect(formatScore(v)).toBe(MISSING);
      expect(formatShare(v)).toBe(MISSING);
      expect(formatInt(v)).toBe(MISSING);
      expect(formatChange(v)).toBe(MISSING);
    }
    expect(formatRank(null, 290)).toBe(MISSING);
    expect(formatRankInterval(null, 3)).toBe(MISSING);
  });
  it("writes years without grouping", () => {
    expect(formatYear(2024)).toBe("2024");
    expect(formatCell(2024, "year")).toBe("2024");
  });
  it("formats table cells by column format", () => {
    expect(formatCell(82.44, "share")).toBe(`82,4${NBSP}%`);
    expect(formatCell(72.44, "score")).toBe("72,4");
    expect(formatCell(12345, "int")).toBe(`12${THIN_NBSP}345`);
    expect(formatCell(-4, "change")).toBe(`${MINUS}4`);
    expect(formatCell("Ale", "text")).toBe("Ale");
    expect(formatCell(null, "score")).toBe(MISSING);
  });
  it("sorts names in Swedish order (Å, Ä, Ö after Z)", () => {
    const names = ["Örebro", "Åre", "Ale", "Östersund", "Älmhult", "Zara", "Arboga"];
    expect(names.sort(collator.compare)).toEqual(["Ale", "Arboga", "Zara", "Åre", "Älmhult", "Örebro", "Östersund"]);
  });
  it("sets d3's default locale to Swedish for Plot axes", () => {
    useSwedishD3Locale();
    expect(d3.format(",.1f")(-12345.67)).toBe(`${MINUS}12${THIN_NBSP}345,7`);
    expect(d3.format(".0%")(0.5)).toBe(`50${NBSP}%`);
  });
});
