import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { embedSnippet, resizeScriptIntegrity } from "./embeds";

describe("embed snippets", () => {
  it("the versioned snippet pins resize.js with SRI (sha384 of the shipped file) and crossorigin", () => {
    const sri = resizeScriptIntegrity();
    const expected = createHash("sha384").update(readFileSync("public/embed/resize.js")).digest("base64");
    expect(sri).toBe(`sha384-${expected}`);
    expect(embedSnippet("https://a.example", "/embed/v/1/2024/riket/karta/", "Karta", 500, sri))
      .toContain(`<script src="https://a.example/embed/resize.js" integrity="${sri}" crossorigin="anonymous" async></script>`);
  });
  it("the live snippet has no integrity (resize.js may be improved)", () => {
    expect(embedSnippet("https://a.example", "/embed/riket/karta/", "Karta \"x\"", 500))
      .toBe('<iframe src="https://a.example/embed/riket/karta/" title="Karta &quot;x&quot;" width="100%" height="500" loading="lazy" style="border:0" data-htk-embed></iframe>' +
        '<script src="https://a.example/embed/resize.js" async></script>');
  });
});

describe("versionedYears", () => {
  it("builds fixed-version pages from the first offered year on, always including the latest", async () => {
    const { versionedYears, VERSIONED_EMBEDS_FROM_YEAR: from } = await import("./embeds");
    expect(versionedYears([from - 3, from - 1, from, from + 2])).toEqual([from, from + 2]);
    expect(versionedYears([from - 3, from - 2])).toEqual([from - 2]);
  });
});
