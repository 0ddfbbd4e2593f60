// The files of one municipality's report package, with their Swedish labels: what the build writes to
// dist/kommun/{code}/, what the ZIP holds and what "Ladda ner rapportpaket" links to. Pure.
import type { MunicipalityView } from "../site-data/municipality";
import { reportChartKeys, type ReportChartKey } from "./charts";

export type PackageFileKind = "pdf" | "pptx" | "xlsx" | "csv" | "png" | "svg" | "txt" | "zip";

export interface PackageFile {
  path: string; // relative to /kommun/{code}/
  label: string;
  kind: PackageFileKind;
}

/** The name the browser saves the package ZIP under (assembled on the page, src/client/packageZip.ts). */
export const ZIP_NAME = "rapportpaket.zip";

/** The folder inside the ZIP, so unpacking never spills files: "rapportpaket-0180-stockholm". */
export function zipFolder(code: string, name: string): string {
  const slug = name.toLowerCase().replace(/[åä]/g, "a").replace(/ö/g, "o").replace(/é/g, "e").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `rapportpaket-${code}-${slug}`;
}
export const README_NAME = "om-rapportpaketet.txt";

/** The tables (Excel sheet = CSV file), in sheet order. */
export const TABLE_FILES: readonly { id: string; label: string }[] = [
  { id: "sammanfattning", label: "Sammanfattning" },
  { id: "delindex", label: "Delindex" },
  { id: "forbattra-forst", label: "Förbättra först" },
  { id: "lar-av", label: "Lär av" },
  { id: "indikatorer", label: "Indikatorer" },
  { id: "enheter", label: "Enheter" },
  { id: "liknande-kommuner", label: "Liknande kommuner" },
  { id: "trend", label: "Trend" },
  { id: "metod", label: "Metod" },
];

export const CHART_LABELS: Record<ReportChartKey, string> = {
  delindex: "Delindex jämfört med andra",
  trend: "Utveckling över tid",
  enheter: "Skillnader mellan enheterna (nyckelfrågor)",
  "enheter-ovriga": "Skillnader mellan enheterna (övriga frågor)",
};

export const csvPath = (id: string) => `tabeller/${id}.csv`;
/** The page's chart downloads (written by the site build, src/pages/kommun/[code]/diagram/). */
export const chartPath = (key: ReportChartKey, ext: "svg" | "png" | "csv") => `diagram/${key}.${ext}`;

/** Files the report build writes (the chart files come from the site build). */
export const isGenerated = (f: PackageFile) => !f.path.startsWith("diagram/");

/** Every file of the package, in the order the page lists them (the ZIP holds exactly these). */
export function packageFiles(v: Pick<MunicipalityView, "units">): PackageFile[] {
  const charts = reportChartKeys(v as MunicipalityView);
  return [
    { path: "rapport.pdf", label: "Rapport (PDF)", kind: "pdf" },
    { path: "presentation.pptx", label: "Presentation (PowerPoint)", kind: "pptx" },
    { path: "data.xlsx", label: "Data (Excel)", kind: "xlsx" },
    ...TABLE_FILES.map((t) => ({ path: csvPath(t.id), label: `${t.label} (CSV)`, kind: "csv" as const })),
    ...charts.flatMap((k) => [
      { path: chartPath(k, "png"), label: `${CHART_LABELS[k]} (PNG)`, kind: "png" as const },
      { path: chartPath(k, "svg"), label: `${CHART_LABELS[k]} (SVG)`, kind: "svg" as const },
      { path: chartPath(k, "csv"), label: `${CHART_LABELS[k]}, diagrammets data (CSV)`, kind: "csv" as const },
    ]),
    { path: README_NAME, label: "Om rapportpaketet (text)", kind: "txt" },
  ];
}
