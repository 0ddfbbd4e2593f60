import { describe, expect, it } from "vitest";
import { preloadDecision } from "./connection";

describe("preloadDecision", () => {
  it("fetches the engine unasked only on a known fast, unmetered connection", () => {
    expect(preloadDecision({ effectiveType: "4g", downlink: 10 })).toEqual({ preload: true });
    expect(preloadDecision({ effectiveType: "4g", downlink: 5, type: "wifi" })).toEqual({ preload: true });
  });

  it("waits to be asked on a slow, metered, data-saving or unknown connection", () => {
    expect(preloadDecision(undefined)).toMatchObject({ preload: false, reason: "okänd anslutning" });
    expect(preloadDecision({ effectiveType: "4g", downlink: 10, saveData: true })).toMatchObject({ preload: false, reason: "datasparläge" });
    expect(preloadDecision({ effectiveType: "4g", downlink: 10, type: "cellular" })).toMatchObject({ preload: false, reason: "mobilnät" });
    expect(preloadDecision({ effectiveType: "3g", downlink: 1.5 })).toMatchObject({ preload: false, reason: "långsam anslutning" });
    expect(preloadDecision({ effectiveType: "4g", downlink: 1.6 })).toMatchObject({ preload: false });
    expect(preloadDecision({ effectiveType: "4g" })).toMatchObject({ preload: false });
  });
});
