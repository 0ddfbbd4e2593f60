// The slide deck's story as data (pure): 8–12 slides with the report's numbers, each with a source line
// and speaker notes that carry the numbers. pptx.ts draws them with pptxgenjs.
import { formatChange, formatInt, formatRankInterval, formatScore, formatShare, formatYear } from "../charts/format";
import { formatRawValue } from "../components/kommun/values";
import { featuredUnitIndicator, type ReportChartKey } from "./charts";
import type { ReportView } from "./reportView";
import { formatPoints, groupLabel, lowerFirst } from "./summaryText";

export interface SlideTable {
  header: string[];
  rows: string[][];
  align: ("left" | "right")[];
  /** Row indexes drawn bold (the municipality itself). */
  strong?: number[];
}

export interface SlideSpec {
  kind: "title" | "figures" | "chart" | "bullets" | "table" | "columns";
  title: string;
  subtitle?: string;
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
/** Rows per indicator slide before the table is split. */
const MAX_TABLE_ROWS = 13;

function indicatorSlides(r: ReportView): SlideSpec[] {
  const v = r.view;
  const groups: { names: string[]; rows: typeof v.indicators }[] = [];
  for (const s of v.subIndices) {
    const rows = v.indicators.filter((i) => i.subIndex === s.id);
    if (!rows.length) continue;
    const last = groups[groups.length - 1];
    if (last && last.rows.length + rows.length <= MAX_TABLE_ROWS) { last.names.push(s.name); last.rows.push(...rows); }
    else groups.push({ names: [s.name], rows: [...rows] });
  }
  const subName = new Map(v.subIndices.map((s) => [s.id, s.name]));
  return groups.map((g) => ({
    kind: "table" as const,
    title: `Indikatorerna: ${g.names.join(" och ")}`,
    table: {
      header: ["Indikator", "Delindex", "Värde", "Riket", "Poäng", "Liknande (median)", "Vikt"],
      align: ["left", "left", "right", "right", "right", "right", "right"],
      rows: g.rows.map((i) => [
        i.name, subName.get(i.subIndex) ?? i.subIndex, i.missing ? "Saknas" : formatRawValue(i, i.value), formatRawValue(i, i.nationValue),
        i.missing ? "–" : formatScore(i.score), formatScore(i.peersScore), formatShare(i.weight * 100, 1),
      ]),
    },
    source: `Värden: Källa: Kolada. Poäng, medianer och vikter: ${DERIVED}.`,
    notes: g.rows.map((i) => `${i.name} (${i.kpi}): ${i.missing ? "värde saknas" : `${formatRawValue(i, i.value)}, ${formatScore(i.score)} poäng`}; ` +
      `riket ${formatRawValue(i, i.nationValue)}; liknande kommuner ${formatScore(i.peersScore)} poäng; vikt ${formatShare(i.weight * 100, 1)}.`).join("\n"),
  }));
}

export function reportSlides(r: ReportView, charts: ReadonlySet<ReportChartKey>): SlideSpec[] {
  const v = r.view;
  const t = v.total;
  const group = groupLabel(t.group) ?? "Ingen grupp";
  const slides: SlideSpec[] = [];
  slides.push({
    kind: "title", title: `Hemtjänsten i ${v.name}`,
    subtitle: `Hemtjänstkollens rapport ${v.year} · ${v.county} · Kommungrupp: ${v.kommungrupp}`,
    source: `Data hämtade ${r.data.dateText ?? "–"}. Index och rang: ${DERIVED}.`,
    notes: `Presentationen visar hur hemtjänsten i ${v.name} står sig ${v.year} i Hemtjänstkollens öppna jämförelse av Sveriges 290 kommuner. ` +
      `Alla siffror kommer från Kolada; index, poäng och rang är Hemtjänstkollens bearbetning. Data hämtade ${r.data.dateText ?? "–"}.`,
  });
  slides.push({
    kind: "figures", title: `Sammanfattning ${v.year}`,
    figures: [
      { label: "Totalindex (0–100)", value: formatScore(t.score) },
      { label: `Plats av ${formatInt(t.nRanked)}`, value: formatInt(t.rank) },
      { label: "Plats med osäkerhet (90 %)", value: formatRankInterval(t.rankLow, t.rankHigh) },
      { label: "Resultatgrupp", value: group },
    ],
    bullets: r.summary.slice(0, 4),
    source: `Index, rang och grupp: ${DERIVED}.`,
    notes: [...r.summary, `Täckning: ${formatShare(t.coverage * 100, 0)} av vikten vilar på faktiska värden.`,
      t.rankOtherMissingRule !== null ? `Med regeln ”${v.otherMissingRuleName}” hade rangen blivit ${formatInt(t.rankOtherMissingRule)}.` : "",
      t.rankDerivedWeights !== null ? `Med vikter härledda ur brukarnas svar: rang ${formatInt(t.rankDerivedWeights)}.` : ""].filter(Boolean).join("\n"),
  });
  slides.push({
    kind: "chart", title: "Delindex jämfört med andra", chart: "delindex",
    chartAlt: `Prickdiagram: ${v.name}s fyra delindex jämfört med medianen i riket, kommungruppen och liknande kommuner.`,
    bullets: v.subIndices.map((s) => `${s.name}: ${formatScore(s.municipality)} (liknande ${formatScore(s.peers)})`),
    source: DERIVED,
    notes: v.subIndices.map((s) => `${s.name}: ${v.name} ${formatScore(s.municipality)}, riket ${formatScore(s.nation)}, ` +
      `kommungruppen ${formatScore(s.kommungrupp)}, liknande kommuner ${formatScore(s.peers)} (medianer).`).join("\n"),
  });
  slides.push({
    kind: "columns", title: "Styrkor och svagheter",
    columns: [
      { heading: "Bättre än liknande kommuner", bullets: v.strengths.length ? v.strengths.map((s) => s.text) : ["Ingen indikator är tydligt bättre än i liknande kommuner."] },
      { heading: "Sämre än liknande kommuner", bullets: v.weaknesses.length ? v.weaknesses.map((s) => s.text) : ["Ingen indikator är tydligt sämre än i liknande kommuner."] },
    ],
    source: `Värden: Källa: Kolada. Urval och jämförelse: ${DERIVED}.`,
    notes: r.method.strengthRule,
  });
  slides.push({
    kind: "table", title: "Vad kan förbättras först?",
    table: {
      header: ["#", "Indikator", "Poäng", "Bästa liknande", "Skillnad", "Möjlig höjning av totalindex"],
      align: ["right", "left", "right", "left", "right", "right"],
      rows: r.priorities.map((p) => [String(p.rank), p.name, formatScore(p.score), `${formatScore(p.bestScore)} (${p.bestPeers.map((b) => b.name).join(", ")})`,
        formatChange(p.gap, 1), formatPoints(p.weightedGap).replace(/ poäng$/, "")]),
    },
    bullets: r.priorities.length ? undefined : [`${v.name} ligger inte tydligt efter den bästa liknande kommunen på någon indikator.`],
    source: DERIVED,
    notes: [r.method.priorityRule, ...r.priorities.map((p) => `${p.rank}. ${p.name}` +
      (p.members.length > 1 ? ` (${p.members.map((m) => m.name).join("; ")})` : "") + `: ${formatScore(p.score)} poäng mot ${formatScore(p.bestScore)} hos ` +
      `${p.bestPeers.map((b) => b.name).join(", ")}; vikt ${formatShare(p.weight * 100, 1)}; möjlig höjning ${formatPoints(p.weightedGap)}.`)].join("\n"),
  });
  slides.push(...indicatorSlides(r));
  const ranked = v.trend.filter((x) => x.rank !== null);
  slides.push({
    kind: "chart", title: "Utveckling över tid", chart: "trend",
    chartAlt: `Linjediagram: ${v.name}s totalindex per år ${v.publishedYears.join(", ")} med rang, jämfört med rikets median.`,
    bullets: v.trend.map((x) => `${formatYear(x.year)}: ${formatScore(x.total)} (plats ${formatInt(x.rank)})`),
    source: DERIVED,
    notes: v.trend.map((x) => `${x.year}: totalindex ${formatScore(x.total)}, plats ${formatInt(x.rank)} av ${formatInt(x.nRanked)}, ` +
      `förändring ${formatChange(x.change)}, rikets median ${formatScore(x.nationalMedian)}.`).join("\n") +
      (ranked.length ? "" : "\nInga rangordnade år."),
  });
  const featured = featuredUnitIndicator(v);
  if (charts.has("enheter") && featured) {
    const u = v.units;
    const totals = u.units.map((x) => x.total).filter((x): x is number => x !== null);
    slides.push({
      kind: "chart", title: "Skillnader mellan enheterna", chart: "enheter",
      chartAlt: `Punktdiagram: enheterna i ${v.name}, andel ${lowerFirst(featured.name)}, med kommunens och rikets värde.`,
      notice: u.synthetic ? "Exempeldata: enheterna är påhittade exempel, inte verkliga utförare." : undefined,
      bullets: [`Diagrammet: ${lowerFirst(featured.name)}. Alla frågor finns i rapporten och i diagrammen i paketet.`,
        `${formatInt(u.units.length)} enheter: ${formatInt(u.counts.kommunal)} kommunala, ${formatInt(u.counts.privat)} enskilda.`,
        `${formatInt(u.counts.small)} med färre än 30 svarande (visas, rangordnas inte).`,
        ...(totals.length ? [`Enheternas index: ${formatScore(Math.min(...totals))}–${formatScore(Math.max(...totals))}.`] : [])],
      source: u.synthetic ? "Enheter: Exempeldata. Kommun- och riksvärden: Källa: Kolada." : "Källa: Kolada",
      notes: (u.synthetic ? "Obs: enheterna är exempeldata, inte verkliga utförare.\n" : "") +
        u.units.slice(0, 40).map((x) => `${x.name}: index ${formatScore(x.total)}, ${formatInt(x.respondents)} svarande${x.rank !== null ? `, rang ${formatInt(x.rank)}` : ""}.`).join("\n"),
    });
  }
  const self = r.peerRows.findIndex((p) => p.self);
  slides.push({
    kind: "table", title: "Liknande kommuner",
    table: {
      header: ["Kommun", "Totalindex", "Rang", ...v.subIndices.map((s) => s.name)],
      align: ["left", "right", "right", ...v.subIndices.map(() => "right" as const)],
      rows: r.peerRows.map((p) => [p.name, formatScore(p.total), formatInt(p.rank), ...v.subIndices.map((s) => formatScore(p.subIndices[s.id]))]),
      strong: self >= 0 ? [self] : [],
    },
    source: `${DERIVED}. Gruppen ”Liknande kommuner äldreomsorg”: Kolada.`,
    notes: `Kolada räknar dessa sju kommuner som liknande ${v.name} i äldreomsorgen.\n` +
      r.peerRows.map((p) => `${p.name}: ${formatScore(p.total)}, plats ${formatInt(p.rank)}.`).join("\n"),
  });
  slides.push({
    kind: "bullets", title: "Om metoden och underlaget",
    bullets: [
      r.method.summary,
      `Vikter: ${r.method.subIndexWeights.map((w) => `${w.name} ${formatShare(w.weight * 100, 0)}`).join(", ")} (${r.method.weightSetName}).`,
      `Saknade värden: ${v.missingRule.name}.`,
      "Rådata: Källa: Kolada (Socialstyrelsens brukarundersökning ”Vad tycker de äldre om äldreomsorgen?”). Index, poäng och rang: bearbetning av data från Kolada.",
      `Data hämtade ${r.data.dateText ?? "–"} · dataversion ${r.data.dataVersion} · metodversion ${r.data.methodVersion}.`,
    ],
    source: r.method.credit,
    notes: [r.method.missingRule, r.method.groups, ...r.method.limitations].join("\n"),
  });
  return slides;
}

