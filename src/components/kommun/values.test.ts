import { describe, expect, it } from "vitest";
import { formatIndicatorValue, formatMedianValue, formatNationValue, formatRawValue } from "./values";

describe("formatRawValue", () => {
  it("shows a municipality's own count as published, a national average of people with at most one decimal, said as an average", () => {
    expect(formatRawValue({ kind: "count" }, 14)).toBe("14\u00a0personer");
    expect(formatRawValue({ kind: "count" }, 13.48)).toBe("13,48\u00a0personer");
    expect(formatNationValue({ kind: "count" }, 15.87)).toBe("i snitt 15,9\u00a0personer");
    expect(formatNationValue({ kind: "count" }, 16)).toBe("i snitt 16\u00a0personer");
    expect(formatMedianValue({ kind: "count" }, 15.87)).toBe("15,9\u00a0personer");
    expect(formatMedianValue({ kind: "count" }, 16)).toBe("16\u00a0personer");
  });
  it("names coded levels, says that a national value of a coded item is an average on the 0–2 scale, and a median between levels a median", () => {
    expect(formatRawValue({ kind: "coded" }, 2)).toBe("Breddinfört (2)");
    expect(formatNationValue({ kind: "coded" }, 1.42)).toBe("i snitt 1,4 på skalan 0–2");
    expect(formatMedianValue({ kind: "coded" }, 1.5)).toBe("median 1,5 på skalan 0–2");
    expect(formatMedianValue({ kind: "coded" }, 1)).toBe("Försök (1)");
  });
  it("shares read the same whoever's value they are", () => {
    for (const role of ["own", "peers", "nation"] as const) expect(formatIndicatorValue({ kind: "share" }, 84, role)).toBe("84\u00a0%");
  });
  it("picks the form by role in sentences: own as published, peers' median rounded, Riket as an average", () => {
    expect(formatIndicatorValue({ kind: "count" }, 19, "own")).toBe("19\u00a0personer");
    expect(formatIndicatorValue({ kind: "count" }, 15.5, "peers")).toBe("15,5\u00a0personer");
    expect(formatIndicatorValue({ kind: "count" }, 15.87, "nation")).toBe("i snitt 15,9\u00a0personer");
  });
});
