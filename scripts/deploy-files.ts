// After astro build (run by astro.config.mjs): writes the files a host needs beside the pages, from what
// was actually built: dist/_headers (src/deploy/headers.ts; the worker policy names the real hashed worker
// files), dist/sitemap.xml and dist/robots.txt for SITE_URL (src/deploy/sitemap.ts).
//   npx tsx scripts/deploy-files.ts [dist]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles } from "../src/deploy/distStats";
import { headersFile } from "../src/deploy/headers";
import { robotsTxt, sitemapXml } from "../src/deploy/sitemap";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.resolve(process.argv[2] ?? path.join(root, "dist"));
const origin = new URL(process.env.SITE_URL ?? "http://127.0.0.1:4321").origin;
const files = listFiles(dist);
writeFileSync(path.join(dist, "_headers"), headersFile(files));
const pages = files.filter((f) => f.endsWith("index.html") && !f.startsWith("embed/")).map((file) => ({ file, html: readFileSync(path.join(dist, file), "utf8") }));
writeFileSync(path.join(dist, "sitemap.xml"), sitemapXml(origin, pages));
writeFileSync(path.join(dist, "robots.txt"), robotsTxt(origin));
