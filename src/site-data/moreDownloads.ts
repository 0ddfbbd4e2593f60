// Downloads added with issue 18: /data/forandring.csv (rank changes by the change rule),
// /data/kvalitet-kostnad.csv (index beside cost per inhabitant 80+), both ";"-separated with a BOM, and the
// Excel-ready variants of every machine CSV (";", decimal comma, BOM: Swedish Excel opens them in columns).
import { toCsv } from "../shared/csv";
import { CHANGE_CSV_HEADER, changeCsvRows } from "./change";
import { QUALITY_COST_CSV_HEADER, qualityCostRows, type QualityCostRow } from "./qualityCost";
import { COVERAGE_LIMIT } from "../model/missing";

export interface MoreFiles {
  forandringCsv: string;
  kvalitetKostnadCsv: string;
  kvalitetKostnadExcelCsv: string;
  rankningExcelCsv: string;
  vardenExcelCsv: string;
  qualityCost: QualityCostRow[];
  years: number[];
}

const qualityCostCells = (rows: readonly QualityCostRow[]) => rows.map((r) => [r.code, r.name, r.year, r.total, r.cost]);

let cached: Promise<MoreFiles> | null = null;

export function moreFiles(): Promise<MoreFiles> {
  cached ??= (async () => {
    const [{ loadBuildData }, ranking, downloads] = await Promise.all([import("./load"), import("./ranking"), import("./downloads")]);
    const data = await loadBuildData();
    const site = await ranking.loadRanking();
    const { DEFAULT_WEIGHT_SET: w, DEFAULT_MISSING_RULE: r } = ranking;
    const qc = qualityCostRows(site.scores, data.values, data.municipalities, site.years, w, r, COVERAGE_LIMIT);
    const semicolon = { bom: true, eol: "\r\n", delimiter: ";" } as const;
    const d = await downloads.loadDownloads();
    return {
      forandringCsv: toCsv([...CHANGE_CSV_HEADER], changeCsvRows(site.rankChanges, data.municipalities, site.years, w, r), semicolon),
      kvalitetKostnadCsv: toCsv([...QUALITY_COST_CSV_HEADER], qualityCostCells(qc), semicolon),
      kvalitetKostnadExcelCsv: toCsv([...QUALITY_COST_CSV_HEADER], qualityCostCells(qc), { ...semicolon, decimalComma: true }),
      rankningExcelCsv: downloads.downloadCsv(downloads.RANKING_COLUMNS, d.ranking, { excel: true }),
      vardenExcelCsv: downloads.downloadCsv(downloads.VALUES_COLUMNS, d.values, { excel: true }),
      qualityCost: qc,
      years: site.years,
    };
  })();
  return cached;
}
