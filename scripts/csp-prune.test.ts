import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pruneScriptHashes } from "./csp-prune.mjs";

const sha = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
const page = (policy: string, body = "") =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;

describe("pruneScriptHashes", () => {
  it("drops script hashes no inline script on the page needs, keeping the others and every other directive", () => {
    const inline = "console.log(1)";
    const html = page(`default-src 'self';object-src 'none'; script-src 'self' ${sha("unused")} ${sha(inline)}; style-src 'self' ;`, `<script>${inline}</script>`);
    const out = pruneScriptHashes(html) as string;
    expect(out).toContain(`script-src 'self' ${sha(inline)};`);
    expect(out).not.toContain(sha("unused"));
    expect(out).toContain("default-src 'self';object-src 'none';");
    expect(out).toContain("style-src 'self' ;");
  });
  it("leaves 'self' alone on a page without inline scripts, and pages without a policy untouched", () => {
    expect(pruneScriptHashes(page(`script-src 'self' ${sha("a")} ${sha("b")};`))).toContain(`content=" script-src 'self';"`);
    expect(pruneScriptHashes("<p>x</p>")).toBe("<p>x</p>");
  });
  it("does not count external or JSON scripts as inline", () => {
    const json = '{"a":1}';
    const out = pruneScriptHashes(page(`script-src 'self' ${sha(json)};`, `<script type="application/json">${json}</script><script src="/x.js"></script>`));
    expect(out).not.toContain(sha(json));
  });
});
