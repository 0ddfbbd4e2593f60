// Swedish number formatting (DESIGN.md §6: decimal comma, U+2212 minus, narrow space between
// thousands) and the small DOM helpers every part of the explorer uses.

export const MINUS = "\u2212";
export const NARROW = "\u202F";
export const NBSP = "\u00A0";
export const DASH = "\u2013";

const formats = new Map<string, Intl.NumberFormat>();
function nf(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

/** A number for people: rounded half away from zero (as the model rounds), Swedish separators; null → "–". */
export function fmt(x: number | null | undefined, decimals = 1, maxDecimals = decimals): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const m = 10 ** maxDecimals;
  const r = Math.sign(x) * Math.round(Math.abs(x) * m + 1e-9) / m;
  return nf(decimals, maxDecimals).format(r === 0 ? 0 : r).replace(/[\u00A0 ]/g, NARROW).replace(/^-/, MINUS);
}

export const fmtBytes = (b: number) => (b >= 1_000_000 ? `${fmt(b / 1_000_000, 1)}${NBSP}MB` : `${fmt(Math.max(1, b / 1000), 0)}${NBSP}kB`);
export const fmtMs = (ms: number) => (ms >= 1000 ? `${fmt(ms / 1000, 1)}${NBSP}s` : `${fmt(ms, 0)}${NBSP}ms`);

export function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

export function signed(x: number): string {
  return x > 0 ? `+${fmt(x, 0)}` : x < 0 ? fmt(x, 0) : `±0`;
}

export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`Utforskaren: elementet #${id} saknas på sidan.`);
  return el as T;
};

export function readJson<T>(id: string): T {
  return JSON.parse($(id).textContent ?? "null") as T;
}

export function optionValues(select: HTMLSelectElement): string[] {
  return [...select.options].map((o) => o.value).filter((v) => v !== "");
}
