import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { budgetProblems, distStats, fileKind, summarise } from "./distStats";
import { brokenLinks, internalRefs } from "./links";

describe("dist size report", () => {
  it("sums files and bytes per kind, largest kind first", () => {
    const s = summarise([{ file: "a/index.html", bytes: 10 }, { file: "b.png", bytes: 100 }, { file: "c.PNG", bytes: 5 }, { file: "_headers", bytes: 1 }]);
    expect(s).toEqual({ files: 4, bytes: 116, byKind: { png: { files: 2, bytes: 105 }, html: { files: 1, bytes: 10 }, other: { files: 1, bytes: 1 } } });
    expect(fileKind("x/y.tar.gz")).toBe("gz");
  });
  it("flags a site over 500 MB or 20 000 files", () => {
    expect(budgetProblems({ files: 20_000, bytes: 500e6, byKind: {} })).toEqual([]);
    expect(budgetProblems({ files: 20_001, bytes: 500e6 + 1, byKind: {} })).toHaveLength(2);
  });
});

describe("internal links", () => {
  it("finds root-relative href/src, ignoring other hosts and fragments", () => {
    expect(internalRefs('<a href="/kommun/0114/#x">a</a><img src="/a.png?v=1"><a href="//cdn.example/x"><a href="https://a.se/">'))
      .toEqual(["/kommun/0114/", "/a.png"]);
  });
  it("reports a link to a missing file and accepts folders with index.html", () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), "htk-links-"));
    mkdirSync(path.join(dist, "kommun", "0114"), { recursive: true });
    writeFileSync(path.join(dist, "kommun", "0114", "index.html"), "<p>x</p>");
    writeFileSync(path.join(dist, "index.html"), '<a href="/kommun/0114/">ok</a><a href="/kommun/9999/">trasig</a><a href="/r%C3%A5.pdf">x</a>');
    writeFileSync(path.join(dist, "rå.pdf"), "%PDF");
    const r = brokenLinks(dist, ["index.html"]);
    expect(r.broken).toEqual(["/index.html → /kommun/9999/"]);
    expect(distStats(dist).files).toBe(3);
  });
});

describe("host limit", () => {
  it("fails a deploy only above the host's hard limit", async () => {
    const { hostProblems } = await import("./distStats");
    expect(hostProblems({ files: 1, bytes: 999e6, byKind: {} })).toEqual([]);
    expect(hostProblems({ files: 1, bytes: 1000e6 + 1, byKind: {} })).toHaveLength(1);
  });
});
