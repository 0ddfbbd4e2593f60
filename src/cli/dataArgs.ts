// Command-line options shared by scripts/data.ts and scripts/data-update.ts, read with node:util parseArgs
// (strict: an unknown option or a missing value is an error naming it).
import { parseArgs } from "node:util";
import type { SourceMode } from "../pipeline/collect";

/** "2019-2025" or "2019,2020,2022" → years. */
export function parseYears(text: string): number[] {
  const range = /^(\d{4})-(\d{4})$/.exec(text);
  const years = range
    ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i)
    : text.split(",").map((y) => Number(y.trim()));
  if (years.length === 0 || years.some((y) => !Number.isInteger(y) || y < 2000 || y > 2100)) {
    throw new Error(`--years must look like 2019-2025 or 2019,2020 (got "${text}")`);
  }
  return years;
}

export interface DataArgs {
  source: SourceMode;
  years?: number[];
  koladaBase?: string;
  importSos?: string;
  importDate?: string;
}

const SOURCES: readonly SourceMode[] = ["snapshot", "shared", "live"];

/** `allowSource: false` for data:update, which is always live. */
export function parseDataArgs(argv: string[], allowSource = true): DataArgs {
  const { values } = parseArgs({
    args: argv, strict: true, allowPositionals: false,
    options: {
      ...(allowSource ? { source: { type: "string" as const } } : {}),
      years: { type: "string" }, "kolada-base": { type: "string" },
      "import-sos": { type: "string" }, "import-date": { type: "string" },
    },
  });
  const source = (allowSource ? (values as { source?: string }).source ?? "snapshot" : "live") as SourceMode;
  if (!SOURCES.includes(source)) throw new Error(`--source must be snapshot, shared or live (got "${source}")`);
  const date = values["import-date"];
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`--import-date must look like 2025-03-01 (got "${date}")`);
  return {
    source, years: values.years === undefined ? undefined : parseYears(values.years),
    koladaBase: values["kolada-base"], importSos: values["import-sos"], importDate: date,
  };
}
