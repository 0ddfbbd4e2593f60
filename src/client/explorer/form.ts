// The weighting form and the URL: read the form into a validated state, write a state into the form,
// show the weights' shares and errors. The state rules themselves are pure (state.ts).

import type { MissingRuleId, SubIndexId } from "../../model/types";
import type { Ctx } from "./context";
import { $, DASH, NBSP, esc, fmt } from "./format";
import {
  SUB_INDEX_LABEL, SUB_INDEX_ORDER, normalisedWeights, parseState, parseWeight, serializeState, validateWeights,
  type ExplorerState,
} from "./state";

export function readForm(ctx: Ctx): { state: ExplorerState | null; errors: string[]; invalid: SubIndexId[] } {
  const data = new FormData($<HTMLFormElement>("weigh-form"));
  const raw = Object.fromEntries(SUB_INDEX_ORDER.map((s) => [s, ($<HTMLInputElement>(`w-${s}`)).value])) as Record<SubIndexId, string>;
  const result = validateWeights(raw);
  if (!result.ok) {
    let invalid = SUB_INDEX_ORDER.filter((s) => !parseWeight(raw[s], SUB_INDEX_LABEL[s]).ok);
    if (invalid.length === 0) invalid = [...SUB_INDEX_ORDER]; // all zero
    return { state: null, errors: result.errors, invalid };
  }
  const str = (name: string) => {
    const v = data.get(name);
    return typeof v === "string" && v !== "" ? v : null;
  };
  const year = Number(str("ar"));
  const candidate: ExplorerState = {
    start: str("start") ?? ctx.state.start,
    weights: result.weights,
    missing: (str("regel") ?? ctx.state.missing) as MissingRuleId,
    year: ctx.stateCtx.years.includes(year) ? year : ctx.state.year,
    county: str("lan"), group: str("grupp"), size: str("storlek"), peersOf: str("liknande"),
  };
  // Run the candidate through the same validation as a URL (rejects anything unknown).
  const parsed = parseState(serializeState(candidate, ctx.stateCtx), ctx.stateCtx);
  return { state: parsed.errors.length ? null : parsed.state, errors: parsed.errors, invalid: [] };
}

export function writeForm(state: ExplorerState): void {
  for (const s of SUB_INDEX_ORDER) {
    const num = $<HTMLInputElement>(`w-${s}`);
    num.value = String(state.weights[s]).replace(".", ",");
    num.removeAttribute("aria-invalid");
    $<HTMLInputElement>(`w-${s}-range`).value = String(Math.round(state.weights[s]));
  }
  const radio = (name: string, value: string) => {
    const el = document.querySelector<HTMLInputElement>(`input[name="${name}"][value="${CSS.escape(value)}"]`);
    if (el) el.checked = true;
  };
  radio("start", state.start);
  radio("regel", state.missing);
  $<HTMLSelectElement>("f-ar").value = String(state.year);
  $<HTMLSelectElement>("f-lan").value = state.county ?? "";
  $<HTMLSelectElement>("f-grupp").value = state.group ?? "";
  $<HTMLSelectElement>("f-storlek").value = state.size ?? "";
  $<HTMLSelectElement>("f-liknande").value = state.peersOf ?? "";
  updateShares(state.weights);
}

export function updateShares(weights: Record<SubIndexId, number>): void {
  const total = SUB_INDEX_ORDER.reduce((a, s) => a + weights[s], 0);
  const shares = total > 0 ? normalisedWeights(weights) : null;
  for (const s of SUB_INDEX_ORDER) {
    const share = shares ? `${fmt(shares[s] * 100, 0, 1)}${NBSP}% av totalen` : `${DASH} av totalen`;
    $(`w-${s}-share`).textContent = share;
    // Screen readers announce the slider's value with its share of the total.
    $(`w-${s}-range`).setAttribute("aria-valuetext", `${fmt(weights[s], 0, 4)}, ${share}`);
  }
}

export function showWeightErrors(errors: string[], invalid: SubIndexId[]): void {
  $("weights-error").innerHTML = errors.map((e) => `<p>${esc(e)}</p>`).join("");
  for (const s of SUB_INDEX_ORDER) {
    const num = $<HTMLInputElement>(`w-${s}`);
    if (invalid.includes(s)) num.setAttribute("aria-invalid", "true");
    else num.removeAttribute("aria-invalid");
  }
  $("result-stale").hidden = errors.length === 0;
}

export function urlFor(ctx: Ctx, state: ExplorerState): string {
  const q = serializeState(state, ctx.stateCtx);
  return `${location.pathname}${q ? `?${q}` : ""}${location.hash}`;
}
