import { describe, expect, it } from "vitest";
import { rehomeSnippet } from "./embedCopy";

describe("rehomeSnippet", () => {
  const built = '<iframe src="http://127.0.0.1:4321/embed/riket/karta/" title="Karta" width="100%" height="500" loading="lazy" style="border:0" data-htk-embed></iframe>' +
    '<script src="http://127.0.0.1:4321/embed/resize.js" integrity="sha384-abc" crossorigin="anonymous" async></script>';

  it("moves the iframe and the script to the page's own origin and keeps everything else", () => {
    expect(rehomeSnippet(built, "https://hemtjanstkollen.example.se")).toBe(built.replaceAll("http://127.0.0.1:4321", "https://hemtjanstkollen.example.se"));
  });

  it("leaves a snippet already on the page's origin unchanged, and touches nothing outside src attributes", () => {
    const own = built.replace('title="Karta"', 'title="Karta http://127.0.0.1:4321/embed/x"');
    const out = rehomeSnippet(own, "http://127.0.0.1:4321");
    expect(out).toBe(own);
    expect(rehomeSnippet(own, "https://a.example").includes('title="Karta http://127.0.0.1:4321/embed/x"')).toBe(true);
  });
});
