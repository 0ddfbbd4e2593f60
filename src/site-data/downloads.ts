// The downloads on /data/: rankning.csv / .xlsx (every published year, default weights and missing
// rule), varden.csv / .xlsx (every raw value the published scores rest on), the Parquet files under
// content-hashed names, and the provenance files. CSV is for machines (UTF-8 with BOM, point as the
// decimal separator, numbers as JavaScript prints them); XLSX is for people (real numbers with formats,
// a sheet documenting every column). Both are byte-identical for identical inputs.
import ExcelJS from "exceljs";
import { strFromU8, unzipSync, zipSync, type Zippable } from "fflate";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Manifest } from "../pipeline/manifest";
import { toCsv, type CsvCell } from "../pipeline/csv";
import type { MunicipalityRow, ValueRow } from "../pipeline/tables";
import type { ScoreRow } from "../model/outputTables";

export type ColumnKind = "text" | "integer" | "score" | "share01" | "number";

export interface ColumnDoc {
  name: string;
  kind: ColumnKind;
  description: string; // Swedish
  /** Readable Swedish header for the XLSX file (people); the CSV keeps the machine name. */
  label?: string;
}

export const RANKING_COLUMNS: readonly ColumnDoc[] = [
  { label: "År", name: "ar", kind: "integer", description: "Året resultatet gäller (publicerade år)." },
  { label: "Kommunkod", name: "kommunkod", kind: "text", description: "Kommunkod, fyra tecken med inledande nolla (t.ex. 0114)." },
  { label: "Kommun", name: "kommun", kind: "text", description: "Kommunens namn." },
  { label: "Placering", name: "rang", kind: "integer", description: "Plats 1–n bland rangordnade kommuner, 1 är bäst. Lika totalindex delar plats. Tom: inga data, eller låg täckning (tackning under 0,75) – då redovisas bara delindexen." },
  { label: "Totalindex", name: "totalindex", kind: "score", description: "Hemtjänstkollens index 0–100, en decimal. Högre är bättre. Tom vid låg täckning eller inga data." },
  { label: "Information", name: "information", kind: "score", description: "Delindex Information, 0–100." },
  { label: "Biståndshandläggning", name: "bistandshandlaggning", kind: "score", description: "Delindex Biståndshandläggning, 0–100." },
  { label: "Utförande", name: "utforande", kind: "score", description: "Delindex Utförande, 0–100." },
  { label: "Stöd och utveckling", name: "stod_och_utveckling", kind: "score", description: "Delindex Stöd och utveckling, 0–100." },
  { label: "Resultatgrupp", name: "resultatgrupp", kind: "text", description: "högt, över medel, nära medel, under medel eller lågt, efter rangens osäkerhetsintervall. Tom: ingen grupp (låg täckning eller inga data)." },
  { label: "Täckning", name: "tackning", kind: "share01", description: "Andel av vikten (0–1) som vilar på faktiska värden. Under 0,75 flaggas resultatet som låg täckning." },
  { label: "Trolig placering, bästa", name: "rang_lag", kind: "integer", description: "Rangintervallets bästa ände (90 % osäkerhetsintervall)." },
  { label: "Trolig placering, sämsta", name: "rang_hog", kind: "integer", description: "Rangintervallets sämsta ände (90 % osäkerhetsintervall)." },
  { label: "Saknade indikatorer", name: "saknade_indikatorer", kind: "text", description: "Indikatorer som saknas för kommunen det året (Koladas KPI-id, semikolonseparerade). De räknas med riksmedianen för indikatorn. Tom: inget saknas." },
];

export const VALUES_COLUMNS: readonly ColumnDoc[] = [
  { label: "År", name: "ar", kind: "integer", description: "Året värdet gäller." },
  { label: "Kommunkod", name: "kommunkod", kind: "text", description: "Kommunkod, fyra tecken; 0000 är riket." },
  { label: "Nyckeltal (Kolada-id)", name: "kpi", kind: "text", description: "Nyckeltalets id i Kolada (t.ex. U21468). Se kolada.se för definitionen." },
  { label: "Kön", name: "kon", kind: "text", description: "T = totalt, K = kvinnor, M = män." },
  { label: "Värde", name: "varde", kind: "number", description: "Värdet som källan publicerat, oförändrat (andelar i procent 0–100)." },
  { label: "Källa", name: "kalla", kind: "text", description: "Källan till värdet." },
];

