// npm run kvalitetspremie -- <utforare.csv> [--kunder <kunder.csv>] [--json] [--hoppa-over-fel] [regler]
// The premium tool's engine (src/model/qualityPremium) from the command line (issue 15), for officials
// who work in files. On a bad file: one Swedish message per problem (file, row, column), exit code 1;
// nothing is computed from a partly bad file unless --hoppa-over-fel is given.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatNumber, formatShare } from "../src/charts/format";
import {
  decodeUpload, evaluatePremium, parseSwedishNumber, premiumJson, prepareInput, PRESETS, type PremiumRules, type ReferenceChoice,
} from "../src/model/qualityPremium";

const USAGE = `Användning: npm run kvalitetspremie -- <utforare.csv> [--kunder <kunder.csv>] [--json] [--hoppa-over-fel]
  [--forinstallning ${PRESETS.map((p) => p.id).join("|")}] [--kontinuitet 90] [--timavlonade 22] [--utbildade 80]
  [--underskoterskor 20] [--kr-tre 15] [--kr-tva 5] [--multiplikator 8] [--riktvarden 2,4,8,10,11,14,16]`;

const OPTIONS = {
  kunder: { type: "string" }, json: { type: "boolean" }, "hoppa-over-fel": { type: "boolean" }, help: { type: "boolean", short: "h" },
  forinstallning: { type: "string" }, kontinuitet: { type: "string" }, timavlonade: { type: "string" }, utbildade: { type: "string" },
  underskoterskor: { type: "string" }, "kr-tre": { type: "string" }, "kr-tva": { type: "string" }, multiplikator: { type: "string" },
  riktvarden: { type: "string" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

class UsageError extends Error {}

function num(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = parseSwedishNumber(raw);
  if (n === null || n < 0) throw new UsageError(`--${name}: ”${raw}” är inte ett tal ≥ 0.`);
  return n;
}

/** The preset, with every limit, amount and multiplier the user overrides. */
export function rulesFrom(v: Values): PremiumRules {
  const preset = PRESETS.find((p) => p.id === (v.forinstallning ?? PRESETS[0].id));
  if (!preset) throw new UsageError(`--forinstallning: okänd förinställning ”${v.forinstallning}” (finns: ${PRESETS.map((p) => p.id).join(", ")}).`);
  const level = (met: number) => preset.levels.find((l) => l.met === met)?.krPerHour ?? 0;
  return {
    ...preset,
    continuityMinShare: num("kontinuitet", v.kontinuitet, preset.continuityMinShare),
    hourlyPaidMaxShare: num("timavlonade", v.timavlonade, preset.hourlyPaidMaxShare),
    trainedMinShare: num("utbildade", v.utbildade, preset.trainedMinShare),
    underskoterskorMinShare: num("underskoterskor", v.underskoterskor, preset.underskoterskorMinShare),
    levels: [{ met: 3, krPerHour: num("kr-tre", v["kr-tre"], level(3)) }, { met: 2, krPerHour: num("kr-tva", v["kr-tva"], level(2)) }],
    multiplier: num("multiplikator", v.multiplikator, preset.multiplier),
  };
}

function referenceFrom(raw: string | undefined): ReferenceChoice {
  if (raw === undefined) return { kind: "median" };
  const values = raw.split(/[;,]/).map((s) => parseSwedishNumber(s));
  if (values.length !== 7 || values.some((x) => x === null || x < 0)) {
    throw new UsageError(`--riktvarden: ange sju tal (ett per timintervall 0–9, 10–59, 60–99, 100–134, 135–169, 170–199, 200+), t.ex. 2,4,8,10,11,14,16.`);
  }
  return { kind: "egna", values };
}

function readText(file: string): string {
  let bytes: Uint8Array;
  try { bytes = readFileSync(file); } catch (e) {
    throw new UsageError(`${file}: filen kan inte läsas (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  const decoded = decodeUpload(bytes);
  if ("error" in decoded) throw new Error(`${file}: ${decoded.error}`);
  return decoded.text;
}

function main(): number {
  let v: Values;
  let positionals: string[];
  try {
    ({ values: v, positionals } = parseArgs({ options: OPTIONS, allowPositionals: true }));
    if (v.help) { console.log(USAGE); return 0; }
    if (positionals.length !== 1) throw new UsageError("Ange exakt en utförarfil.");
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    const rules = rulesFrom(v);
    const files = { providers: readText(positionals[0]), customers: v.kunder ? readText(v.kunder) : null };
    const out = prepareInput(files, { reference: referenceFrom(v.riktvarden), skipBadRows: v["hoppa-over-fel"] ?? false });
    const fileName = { utforare: positionals[0], kunder: v.kunder ?? "" };
    for (const p of out.problems) console.error(`${fileName[p.file]}: ${p.message}`);
    if (!out.prepared) {
      console.error(out.fatal ? "Inget räknades: filen måste rättas." : `Inget räknades: rätta raderna ovan, eller kör med --hoppa-over-fel för att hoppa över dem.`);
      return 1;
    }
    if (out.prepared.skipped.length) console.error(`Hoppade över ${out.prepared.skipped.length} rader med fel.`);
    const result = evaluatePremium(out.prepared.providers, rules, out.prepared.shares);
    if (v.json) { console.log(JSON.stringify(premiumJson(result), null, 2)); return 0; }
    const kr = (x: number) => `${formatNumber(x, 0)} kr`;
    console.log(`Kvalitetspremie enligt ${rules.name_sv}: kontinuitet ≥ ${formatShare(rules.continuityMinShare, 0)}, timavlönade ≤ ${formatShare(rules.hourlyPaidMaxShare, 0)}, utbildade ≥ ${formatShare(rules.trainedMinShare, 0)} och undersköterskor ≥ ${formatShare(rules.underskoterskorMinShare, 0)}; ${rules.levels.map((l) => `${l.met} av 3 → ${formatNumber(l.krPerHour, 0)} kr/tim`).join(", ")}; timmar × ${formatNumber(rules.multiplier, 0)}.`);
    for (const p of result.providers) console.log(`${p.utforare}: ${p.uppfyllda} av 3 uppfyllda, ${formatNumber(p.kr_per_timme, 0)} kr/tim, premie ${kr(p.premie_kr)}`);
    console.log(`Summa: ${kr(result.summa_kr)} (${result.withPremium} av ${result.providers.length} utförare får premie).`);
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return e instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = main();
