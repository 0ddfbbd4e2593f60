// Synthetic, seeded inputs for the model's tests and benchmark (not used by the pipeline).
// Shaped like the real data: survey 2019, 2020, 2022 (not 2021), continuity for most municipalities,
// welfare technology 2021–2022, response rate and respondents with the survey.

import type { MunicipalityRow, UnitRow, UnitValueRow, ValueRow } from "../pipeline/tables";
import { CATALOGUE, RESPONDENTS_KPI } from "./catalogue";
import { mulberry32, normal } from "./random";

export function municipality(code: string): MunicipalityRow {
  return {
    code, name: `Kommun ${code}`, county_code: code.slice(0, 2), county: "Län", kommungrupp: "",
    kommungrupp_id: "", population: 10000, pop_65_79: 1500, pop_80plus: 600, peer_group_id: "", peers: "",
  };
}

export function valueRow(kpi: string, code: string, year: number, value: number | null): ValueRow {
  return { kpi, municipality: code, year, gender: "T", value, status: null, source: "kolada", fetched_at: "2024-01-01" };
}

const SURVEY_YEARS = [2019, 2020, 2022];
const EHEALTH = CATALOGUE.filter((e) => e.rule.kind === "kod_012").map((e) => e.kpi);

export interface SyntheticOptions {
  municipalities?: number;
  seed?: number;
  unitsPerMunicipality?: number;
}

export interface SyntheticData {
  municipalities: MunicipalityRow[];
  values: ValueRow[];
  units: UnitRow[];
  unitValues: UnitValueRow[];
}

export function syntheticData(opts: SyntheticOptions = {}): SyntheticData {
  const n = opts.municipalities ?? 40;
  const random = mulberry32(opts.seed ?? 1);
  const codes = Array.from({ length: n }, (_, i) => String(1000 + i * 7).padStart(4, "0"));
  const values: ValueRow[] = [];
  const units: UnitRow[] = [];
  const unitValues: UnitValueRow[] = [];
  const surveyKpis = CATALOGUE.filter((e) => e.survey).map((e) => e.kpi);
  for (const [idx, code] of codes.entries()) {
    const quality = normal(random) * 4;
    for (const year of [2019, 2020, 2021, 2022]) {
      if (idx % 5 !== 0) values.push(valueRow("U21401", code, year, 10 + random() * 12));
      if (year >= 2021) for (const k of EHEALTH.filter((k) => k !== "U21344")) values.push(valueRow(k, code, year, Math.floor(random() * 3)));
      if (!SURVEY_YEARS.includes(year)) continue;
      const respondents = 40 + Math.floor(random() * 400);
      values.push(valueRow(RESPONDENTS_KPI, code, year, respondents));
      values.push(valueRow("U23593", code, year, 40 + random() * 30));
      const shares = new Map<string, number>();
      for (const k of surveyKpis) {
        const share = Math.min(99, Math.max(30, 80 + quality + normal(random) * 3));
        shares.set(k, share);
        values.push(valueRow(k, code, year, Math.round(share * 10) / 10));
      }
      const nUnits = opts.unitsPerMunicipality ?? 0;
      for (let u = 0; u < nUnits; u++) {
        const unitId = `EX-${code}-${String(u + 1).padStart(2, "0")}`;
        if (year === SURVEY_YEARS[0]) {
          units.push({ unit_id: unitId, name: `Enhet ${u + 1}`, municipality: code, provider_type: u % 2 ? "privat" : "kommunal", synthetic: true, source: "exempeldata" });
        }
        const unitN = u === 0 ? 12 : 30 + Math.floor(random() * 80);
        for (const [k, share] of shares) {
          unitValues.push({
            unit_id: unitId, kpi: k, year, value: Math.round(Math.min(100, share + normal(random) * 5) * 10) / 10,
            respondents: unitN, status: null, synthetic: true, source: "exempeldata",
          });
        }
      }
    }
  }
  for (const year of SURVEY_YEARS) {
    for (const k of surveyKpis) values.push(valueRow(k, "0000", year, 85));
    values.push(valueRow("U23593", "0000", year, 55));
    values.push(valueRow(RESPONDENTS_KPI, "0000", year, 60000));
  }
  return { municipalities: codes.map(municipality), values, units, unitValues };
}
