// The 290 municipalities: built from ../shared/data/municipalities/kommuner_290.csv (itself a join of
// SCB codes, Kolada population 2022, SKR kommungrupp and Kolada's "Liknande kommuner äldreomsorg").
// Written once to data/reference/municipalities.csv (committed); the build reads only that file.
import { parseCsvRecords, toCsv } from "../csv";
import type { MunicipalityRow } from "../tables";

export const REFERENCE_COLUMNS: (keyof MunicipalityRow)[] = [
  "code", "name", "county_code", "county", "kommungrupp", "kommungrupp_id",
  "population", "pop_65_79", "pop_80plus", "peer_group_id", "peers",
];

function int(value: string, file: string, row: number, field: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`${file}, row ${row}, field ${field}: expected a whole number, found "${value}"`);
  return Number(value);
}

/** Parse the shared kommuner_290.csv into reference rows, checking codes and peers. */
export function referenceFromShared(text: string, file: string): MunicipalityRow[] {
  const records = parseCsvRecords(text, file);
  const rows = records.map((r, i): MunicipalityRow => {
    const line = i + 2;
    if (!/^\d{4}$/.test(r.kommunkod ?? "")) throw new Error(`${file}, row ${line}, field kommunkod: expected 4 digits, found "${r.kommunkod}"`);
    return {
      code: r.kommunkod,
      name: r.kommun,
      county_code: r.lanskod,
      county: r.lan,
      kommungrupp: r.skr_kommungrupp,
      kommungrupp_id: r.kolada_kommungrupp_id,
      population: int(r.folkmangd_2022, file, line, "folkmangd_2022"),
      pop_65_79: int(r.invanare_65_79_2022, file, line, "invanare_65_79_2022"),
      pop_80plus: int(r.invanare_80plus_2022, file, line, "invanare_80plus_2022"),
      peer_group_id: r.kolada_liknande_aldreomsorg_group_id,
      peers: r.kolada_liknande_aldreomsorg_members,
    };
  });
  return checkReference(rows, file);
}

/** Every code unique, 290 of them, every peer a known municipality. */
export function checkReference(rows: MunicipalityRow[], file: string): MunicipalityRow[] {
  const codes = new Set(rows.map((r) => r.code));
  if (codes.size !== rows.length) throw new Error(`${file}: duplicate municipality codes`);
  if (rows.length !== 290) throw new Error(`${file}: expected 290 municipalities, found ${rows.length}`);
  rows.forEach((r, i) => {
    for (const p of r.peers.split(";")) {
      if (!codes.has(p)) throw new Error(`${file}, row ${i + 2}, field peers: unknown municipality code "${p}"`);
    }
  });
  return [...rows].sort((a, b) => a.code.localeCompare(b.code));
}

export function referenceToCsv(rows: MunicipalityRow[]): string {
  return toCsv(REFERENCE_COLUMNS, rows.map((r) => REFERENCE_COLUMNS.map((c) => r[c])));
}

export function readReferenceCsv(text: string, file: string): MunicipalityRow[] {
  const rows = parseCsvRecords(text, file).map((r, i): MunicipalityRow => ({
    ...(r as unknown as MunicipalityRow),
    population: int(r.population, file, i + 2, "population"),
    pop_65_79: int(r.pop_65_79, file, i + 2, "pop_65_79"),
    pop_80plus: int(r.pop_80plus, file, i + 2, "pop_80plus"),
  }));
  return checkReference(rows, file);
}
