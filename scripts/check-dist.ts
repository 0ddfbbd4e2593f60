// npm run check:dist: before a deploy, checks the built site: every internal link in every page names a
// file in dist/, and dist/ is within the size budget (≤ 500 MB, ≤ 20 000 files). Prints sizes by kind.
// Exits 1 naming what is wrong: a broken link, a site the host cannot take (> 1 GB), or, with --strict,
// a site over the budget; without --strict an over-budget site is a warning (a GitHub annotation in CI).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brokenLinks } from "../src/deploy/links";
import { budgetProblems, distStats, formatDistStats, hostProblems, listFiles } from "../src/deploy/distStats";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const strict = args.includes("--strict");
const dist = path.resolve(args.find((a) => !a.startsWith("--")) ?? process.env.HTK_DIST ?? path.join(root, "dist"));
const stats = distStats(dist);
for (const line of formatDistStats(stats)) console.log(line);
const html = listFiles(dist).filter((f) => f.endsWith(".html"));
const links = brokenLinks(dist, html);
console.log(`länkar: ${links.checked} interna referenser i ${html.length} sidor, ${links.broken.length} trasiga`);
const overBudget = budgetProblems(stats);
if (!strict) for (const p of overBudget) console.log(process.env.GITHUB_ACTIONS ? `::warning title=Storlek::${p}` : `check-dist: varning: ${p}`);
const problems = [...hostProblems(stats), ...(strict ? overBudget : []), ...links.broken.map((b) => `trasig länk: ${b}`)];
if (problems.length) {
  for (const p of problems) console.error(`check-dist: ${p}`);
  process.exit(1);
}
console.log("check-dist: ok");
