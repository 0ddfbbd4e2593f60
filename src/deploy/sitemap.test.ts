import { describe, expect, it } from "vitest";
import { pagePath, robotsTxt, sitemapXml } from "./sitemap";

describe("sitemap and robots", () => {
  it("lists indexable pages on the published origin, sorted, without noindex pages", () => {
    const xml = sitemapXml("https://hemtjanstkollen.example.se", [
      { file: "kommun/0114/index.html", html: "<title>Upplands Väsby</title>" },
      { file: "index.html", html: "<title>Start</title>" },
      { file: "kommun/0114/rapport/index.html", html: '<meta name="robots" content="noindex" />' },
      { file: "404.html", html: "<title>Finns inte</title>" },
      { file: "jamfor/index.html", html: "" },
    ]);
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      "  <url><loc>https://hemtjanstkollen.example.se/</loc></url>\n" +
      "  <url><loc>https://hemtjanstkollen.example.se/jamfor/</loc></url>\n" +
      "  <url><loc>https://hemtjanstkollen.example.se/kommun/0114/</loc></url>\n</urlset>\n");
    expect(pagePath("index.html")).toBe("/");
  });
  it("robots.txt points at the sitemap and keeps crawlers out of the embeds", () => {
    expect(robotsTxt("https://a.example")).toBe("User-agent: *\nDisallow: /embed/\nAllow: /\n\nSitemap: https://a.example/sitemap.xml\n");
  });
});
