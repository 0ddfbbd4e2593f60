// The premium tool's export: the result per provider as CSV (for machines: comma, decimal point, UTF-8
// with BOM, formula-safe through the shared neutraliser) and XLSX (for people: real numbers, a sheet with
// the rules and one documenting the columns). Pure, so it is tested in Node.
import { toCsv } from "../../shared/csv";
import { xlsxWorkbook, type XlsxColumn } from "../../shared/xlsx";
import type { PremiumResult } from "../../model/qualityPremium/types";

export const EXPORT_COLUMNS: readonly (XlsxColumn & { description: string })[] = [
  { header: "utforare", kind: "text", width: 30, description: "Utförarens namn, som i den uppladdade filen." },
  { header: "regi", kind: "text", description: "kommunal eller enskild (tom om filen inte angav det)." },
  { header: "utforda_timmar", kind: "decimal1", description: "Utförda timmar under avläsningsmånaden." },
  { header: "andel_kunder_inom_riktvarde", kind: "decimal1", description: "Andel (%) av utförarens kunder som mött högst riktvärdet för antal personal." },
  { header: "kontinuitet_uppfylld", kind: "text", description: "ja eller nej." },
  { header: "kontinuitet_marginal", kind: "decimal1", description: "Procentenheter över (+) eller under (−) gränsen." },
  { header: "andel_timmar_timavlonade", kind: "decimal1", description: "Andel (%) av arbetade timmar som utförts av timavlönade." },
  { header: "timavlonade_uppfylld", kind: "text", description: "ja eller nej." },
  { header: "timavlonade_marginal", kind: "decimal1", description: "Procentenheter under (+) eller över (−) den högsta tillåtna andelen." },
  { header: "andel_utbildade", kind: "decimal1", description: "Andel (%) av personalen med minst 600 gymnasiepoäng i vård och omsorg." },
  { header: "andel_underskoterskor", kind: "decimal1", description: "Andel (%) av personalen som är undersköterskor." },
  { header: "utbildning_uppfylld", kind: "text", description: "ja om båda utbildningsvillkoren är uppfyllda." },
  { header: "utbildning_marginal", kind: "decimal1", description: "Den minsta av de två marginalerna, i procentenheter." },
  { header: "uppfyllda", kind: "int", description: "Antal uppfyllda indikatorer, 0–3." },
  { header: "kr_per_timme", kind: "kr", description: "Premie i kronor per utförd timme." },
  { header: "premietimmar", kind: "decimal1", description: "Avläsningsmånadens timmar gånger multiplikatorn." },
  { header: "premie_kr", kind: "kr", description: "Premie för perioden i kronor." },
];

const round = (x: number, d = 6) => Math.round(x * 10 ** d) / 10 ** d;
const yesNo = (b: boolean) => (b ? "ja" : "nej");

export function exportRows(r: PremiumResult): (string | number | null)[][] {
  return r.providers.map((p) => {
    const { kontinuitet: k, timavlonade: t, utbildning: u } = p.indicators;
    return [
      p.utforare, p.regi, p.utforda_timmar, round(k.value), yesNo(k.met), round(k.margin), t.value, yesNo(t.met), round(t.margin),
      u.value, p.underskoterskor.value, yesNo(u.met), round(u.margin), p.uppfyllda, p.kr_per_timme, round(p.premietimmar), p.premie_kr,
    ];
  });
}

export function exportCsv(r: PremiumResult): string {
  return toCsv(EXPORT_COLUMNS.map((c) => c.header), exportRows(r), { bom: true, eol: "\r\n" });
}

/** Lines about the calculation: rules, source of the data, the total. */
export function aboutLines(r: PremiumResult, source: string): [string, string][] {
  const rules = r.rules;
  return [
    ["Underlag", source],
    ["Regler", rules.name_sv],
    ["Kontinuitet", `minst ${rules.continuityMinShare} % av kunderna inom riktvärdet`],
    ["Timavlönade", `högst ${rules.hourlyPaidMaxShare} % av arbetade timmar`],
    ["Utbildning", `minst ${rules.trainedMinShare} % med 600 gymnasiepoäng i vård och omsorg och minst ${rules.underskoterskorMinShare} % undersköterskor`],
    ["Premienivåer", rules.levels.map((l) => `${l.met} av 3: ${l.krPerHour} kr per timme`).join("; ")],
    ["Avläsningsmånad och multiplikator", `${rules.readingMonth_sv}, timmar × ${rules.multiplier}`],
    ["Summa, kr", String(r.summa_kr)],
    ["Utförare med premie", `${r.withPremium} av ${r.providers.length}`],
    ["Beräkning", "Hemtjänstkollens kvalitetspremieverktyg (/kvalitetspremie/). Räknat i webbläsaren; inget skickades någonstans."],
  ];
}

export function exportXlsx(r: PremiumResult, source: string): Uint8Array {
  return xlsxWorkbook([
    { name: "Utförare", columns: [...EXPORT_COLUMNS], rows: exportRows(r) },
    { name: "Beräkning", columns: [{ header: "uppgift", kind: "text", width: 34 }, { header: "värde", kind: "text", width: 100 }], rows: aboutLines(r, source) },
    { name: "Kolumner", columns: [{ header: "kolumn", kind: "text", width: 30 }, { header: "beskrivning", kind: "text", width: 100 }], rows: EXPORT_COLUMNS.map((c) => [c.header, c.description]) },
  ], "Kvalitetspremie");
}
