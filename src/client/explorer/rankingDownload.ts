// "Ladda ner" under the ranking: the displayed rows (the selection) with the choices behind them.

import { weightSet, type Ctx } from "./context";
import type { DownloadTable } from "./download";
import { fmt } from "./format";
import { selectionText } from "./rankingView";
import { SUB_INDEX_LABEL, SUB_INDEX_ORDER, hasFilter, normalisedWeights } from "./state";

export function rankingDownloadTable(ctx: Ctx): DownloadTable {
  const s = ctx.shown ?? ctx.state;
  const filtered = hasFilter(s);
  const columns: DownloadTable["columns"] = [
    ...(filtered ? [{ name: "Plats i urvalet", kind: "int" as const }] : []),
    { name: "Rang", kind: "int" }, { name: "Kommunkod", kind: "text" }, { name: "Kommun", kind: "text" },
    { name: "Län", kind: "text" }, { name: "Kommungrupp", kind: "text" }, { name: "Totalindex", kind: "score" },
    ...SUB_INDEX_ORDER.map((k) => ({ name: SUB_INDEX_LABEL[k], kind: "score" as const })),
    { name: "Täckning", kind: "share" }, { name: "Låg täckning (ingen rang)", kind: "text" },
    { name: "Rang med standardvikter", kind: "int" },
    { name: "Förändring mot standardrankningen", kind: "int" },
  ];
  const r1 = (x: number | null) => (x === null ? null : Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9) / 10);
  const rows = ctx.rows.map((r) => [
    ...(filtered ? [r.rank_in_selection] : []),
    r.rank, r.code, r.name, r.county, r.kommungrupp, r.total_rounded,
    ...SUB_INDEX_ORDER.map((k) => r1(r[k])),
    Math.round(r.coverage * 1000) / 1000, r.coverage > 0 && !r.counts ? "ja" : "nej", r.default_rank, r.change,
  ]);
  const w = normalisedWeights(s.weights);
  const about: [string, string][] = [
    ["År", String(s.year)],
    ["Viktuppsättning att börja från", weightSet(ctx, s.start).name_sv],
    ...SUB_INDEX_ORDER.map((k): [string, string] => [`Vikt ${SUB_INDEX_LABEL[k]}`, `${fmt(w[k] * 100, 1)} %`]),
    ["Saknade värden", s.missing === "som-hemtjanstindex" ? "Som Hemtjänstindex (saknat värde = 0 poäng)" : "Riksmedianen (saknat värde = riksmedianen för indikatorn)"],
    ["Urval", selectionText(s).join(", ") || "Alla kommuner"],
    ["Förändring", "Rang med standardvikter minus rang här; positivt = högre placering."],
    ["Täckning", "Andel av vikten som vilar på faktiska värden (0–1)."],
    ["Låg täckning", "En kommun med täckning under 75 % får varken totalindex eller rang, bara sina delindex."],
    ["Källa", "Källa: Kolada, Senior alert via Kolada. Bearbetning av Hemtjänstkollen."],
    ["Länk", location.href],
    ["Dataversion", ctx.manifest.data_version ?? ""],
  ];
  return { columns, rows, about, fileStem: `hemtjanstkollen-egen-rangordning-${s.year}` };
}
