// The tables every source normalises into. Sources return these rows; the validator checks them;
// the Parquet writer stores them with the column types declared here; the model and the site read them.
// Codes are strings ("0114"), years small integers, values DOUBLE or null (never BigInt: see DESIGN.md §5.1).

export type Gender = "T" | "K" | "M";
export type SourceId = "kolada" | "senioralert" | "socialstyrelsen" | "exempeldata" | "reference";

/** One of the 290 municipalities (reference table). "0000" (Riket) is not a row here. */
export interface MunicipalityRow {
  code: string; // 4 characters, leading zero kept
  name: string; // short name, e.g. "Upplands Väsby"
  county_code: string; // "01"
  county: string; // "Stockholms län"
  kommungrupp: string; // SKR kommungrupp title
  kommungrupp_id: string; // Kolada group id G92786…G92794
  population: number; // N01951, 2022
  pop_65_79: number; // N01956, 2022
  pop_80plus: number; // N01957, 2022
  peer_group_id: string; // Kolada "Liknande kommuner äldreomsorg" group id
  peers: string; // 7 peer codes separated by ";"
}

/** KPI metadata (indicators.parquet). */
export interface IndicatorMetaRow {
  kpi: string; // "U21468"
  title: string;
  description: string;
  source: SourceId;
  has_ou_data: boolean;
  is_divided_by_gender: boolean;
  ended: boolean; // title carries "(- YYYY)" or "(-YYYY)"
  ended_year: number | null;
}

/** One value, long format (values.parquet). Missing values keep the reason in `status`. */
export interface ValueRow {
  kpi: string;
  municipality: string; // 4-character code, "0000" = Riket
  year: number;
  gender: Gender;
  value: number | null;
  status: string | null; // Kolada status, or e.g. "missing" / "suppressed"
  source: SourceId;
  fetched_at: string; // ISO date the value was fetched (snapshot date for the snapshot)
}

export type ProviderType = "kommunal" | "privat";

/** A home-care unit (units.parquet). */
export interface UnitRow {
  unit_id: string; // Kolada OU id (V21E…) or "EX-<kommun>-<nn>" for example units
  name: string;
  municipality: string;
  provider_type: ProviderType;
  synthetic: boolean; // true for generated example units ("Exempeldata")
  source: SourceId;
}

/** One unit-level value (unit_values.parquet). */
export interface UnitValueRow {
  unit_id: string;
  kpi: string;
  year: number;
  value: number | null;
  respondents: number | null; // number of survey respondents behind a share
  status: string | null;
  synthetic: boolean;
  source: SourceId;
}

export type ColumnType = "VARCHAR" | "SMALLINT" | "INTEGER" | "DOUBLE" | "BOOLEAN";
export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable?: boolean;
}
export interface TableSpec<Row> {
  name: string; // file stem: values -> values.parquet
  columns: ColumnSpec[];
  key: (keyof Row & string)[]; // full key, used for ORDER BY (determinism) and duplicate checks
}

export const municipalitiesTable: TableSpec<MunicipalityRow> = {
  name: "municipalities",
  columns: [
    { name: "code", type: "VARCHAR" },
    { name: "name", type: "VARCHAR" },
    { name: "county_code", type: "VARCHAR" },
    { name: "county", type: "VARCHAR" },
    { name: "kommungrupp", type: "VARCHAR" },
    { name: "kommungrupp_id", type: "VARCHAR" },
    { name: "population", type: "INTEGER" },
    { name: "pop_65_79", type: "INTEGER" },
    { name: "pop_80plus", type: "INTEGER" },
    { name: "peer_group_id", type: "VARCHAR" },
    { name: "peers", type: "VARCHAR" },
  ],
  key: ["code"],
};

export const indicatorsTable: TableSpec<IndicatorMetaRow> = {
  name: "indicators",
  columns: [
    { name: "kpi", type: "VARCHAR" },
    { name: "title", type: "VARCHAR" },
    { name: "description", type: "VARCHAR" },
    { name: "source", type: "VARCHAR" },
    { name: "has_ou_data", type: "BOOLEAN" },
    { name: "is_divided_by_gender", type: "BOOLEAN" },
    { name: "ended", type: "BOOLEAN" },
    { name: "ended_year", type: "SMALLINT", nullable: true },
  ],
  key: ["kpi"],
};

export const valuesTable: TableSpec<ValueRow> = {
  name: "values",
  columns: [
    { name: "kpi", type: "VARCHAR" },
    { name: "municipality", type: "VARCHAR" },
    { name: "year", type: "SMALLINT" },
    { name: "gender", type: "VARCHAR" },
    { name: "value", type: "DOUBLE", nullable: true },
    { name: "status", type: "VARCHAR", nullable: true },
    { name: "source", type: "VARCHAR" },
    { name: "fetched_at", type: "VARCHAR" },
  ],
  key: ["kpi", "municipality", "year", "gender"],
};

export const unitsTable: TableSpec<UnitRow> = {
  name: "units",
  columns: [
    { name: "unit_id", type: "VARCHAR" },
    { name: "name", type: "VARCHAR" },
    { name: "municipality", type: "VARCHAR" },
    { name: "provider_type", type: "VARCHAR" },
    { name: "synthetic", type: "BOOLEAN" },
    { name: "source", type: "VARCHAR" },
  ],
  key: ["unit_id"],
};

export const unitValuesTable: TableSpec<UnitValueRow> = {
  name: "unit_values",
  columns: [
    { name: "unit_id", type: "VARCHAR" },
    { name: "kpi", type: "VARCHAR" },
    { name: "year", type: "SMALLINT" },
    { name: "value", type: "DOUBLE", nullable: true },
    { name: "respondents", type: "INTEGER", nullable: true },
    { name: "status", type: "VARCHAR", nullable: true },
    { name: "synthetic", type: "BOOLEAN" },
    { name: "source", type: "VARCHAR" },
  ],
  key: ["unit_id", "kpi", "year"],
};

/** The normalised data set every source path (snapshot, live, imports) produces. */
export interface DataSet {
  municipalities: MunicipalityRow[];
  indicators: IndicatorMetaRow[];
  values: ValueRow[];
  units: UnitRow[];
  unitValues: UnitValueRow[];
}

export const RIKET = "0000";
