// The four sub-indices of one municipality against the nation, its SKR kommungrupp and its "Liknande
// kommuner äldreomsorg" peers: a labelled dot plot, one panel per sub-index, one row per comparison, each
// comparison with its own shape and colour and its value written next to the dot.
import * as Plot from "@observablehq/plot";
import { formatChange, formatScore } from "./format";
import { fontSize, plotSymbol, textWidth, truncate, type SymbolName } from "./layout";
import { ink, series } from "./palette";
import { DEFAULT_WIDTH, renderPlot, type ChartOptions, type ChartOutput } from "./render";

export interface SubIndexScores {
  id: string; // "information", "bistandshandlaggning", "utforande", "stod_och_utveckling"
  label: string; // "Information", "Biståndshandläggning", "Utförande", "Stöd och utveckling"
  municipality: number | null; // 0–100
  nation: number | null;
  kommungrupp: number | null;
  peers: number | null;
}
export interface SubIndexComparisonInput {
  municipalityCode: string;
  municipalityName: string;
  year: number;
  kommungruppName?: string; // e.g. "Pendlingskommun nära storstad"
  statistic?: "median" | "medelvärde"; // how nation, kommungrupp and peers are summarised (default median)
  subIndices: SubIndexScores[];
  source?: string;
}

type SeriesKey = "municipality" | "nation" | "kommungrupp" | "peers";
const SERIES: SeriesKey[] = ["municipality", "nation", "kommungrupp", "peers"];

interface Row {
  subIndex: SubIndexScores;
  key: SeriesKey;
  label: string;
  value: number | null;
  y: number;
}

const ROW = 22;
const GAP = 14;

