// The publishing workflow (.github/workflows/publish.yml) parses and has every step issue 14 asks for:
// push + weekly schedule, install, data refresh with a snapshot fallback that says so, a build with
// SITE_URL, link and size checks, and a GitHub Pages deploy.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Step { name?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown>; id?: string }
interface Workflow {
  on: { push?: { branches?: string[] }; schedule?: { cron: string }[] };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string | string[] }>;
}

const ROOT = path.resolve(__dirname, "../..");
const wf = parse(readFileSync(path.join(ROOT, ".github", "workflows", "publish.yml"), "utf8")) as Workflow;
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
const build = wf.jobs.build.steps;
const indexOf = (pred: (s: Step) => boolean) => build.findIndex(pred);

describe("publish workflow", () => {
  it("runs on push to main and on a weekly schedule", () => {
    expect(wf.on.push?.branches).toContain("main");
    expect(wf.on.schedule).toHaveLength(1);
    const [min, hour, dom, month, dow] = wf.on.schedule![0].cron.split(" ");
    expect([dom, month]).toEqual(["*", "*"]);
    expect(dow).toMatch(/^[0-6]$/);
    expect(Number(min)).toBeLessThan(60);
    expect(Number(hour)).toBeLessThan(24);
  });

  it("installs, refreshes the data with a fallback, builds with SITE_URL, checks, uploads, in that order", () => {
    const install = indexOf((s) => s.run?.trim() === "npm ci --no-audit --no-fund");
    const data = indexOf((s) => s.run?.includes("npm run data:update") === true);
    const buildStep = indexOf((s) => s.run?.trim() === "npm run build");
    const check = indexOf((s) => s.run?.trim() === "npm run check:dist");
    const upload = indexOf((s) => s.uses?.startsWith("actions/upload-pages-artifact@") === true);
    expect([install, data, buildStep, check, upload].every((i) => i >= 0)).toBe(true);
    expect(install < data && data < buildStep && buildStep < check && check < upload).toBe(true);
    const refresh = build[data].run!;
    expect(refresh).toMatch(/if npm run data:update; then[\s\S]*else[\s\S]*npm run data\n[\s\S]*fi/);
    expect(refresh).toContain("::warning");
    expect(refresh).toContain("GITHUB_STEP_SUMMARY");
    expect(build[buildStep].env?.SITE_URL).toMatch(/^\$\{\{ steps\.site\.outputs\.url \}\}$/);
    expect(build[upload].with?.path).toBe("dist");
  });

  it("deploys to GitHub Pages after the build, with the permissions Pages needs", () => {
    expect(wf.jobs.deploy.needs).toBe("build");
    expect(wf.jobs.deploy.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
    expect(wf.permissions).toMatchObject({ pages: "write", "id-token": "write" });
  });

  it("names npm scripts that exist (data:update may be added by the live-data work; the fallback covers it)", () => {
    for (const s of ["build", "data", "check:dist"]) expect(pkg.scripts[s], s).toBeTruthy();
  });
});
