// The /kvalitetspremie/ island: reads the municipality's files in the browser (file input or drag and
// drop), runs the pure rule engine (src/model/qualityPremium), shows the result, the problems of a bad
// file, the what-if charts, and exports XLSX and CSV. No request is made: files never leave the page.
import {
  classifyUpload, decodeUpload, evaluatePremium, exampleCustomerCsv, exampleProviderCsv, parseSwedishNumber, prepareInput,
  PRESETS, type PremiumRules, type ReferenceChoice,
} from "../../model/qualityPremium";
import { HOUR_BANDS } from "../../model/qualityPremium/presets";
import { saveBlob } from "../saveBlob";
import { exportCsv, exportXlsx } from "./exportTable";
import { kr, renderBands, renderResult, renderWhatIf } from "./render";

type Slot = "utforare" | "kunder";
interface Loaded { text: string; name: string }

interface State {
  files: Partial<Record<Slot, Loaded>>;
  /** A file that could not be read at all (not UTF-8). */
  readErrors: Partial<Record<Slot, string>>;
  example: boolean;
  skipBadRows: boolean;
}

/** The rules from the form, or null after marking each bad field (aria-invalid + message). */
function readRules(form: HTMLFormElement): PremiumRules | null {
  const preset = PRESETS.find((p) => p.id === (form.elements.namedItem("forinstallning") as HTMLSelectElement).value) ?? PRESETS[0];
  let ok = true;
  const num = (name: string, max?: number): number => {
    const input = form.elements.namedItem(name) as HTMLInputElement;
    const n = parseSwedishNumber(input.value);
    const error = input.parentElement!.querySelector<HTMLElement>("[data-field-error]")!;
    const bad = n === null || n < 0 || (max !== undefined && n > max);
    input.setAttribute("aria-invalid", bad ? "true" : "false");
    error.textContent = bad ? (max !== undefined ? `Ange ett tal mellan 0 och ${max}.` : "Ange ett tal som är 0 eller större.") : "";
    if (bad) ok = false;
    return n ?? 0;
  };
  const rules: PremiumRules = {
    ...preset,
    continuityMinShare: num("kontinuitet", 100), hourlyPaidMaxShare: num("timavlonade", 100),
    trainedMinShare: num("utbildade", 100), underskoterskorMinShare: num("underskoterskor", 100),
    levels: [{ met: 3, krPerHour: num("kr-tre") }, { met: 2, krPerHour: num("kr-tva") }],
    readingMonth_sv: (form.elements.namedItem("manad") as HTMLInputElement).value.trim() || preset.readingMonth_sv,
    multiplier: num("multiplikator"),
  };
  return ok ? rules : null;
}

function readReference(form: HTMLFormElement): ReferenceChoice | null {
  const own = form.querySelector<HTMLInputElement>("#riktvarde-egna")?.checked ?? false;
  if (!own) return { kind: "median" };
  let ok = true;
  const values = HOUR_BANDS.map((_, i) => {
    const input = form.querySelector<HTMLInputElement>(`#riktvarde-${i}`)!;
    const error = input.parentElement!.querySelector<HTMLElement>("[data-field-error]")!;
    if (input.value.trim() === "") { input.setAttribute("aria-invalid", "false"); error.textContent = ""; return null; }
    const n = parseSwedishNumber(input.value);
    const bad = n === null || n < 0;
    input.setAttribute("aria-invalid", bad ? "true" : "false");
    error.textContent = bad ? "Ange ett tal som är 0 eller större, eller lämna tomt." : "";
    if (bad) ok = false;
    return n;
  });
  return ok ? { kind: "egna", values } : null;
}

function fillPreset(form: HTMLFormElement, root: HTMLElement, id: string): void {
  const p = PRESETS.find((x) => x.id === id) ?? PRESETS[0];
  const set = (name: string, v: number | string) => { (form.elements.namedItem(name) as HTMLInputElement).value = String(v).replace(".", ","); };
  set("kontinuitet", p.continuityMinShare); set("timavlonade", p.hourlyPaidMaxShare); set("utbildade", p.trainedMinShare);
  set("underskoterskor", p.underskoterskorMinShare); set("multiplikator", p.multiplier); set("manad", p.readingMonth_sv);
  set("kr-tre", p.levels.find((l) => l.met === 3)?.krPerHour ?? 0); set("kr-tva", p.levels.find((l) => l.met === 2)?.krPerHour ?? 0);
  root.querySelector<HTMLElement>("[data-preset-description]")!.textContent = p.description_sv;
}