export interface RankingCsvRow {
  ar: number; kommunkod: string; kommun: string; rang: number | null; totalindex: number | null;
  information: number | null; bistandshandlaggning: number | null; utforande: number | null;
  stod_och_utveckling: number | null; resultatgrupp: string | null; tackning: number;
  rang_lag: number | null; rang_hog: number | null; saknade_indikatorer: string;
}

export interface ValuesCsvRow { ar: number; kommunkod: string; kpi: string; kon: string; varde: number; kalla: string }

/** One row per published year × municipality (Riket excluded), ordered by year and kommunkod. */
export function rankingDownloadRows(
  scores: readonly ScoreRow[], municipalities: readonly MunicipalityRow[], weightSet: string, missingRule: string,
): RankingCsvRow[] {
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  return scores
    .filter((s) => s.weight_set === weightSet && s.missing_rule === missingRule && names.has(s.municipality))
    .map((s) => ({
      ar: s.year, kommunkod: s.municipality, kommun: names.get(s.municipality)!, rang: s.rank, totalindex: s.total,
      information: s.information, bistandshandlaggning: s.bistandshandlaggning, utforande: s.utforande,
      stod_och_utveckling: s.stod_utveckling, resultatgrupp: s.group, tackning: s.coverage,
      rang_lag: s.rank_low, rang_hog: s.rank_high, saknade_indikatorer: s.missing_indicators,
    }))
    .sort((a, b) => a.ar - b.ar || (a.kommunkod < b.kommunkod ? -1 : a.kommunkod > b.kommunkod ? 1 : 0));
}

/** "Källa: Kolada" → "Kolada": the source column names the source, not the credit line. */
export function sourceLabels(manifest: Manifest): Map<string, string> {
  return new Map(manifest.sources.map((s) => [s.id, s.credit.replace(/^Källa:\s*/, "")]));
}

/**
 * Every raw value the published scores rest on: the given KPIs in the published years, all genders,
 * municipalities and Riket, values that exist (missing values are not rows). Ordered by the full key.
 */
export function valuesDownloadRows(
  values: readonly ValueRow[], kpis: ReadonlySet<string>, years: ReadonlySet<number>, labels: ReadonlyMap<string, string>,
): ValuesCsvRow[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return values
    .filter((v) => kpis.has(v.kpi) && years.has(v.year) && v.value !== null && Number.isFinite(v.value))
    .map((v) => ({ ar: v.year, kommunkod: v.municipality, kpi: v.kpi, kon: v.gender, varde: v.value as number, kalla: labels.get(v.source) ?? v.source }))
    .sort((a, b) => a.ar - b.ar || cmp(a.kommunkod, b.kommunkod) || cmp(a.kpi, b.kpi) || cmp(a.kon, b.kon));
}

/**
 * RFC 4180 CSV with a UTF-8 BOM (so Excel reads å, ä, ö) and CRLF line ends. `{ excel: true }` gives the
 * variant Swedish Excel opens in columns: ";" between fields and a decimal comma.
 */
export function downloadCsv<R extends object>(columns: readonly ColumnDoc[], rows: readonly R[], options: "," | ";" | { excel?: boolean } = ","): string {
  const header = columns.map((c) => c.name);
  const format = typeof options === "string" ? { delimiter: options } : options.excel ? { delimiter: ";", decimalComma: true } : {};
  return toCsv(header, rows.map((r) => header.map((h) => (r as Record<string, CsvCell>)[h])), { bom: true, eol: "\r\n", ...format });
}

export const EFFECTIVE_WEIGHTS_COLUMNS: readonly ColumnDoc[] = [
  { name: "ar", kind: "integer", description: "Året (publicerade år)." },
  { name: "viktset", kind: "text", description: "Viktuppsättningens id (seniorernas-prioritering eller harledd-ur-brukarnas-svar)." },
  { name: "indikator", kind: "text", description: "Indikatorns id (Koladas KPI-id)." },
  { name: "nominell_vikt", kind: "number", description: "Indikatorns vikt i totalen enligt viktuppsättningen (0–1; summerar till 1 per år och viktuppsättning)." },
  { name: "andel_av_variansen", kind: "number", description: "Indikatorns andel av variansen i totalindex mellan de rangordnade kommunerna (kovarians med totalen delad med totalens varians; summerar till 1 per år och viktuppsättning). Regel för saknade värden: riksmedianen." },
];

