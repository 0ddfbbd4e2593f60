import { describe, expect, it } from "vitest";
import { formatMedianValue, formatRawValue } from "./values";

describe("formatRawValue", () => {
  it("shows a municipality's own count as published, a national average of people with at most one decimal", () => {
    expect(formatRawValue({ kind: "count" }, 14)).toBe("14\u00a0personer");
    expect(formatMedianValue({ kind: "count" }, 15.87)).toBe("15,9\u00a0personer");
    expect(formatMedianValue({ kind: "count" }, 16)).toBe("16\u00a0personer");
  });
  it("names coded levels, and says that a national value of a coded item is an average", () => {
    expect(formatRawValue({ kind: "coded" }, 2)).toBe("Breddinfört (2)");
    expect(formatRawValue({ kind: "coded" }, 1.42)).toBe("snitt 1,4 av 2");
    expect(formatMedianValue({ kind: "coded" }, 1.5)).toBe("snitt 1,5 av 2");
  });
});
