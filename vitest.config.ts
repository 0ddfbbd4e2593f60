import { defineConfig } from "vitest/config";

// Unit tests live beside the code (src/**/*.test.ts); browser and whole-build tests in tests/.
// Network is blocked for every test by tests/setup/block-network.ts.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
    setupFiles: ["tests/setup/block-network.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: "forks",
    env: { TZ: "Europe/Stockholm" },
  },
});
