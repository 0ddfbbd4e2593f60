// The CLI as an official runs it: a real process, real files, exit codes and messages (issue 15).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "kvalitetspremie-"));
const HEADER = "utforare;regi;utforda_timmar;andel_kunder_inom_riktvarde;andel_timmar_timavlonade;andel_utbildade;andel_underskoterskor";

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/kvalitetspremie.ts", ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run kvalitetspremie", () => {
  it("prints the JSON shape {utforare:[…], summa_kr} for a valid file with decimal comma and a BOM", () => {
    // A: 3 of 3 (all limits exactly met) → 1000,5 h × 8 × 15 = 120 060 kr. B: 2 of 3 → 400 × 8 × 5 = 16 000 kr.
    const f = file("valid.csv", `\ufeff${HEADER}\r\nOmsorg A;enskild;1000,5;90,0;22;80;20\r\nOmsorg B;kommunal;400;95;22,5;85;30\r\n`);
    const r = run(f, "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["utforare", "summa_kr"]);
    expect(out.utforare.map((u: { utforare: string; uppfyllda: number; kr_per_timme: number; premie_kr: number }) =>
      [u.utforare, u.uppfyllda, u.kr_per_timme, u.premie_kr])).toEqual([["Omsorg A", 3, 15, 120_060], ["Omsorg B", 2, 5, 16_000]]);
    expect(out.utforare[1].timavlonade).toEqual({ andel: 22.5, grans: 22, uppfyllt: false, marginal: -0.5 });
    expect(out.summa_kr).toBe(136_060);
  });

  it("reads quoted names containing ; (and comma-separated files with decimal point)", () => {
    const semi = file("quoted.csv", `${HEADER}\n"Vård; Omsorg AB";enskild;10;90;22;80;20\n`);
    expect(JSON.parse(run(semi, "--json").stdout).utforare[0].utforare).toBe("Vård; Omsorg AB");
    const comma = file("comma.csv", `${HEADER.replaceAll(";", ",")}\n"Vård; Omsorg, AB",enskild,10.5,90.5,22,80,20\n`);
    const out = JSON.parse(run(comma, "--json").stdout);
    expect(out.utforare[0].utforare).toBe("Vård; Omsorg, AB");
    expect(out.summa_kr).toBe(10.5 * 8 * 15);
  });

  it("refuses a bad share with the row and column, exit 1, nothing computed", () => {
    const f = file("bad.csv", `${HEADER}\nA;enskild;100;90;22;80;20\nB;enskild;100;90;122;80;20\nC;enskild;100;90;22;8O;20\n`);
    const r = run(f, "--json");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${f}: Rad 3, kolumn andel_timmar_timavlonade: 122 ligger utanför 0–100 (andel i procent).`);
    expect(r.stderr).toContain(`${f}: Rad 4, kolumn andel_utbildade: ”8O” är inte ett tal.`);
    expect(r.stderr).toContain("--hoppa-over-fel");
  });

  it("skips the named rows only with --hoppa-over-fel", () => {
    const f = file("skip.csv", `${HEADER}\nA;enskild;100;90;22;80;20\nB;enskild;100;90;122;80;20\n`);
    const r = run(f, "--json", "--hoppa-over-fel");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).utforare.map((u: { utforare: string }) => u.utforare)).toEqual(["A"]);
    expect(r.stderr).toContain("Rad 3, kolumn andel_timmar_timavlonade");
  });

  it("refuses a missing column naming it (row 1), even with --hoppa-over-fel", () => {
    const f = file("missing.csv", "utforare;utforda_timmar;andel_kunder_inom_riktvarde;andel_timmar_timavlonade;andel_utbildade\nA;1;90;22;80\n");
    const r = run(f, "--hoppa-over-fel");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}: Rad 1, kolumn andel_underskoterskor: kolumnen saknas.`);
  });

  it("takes continuity from a customer file (median per band) and edited rules", () => {
    const u = file("u.csv", `${HEADER}\nA;enskild;100;;22;80;20\nB;enskild;100;;22;80;20\n`);
    // Band 10–59: staff 4, 5, 6, 7 → median 5,5. A: 4, 5 within → 100 %. B: 6, 7 → 0 %.
    const k = file("k.csv", "utforare;kund;timmar_per_manad;antal_personal\nA;1;20;4\nA;2;30;5\nB;3;40;6\nB;4;50;7\n");
    const out = JSON.parse(run(u, "--kunder", k, "--json", "--kr-tva", "7,5").stdout);
    expect(out.utforare.map((x: { kontinuitet: { andel: number } }) => x.kontinuitet.andel)).toEqual([100, 0]);
    expect(out.utforare.map((x: { premie_kr: number }) => x.premie_kr)).toEqual([12_000, 6_000]);
    // Own reference values: 7 in band 10–59 → both within.
    const own = JSON.parse(run(u, "--kunder", k, "--json", "--riktvarden", "2,7,8,10,11,14,16").stdout);
    expect(own.summa_kr).toBe(24_000);
  });

  it("prints Swedish text without --json, and a usage error for bad options", () => {
    const f = file("text.csv", `${HEADER}\nA;enskild;100;90;22;80;20\n`);
    expect(run(f).stdout).toMatch(/A: 3 av 3 uppfyllda, 15 kr\/tim, premie 12\s000 kr/);
    expect(run(f, "--kontinuitet", "hög").code).toBe(2);
    expect(run().code).toBe(2);
  });
});
