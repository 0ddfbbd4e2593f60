// The charts' public surface: one pure function per chart (typed rows → ChartOutput), the renderer and
// the Swedish number formats. Pages, embeds and reports import from here.
export * from "./format";
export { chartToPng, framedSvg, svgToPng, type ChartOptions, type ChartOutput, type ChartTable, type TableColumn } from "./render";
export { unitVariationChart, wilsonInterval, SMALL_N, type UnitVariationInput, type UnitVariationUnit, type UnitVariationIndicator, type UnitVariationValue } from "./unitVariationChart";
export { subIndexComparisonChart, type SubIndexComparisonInput, type SubIndexScores } from "./subIndexComparisonChart";
export { trendChart, trendYears, type TrendInput, type TrendPoint, type TrendReferencePoint } from "./trendChart";
export { rankingMapChart, type RankingMapInput, type MapMunicipality, type ResultGroup } from "./rankingMapChart";
export { groupComparisonChart, sizeGroupLabel, SIZE_GROUPS, KOMMUNGRUPP_ORDER, type GroupComparisonInput, type GroupComparisonMunicipality } from "./groupComparisonChart";
export { indicatorScoreChart, type IndicatorScoreInput, type IndicatorScoreRow } from "./indicatorScoreChart";
export type { MunicipalityGeo, MunicipalityFeature } from "./geo";
export { qualityCostChart, placedPoints, type QualityCostInput, type QualityCostPoint } from "./qualityCostChart";
