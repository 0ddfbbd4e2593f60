// A municipality's total index over the years, with its rank and rank movement written under each year.
// Years without a published value (2021: no survey) break the line instead of being bridged.
import * as Plot from "@observablehq/plot";
import { formatChange, formatInt, formatRank, formatScore, formatYear, MISSING } from "./format";
import { drawLegend, fontSize, layoutLegend, textWidth, type LegendItem } from "./layout";
import { accent, ink } from "./palette";
import { rankChange } from "../model/rankChange";
import { DEFAULT_WIDTH, renderPlot, type ChartOptions, type ChartOutput } from "./render";

export interface TrendPoint {
  year: number;
  total: number | null; // total index 0–100; null = not published / not computed
  rank: number | null; // 1 = best
  rankOf?: number | null; // number of ranked municipalities that year (default 290)
  rankLow?: number | null; // 90 % rank interval (best, worst); when given, the change rule applies
  rankHigh?: number | null;
  note?: string; // why the value is missing, e.g. "Ingen brukarundersökning 2021"
  /** The change since the previous ranked year as computed elsewhere (both years on the indicators they
   *  share); when given it is shown instead of the difference of the published ranks. */
  change?: { places: number | null; certain: boolean; commonSet?: boolean } | null;
}
export interface TrendReferencePoint {
  year: number;
  value: number | null;
}
export interface TrendInput {
  municipalityCode: string;
  municipalityName: string;
  points: TrendPoint[];
  nationalMedian?: TrendReferencePoint[]; // drawn dashed, "Riket (median)"
  source?: string;
}

interface Year {
  year: number;
  total: number | null;
  rank: number | null;
  rankOf: number | null;
  change: number | null; // places gained since the previous year with a rank (positive = better)
  /** False when the two years' rank intervals overlap (src/model/rankChange.ts); true without intervals. */
  changeCertain: boolean;
  /** The change was computed with both years on their common indicators (marked "*"). */
  changeCommon: boolean;
  note?: string;
}

const at = (p: TrendPoint) => ({ year: p.year, rank: p.rank, low: p.rankLow ?? null, high: p.rankHigh ?? null });

/** One entry per calendar year from the first to the last, missing years as nulls, with rank changes. */
export function trendYears(points: TrendPoint[]): Year[] {
  if (!points.length) return [];
  const byYear = new Map(points.map((p) => [p.year, p]));
  const years = points.map((p) => p.year);
  const out: Year[] = [];
  let previous: TrendPoint | null = null;
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    const p = byYear.get(year);
    const total = p?.total ?? null;
    const rank = total === null ? null : (p?.rank ?? null);
    const withIntervals = previous && p && previous.rankLow != null && p.rankLow != null;
    const given = rank !== null && previous && p?.change !== undefined ? p.change : undefined;
    const change = given !== undefined ? given : rank !== null && previous ? rankChange(at(previous), at(p!)) : null;
    out.push({
      year,
      total,
      rank,
      rankOf: p?.rankOf ?? (rank !== null ? 290 : null),
      change: change?.places ?? null,
      changeCertain: given !== undefined ? Boolean(given?.certain) : withIntervals ? Boolean(change?.certain) : true,
      changeCommon: Boolean(given?.commonSet) && given?.places != null,
      note: p?.note,
    });
    if (rank !== null) previous = p!;
  }
  return out;
}

