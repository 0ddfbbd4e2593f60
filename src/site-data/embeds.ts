// Embeds and chart downloads (issue 6): which charts can be embedded or downloaded, their URLs, the copy-
// ready iframe snippet, and the chart builders the embed pages and the download endpoints share.
//
// URL scheme (every path ends in "/", astro.config.mjs trailingSlash "always"):
//   live       /embed/kommun/{code}/{chart}/                 always the latest published year
//              /embed/riket/{chart}/
//   versioned  /embed/v/{methodVersion}/{year}/kommun/{code}/{chart}/   one year under one method version
//              /embed/v/{methodVersion}/{year}/riket/{chart}/
//   downloads  /kommun/{code}/diagram/{chart}.png|svg|csv, /diagram/{chart}.png|svg|csv (latest year, as shown)
//   host side  /embed/resize.js (sets the iframe height), embed side /embed/frame.js (posts it)
//
// Versioned embeds never change: only the current method version (method.json `version`) is built, for
// every published year. A new method version gets new URLs; the pages of earlier versions stay online
// because a deploy must not delete anything under /embed/v/ (sync dist/ without deleting that prefix, or
// copy the previous deploy's /embed/v/ in first). Live embeds and downloads follow each new build.
//
// The municipality charts are built here with the same inputs and ids as the page components
// (src/components/kommun/SubIndexComparison, Trend, UnitVariation) and the national ones as on "/"
// (src/pages/index.astro); tests/e2e/embeds.test.ts checks, for all 290 pages, that every downloaded SVG
// holds exactly the SVG the page shows, so the two cannot drift apart unnoticed.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { framedSvg, type ChartOutput } from "../charts/render";
import { toCsv } from "../pipeline/csv";
import { subIndexComparisonChart } from "../charts/subIndexComparisonChart";
import { trendChart } from "../charts/trendChart";
import { unitVariationChart } from "../charts/unitVariationChart";
import { rankingMapChart, type ResultGroup } from "../charts/rankingMapChart";
import { groupComparisonChart, sizeGroupLabel } from "../charts/groupComparisonChart";
import { OVERALL_KPI } from "../model/catalogue";
import { buildMunicipalityView, loadMunicipalityContext, type MunicipalityContext, type MunicipalityView } from "./municipality";
import { loadBuildData } from "./load";
import { latestYearOf, loadMapGeo, loadRanking } from "./ranking";

// ---- Which charts ----------------------------------------------------------------------------------------

export const MUNICIPALITY_CHARTS = ["delindex", "trend", "enheter", "enheter-ovriga"] as const;
export const NATIONAL_CHARTS = ["karta", "nationellt"] as const;
/**
 * Width of the charts drawn for phones: at a 375 px screen (343 px of content) the 12 px chart text
 * scales to at least 12 px (issue 18). Wide charts are drawn at the default 640 px.
 */
export const NARROW_WIDTH = 340;
export type MunicipalityChart = (typeof MUNICIPALITY_CHARTS)[number];
export type NationalChart = (typeof NATIONAL_CHARTS)[number];

export type ChartRef =
  | { scope: "kommun"; code: string; chart: MunicipalityChart }
  | { scope: "riket"; chart: NationalChart };

/** A chart as a page shows it: the chart, an optional narrow drawing for small screens, compact layout. */
export interface ChartBundle {
  ref: ChartRef;
  year: number;
  chart: ChartOutput;
  narrow?: ChartOutput;
  compact?: boolean;
  /** Where the chart lives on the site (municipality name or "Startsidan"). */
  pageLabel: string;
}

/**
 * The embeddable chart a figure on the site shows, from the chart's id (the ids the page components give:
 * "delindex-0114", "trend-0114", "enheter-0114", "enheter-ovriga-0114", "karta", "nationellt"); null for
 * any other chart, which then gets no actions.
 */
export function chartRefFromId(id: string): ChartRef | null {
  if ((NATIONAL_CHARTS as readonly string[]).includes(id)) return { scope: "riket", chart: id as NationalChart };
  const m = /^(delindex|trend|enheter-ovriga|enheter)-(\d{4})$/.exec(id);
  return m ? { scope: "kommun", code: m[2], chart: m[1] as MunicipalityChart } : null;
}

/** A stable key for a chart, posted by the embed page with its height ("kommun/0114/trend"). */
export function refKey(ref: ChartRef): string {
  return ref.scope === "kommun" ? `kommun/${ref.code}/${ref.chart}` : `riket/${ref.chart}`;
}

