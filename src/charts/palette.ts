// Colours and symbols shared by the charts.
//
// Every colour that carries meaning is at least 3:1 against white (WCAG 2.1 SC 1.4.11 Non-text Contrast,
// https://www.w3.org/WAI/WCAG21/Understanding/non-text-contrast.html), and is never the only cue: shapes,
// patterns, labels and the data table carry the same information (SC 1.4.1 Use of Color).
// Hues come from the Okabe–Ito palette and a blue–orange diverging scheme, both distinguishable with the
// common colour-vision deficiencies.

export const ink = {
  text: "#1a1a1a", // body text
  muted: "#545454", // secondary text, 7.6:1 on white
  reference: "#1a1a1a", // reference ticks (municipality value)
  national: "#545454", // national reference
  grid: "#e3e3e3", // gridlines: decoration, not information
  axis: "#8a8a8a",
  background: "#ffffff",
} as const;

/** Provider types of home-care units: colour AND shape. */
export const provider = {
  kommunal: { color: "#0072B2", symbol: "circle", label: "Kommunal regi" }, // Okabe–Ito blue, 5.2:1
  privat: { color: "#C2410C", symbol: "triangle", label: "Enskild regi (privat)" }, // dark vermillion, 5.2:1
} as const;

/** Comparison series (municipality vs. nation, kommungrupp, peers): colour AND shape. */
export const series = {
  municipality: { color: "#0072B2", symbol: "circle" },
  nation: { color: "#1a1a1a", symbol: "diamond" },
  kommungrupp: { color: "#C2410C", symbol: "square" },
  peers: { color: "#007A5E", symbol: "triangle" }, // darkened Okabe–Ito bluish green, 5.3:1
} as const;

/** Bars (indicator scores) and lines (trend). */
export const accent = "#0072B2";
export const accentLight = "#9CC3E0"; // background track only, never information

export type ResultGroup = "högt" | "över medel" | "nära medel" | "under medel" | "lågt";
export const resultGroups: readonly ResultGroup[] = ["högt", "över medel", "nära medel", "under medel", "lågt"];

/**
 * Result groups on the map: blue (high) to orange-brown (low) with grey in the middle, each with its own
 * pattern so that no group is told apart by colour alone.
 */
export const resultGroupStyle: Record<ResultGroup, { color: string; pattern: PatternKind; label: string }> = {
  högt: { color: "#08519C", pattern: "solid", label: "Högt" },
  "över medel": { color: "#3A80BD", pattern: "diagonal", label: "Över medel" },
  "nära medel": { color: "#7A7A7A", pattern: "dots", label: "Nära medel" },
  "under medel": { color: "#C9540A", pattern: "antidiagonal", label: "Under medel" },
  lågt: { color: "#8C2D04", pattern: "crosshatch", label: "Lågt" },
};
export const noDataStyle = { color: "#F2F2F2", stroke: "#8a8a8a", label: "Uppgift saknas" } as const;

export type PatternKind = "solid" | "diagonal" | "antidiagonal" | "dots" | "crosshatch" | "horizontal";

/** WCAG relative luminance of an sRGB hex colour (#rrggbb). */
export function relativeLuminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [l1, l2] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}