export function subIndexComparisonChart(input: SubIndexComparisonInput, options: ChartOptions = {}): ChartOutput {
  const width = options.width ?? DEFAULT_WIDTH;
  const id = options.id ?? `delindex-jamforelse-${input.municipalityCode}`;
  const stat = input.statistic ?? "median";
  const fullLabels: Record<SeriesKey, string> = {
    municipality: input.municipalityName,
    nation: `Riket (${stat})`,
    kommungrupp: `Kommungruppen (${stat})`,
    peers: `Liknande kommuner (${stat})`,
  };
  const widest = (l: Record<SeriesKey, string>) => Math.max(...SERIES.map((k) => textWidth(l[k], fontSize.tick, k === "municipality"))) + 4;
  // On narrow charts the "(median)" suffix goes; the subtitle says what the comparisons are.
  const labels: Record<SeriesKey, string> =
    widest(fullLabels) <= width * 0.42
      ? fullLabels
      : { municipality: input.municipalityName, nation: "Riket", kommungrupp: "Kommungruppen", peers: "Liknande kommuner" };
  const labelWidth = Math.min(width * 0.42, widest(labels));
  const marginLeft = Math.ceil(labelWidth + 12);
  const marginRight = 44; // room for a value label right of a dot at 100

  const rows: Row[] = [];
  const headings: { text: string; y: number }[] = [];
  const bands: { y1: number; y2: number }[] = [];
  let y = 4;
  for (const subIndex of input.subIndices) {
    headings.push({ text: subIndex.label, y: y + fontSize.heading });
    y += fontSize.heading + 8;
    const top = y;
    for (const key of SERIES) {
      rows.push({ subIndex, key, label: truncate(labels[key], labelWidth, fontSize.tick), value: subIndex[key], y: y + ROW / 2 });
      y += ROW;
    }
    bands.push({ y1: top, y2: y });
    y += GAP;
  }
  const axisY = y + 2;
  const height = Math.ceil(axisY + fontSize.tick + 8);
  const ticks = [0, 20, 40, 60, 80, 100];
  const valued = rows.filter((r) => r.value !== null && Number.isFinite(r.value));

  const marks: Plot.Markish[] = [
    Plot.ruleX(
      bands.flatMap((b) => ticks.map((t) => ({ t, ...b }))),
      { x: "t", y1: "y1", y2: "y2", stroke: ink.grid },
    ),
    // A faint row line so the eye can travel from label to dot.
    Plot.ruleY(rows, { y: "y", x1: 0, x2: 100, stroke: ink.grid, strokeDasharray: "1,3" }),
    Plot.text(headings, { x: () => 0, y: "y", text: "text", textAnchor: "start", dx: -marginLeft + 4, fontSize: fontSize.heading, fontWeight: "bold", lineAnchor: "bottom" }),
    ...[true, false].map((own) =>
      Plot.text(
        rows.filter((r) => (r.key === "municipality") === own),
        { x: () => 0, y: "y", text: "label", textAnchor: "end", dx: -8, fill: ink.text, fontWeight: own ? "bold" : "normal" },
      ),
    ),
    Plot.text(ticks.map((t) => ({ t, y: axisY })), { x: "t", y: "y", text: (d: { t: number }) => formatScore(d.t).replace(/,0$/, ""), fill: ink.muted, lineAnchor: "top" }),
    ...SERIES.map((key) =>
      Plot.dot(
        valued.filter((r) => r.key === key),
        {
          x: "value",
          y: "y",
          symbol: plotSymbol(series[key].symbol as SymbolName),
          r: key === "municipality" ? 6.5 : 5.5,
          fill: series[key].color,
          stroke: "white",
          strokeWidth: 1,
          title: (r: Row) => `${r.subIndex.label}, ${fullLabels[r.key]}: ${formatScore(r.value)}`,
          className: `series-${key}`,
        },
      ),
    ),
    ...[true, false].map((own) =>
      Plot.text(
        valued.filter((r) => (r.key === "municipality") === own),
        { x: "value", y: "y", text: (r: Row) => formatScore(r.value), textAnchor: "start", dx: 10, fill: own ? ink.text : ink.muted, fontWeight: own ? "bold" : "normal" },
      ),
    ),
    Plot.text(
      rows.filter((r) => r.value === null),
      { x: () => 0, y: "y", text: () => "uppgift saknas", textAnchor: "start", dx: 4, fill: ink.muted, fontStyle: "italic" },
    ),
  ];

  const title = `Delindex för ${input.municipalityName} ${input.year} jämfört med riket, kommungruppen och liknande kommuner`;
  const subtitle = `Poäng 0–100 per delindex. Jämförelserna är ${stat === "median" ? "medianer" : "medelvärden"}` + (input.kommungruppName ? `; kommungrupp: ${input.kommungruppName}.` : ".");
  const sentences = input.subIndices.map((s) => {
    if (s.municipality === null) return `${s.label}: uppgift saknas för ${input.municipalityName}.`;
    const parts = (["nation", "kommungrupp", "peers"] as const)
      .filter((k) => s[k] !== null)
      .map((k) => `${k === "nation" ? "riket" : k === "kommungrupp" ? "kommungruppen" : "liknande kommuner"} ${formatScore(s[k])} (${formatChange(s.municipality! - s[k]!, 1)})`);
    return `${s.label}: ${input.municipalityName} ${formatScore(s.municipality)}` + (parts.length ? `; ${parts.join(", ")}.` : ".");
  });
  const gaps = input.subIndices.filter((s) => s.municipality !== null && s.peers !== null).map((s) => ({ s, d: s.municipality! - s.peers! }));
  if (gaps.length) {
    const worst = gaps.reduce((a, b) => (b.d < a.d ? b : a));
    const best = gaps.reduce((a, b) => (b.d > a.d ? b : a));
    if (worst.d < 0) sentences.push(`Störst efter liknande kommuner: ${worst.s.label} (${formatChange(worst.d, 1)} poäng).`);
    if (best.d > 0) sentences.push(`Störst försprång mot liknande kommuner: ${best.s.label} (${formatChange(best.d, 1)} poäng).`);
  }
  const summary = sentences.join(" ");
  const caption =
    `Varje rad är en jämförelse: ${input.municipalityName} (cirkel), riket (romb), kommungruppen (kvadrat) och liknande kommuner enligt Koladas grupp ”Liknande kommuner äldreomsorg” (triangel). ` +
    "Siffran bredvid symbolen är poängen på skalan 0–100. Inom parentes i texten: skillnaden mot kommunen.";

  const svg = renderPlot(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop: 0,
      marginBottom: 0,
      x: { domain: [0, 100], axis: null },
      y: { type: "identity", axis: null },
      marks,
    },
    { id, title, description: summary },
  );

  return {
    id,
    title,
    subtitle,
    svg,
    caption,
    summary,
    table: {
      columns: [
        { key: "delindex", label: "Delindex", format: "text" },
        { key: "kommun", label: input.municipalityName, format: "score" },
        { key: "riket", label: fullLabels.nation, format: "score" },
        { key: "kommungrupp", label: fullLabels.kommungrupp, format: "score" },
        { key: "liknande", label: fullLabels.peers, format: "score" },
      ],
      rows: input.subIndices.map((s) => ({ delindex: s.label, kommun: s.municipality, riket: s.nation, kommungrupp: s.kommungrupp, liknande: s.peers })),
    },
    source: input.source ?? "Bearbetning av data från Kolada",
  };
}