// ---- URLs ------------------------------------------------------------------------------------------------

export const EMBED_HEIGHT_MESSAGE = "htk-embed-height";

export function livePath(ref: ChartRef): string {
  return `/embed/${refKey(ref)}/`;
}

export function versionedPath(ref: ChartRef, methodVersion: string, year: number): string {
  return `/embed/v/${methodVersion}/${year}/${refKey(ref)}/`;
}

export type DownloadFormat = "png" | "svg" | "csv";
export const DOWNLOAD_FORMATS: readonly DownloadFormat[] = ["png", "svg", "csv"];

export function downloadPath(ref: ChartRef, format: DownloadFormat): string {
  return ref.scope === "kommun" ? `/kommun/${ref.code}/diagram/${ref.chart}.${format}` : `/diagram/${ref.chart}.${format}`;
}

/** File name offered by the download link ("hemtjanstkollen-0114-trend.png"). */
export function downloadName(ref: ChartRef, format: DownloadFormat): string {
  return ref.scope === "kommun" ? `hemtjanstkollen-${ref.code}-${ref.chart}.${format}` : `hemtjanstkollen-riket-${ref.chart}.${format}`;
}

/** The full page the chart belongs to, at the figure. */
export function fullPagePath(ref: ChartRef, chartId: string): string {
  return ref.scope === "kommun" ? `/kommun/${ref.code}/#fig-${chartId}` : `/#fig-${chartId}`;
}

/** The site's public origin for snippets: SITE_URL, else astro.config.mjs `site` (given as `site`). */
export function siteOrigin(site?: URL | string): string {
  const raw = process.env.SITE_URL ?? (site ? String(site) : "http://127.0.0.1:4321");
  return new URL(raw).origin;
}

const PAD_AND_TEXT = 200; // title, subtitle, caption, source line and footer at ~640 px wide
const MIN_HEIGHT = 300;

/**
 * A sensible iframe height before (or without) the resize script: the chart's drawn height at 640 px
 * plus room for the text around it.
 */
