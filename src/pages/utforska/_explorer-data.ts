// Build-time data for /utforska/ (the explorer). Not a route (leading underscore).
// - The Parquet files of data/build, published under content-hashed names (/utforska/data/<table>.<hash>.parquet)
//   with a manifest mapping table → URL (the page inlines it; /utforska/data-manifest.json has the same).
// - The exact (unrounded) weights of the model's weight sets and the scoring rules of the catalogue, which the
//   explorer's SQL needs to reproduce the model exactly (weights.json and indicator_scores.score are rounded
//   for people; the ranking must not be recomputed from rounded inputs).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parquetMetadata as parquetMetadataSync } from "hyparquet";
import { CATALOGUE } from "../../model/catalogue";
import { prepareModel } from "../../model/index";
import { BUILD_DIR, loadBuildData } from "../../site-data/load";
import type { DataManifest, ManifestEntry } from "../../client/explorer/load";
import type { ExplorerConfig } from "../../client/explorer/config";

/**
 * Tables the explorer loads, in load order. The first two are all the first ranking needs (decoded with
 * hyparquet and ranked by the model's TypeScript); the rest load with DuckDB-WASM for the SQL box.
 */
export const EXPLORER_TABLES: readonly { table: string; first: boolean; description_sv: string }[] = [
  { table: "municipalities", first: true, description_sv: "Kommunerna: kod, namn, län, kommungrupp, folkmängd och liknande kommuner." },
  { table: "indicator_scores", first: true, description_sv: "Varje indikators värde, poäng och vikt per år och kommun (poängen avrundad till en decimal)." },
  { table: "scores", first: false, description_sv: "Modellens resultat per år, kommun, viktuppsättning och regel för saknade värden: delindex, totalindex, rang, intervall, grupp och täckning." },
  { table: "indicators", first: false, description_sv: "Nyckeltalen från Kolada: id, titel, beskrivning och källa." },
  { table: "values", first: false, description_sv: "Alla hämtade värden i långt format: nyckeltal, kommun, år, kön och värde." },
  { table: "units", first: false, description_sv: "Hemtjänstens enheter (utförare) per kommun. Exempeldata är markerade med synthetic = true." },
  { table: "unit_values", first: false, description_sv: "Enheternas värden per nyckeltal och år, med antal svarande." },
  { table: "unit_scores", first: false, description_sv: "Enheternas delindex, totalindex och rang inom kommunen." },
  { table: "rank_changes", first: false, description_sv: "Förändring i placering mellan två publicerade år, båda åren räknade på de indikatorer som finns båda åren." },
];

export interface PublishedFile extends ManifestEntry {
  file: string; // source path in data/build
  name: string; // hashed file name
}

let filesCache: PublishedFile[] | null = null;

/** The Parquet files to publish, with content-hashed names. Missing files are left out. */
export function explorerFiles(dir = BUILD_DIR): PublishedFile[] {
  if (filesCache) return filesCache;
  const files: PublishedFile[] = [];
  for (const t of EXPLORER_TABLES) {
    const file = path.join(dir, `${t.table}.parquet`);
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
    const name = `${t.table}.${hash}.parquet`;
    files.push({
      table: t.table, file, name, url: `/utforska/data/${name}`, bytes: bytes.length, rows: parquetRows(bytes),
      description_sv: t.description_sv, first: t.first,
    });
  }
  filesCache = files;
  return files;
}

/** Row count from the Parquet footer (FileMetaData.num_rows), without decoding the data. */
function parquetRows(bytes: Buffer): number {
  const ab = new Uint8Array(bytes).buffer;
  return Number(parquetMetadataSync(ab).num_rows);
}

export function dataManifest(): DataManifest {
  let version: string | null = null;
  const manifestFile = path.join(BUILD_DIR, "manifest.json");
  if (existsSync(manifestFile)) version = (JSON.parse(readFileSync(manifestFile, "utf8")) as { data_version?: string }).data_version ?? null;
  return {
    data_version: version,
    tables: explorerFiles().map(({ table, url, bytes, rows, description_sv, first }) => ({ table, url, bytes, rows, description_sv, first })),
  };
}

let configCache: Promise<ExplorerConfig> | null = null;

/** Everything the explorer needs besides the tables: exact weights, scoring rules, municipalities for the form. */
export function explorerConfig(): Promise<ExplorerConfig> {
  configCache ??= (async () => {
    const data = await loadBuildData();
    const prepared = prepareModel({ municipalities: data.municipalities, values: data.values });
    const collator = new Intl.Collator("sv");
    // The "riksmedian" rule's neutral scores, exact (the same for every weight set).
    const neutral = Object.fromEntries(prepared.matrices.map((m) =>
      [String(m.year), Object.fromEntries(m.indicators.map((e, i) => [e.id, m.neutral[i]]))]));
    return {
      years: prepared.publishedYears,
      weightSets: prepared.sets.map((s) => ({
        id: s.id, name_sv: s.name_sv, description_sv: s.description_sv, subIndex: s.subIndex,
        byYear: s.byYear, neutral,
      })),
      rules: CATALOGUE.map((e, pos) => ({
        indicator: e.id, pos, sub_index: e.subIndex, name_sv: e.name_sv, kind: e.rule.kind,
        direction: e.direction,
        best: e.rule.kind === "ankare" ? e.rule.best : null,
        worst: e.rule.kind === "ankare" ? e.rule.worst : null,
      })),
      municipalities: [...data.municipalities]
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((m) => ({
          code: m.code, name: m.name, county_code: m.county_code, county: m.county,
          group_id: m.kommungrupp_id, group: m.kommungrupp, population: m.population,
        })),
    };
  })();
  return configCache;
}
