// Checks shared by the chart tests: every chart must be accessible, Swedish-formatted, deterministic
// and free of NaN. Used only from *.test.ts files.
import { expect } from "vitest";
import type { ChartOutput } from "./render";

/** Visible text of an SVG string (text nodes outside <style>, <title> and <desc>). */
export function svgTexts(svg: string): string[] {
  const body = svg.replace(/<style[\s\S]*?<\/style>/g, "").replace(/<title[\s\S]*?<\/title>/g, "").replace(/<desc[\s\S]*?<\/desc>/g, "");
  return [...body.matchAll(/>([^<]+)</g)].map((m) => m[1]).filter((t) => t.trim() !== "");
}

/** One element per line, so snapshot diffs are readable. */
export function prettySvg(svg: string): string {
  return `${svg.replace(/></g, ">\n<")}\n`;
}

export function expectAccessibleSwedishChart(out: ChartOutput): void {
  const { svg, id } = out;
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('role="img"');
  expect(svg).toContain(`aria-labelledby="${id}-title"`);
  expect(svg).toContain(`aria-describedby="${id}-desc"`);
  expect(svg).toMatch(new RegExp(`<title id="${id}-title">[^<]{10,}</title>`));
  expect(svg).toMatch(new RegExp(`<desc id="${id}-desc">[^<]{20,}</desc>`));
  // Every id belongs to this chart, so several charts can share a page.
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) expect(m[1].startsWith(id)).toBe(true);
  for (const bad of ["NaN", "undefined", "Infinity", "[object"]) expect(svg).not.toContain(bad);
  const texts = svgTexts(svg);
  expect(texts.length).toBeGreaterThan(0);
  for (const t of texts) {
    expect(t, `decimal point in "${t}"`).not.toMatch(/\d\.\d/);
    expect(t, `hyphen-minus for a negative number in "${t}"`).not.toMatch(/(^|[\s(])-\d/);
  }
  // Text alternative and table twin.
  expect(out.title.length).toBeGreaterThan(5);
  expect(out.summary.length).toBeGreaterThan(20);
  expect(out.caption.length).toBeGreaterThan(20);
  expect(out.source).toMatch(/Kolada|SCB|Exempeldata/);
  expect(out.table.columns.length).toBeGreaterThan(1);
  for (const row of out.table.rows) for (const c of out.table.columns) expect(c.key in row, `table row lacks ${c.key}`).toBe(true);
  for (const s of [out.summary, out.caption, out.subtitle ?? ""]) {
    expect(s).not.toMatch(/\d\.\d/);
    expect(s).not.toMatch(/(^|[\s(])-\d/);
    expect(s).not.toContain("NaN");
  }
}
