// om-rapportpaketet.txt: what each file of the package holds, every CSV column, the source lines and the
// data date, in plain Swedish.
import type { PackageFile } from "./files";
import type { ReportView } from "./reportView";
import type { ReportTable } from "./tableSpec";

export function packageReadme(r: ReportView, files: readonly PackageFile[], tables: readonly ReportTable[]): string {
  const v = r.view;
  const lines: string[] = [
    `Rapportpaket: Hemtjänsten i ${v.name} (kommunkod ${v.code}), ${v.year}`,
    "Hemtjänstkollen – öppen jämförelse av hemtjänsten för äldre i Sveriges 290 kommuner.",
    "",
    `${r.data.ageText ? `${r.data.ageText} · ` : ""}Data hämtade: ${r.data.dateText ?? "–"} · Dataversion: ${r.data.dataVersion} · Metodversion: ${r.data.methodVersion}`,
    "",
    "Källor",
    "Rådata (värden så som källan publicerar dem): Källa: Kolada.",
    "Index, poäng, rang, grupper, medianer och prioriteringar: Bearbetning av data från Kolada. De är Hemtjänstkollens",
    "egna beräkningar och inte officiell statistik.",
    ...(v.units.synthetic ? ["Enheterna är Exempeldata: påhittade enheter, kalibrerade mot kommunens verkliga värde, inte verkliga utförare."] : []),
    ...r.data.sources.map((s) => `- ${s.name}: ${s.credit} (${s.licence})`),
    "",
    "Filer",
    ...files.map((f) => `- ${f.path}: ${f.label}`),
    "",
    "CSV-filerna är UTF-8 med BOM, kommaseparerade, med punkt som decimaltecken och talen oavrundade så som",
    "modellen räknat dem. Excel-filen har samma tabeller med svenska rubriker och talformat.",
    "",
  ];
  for (const t of tables) {
    lines.push(`tabeller/${t.id}.csv (bladet ”${t.sheet}”): ${t.title}`, `  ${t.source}`);
    for (const c of t.columns) lines.push(`  ${c.key}: ${c.description}`);
    lines.push("");
  }
  lines.push("Metoden i sin helhet: Hemtjänstkollens metodsida, /metod/.");
  return lines.join("\r\n") + "\r\n";
}
