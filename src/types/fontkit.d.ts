// The little of fontkit that src/charts/fontMetricsSource.ts uses (the package ships no types).
declare module "fontkit" {
  export function openSync(path: string): unknown;
}
