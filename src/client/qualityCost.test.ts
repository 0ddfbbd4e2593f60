import { describe, expect, it } from "vitest";
import { municipalityFromQuery } from "./qualityCost";

describe("municipalityFromQuery", () => {
  const known = new Set(["0180", "2584"]);
  it("accepts a known four-digit code only", () => {
    expect(municipalityFromQuery("?kommun=2584", known)).toBe("2584");
    expect(municipalityFromQuery("?kommun=9999", known)).toBeNull();
    expect(municipalityFromQuery('?kommun="><img src=x>', known)).toBeNull();
    expect(municipalityFromQuery("", known)).toBeNull();
  });
});