export interface EffectiveWeightsCsvRow { ar: number; viktset: string; indikator: string; nominell_vikt: number; andel_av_variansen: number }

/** /data/effektiva-vikter.csv rows: one per year, weight set and indicator, in the model's order. */
export function effectiveWeightsRows(rows: readonly { year: number; weight_set: string; indicator: string; nominal: number; share: number }[]): EffectiveWeightsCsvRow[] {
  return rows.map((r) => ({ ar: r.year, viktset: r.weight_set, indikator: r.indicator, nominell_vikt: r.nominal, andel_av_variansen: r.share }));
}

const NUM_FORMAT: Record<ColumnKind, string | undefined> = {
  text: "@", integer: "0", score: "0.0", share01: "0.0%", number: "General",
};

export interface SheetSpec<R extends object> {
  name: string;
  title: string;
  columns: readonly ColumnDoc[];
  rows: readonly R[];
}

/** A fixed timestamp for workbook metadata and zip entries, so identical inputs give identical bytes. */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
/**
 * The zip entries' date: ZIP stores local date and time fields, which fflate takes from the Date in the
 * build machine's time zone, so it is local midnight (2000-01-01 00:00 in every zone, same bytes).
 */
export const ZIP_DATE = new Date(2000, 0, 1);

/**
 * A workbook with the data sheet (frozen, filterable header, real numbers with number formats), a sheet
 * documenting every column, and a sheet with the source and credit lines.
 */
export async function downloadXlsx<R extends object>(sheet: SheetSpec<R>, about: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Hemtjänstkollen";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = sheet.title;
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({
    header: c.label ?? c.name, key: c.name, width: Math.max(10, c.name.length + 2, c.kind === "text" ? 16 : 10),
    style: NUM_FORMAT[c.kind] ? { numFmt: NUM_FORMAT[c.kind] } : {},
  }));
  for (const r of sheet.rows) ws.addRow(sheet.columns.map((c) => (r as Record<string, unknown>)[c.name] ?? null));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };

  const doc = wb.addWorksheet("Kolumner");
  doc.columns = [{ header: "Kolumn", key: "k", width: 28 }, { header: "Namn i CSV-filen", key: "n", width: 24 }, { header: "Beskrivning", key: "d", width: 100 }];
  doc.getRow(1).font = { bold: true };
  for (const c of sheet.columns) doc.addRow([c.label ?? c.name, c.name, c.description]);

  const info = wb.addWorksheet("Om filen");
  info.getColumn(1).width = 110;
  info.addRow([sheet.title]).font = { bold: true, size: 14 };
  for (const line of about) info.addRow([line]);

  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return normaliseZip(raw);
}

/** Re-zips with entries in name order and a fixed date: the zip library stamps the current time. */
export function normaliseZip(bytes: Uint8Array): Buffer {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const name of Object.keys(files).sort()) out[name] = [files[name], { mtime: ZIP_DATE, level: 6 }];
  return Buffer.from(zipSync(out));
}

/** Text of a zip entry (for tests). */
export function zipEntryText(bytes: Uint8Array, name: string): string | undefined {
  const entry = unzipSync(bytes)[name];
  return entry ? strFromU8(entry) : undefined;
}

export interface ParquetDownload { file: string; stem: string; href: string; rows: number | null; bytes: number; sha256: string; path: string }

/** The Parquet files of the build under content-hashed names: /data/<stem>.<sha256:8>.parquet. */
export function parquetDownloads(manifest: Manifest, buildDir: string): ParquetDownload[] {
  return manifest.files
    .filter((f) => f.file.endsWith(".parquet") && existsSync(path.join(buildDir, f.file)))
    .map((f) => {
      const stem = f.file.replace(/\.parquet$/, "");
      return { file: `${stem}.${f.sha256.slice(0, 8)}.parquet`, stem, href: `/data/${stem}.${f.sha256.slice(0, 8)}.parquet`, rows: f.rows, bytes: f.bytes, sha256: f.sha256, path: path.join(buildDir, f.file) };
    });
}

export interface ProvenanceFile { id: string; title: string; href: string; path: string }

