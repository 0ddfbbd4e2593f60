// The slide deck's story as data (pure): 8–13 slides a room can read, one message per slide (its title),
// with its chart or a table of at most MAX_SLIDE_ROWS rows (the rest is in the workbook), a source line
// and speaker notes that carry the numbers. Slide 2 is "Det viktigaste". pptx.ts draws them with
// pptxgenjs at ≥ 18 pt body text (never under 14 pt). The example-unit slide only with real unit data.
import { formatInt, formatNumber, formatRankInterval, formatScore, formatShare, formatYear, rankedOutOf } from "../charts/format";
import { joinSv } from "../site-data/municipality";
import { featuredUnitIndicator, type ReportChartKey } from "./charts";
import type { ReportView } from "./reportView";
import { learnSlides, MAX_SLIDE_ROWS } from "./slidesLearn";
import { formatPoints, groupLabel, lowerFirst } from "./summaryText";

export interface SlideTable {
  header: string[];
  rows: string[][];
  align: ("left" | "right")[];
  /** Relative column widths (default: the first column wider). */
  widths?: number[];
  /** Row indexes drawn bold (the municipality itself). */
  strong?: number[];
}

export interface SlideSpec {
  kind: "title" | "figures" | "chart" | "bullets" | "table" | "columns" | "messages";
  title: string;
  subtitle?: string;
  /** A line above the table or the messages (bold on "messages" slides). */
  lead?: string;
  figures?: { label: string; value: string }[];
  bullets?: string[];
  columns?: { heading: string; bullets: string[] }[];
  chart?: ReportChartKey;
  chartAlt?: string;
  table?: SlideTable;
  notice?: string; // e.g. the Exempeldata notice, shown as text on the slide
  source: string;
  notes: string;
}

const DERIVED = "Bearbetning av data från Kolada";
/** Strengths and weaknesses per column on the slide (all of them in the notes and the report). */
const MAX_COLUMN_BULLETS = 2;

const place = (rank: number | null, lo: number | null, hi: number | null) => (rank === null ? "ingen placering" : formatRankInterval(lo ?? rank, hi ?? rank));
const pm = (m: number | null | undefined) => (m ? ` ±${formatNumber(m, 0)}` : "");

function keySlides(r: ReportView): SlideSpec[] {
  const v = r.view;
  const t = v.total;
  const k = r.keyMessages;
  const peers = r.peerRows.filter((p) => !p.self);
  return [{
    kind: "messages", title: `Det viktigaste ${v.year}`, lead: k.lead, bullets: k.messages,
    source: `Index, rang och osäkerhet: ${DERIVED}. Högre, lägre och förändring sägs bara när skillnaden är större än osäkerheten (90 %).`,
    notes: [k.verdict, ...k.messages, `Täckning: ${formatShare(t.coverage * 100, 0)} av vikten vilar på faktiska värden.`].join("\n"),
  }, {
    kind: "figures", title: t.rank === null ? `Index ${v.year}, utan placering` : `Plats ${formatInt(t.rank)} ${rankedOutOf(t.nRanked)}, med osäkerheten ${place(t.rank, t.rankLow, t.rankHigh)}`,
    figures: [
      { label: "Totalindex (0–100)", value: formatScore(t.score) },
      { label: `Plats (av ${formatInt(t.nRanked)} rangordnade)`, value: t.rank === null ? "–" : formatInt(t.rank) },
      { label: "Plats med osäkerhet (90 %)", value: t.rank === null ? "–" : place(t.rank, t.rankLow, t.rankHigh) },
      { label: "Resultatgrupp", value: groupLabel(t.group) ?? "Ingen grupp" },
    ],
    bullets: [
      k.place ?? `${v.name} får ${formatScore(t.score)} av 100 ${v.year}.`,
      `Liknande kommuner: ${formatInt(peers.filter((p) => p.versus === "före").length)} tydligt före, ` +
        `${formatInt(peers.filter((p) => p.versus === "osäkert").length)} går inte att skilja, ` +
        `${formatInt(peers.filter((p) => p.versus === "efter").length)} tydligt efter.`,
    ],
    source: `Index, rang och grupp: ${DERIVED}.`,
    notes: [...r.summary, t.rankOtherMissingRule !== null ? `Med regeln ”${v.otherMissingRuleName}” hade rangen blivit ${formatInt(t.rankOtherMissingRule)}.` : "",
      t.rankDerivedWeights !== null ? `Med vikter härledda ur brukarnas svar: rang ${formatInt(t.rankDerivedWeights)}.` : ""].filter(Boolean).join("\n"),
  }];
}

