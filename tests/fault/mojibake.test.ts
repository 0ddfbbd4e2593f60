// The mojibake check in the Kolada schema must catch double-encoded UTF-8 but never real Swedish names.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../../src/pipeline/csv";
import { looksMojibake } from "../../src/pipeline/sources/kolada/schema";
import { doubleEncode } from "./koladaServer";

const repo = path.resolve(__dirname, "../..");
const csv = (file: string) => parseCsvRecords(readFileSync(path.join(repo, file), "utf8"), file);

describe("mojibake detection", () => {
  const names = [
    ...csv("data/reference/municipalities.csv").flatMap((r) => [r.name, r.county, r.kommungrupp]),
    ...csv("data/snapshot/kolada_kpis.csv").flatMap((r) => Object.values(r)),
    "Hemtjänst Östra Åby AB", "Förenade Care – “Hemtjänst” 5 %", "São Paulo", "Crème brûlée", "Ærø", "Gällivare\u00a0kommun",
  ];

  it("accepts every real municipality, county, group and KPI text", () => {
    expect(names.filter(looksMojibake)).toEqual([]);
  });

  it("rejects each of them double-encoded (Latin-1 or Windows-1252) when it has a non-ASCII letter", () => {
    const cp1252 = new TextDecoder("windows-1252");
    for (const name of names.filter((n) => /[^\x00-\x7f]/.test(n))) {
      expect(looksMojibake(doubleEncode(name)), doubleEncode(name)).toBe(true);
      expect(looksMojibake(cp1252.decode(Buffer.from(name, "utf8")))).toBe(true);
    }
    expect(looksMojibake("Skellefte\uFFFD")).toBe(true);
  });
});