/** The committed provenance notes, published as plain text. */
export function provenanceFiles(root = process.cwd()): ProvenanceFile[] {
  const candidates = [
    { id: "kolada-snapshot", title: "Kolada-ögonblicksbilden (data/snapshot)", file: "data/snapshot/PROVENANCE.md" },
    { id: "kommunregister", title: "Kommunregistret (data/reference)", file: "data/reference/PROVENANCE.md" },
    { id: "kartan", title: "Kommungränserna till kartan (data/reference)", file: "data/reference/GEO-PROVENANCE.md" },
  ];
  return candidates
    .map((c) => ({ id: c.id, title: c.title, href: `/data/kallor/${c.id}.txt`, path: path.join(root, c.file) }))
    .filter((c) => existsSync(c.path));
}

export function readProvenance(file: ProvenanceFile): string {
  return readFileSync(file.path, "utf8");
}

// ---- Build-time assembly for the endpoints under src/pages/data/ ----

export interface Downloads {
  years: number[];
  ranking: RankingCsvRow[];
  values: ValuesCsvRow[];
  kpis: string[];
  manifest: Manifest;
  effectiveWeights: EffectiveWeightsCsvRow[];
}

let cached: Promise<Downloads> | null = null;

export function loadDownloads(): Promise<Downloads> {
  cached ??= (async () => {
    const [{ loadBuildData }, ranking, { CATALOGUE, RESPONDENTS_KPI }] = await Promise.all([
      import("./load"), import("./ranking"), import("../model/catalogue"),
    ]);
    const data = await loadBuildData();
    const site = await ranking.loadRanking();
    const kpis = [...new Set([...CATALOGUE.map((c) => c.kpi), RESPONDENTS_KPI])].sort();
    return {
      years: site.years,
      ranking: rankingDownloadRows(site.scores, data.municipalities, ranking.DEFAULT_WEIGHT_SET, ranking.DEFAULT_MISSING_RULE),
      values: valuesDownloadRows(data.values, new Set(kpis), new Set(site.years), sourceLabels(data.manifest)),
      kpis,
      manifest: data.manifest,
      effectiveWeights: effectiveWeightsRows(data.method.effectiveWeights?.rows ?? []),
    };
  })();
  return cached;
}

export const RANKING_ABOUT = [
  "Hemtjänstkollens rankning av hemtjänsten i Sveriges kommuner, alla publicerade år.",
  "Vikter: seniorernas prioritering (standard). Saknade värden: riksmedianen (standard). Andra varianter finns på webbplatsen och i scores-filen (Parquet).",
  "Index, delindex, rang och grupper: Bearbetning av data från Kolada. Inte officiell statistik.",
  "Metoden beskrivs på /metod/. Kolumnerna beskrivs på fliken Kolumner.",
];

export const VALUES_ABOUT = [
  "Alla rådata som de publicerade resultaten bygger på: indikatorerna i Hemtjänstkollens katalog och antal svarande, de publicerade åren, totalt och per kön, kommuner och riket.",
  "Värdena är oförändrade från källan. Källa: Kolada (brukarundersökningen från Socialstyrelsen, kommunenkäten, Senior alert via Kolada).",
  "Kolada kan revidera värden i efterhand; datasidan anger när värdena hämtades.",
];

export interface BuiltFiles { rankingCsv: string; valuesCsv: string; rankingXlsx: Buffer; valuesXlsx: Buffer; effectiveWeightsCsv: string }
let built: Promise<BuiltFiles> | null = null;

/** The four files, built once per build and shared by the endpoints and the /data/ page (sizes). */
export function builtFiles(): Promise<BuiltFiles> {
  built ??= (async () => {
    const d = await loadDownloads();
    const [rankingXlsx, valuesXlsx] = await Promise.all([
      downloadXlsx({ name: "Rankning", title: "Hemtjänstkollen: rankning", columns: RANKING_COLUMNS, rows: d.ranking }, RANKING_ABOUT),
      downloadXlsx({ name: "Värden", title: "Hemtjänstkollen: rådata", columns: VALUES_COLUMNS, rows: d.values }, VALUES_ABOUT),
    ]);
    return {
      rankingCsv: downloadCsv(RANKING_COLUMNS, d.ranking), valuesCsv: downloadCsv(VALUES_COLUMNS, d.values), rankingXlsx, valuesXlsx,
      effectiveWeightsCsv: downloadCsv(EFFECTIVE_WEIGHTS_COLUMNS, d.effectiveWeights, ";"),
    };
  })();
  return built;
}