function subIndexSlide(r: ReportView): SlideSpec {
  const v = r.view;
  const withRef = v.subIndices.filter((s) => s.municipality !== null && s.peers !== null);
  const sorted = [...withRef].sort((a, b) => (b.municipality! - b.peers!) - (a.municipality! - a.peers!));
  const title = sorted.length >= 2
    ? `Delindex: ${sorted[0].name} står sig bäst, ${sorted[sorted.length - 1].name} sämst`
    : "Delindex jämfört med andra";
  return {
    kind: "chart", title, chart: "delindex",
    chartAlt: `Prickdiagram: ${v.name}s fyra delindex jämfört med medianen i riket, kommungruppen och liknande kommuner.`,
    bullets: v.subIndices.map((s) => `${s.name}: ${formatScore(s.municipality)} (liknande ${formatScore(s.peers)})`),
    source: DERIVED,
    notes: [...r.keyMessages.messages.slice(0, 2), ...v.subIndices.map((s) => `${s.name}: ${v.name} ${formatScore(s.municipality)}, riket ${formatScore(s.nation)}, ` +
      `kommungruppen ${formatScore(s.kommungrupp)}, liknande kommuner ${formatScore(s.peers)} (medianer).`)].join("\n"),
  };
}

function trendSlide(r: ReportView): SlideSpec {
  const v = r.view;
  const c = r.change;
  const title = !c || c.verdict === "saknas" ? "Utveckling över tid"
    : c.verdict === "steg" ? `Placeringen har blivit klart bättre sedan ${c.from.year}`
      : c.verdict === "föll" ? `Placeringen har blivit klart sämre sedan ${c.from.year}`
        : `Placeringen är ungefär oförändrad sedan ${c.from.year}`;
  const years = r.rankYears.slice(-4);
  return {
    kind: "chart", title, chart: "trend",
    chartAlt: `Linjediagram: ${v.name}s totalindex per år ${v.publishedYears.join(", ")} med rang, jämfört med rikets median.`,
    bullets: years.map((y) => `${formatYear(y.year)}: plats ${place(y.rank, y.rankLow, y.rankHigh)}`),
    source: `${DERIVED}. Plats med 90 %-intervall; en förändring räknas bara när intervallen inte överlappar.`,
    notes: [r.keyMessages.messages[2] ?? "", ...v.trend.map((x) => {
      const y = r.rankYears.find((ry) => ry.year === x.year);
      return `${x.year}: totalindex ${formatScore(x.total)}, plats ${formatInt(x.rank)} av ${formatInt(x.nRanked)} ` +
        `(90 %: ${place(x.rank, y?.rankLow ?? null, y?.rankHigh ?? null)}), rikets median ${formatScore(x.nationalMedian)}.`;
    })].filter(Boolean).join("\n"),
  };
}

function strengthSlide(r: ReportView): SlideSpec {
  const v = r.view;
  const list = (xs: typeof v.strengths, none: string) => (xs.length ? xs.slice(0, MAX_COLUMN_BULLETS).map((s) => s.text) : [none]);
  return {
    kind: "columns", title: "Styrkor och svagheter jämfört med liknande kommuner",
    columns: [
      { heading: "Tydligt bättre", bullets: list(v.strengths, "Ingen indikator är tydligt bättre än i liknande kommuner.") },
      { heading: "Tydligt sämre", bullets: list(v.weaknesses, "Ingen indikator är tydligt sämre än i liknande kommuner.") },
    ],
    source: `Värden: Källa: Kolada. Urval och jämförelse: ${DERIVED}.`,
    notes: [r.method.strengthRule, "Styrkor:", ...v.strengths.map((s) => s.text), "Svagheter:", ...v.weaknesses.map((s) => s.text)].join("\n"),
  };
}

function prioritySlide(r: ReportView): SlideSpec {
  const v = r.view;
  const rows = r.priorities.slice(0, MAX_SLIDE_ROWS);
  return {
    kind: "table", title: "Vad kan förbättras först?",
    lead: rows.length ? "Där ger det mest att nå den bästa liknande kommunens nivå. ± är felmarginalen (90 %)." : undefined,
    table: rows.length ? {
      header: ["Indikator", "Poäng", "Bästa liknande", "Möjlig höjning"],
      align: ["left", "right", "right", "right"],
      widths: [5.6, 2, 2.6, 2.4],
      rows: rows.map((p) => [p.name, `${formatScore(p.score)}${pm(r.priorityMargins[p.id]?.own)}`,
        `${formatScore(p.bestScore)}${pm(r.priorityMargins[p.id]?.best)}`, formatPoints(p.weightedGap)]),
    } : undefined,
    bullets: rows.length ? undefined : [`${v.name} ligger inte tydligt efter den bästa liknande kommunen på någon indikator.`],
    source: DERIVED,
    notes: [r.method.priorityRule, ...r.priorities.map((p) => `${p.rank}. ${p.name}` +
      (p.members.length > 1 ? ` (${p.members.map((m) => m.name).join("; ")})` : "") + `: ${formatScore(p.score)} poäng mot ${formatScore(p.bestScore)} hos ` +
      `${p.bestPeers.map((b) => b.name).join(", ")}; vikt ${formatShare(p.weight * 100, 1)}; möjlig höjning ${formatPoints(p.weightedGap)}.`)].join("\n"),
  };
}

