import { describe, expect, it } from "vitest";
import { PLACEHOLDER_EMAIL, contactConfig, isProductionBuild } from "./siteConfig";

describe("contactConfig", () => {
  it("uses the configured address", () => {
    expect(contactConfig({ HTK_CONTACT_EMAIL: "tillganglighet@kommun.se", SITE_URL: "https://hemtjanstkollen.se" }))
      .toEqual({ email: "tillganglighet@kommun.se", placeholder: false });
  });
  it("lets local and test builds use the marked placeholder", () => {
    expect(contactConfig({})).toEqual({ email: PLACEHOLDER_EMAIL, placeholder: true });
    expect(contactConfig({ SITE_URL: "http://127.0.0.1:4321" }).placeholder).toBe(true);
  });
  it("fails a production build without a real address", () => {
    expect(() => contactConfig({ SITE_URL: "https://hemtjanstkollen.se" })).toThrow(/HTK_CONTACT_EMAIL/);
    expect(() => contactConfig({ SITE_URL: "https://hemtjanstkollen.se", HTK_CONTACT_EMAIL: PLACEHOLDER_EMAIL })).toThrow(/production build/);
    expect(() => contactConfig({ SITE_URL: "https://x.se", HTK_CONTACT_EMAIL: "a@example.com" })).toThrow();
  });
  it("rejects something that is not an address", () => {
    expect(() => contactConfig({ HTK_CONTACT_EMAIL: "javascript:alert(1)" })).toThrow(/not an e-mail/);
  });
  it("knows a loopback origin from a public one", () => {
    expect(isProductionBuild({ SITE_URL: "http://localhost:4321" })).toBe(false);
    expect(isProductionBuild({ SITE_URL: "https://example.org" })).toBe(true);
  });
});
