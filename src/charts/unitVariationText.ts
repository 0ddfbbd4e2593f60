// The unit chart's words and numbers for people who do not see it: the summary (text alternative) and the
// table twin. Pure; from the same layout as the drawing, so they always agree.
import { collator, formatInt, formatShare } from "./format";
import type { ChartOutput } from "./render";
import { SMALL_N, type UnitVariationInput, type UnitVariationUnit } from "./unitVariationData";
import type { Datum, Layout } from "./unitVariationLayout";

/** The text alternative: one sentence per indicator with its lowest and highest unit, and the small units. */
export function summaryOf(input: UnitVariationInput, units: UnitVariationUnit[], l: Layout): string {
  const { data, panels } = l;
  const sentences: string[] = [
    input.synthetic
      ? `Exempeldata: diagrammet visar ${units.length} påhittade enheter i ${input.municipalityName}, inte verkliga utförare.`
      : `Diagrammet visar ${units.length} enheter i ${input.municipalityName} år ${input.year}.`,
  ];
  for (const p of panels) {
    const ds = data.filter((d) => d.indicator.id === p.indicator.id);
    if (!ds.length) {
      sentences.push(`${p.indicator.label}: ingen enhet har ett värde.`);
      continue;
    }
    const lo = ds.reduce((a, b) => (b.value < a.value ? b : a));
    const hi = ds.reduce((a, b) => (b.value > a.value ? b : a));
    let s = `${p.indicator.label}: från ${formatShare(lo.value)} (${lo.unit.name}) till ${formatShare(hi.value)} (${hi.unit.name})`;
    const refsText = [
      p.indicator.municipalityValue !== null ? `kommunen ${formatShare(p.indicator.municipalityValue)}` : null,
      p.indicator.nationalValue !== null ? `riket ${formatShare(p.indicator.nationalValue)}` : null,
    ].filter(Boolean);
    if (refsText.length) s += `; ${refsText.join(", ")}`;
    sentences.push(`${s}.`);
  }
  const smallUnits = new Set(data.filter((d) => d.small).map((d) => d.unit.id));
  if (smallUnits.size)
    sentences.push(`${formatInt(smallUnits.size)} ${smallUnits.size === 1 ? "enhet har" : "enheter har"} färre än ${SMALL_N} svarande på minst en fråga; deras värden är osäkra.`);
  const unknownUnits = new Set(data.filter((d) => d.unknownN).map((d) => d.unit.id));
  if (unknownUnits.size)
    sentences.push(`För ${formatInt(unknownUnits.size)} ${unknownUnits.size === 1 ? "enhet" : "enheter"} är antalet svarande okänt, så osäkerheten går inte att visa.`);
  return sentences.join(" ");
}

/** The table twin: one row per unit and indicator with its interval and the references. */
export function tableOf(input: UnitVariationInput, data: Datum[]): ChartOutput["table"] {
  const rows = [...data]
    .sort((a, b) => input.indicators.indexOf(a.indicator) - input.indicators.indexOf(b.indicator) || collator.compare(a.unit.name, b.unit.name))
    .map((d) => ({
      indikator: d.indicator.label,
      enhet: d.unit.name,
      regi: d.unit.providerType === "kommunal" ? "Kommunal" : "Enskild",
      andel: d.value,
      svarande: d.respondents,
      intervall_lag: d.interval ? round1(d.interval[0]) : null,
      intervall_hog: d.interval ? round1(d.interval[1]) : null,
      fa_svarande: d.small ? "Ja" : d.unknownN ? "Okänt" : "Nej",
      kommunen: d.indicator.municipalityValue,
      riket: d.indicator.nationalValue,
    }));
  return {
    columns: [
      { key: "indikator", label: "Fråga", format: "text" },
      { key: "enhet", label: "Enhet", format: "text" },
      { key: "regi", label: "Regi", format: "text" },
      { key: "andel", label: "Andel positiva", format: "share" },
      { key: "svarande", label: "Antal svarande", format: "int" },
      { key: "intervall_lag", label: "90 % intervall, lägst", format: "share" },
      { key: "intervall_hog", label: "90 % intervall, högst", format: "share" },
      { key: "fa_svarande", label: `Färre än ${SMALL_N} svarande`, format: "text" },
      { key: "kommunen", label: input.municipalityName, format: "share" },
      { key: "riket", label: "Riket", format: "share" },
    ],
    rows,
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