function unitSlide(r: ReportView, charts: ReadonlySet<ReportChartKey>): SlideSpec | null {
  const v = r.view;
  const u = v.units;
  const featured = featuredUnitIndicator(v);
  // Example units are invented: a slide of them is one the presenter would have to delete.
  if (u.synthetic || !charts.has("enheter") || !featured) return null;
  const totals = u.units.map((x) => x.total).filter((x): x is number => x !== null);
  return {
    kind: "chart", title: "Enheterna skiljer sig åt", chart: "enheter",
    chartAlt: `Punktdiagram: enheterna i ${v.name}, andel ${lowerFirst(featured.name)}, med kommunens och rikets värde.`,
    bullets: [`${formatInt(u.units.length)} enheter: ${formatInt(u.counts.kommunal)} kommunala, ${formatInt(u.counts.privat)} enskilda.`,
      `${formatInt(u.counts.small)} med färre än 30 svarande rangordnas inte.`,
      ...(totals.length ? [`Enheternas index: ${formatScore(Math.min(...totals))}–${formatScore(Math.max(...totals))}.`] : [])],
    source: "Källa: Kolada. Index: Bearbetning av data från Kolada.",
    notes: `Diagrammet: ${lowerFirst(featured.name)}.\n` + u.units.slice(0, 40).map((x) => `${x.name}: index ${formatScore(x.total)}, ` +
      `${formatInt(x.respondents)} svarande${x.rank !== null ? `, rang ${formatInt(x.rank)} (${place(x.rank, x.rankLow, x.rankHigh)})` : ""}.`).join("\n"),
  };
}

function peerSlide(r: ReportView): SlideSpec {
  const v = r.view;
  const peers = r.peerRows.filter((p) => !p.self);
  const names = (w: string) => peers.filter((p) => p.versus === w).map((p) => p.name);
  const line = (label: string, xs: string[]) => (xs.length ? `${label}: ${joinSv(xs)}.` : null);
  const bullets = [line("Tydligt före", names("före")), line("Går inte att skilja från " + v.name, names("osäkert")),
    line("Tydligt efter", names("efter")), line("Utan placering", peers.filter((p) => p.versus === null).map((p) => p.name))]
    .filter((x): x is string => x !== null);
  return {
    kind: "bullets", title: `${v.name} och de sju liknande kommunerna`,
    bullets: [...bullets, "Före eller efter bara när rangintervallen (90 %) inte överlappar. Hela tabellen finns i rapporten och arbetsboken."],
    source: `${DERIVED}. Gruppen ”Liknande kommuner äldreomsorg”: Kolada.`,
    notes: `Kolada räknar dessa sju kommuner som liknande ${v.name} i äldreomsorgen.\n` +
      r.peerRows.map((p) => `${p.name}: ${formatScore(p.total)}, plats ${formatInt(p.rank)} (90 %: ${place(p.rank, p.rankLow, p.rankHigh)}).`).join("\n"),
  };
}

export function reportSlides(r: ReportView, charts: ReadonlySet<ReportChartKey>): SlideSpec[] {
  const v = r.view;
  const slides: SlideSpec[] = [{
    kind: "title", title: `Hemtjänsten i ${v.name}`,
    subtitle: `Hemtjänstkollens rapport ${v.year} · ${v.county} · Kommungrupp: ${v.kommungrupp}`,
    source: `${r.data.ageText ? `${r.data.ageText}. ` : ""}Data hämtade ${r.data.dateText ?? "–"}. Index och rang: ${DERIVED}.`,
    notes: `Presentationen visar hur hemtjänsten i ${v.name} står sig ${v.year} i Hemtjänstkollens öppna jämförelse av Sveriges 290 kommuner. ` +
      `Alla siffror kommer från Kolada; index, poäng och rang är Hemtjänstkollens bearbetning. Data hämtade ${r.data.dateText ?? "–"}.`,
  }];
  slides.push(...keySlides(r), subIndexSlide(r), trendSlide(r), strengthSlide(r), prioritySlide(r), ...learnSlides(r));
  const unit = unitSlide(r, charts);
  if (unit) slides.push(unit);
  slides.push(peerSlide(r), {
    kind: "bullets", title: "Om metoden och underlaget",
    bullets: [
      `Fyra delindex med vikterna ${r.method.subIndexWeights.map((w) => `${w.name} ${formatShare(w.weight * 100, 0)}`).join(", ")}.`,
      `Saknade värden: ${v.missingRule.name}.`,
      "± och intervall visar osäkerheten (90 %) från antalet svarande.",
      "Rådata: Källa: Kolada. Index, poäng och rang: bearbetning av data från Kolada.",
      `Data hämtade ${r.data.dateText ?? "–"}. Alla tal finns i arbetsboken.`,
    ],
    source: r.method.credit,
    notes: [r.method.summary, r.method.missingRule, r.method.groups, ...r.method.limitations,
      `Dataversion ${r.data.dataVersion}, metodversion ${r.data.methodVersion}.`].join("\n"),
  });
  return slides;
}