export function defaultHeight(chart: ChartOutput): number {
  const m = /viewBox="\s*[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)[ ,]+([\d.]+)\s*"/.exec(chart.svg);
  const [w, h] = m ? [Number(m[1]), Number(m[2])] : [640, 400];
  const drawn = (h * Math.min(640, w)) / w;
  const extra = (chart.subtitle ? 40 : 0) + (chart.synthetic ? 40 : 0);
  return Math.max(MIN_HEIGHT, Math.ceil((drawn + PAD_AND_TEXT + extra) / 10) * 10);
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Subresource Integrity of the host script (public/embed/resize.js), for the versioned snippet: a page that
 * pastes it runs exactly that script or none (the iframe then keeps its height attribute).
 * https://www.w3.org/TR/SRI/ — needs CORS on the file (`crossorigin="anonymous"`; the README's deploy notes).
 */
export function resizeScriptIntegrity(root = process.cwd()): string {
  const bytes = readFileSync(path.join(root, "public", "embed", "resize.js"));
  return `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
}

/**
 * The copy-ready snippet: an iframe that works alone at `height`, and the host-side script that lets
 * the embed set its own height (it only accepts messages from `origin`). With `integrity` (the versioned
 * snippet) the script tag carries it and crossorigin="anonymous".
 */
export function embedSnippet(origin: string, pagePath: string, title: string, height: number, integrity?: string): string {
  const sri = integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : "";
  return `<iframe src="${origin}${pagePath}" title="${escapeAttr(title)}" width="100%" height="${height}" loading="lazy" style="border:0" data-htk-embed></iframe>` +
    `<script src="${origin}/embed/resize.js"${sri} async></script>`;
}

export interface ChartActionsModel {
  ref: ChartRef;
  year: number;
  methodVersion: string;
  live: { path: string; snippet: string };
  versioned: { path: string; snippet: string };
  downloads: { format: DownloadFormat; label: string; href: string; name: string }[];
}

const DOWNLOAD_LABELS: Record<DownloadFormat, string> = { png: "Bild (PNG)", svg: "Vektorbild (SVG)", csv: "Data (CSV)" };

/**
 * What the "Bädda in" and "Ladda ner" actions under a figure offer, or null for a chart that is not
 * embeddable. `site` is astro.config.mjs `site` (SITE_URL overrides it).
 */
export async function chartActions(chart: ChartOutput, site?: URL | string): Promise<ChartActionsModel | null> {
  const ref = chartRefFromId(chart.id);
  if (!ref) return null;
  const year = ref.scope === "kommun" ? (await loadMunicipalityContext()).year : (await nationalYears()).latest[ref.chart];
  const version = await methodVersion();
  const origin = siteOrigin(site);
  const height = defaultHeight(chart);
  const live = livePath(ref);
  const fixed = versionedPath(ref, version, year);
  return {
    ref, year, methodVersion: version,
    live: { path: live, snippet: embedSnippet(origin, live, chart.title, height) },
    versioned: { path: fixed, snippet: embedSnippet(origin, fixed, chart.title, height, resizeScriptIntegrity()) },
    downloads: DOWNLOAD_FORMATS.map((format) => ({ format, label: DOWNLOAD_LABELS[format], href: downloadPath(ref, format), name: downloadName(ref, format) })),
  };
}

// ---- Charts --------------------------------------------------------------------------------------------

/** No strength/weakness sentence is shown in a chart, so a plain number will do for the view builder. */
const plainValue = (_: unknown, v: number) => String(v);

/** The municipality view for one published year: the page's view with every year after `year` cut off. */
export function municipalityViewForYear(ctx: MunicipalityContext, code: string, year: number): MunicipalityView {
  if (!ctx.years.includes(year)) throw new Error(`embeds: ${year} is not a published year (${ctx.years.join(", ")})`);
  const at = year === ctx.year ? ctx : { ...ctx, year, years: ctx.years.filter((y) => y <= year) };
  return buildMunicipalityView(at, code, plainValue);
}

export type MunicipalityChartBundles = Map<MunicipalityChart, ChartBundle>;

/** The page's charts for a municipality, keyed by chart name: drawn once per page and shared by the page
 * components, the embed pages and the downloads. */
export function municipalityCharts(view: MunicipalityView): Map<MunicipalityChart, ChartBundle> {
  const out = new Map<MunicipalityChart, ChartBundle>();
  const code = view.code;
  const put = (chart: MunicipalityChart, b: Omit<ChartBundle, "ref" | "year" | "pageLabel">) =>
    out.set(chart, { ref: { scope: "kommun", code, chart }, year: view.year, pageLabel: view.name, ...b });

  const sub = {
    municipalityCode: code, municipalityName: view.name, year: view.year, kommungruppName: view.kommungrupp,
    statistic: "median" as const,
    subIndices: view.subIndices.map((s) => ({ id: s.id, label: s.name, municipality: s.municipality, nation: s.nation, kommungrupp: s.kommungrupp, peers: s.peers })),
  };
  put("delindex", {
    chart: subIndexComparisonChart(sub, { id: `delindex-${code}` }),
    narrow: subIndexComparisonChart(sub, { id: `delindex-${code}-smal`, width: NARROW_WIDTH }),
  });

  const trend = {
    municipalityCode: code, municipalityName: view.name,
    points: view.trend.map((t) => ({
      year: t.year, total: t.total, rank: t.rank, rankOf: t.nRanked, rankLow: t.rankLow, rankHigh: t.rankHigh,
      change: t.changeDetail === undefined ? undefined
        : t.changeDetail && { places: t.changeDetail.places, certain: t.changeDetail.certain, commonSet: !t.changeDetail.sameIndicators },
    })),
    nationalMedian: view.trend.map((t) => ({ year: t.year, value: t.nationalMedian })),
  };
  put("trend", {
    chart: trendChart(trend, { id: `trend-${code}` }),
    narrow: trendChart(trend, { id: `trend-${code}-smal`, width: NARROW_WIDTH }),
  });

  const u = view.units;
  if (u.units.length > 0 && u.year !== null) {
    const base = {
      municipalityCode: code, municipalityName: view.name, year: u.year ?? view.year,
      units: u.units.map((x) => ({ id: x.id, name: x.name, providerType: x.providerType })),
      synthetic: u.synthetic,
    };
    const pick = (key: boolean) => {
      const inds = u.indicators.filter((i) => i.key === key);
      const ids = new Set(inds.map((i) => i.id));
      return {
        ...base,
        indicators: inds.map((i) => ({ id: i.id, label: i.name, municipalityValue: i.municipalityValue, nationalValue: i.nationValue })),
        values: u.values.filter((v) => ids.has(v.indicatorId)),
      };
    };
    const keyInput = pick(true);
    const restInput = pick(false);
    if (keyInput.indicators.length) {
      put("enheter", {
        chart: unitVariationChart(keyInput, { id: `enheter-${code}` }),
        narrow: unitVariationChart(keyInput, { id: `enheter-${code}-smal`, width: NARROW_WIDTH }),
      });
    }
    if (restInput.indicators.length) {
      put("enheter-ovriga", { chart: unitVariationChart(restInput, { id: `enheter-ovriga-${code}`, width: NARROW_WIDTH }), compact: true });
    }
  }
  return out;
}

/** Which charts the page for `code` draws in `year`, without drawing them (for getStaticPaths). */
export function municipalityChartNames(view: MunicipalityView): MunicipalityChart[] {
  const u = view.units;
  const unitCharts = u.units.length > 0 && u.year !== null;
  return MUNICIPALITY_CHARTS.filter((c) =>
    c === "delindex" || c === "trend" ||
    (unitCharts && u.indicators.some((i) => i.key === (c === "enheter"))));
}

// The latest year's charts of every municipality are kept (about 50 MB): the page actions, the downloads
// and the live and versioned embeds all ask for them. Of earlier years only a few municipalities are kept;
// the versioned route lists a municipality's charts next to each other, so each view is built once.
const latestCharts = new Map<string, Map<MunicipalityChart, ChartBundle>>();
const MEMO_SIZE = 6;
const memo = new Map<string, Map<MunicipalityChart, ChartBundle>>();

/** The charts of municipality `code` for `year` (latest published year when omitted). */
export async function loadMunicipalityCharts(code: string, year?: number): Promise<Map<MunicipalityChart, ChartBundle>> {
  const ctx = await loadMunicipalityContext();
  const y = year ?? ctx.year;
  if (y === ctx.year) {
    let charts = latestCharts.get(code);
    if (!charts) latestCharts.set(code, (charts = municipalityCharts(municipalityViewForYear(ctx, code, y))));
    return charts;
  }
  const key = `${y}|${code}`;
  let charts = memo.get(key);
  if (charts) {
    memo.delete(key);
  } else {
    charts = municipalityCharts(municipalityViewForYear(ctx, code, y));
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  }
  memo.set(key, charts);
  return charts;
}

/** One chart of a municipality; throws naming the municipality when the page has no such chart. */
export async function loadMunicipalityChart(code: string, chart: MunicipalityChart, year?: number): Promise<ChartBundle> {
  const bundle = (await loadMunicipalityCharts(code, year)).get(chart);
  if (!bundle) throw new Error(`embeds: municipality ${code} has no chart "${chart}"${year ? ` for ${year}` : ""}`);
  return bundle;
}

export interface NationalYears { karta: number[]; nationellt: number[]; latest: Record<NationalChart, number> }

/**
 * Years of the national charts: the map follows the published index years; the satisfaction chart the
 * years with values of the overall-satisfaction KPI among them, plus its latest year (which "/" shows).
 */
export async function nationalYears(): Promise<NationalYears> {
  const data = await loadBuildData();
  const ranking = await loadRanking();
  const kpiLatest = latestYearOf(data.values, OVERALL_KPI) ?? ranking.latestYear;
  const kpiYears = new Set(data.values.filter((v) => v.kpi === OVERALL_KPI && v.gender === "T" && v.value !== null).map((v) => v.year));
  const nationellt = [...new Set([...ranking.years.filter((y) => kpiYears.has(y)), kpiLatest])].sort((a, b) => a - b);
  return { karta: ranking.years, nationellt, latest: { karta: ranking.latestYear, nationellt: kpiLatest } };
}

const nationalMemo = new Map<string, ChartBundle>();

/** A national chart as "/" draws it, for `year` (the one "/" shows when omitted). */
export async function loadNationalChart(chart: NationalChart, year?: number): Promise<ChartBundle> {
  const years = await nationalYears();
  const y = year ?? years.latest[chart];
  const key = `${chart}|${y}`;
  const hit = nationalMemo.get(key);
  if (hit) return hit;
  if (!years[chart].includes(y)) throw new Error(`embeds: no ${chart} chart for ${y} (years: ${years[chart].join(", ")})`);
  const ref: ChartRef = { scope: "riket", chart };
  let bundle: ChartBundle;
  if (chart === "karta") {
    // As src/pages/index.astro.
    const rows = (await loadRanking()).defaultRows(y);
    bundle = {
      ref, year: y, pageLabel: "Startsidan",
      chart: rankingMapChart({
        year: y,
        geo: loadMapGeo(),
        municipalities: rows.map((r) => ({
          code: r.code, name: r.name, group: r.group as ResultGroup | null, total: r.total, rank: r.rank, rankOf: r.nRanked,
        })),
        source: "Bearbetning av data från Kolada. Kommungränser: SCB (CC0).",
      }, { id: "karta" }),
    };
  } else {
    const data = await loadBuildData();
    const satisfaction = new Map(data.values
      .filter((v) => v.kpi === OVERALL_KPI && v.year === y && v.gender === "T")
      .map((v) => [v.municipality, v.value]));
    bundle = {
      ref, year: y, pageLabel: "Startsidan",
      chart: groupComparisonChart({
        year: y,
        indicatorLabel: "Andel nöjda med hemtjänsten som helhet",
        valueKind: "share",
        municipalities: data.municipalities.map((m) => ({
          code: m.code, name: m.name, value: satisfaction.get(m.code) ?? null,
          sizeGroup: sizeGroupLabel(m.population), kommungrupp: m.kommungrupp,
        })),
        source: "Källa: Kolada (Socialstyrelsens brukarundersökning, hemtjänst, KPI U21468). Medianer per grupp: bearbetning av data från Kolada.",
      }, { id: "nationellt" }),
    };
  }
  nationalMemo.set(key, bundle);
  return bundle;
}

// ---- Download files -----------------------------------------------------------------------------------

/** The chart's data as CSV: UTF-8 with BOM, CRLF, the chart table's Swedish column names, raw numbers. */
export function chartCsv(chart: ChartOutput): string {
  const { columns, rows } = chart.table;
  return toCsv(columns.map((c) => c.label), rows.map((r) => columns.map((c) => r[c.key])), { bom: true, eol: "\r\n" });
}

/** The downloadable SVG: the chart framed by its title and source line (as the PNG), with an XML declaration. */
export function chartSvgFile(chart: ChartOutput): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${framedSvg(chart)}\n`;
}

/** PNG width for a framed chart SVG: 1.25 × its drawn width (800 px for a 640 px chart: an article column or
 * a slide; the SVG is there for print). 2× palette PNGs took four times as long to make, and with 1.5× the
 * site was over its 500 MB budget (issue 14). */
export const PNG_SCALE = 1.25;

/** The method version in versioned embed URLs (method.json). */
export async function methodVersion(): Promise<string> {
  const data = await loadBuildData();
  const v = data.method?.version ?? data.manifest.method_version;
  if (!v || !/^[0-9A-Za-z.-]+$/.test(v)) throw new Error(`embeds: method version "${v}" cannot be used in a URL`);
  return v;
}

/** Published index years (the years of versioned municipality embeds). */
export async function publishedYears(): Promise<number[]> {
  return (await loadMunicipalityContext()).years;
}

/**
 * Every versioned municipality embed of the current method version: code × published year × the charts
 * the page draws that year, in that order (so each municipality-year is drawn once).
 */
/**
 * The first data year whose fixed-version snippet ("ändras aldrig") the site offered under the current
 * method version. The snippet always names the latest year, so earlier years were never handed out under
 * this version and no page on the web can point at them: building them cost 94 MB of dist/ (two years ×
 * 290 municipalities × 4 charts; issue 14 size budget). A data refresh that adds a year keeps every year
 * from here on. Never raise it within a method version; when the method version changes, set it to the
 * latest data year of that release.
 */
export const VERSIONED_EMBEDS_FROM_YEAR = 2022;

/** The years that get fixed-version embed pages, of `years` (the latest one always). */
export function versionedYears(years: readonly number[]): number[] {
  const latest = Math.max(...years);
  return years.filter((y) => y >= Math.min(VERSIONED_EMBEDS_FROM_YEAR, latest));
}

export async function versionedMunicipalityPaths(): Promise<{ code: string; year: number; chart: MunicipalityChart }[]> {
  const ctx = await loadMunicipalityContext();
  const out: { code: string; year: number; chart: MunicipalityChart }[] = [];
  for (const code of await municipalityCodes()) {
    for (const year of versionedYears(ctx.years)) {
      for (const chart of municipalityChartNames(municipalityViewForYear(ctx, code, year))) out.push({ code, year, chart });
    }
  }
  return out;
}

/** Every municipality code, sorted. */
export async function municipalityCodes(): Promise<string[]> {
  return [...(await loadMunicipalityContext()).byCode.keys()].sort();
}
