// sitemap.xml and robots.txt for the published origin (SITE_URL): every built page that does not say
// noindex (embeds and print pages do) and is not the 404 page. https://www.sitemaps.org/protocol.html
export const NOINDEX = /<meta\s+name="robots"\s+content="[^"]*noindex/i;

/** The URL path of a built HTML file ("kommun/0114/index.html" → "/kommun/0114/"). */
export function pagePath(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function sitemapXml(origin: string, pages: readonly { file: string; html: string }[]): string {
  const urls = pages
    .filter((p) => p.file.endsWith("index.html") && !NOINDEX.test(p.html))
    .map((p) => pagePath(p.file))
    .sort();
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n` +
    urls.map((u) => `  <url><loc>${xmlEscape(new URL(encodeURI(u), origin).href)}</loc></url>\n`).join("") + "</urlset>\n";
}

export function robotsTxt(origin: string): string {
  return `User-agent: *\nDisallow: /embed/\nAllow: /\n\nSitemap: ${new URL("/sitemap.xml", origin).href}\n`;
}
