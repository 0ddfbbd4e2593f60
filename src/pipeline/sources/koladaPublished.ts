// How far Kolada has published the user survey, for the home page's "newer results exist" notice when
// the build is offline: read from the stored v3 KPI catalogue (its publ_period / publication_date, see
// publishedThrough()) by `--source shared`, kept beside the snapshot as a small JSON file.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { HEADLINE_SURVEY_KPI } from "../kpis";
import type { PublishedThrough } from "../manifest";
import { publishedThrough } from "./kolada/normalise";

export const PUBLISHED_FILE = "kolada_published.json";
/** The date the stored catalogue was taken (catalog-2026/PROVENANCE: rKolada commit of 2026-04-16). */
export const CATALOGUE_DATE = "2026-04-16";

export function publishedFromCatalogue(catalogDir: string, kpi = HEADLINE_SURVEY_KPI): PublishedThrough | undefined {
  const file = path.join(catalogDir, "kolada_kpi_catalog.csv");
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, "utf8"), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}, row ${(parsed.errors[0].row ?? 0) + 2}: ${parsed.errors[0].message}`);
  const row = parsed.data.find((r) => r.id === kpi);
  if (!row) return undefined;
  const year = publishedThrough({ publ_period: row.publ_period || null, publication_date: row.publication_date || null }, CATALOGUE_DATE);
  return year === null ? undefined : { kpi, year, basis: `Koladas KPI-katalog (v3) från ${CATALOGUE_DATE}` };
}

export function publishedToJson(p: PublishedThrough | undefined): string {
  return `${JSON.stringify(p ?? null, null, 2)}\n`;
}

export function readPublished(snapshotDir: string): PublishedThrough | undefined {
  const file = path.join(snapshotDir, PUBLISHED_FILE);
  if (!existsSync(file)) return undefined;
  const doc = JSON.parse(readFileSync(file, "utf8")) as PublishedThrough | null;
  if (doc === null) return undefined;
  if (typeof doc.kpi !== "string" || !Number.isInteger(doc.year) || typeof doc.basis !== "string") {
    throw new Error(`${file}: expected {"kpi", "year", "basis"}`);
  }
  return doc;
}