export function trendChart(input: TrendInput, options: ChartOptions = {}): ChartOutput {
  const width = options.width ?? DEFAULT_WIDTH;
  const id = options.id ?? `trend-${input.municipalityCode}`;
  const years = trendYears(input.points);
  const valued = years.filter((y) => y.total !== null);
  // One entry per year, null where the median has no value: the dashed line breaks there (2021: no survey).
  const medianByYear = new Map((input.nationalMedian ?? []).map((p) => [p.year, p.value]));
  const national = input.nationalMedian?.length ? years.map((y) => ({ year: y.year, value: medianByYear.get(y.year) ?? null })) : [];

  const all = [...valued.map((y) => y.total!), ...national.flatMap((p) => (p.value === null ? [] : [p.value]))];
  const yMin = all.length ? Math.max(0, Math.floor((Math.min(...all) - 3) / 10) * 10) : 0;
  const yMax = all.length ? Math.min(100, Math.ceil((Math.max(...all) + 3) / 10) * 10) : 100;

  const legendItems: LegendItem[] = [{ label: `${input.municipalityName}, totalindex`, swatch: { kind: "line", color: accent, width: 3 } }];
  if (national.length) legendItems.push({ label: "Riket (median)", swatch: { kind: "line", color: ink.national, dash: "5,4" } });
  const legend = layoutLegend(legendItems, width - 8);

  const marginLeft = Math.ceil(Math.max(textWidth("Förändring", fontSize.tick), 40) + 14);
  const marginRight = 24;
  const marginTop = legend.height + 24;
  const marginBottom = 72; // year labels, rank row, change row
  const plotHeight = Math.round(Math.max(180, Math.min(280, width * 0.42)));
  const height = marginTop + plotHeight + marginBottom;
  const plotWidth = width - marginLeft - marginRight;
  const perYear = plotWidth / Math.max(1, years.length - 1);
  const yearStep = perYear >= 34 ? 1 : perYear >= 17 ? 2 : 4;
  const labelEvery = perYear >= 44;
  const firstYear = years[0]?.year ?? 0;
  const lastYear = years[years.length - 1]?.year ?? 0;

  const rowY = { rank: 40, change: 58 };
  const marks: Plot.Markish[] = [
    (_i, _s, _v, _d, context) => drawLegend(context.document, legend, 4, 0),
    Plot.gridY({ stroke: ink.grid, strokeOpacity: 1, ticks: 5 }),
    Plot.axisY({ ticks: 5, tickFormat: (d: number) => formatInt(d), tickSize: 0, fontSize: fontSize.tick, label: null, fill: ink.muted }),
    Plot.axisX({
      ticks: years.filter((y) => (y.year - firstYear) % yearStep === 0).map((y) => y.year),
      tickFormat: (d: number) => formatYear(d),
      fontSize: fontSize.tick,
      label: null,
      fill: ink.muted,
      tickSize: 4,
      stroke: ink.axis,
    }),
  ];
  // Row headers for the rank rows under the axis, right-aligned in the left margin (x inset is 12 px).
  for (const [label, dy] of [["Plats", rowY.rank], ["Förändring", rowY.change]] as const) {
    marks.push(Plot.text([label], { x: () => firstYear, frameAnchor: "bottom", text: (d: string) => d, textAnchor: "end", dx: -20, dy, fill: ink.muted }));
  }
  // "~" (not "≈"): the site font has no "≈", and PNGs are drawn with that font only.
  const shownYears = years.filter((y) => (y.year - firstYear) % yearStep === 0 || y.year === lastYear);
  marks.push(
    Plot.text(shownYears, { x: "year", frameAnchor: "bottom", dy: rowY.rank, text: (y: Year) => (y.rank === null ? MISSING : formatInt(y.rank)), fill: ink.text, fontWeight: "bold" }),
    Plot.text(shownYears, { x: "year", frameAnchor: "bottom", dy: rowY.change, text: (y: Year) => (y.change === null ? "" : (y.changeCertain ? formatChange(y.change) : "~") + (y.changeCommon ? "*" : "")), fill: ink.text }),
  );
  if (national.length) {
    marks.push(Plot.line(national, { x: "year", y: "value", stroke: ink.national, strokeWidth: 1.5, strokeDasharray: "5,4", className: "trend-national" }));
    // A year whose neighbours have no median (2022 after 2021) has no segment to draw: mark it with a short
    // dashed level so the reader can still compare that year with the median.
    const isolated = national.filter((p, i) => p.value !== null && national[i - 1]?.value == null && national[i + 1]?.value == null);
    if (isolated.length) {
      const half = Math.min(0.4, 28 / perYear); // about 28 px each side, inside the plot
      marks.push(Plot.ruleY(isolated, {
        x1: (p: { year: number }) => Math.max(firstYear, p.year - half), x2: (p: { year: number }) => Math.min(lastYear, p.year + half),
        y: "value", stroke: ink.national, strokeWidth: 1.5, strokeDasharray: "5,4", className: "trend-national-point",
      }));
    }
  }
  marks.push(
    Plot.line(years, { x: "year", y: "total", stroke: accent, strokeWidth: 3, className: "trend-line" }),
    Plot.dot(valued, {
      x: "year",
      y: "total",
      r: 4.5,
      fill: accent,
      stroke: "white",
      strokeWidth: 1.5,
      title: (y: Year) => `${y.year}: ${formatScore(y.total)}, plats ${formatRank(y.rank, y.rankOf)}${y.rankOf != null && y.rank != null ? " rangordnade" : ""}`,
    }),
    Plot.text(labelEvery ? valued : valued.slice(-1), {
      x: "year",
      y: "total",
      text: (y: Year) => formatScore(y.total),
      dy: -12,
      fill: ink.text,
      fontWeight: "bold",
      stroke: "white",
      strokeWidth: 3,
      paintOrder: "stroke",
    }),
    // Years without a value: said in text at the gap, not just left blank.
    Plot.text(
      years.filter((y) => y.total === null),
      { x: "year", frameAnchor: "bottom", dy: -8, text: () => "ingen mätning", rotate: -90, textAnchor: "start", fill: ink.muted, fontStyle: "italic" },
    ),
  );

  const title = `Totalindex för ${input.municipalityName} ${formatYear(firstYear)}–${formatYear(lastYear)}`;
  const subtitle = "Poäng 0–100 per år, med kommunens placering bland Sveriges kommuner (1 = bäst).";
  const sentences: string[] = [];
  if (valued.length) {
    const a = valued[0];
    const b = valued[valued.length - 1];
    sentences.push(
      `${input.municipalityName} hade totalindex ${formatScore(a.total)} år ${a.year}` +
        (a.rank !== null ? ` (plats ${formatRank(a.rank, a.rankOf)}${a.rankOf != null ? " rangordnade" : ""})` : "") +
        (a !== b ? ` och ${formatScore(b.total)} år ${b.year}` + (b.rank !== null ? ` (plats ${formatRank(b.rank, b.rankOf)}${b.rankOf != null ? " rangordnade" : ""})` : "") : "") +
        ".",
    );
    const ranked = valued.filter((y) => y.rank !== null);
    if (ranked.length > 1) {
      const best = ranked.reduce((p, q) => (q.rank! < p.rank! ? q : p));
      sentences.push(`Bästa placeringen var ${formatInt(best.rank)} år ${best.year}.`);
    }
  } else sentences.push(`Det finns inget totalindex för ${input.municipalityName} under perioden.`);
  const gaps = years.filter((y) => y.total === null);
  if (gaps.length)
    sentences.push(
      `Värde saknas för ${gaps.map((g) => `${g.year}${g.note ? ` (${g.note})` : ""}`).join(", ")}; linjen bryts där.`,
    );
  const summary = sentences.join(" ");
  const caption =
    "Linjen visar totalindex år för år. Under varje år står placeringen (1 = bäst) och förändringen sedan föregående år med placering: +3 betyder tre placeringar bättre, −2 två placeringar sämre." +
    (years.some((y) => y.change !== null && !y.changeCertain) ? " ~ betyder ungefär oförändrad: skillnaden ryms inom osäkerheten (90 %)." : "") +
    (years.some((y) => y.changeCommon) ? " * Åren hade inte samma indikatorer: förändringen är räknad med båda åren på de indikatorer som fanns båda åren, så den är inte skillnaden mellan placeringarna ovanför." : "") +
    (national.length ? " Den streckade linjen är medianen för alla kommuner." : "");

  const svg = renderPlot(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop,
      marginBottom,
      x: { domain: firstYear === lastYear ? [firstYear - 1, lastYear + 1] : [firstYear, lastYear], axis: null, insetLeft: 12, insetRight: 12 },
      y: { domain: [yMin, yMax], axis: null },
      marks,
    },
    { id, title, description: summary },
  );

  const nationalByYear = new Map(national.map((p) => [p.year, p.value]));
  return {
    id,
    title,
    subtitle,
    svg,
    caption,
    summary,
    table: {
      columns: [
        { key: "ar", label: "År", format: "year" },
        { key: "totalindex", label: "Totalindex", format: "score" },
        { key: "plats", label: "Placering", format: "rank" },
        { key: "antal", label: "Antal rankade kommuner", format: "int" },
        { key: "forandring", label: "Förändring i placering", format: "change" },
        ...(national.length ? [{ key: "riket", label: "Riket (median)", format: "score" as const }] : []),
        { key: "kommentar", label: "Kommentar", format: "text" as const },
      ],
      rows: years.map((y) => ({
        ar: y.year,
        totalindex: y.total,
        plats: y.rank,
        antal: y.rankOf,
        forandring: y.change,
        ...(national.length ? { riket: nationalByYear.get(y.year) ?? null } : {}),
        kommentar: y.note ?? (y.total === null ? "Värde saknas" : ""),
      })),
    },
    source: input.source ?? "Bearbetning av data från Kolada",
  };
}