export function initPremiumTool(root: HTMLElement): void {
  const q = <T extends Element>(s: string) => root.querySelector<T>(s)!;
  const form = q<HTMLFormElement>("[data-premium-rules]");
  const status = q<HTMLElement>("[data-status]");
  const problemsBox = q<HTMLElement>("[data-problems]");
  const results = q<HTMLElement>("[data-results]");
  const state: State = { files: {}, readErrors: {}, example: true, skipBadRows: false };
  let last: { result: ReturnType<typeof evaluatePremium>; source: string } | null = null;

  const sourceText = () => state.example
    ? "Underlag: Exempeldata (påhittade utförare)."
    : `Underlag: ${[state.files.utforare?.name, state.files.kunder?.name].filter(Boolean).join(" och ") || "ingen utförarfil vald"}.`;

  function showProblems(messages: string[], canSkip: boolean, focus: boolean): void {
    results.hidden = true;
    last = null;
    problemsBox.hidden = false;
    q<HTMLElement>("[data-skip-wrap]").hidden = !canSkip;
    q<HTMLElement>("[data-problem-list]").replaceChildren(...messages.map((m) => Object.assign(document.createElement("li"), { textContent: m })));
    q<HTMLElement>("[data-problem-list]").className = "problem-list";
    status.textContent = `Filen behöver rättas: ${messages.length} fel.`;
    if (focus) problemsBox.focus();
  }

  function compute(focusProblems = false): void {
    q<HTMLElement>("[data-example-notice]").hidden = !state.example;
    q<HTMLElement>("[data-source]").textContent = sourceText();
    const files = state.example
      ? { providers: exampleProviderCsv(), customers: exampleCustomerCsv() }
      : { providers: state.files.utforare?.text ?? null, customers: state.files.kunder?.text ?? null };
    q<HTMLElement>("[data-reference]").hidden = files.customers == null;
    const readErrors = (Object.entries(state.readErrors) as [Slot, string][]).map(([slot, e]) => `${slot === "utforare" ? "Utförarfilen" : "Kundfilen"}: ${e}`);
    if (readErrors.length) return showProblems(readErrors, false, focusProblems);
    if (files.providers === null) return showProblems(["Välj en utförarfil också: kundfilen räcker inte ensam."], false, focusProblems);
    const rules = readRules(form);
    const reference = readReference(form);
    if (!rules || !reference) { status.textContent = "Rätta de markerade reglerna."; return; }
    const out = prepareInput({ providers: files.providers, customers: files.customers }, { reference, skipBadRows: state.skipBadRows });
    const label = (f: string) => (f === "utforare" ? "Utförarfilen" : "Kundfilen");
    if (!out.prepared) return showProblems(out.problems.map((p) => `${label(p.file)}: ${p.message}`), !out.fatal, focusProblems);
    problemsBox.hidden = true;
    const result = evaluatePremium(out.prepared.providers, rules, out.prepared.shares);
    const skipped = out.prepared.skipped.length ? ` ${out.prepared.skipped.length} rader med fel hoppades över.` : "";
    q<HTMLElement>("[data-source]").textContent = sourceText() + skipped;
    renderResult(root, result);
    renderBands(root, out.prepared.continuity);
    renderWhatIf(root, out.prepared.providers, result, out.prepared.shares);
    results.hidden = false;
    last = { result, source: sourceText() + skipped };
    status.textContent = `Räknat för ${result.providers.length} utförare: ${result.withPremium} får premie, summa ${kr(result.summa_kr)}.`;
  }

  async function load(file: File, slot?: Slot): Promise<void> {
    const decoded = decodeUpload(new Uint8Array(await file.arrayBuffer()));
    const target: Slot = slot ?? ("text" in decoded ? classifyUpload(decoded.text) : "utforare");
    if ("error" in decoded) { state.readErrors[target] = decoded.error; delete state.files[target]; }
    else { delete state.readErrors[target]; state.files[target] = { text: decoded.text, name: file.name }; }
    if (state.example) { state.example = false; if (target === "kunder") delete state.files.utforare; }
    state.skipBadRows = false;
  }

  root.querySelectorAll<HTMLInputElement>("input[type=file][data-file]").forEach((input) => {
    input.addEventListener("change", async () => {
      const slot = input.dataset.file as Slot;
      const file = input.files?.[0];
      if (!file) { delete state.files[slot]; delete state.readErrors[slot]; compute(); return; }
      await load(file, slot);
      compute(true);
    });
  });

  const drop = q<HTMLElement>("[data-drop]");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("dragging"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("dragging");
    const files = [...(e.dataTransfer?.files ?? [])].slice(0, 2);
    for (const f of files) await load(f);
    if (files.length) compute(true);
  });

  q<HTMLButtonElement>("[data-show-example]").addEventListener("click", () => {
    state.example = true;
    state.files = {};
    state.readErrors = {};
    state.skipBadRows = false;
    root.querySelectorAll<HTMLInputElement>("input[type=file]").forEach((i) => { i.value = ""; });
    compute();
  });
  q<HTMLButtonElement>("[data-skip]").addEventListener("click", () => { state.skipBadRows = true; compute(); q<HTMLElement>("#resultat").scrollIntoView(); });
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("change", (e) => {
    const t = e.target as HTMLElement;
    if (t instanceof HTMLSelectElement && t.name === "forinstallning") fillPreset(form, root, t.value);
    compute();
  });
  form.addEventListener("input", (e) => { if ((e.target as HTMLElement).matches("input[type=text]")) compute(); });

  root.querySelectorAll<HTMLButtonElement>("[data-export]").forEach((b) => b.addEventListener("click", () => {
    if (!last) return;
    const stem = state.example ? "kvalitetspremie-exempeldata" : "kvalitetspremie";
    if (b.dataset.export === "csv") saveBlob(new Blob([exportCsv(last.result)], { type: "text/csv;charset=utf-8" }), `${stem}.csv`);
    else saveBlob(new Blob([exportXlsx(last.result, last.source) as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), `${stem}.xlsx`);
  }));

  compute();
}
