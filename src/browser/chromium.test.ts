import { describe, expect, it } from "vitest";
import { BUNDLED_EXTRA_ARGS, chooseChromium, chromiumArgs, COMMON_ARGS, bundledChromiumDir } from "./chromium";

const has = (...paths: string[]) => (p: string) => paths.includes(p);

describe("chooseChromium", () => {
  it("prefers CHROMIUM_PATH when that file exists", () => {
    expect(chooseChromium({ CHROMIUM_PATH: "/opt/chrome/chrome" }, has("/opt/chrome/chrome", "/usr/bin/chromium")))
      .toEqual({ kind: "system", executablePath: "/opt/chrome/chrome" });
  });
  it("CHROMIUM_PATH=bundled forces the npm Chromium even when a system one exists", () => {
    expect(chooseChromium({ CHROMIUM_PATH: "bundled" }, has("/usr/bin/chromium")).kind).toBe("bundled");
  });
  it("falls back to the npm Chromium when CHROMIUM_PATH names no file, and says so", () => {
    const c = chooseChromium({ CHROMIUM_PATH: "/nowhere/chromium" }, has("/usr/bin/chromium"));
    expect(c).toEqual({ kind: "bundled", reason: "CHROMIUM_PATH=/nowhere/chromium finns inte" });
  });
  it("uses Debian's /usr/bin/chromium when nothing is set", () => {
    expect(chooseChromium({}, has("/usr/bin/chromium"))).toEqual({ kind: "system", executablePath: "/usr/bin/chromium" });
  });
  it("uses the npm Chromium on a machine with no system Chromium", () => {
    expect(chooseChromium({}, has()).kind).toBe("bundled");
  });
});

describe("chromiumArgs", () => {
  it("adds the headless-shell flags only for the bundled binary and never disables web security", () => {
    expect(chromiumArgs("/usr/bin/chromium")).toEqual(COMMON_ARGS);
    const bundled = chromiumArgs(`${bundledChromiumDir()}/chromium`);
    expect(bundled).toEqual([...COMMON_ARGS, ...BUNDLED_EXTRA_ARGS]);
    expect(bundled.join(" ")).not.toMatch(/disable-web-security|allow-running-insecure-content/);
  });
});
