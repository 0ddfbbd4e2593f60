// The part of upng-js that src/charts/render.ts uses (the package ships no types).
declare module "upng-js" {
  const UPNG: { encode(frames: ArrayBuffer[], width: number, height: number, colors: number): ArrayBuffer };
  export default UPNG;
}
