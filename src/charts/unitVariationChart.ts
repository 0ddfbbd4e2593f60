// How much the home-care units inside one municipality differ, per survey indicator. Every unit is a
// symbol (shape AND colour by provider type), with a 90 % Wilson interval from its respondent count;
// units with fewer than 30 respondents are drawn hollow. The municipality and the national value are
// reference lines with labels. Example units are said to be examples, in the subtitle and the summary.
// The steps live beside it: unitVariationData.ts (input types, Wilson interval), unitVariationLayout.ts
// (geometry), unitVariationMarks.ts (the marks) and unitVariationText.ts (summary and table twin).
import { collator } from "./format";
import { DEFAULT_WIDTH, renderPlot, type ChartOptions, type ChartOutput } from "./render";
import { SMALL_N, type UnitVariationInput } from "./unitVariationData";
import { frameOf, layoutPanels, legendOf } from "./unitVariationLayout";
import { chartMarks } from "./unitVariationMarks";
import { summaryOf, tableOf } from "./unitVariationText";

export {
  MAX_NAMED_UNITS, SMALL_N, wilsonInterval, Z90, type UnitProviderType, type UnitVariationIndicator, type UnitVariationInput,
  type UnitVariationUnit, type UnitVariationValue,
} from "./unitVariationData";

export function unitVariationChart(input: UnitVariationInput, options: ChartOptions = {}): ChartOutput {
  const width = options.width ?? DEFAULT_WIDTH;
  const id = options.id ?? `enhetsvariation-${input.municipalityCode}`;
  const units = [...input.units].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id));
  const frame = frameOf(input, units, width);
  const legend = legendOf(input, width);
  const layout = layoutPanels(input, units, frame, legend.height);

  const title = `Skillnader mellan hemtjänstens enheter i ${input.municipalityName} ${input.year}`;
  const exampleNote = input.synthetic ? "Exempeldata: enheterna är påhittade, inte verkliga utförare." : "";
  const subtitle = [`Andel positiva svar per enhet i brukarundersökningen, ${units.length} enheter.`, exampleNote].filter(Boolean).join(" ");
  const summary = summaryOf(input, units, layout);
  const caption =
    "Varje symbol är en enhet: cirkel för kommunal regi, triangel för enskild regi. " +
    `Ofylld symbol: färre än ${SMALL_N} svarande (eller okänt antal). ` +
    "Linjen genom symbolen är ett 90-procentigt osäkerhetsintervall (Wilson) som beror på antalet svarande. " +
    `Heldragen lodrät linje: ${input.municipalityName}s värde; streckad: rikets värde.` +
    (frame.named ? "" : " Enheterna är sorterade efter värde i varje fråga; namnen finns i tabellen.");

  const svg = renderPlot(
    {
      width, height: layout.height, marginLeft: frame.marginLeft, marginRight: frame.marginRight, marginTop: 0, marginBottom: 0,
      x: { domain: frame.xDomain, axis: null },
      y: { type: "identity", axis: null },
      marks: chartMarks(input, frame, legend, layout),
    },
    { id, title, description: summary },
    { childClasses: { "unit-dots": "unit-dot" } },
  );

  return {
    id, title, subtitle, svg, caption, summary,
    table: tableOf(input, layout.data),
    source:
      input.source ??
      (input.synthetic
        ? "Exempeldata (påhittade enheter, kalibrerade mot kommunens värde). Kommun- och riksvärden: Källa: Kolada"
        : "Källa: Kolada (Socialstyrelsens brukarundersökning)"),
    synthetic: input.synthetic,
  };
}
