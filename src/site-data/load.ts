// Build-time access to the pipeline's output (data/build). Pages read only these finished files,
// never the sources (as Observable Framework's data loaders do). Loaded once per build and memoised.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Manifest } from "../pipeline/manifest";
import { readParquet } from "../pipeline/parquet";
import type { IndicatorMetaRow, MunicipalityRow, UnitRow, UnitValueRow, ValueRow } from "../pipeline/tables";

export const BUILD_DIR = path.resolve(process.env.HTK_BUILD_DIR ?? path.join(process.cwd(), "data", "build"));

export interface BuildData {
  manifest: Manifest;
  municipalities: MunicipalityRow[];
  indicators: IndicatorMetaRow[];
  values: ValueRow[];
  units: UnitRow[];
  unitValues: UnitValueRow[];
}

let cached: Promise<BuildData> | null = null;

export function loadBuildData(dir = BUILD_DIR): Promise<BuildData> {
  cached ??= (async () => {
    const read = <R>(name: string) => readParquet<R>(path.join(dir, `${name}.parquet`));
    const [municipalities, indicators, values, units, unitValues] = await Promise.all([
      read<MunicipalityRow>("municipalities"), read<IndicatorMetaRow>("indicators"), read<ValueRow>("values"),
      read<UnitRow>("units"), read<UnitValueRow>("unit_values"),
    ]);
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
    return { manifest, municipalities, indicators, values, units, unitValues };
  })();
  return cached;
}
