import { describe, expect, it } from "vitest";
import { buildSearchIndex, normaliseName, searchMunicipalities, type SearchItem } from "./search";

const item = (code: string, name: string): SearchItem => ({ code, name, detail: "", href: `/kommun/${code}/` });
const index = buildSearchIndex([
  item("1480", "Göteborg"), item("1280", "Malmö"), item("1281", "Lund"), item("0114", "Upplands Väsby"),
  item("0139", "Upplands-Bro"), item("2321", "Åre"), item("1282", "Landskrona"), item("0180", "Stockholm"),
  item("1233", "Vellinge"), item("1490", "Borås"), item("0380", "Uppsala"), item("1384", "Kungsbacka"),
]);
const names = (q: string) => searchMunicipalities(index, q).map((r) => r.name);

describe("normaliseName", () => {
  it("folds case, diacritics and hyphens", () => {
    expect(normaliseName("Göteborg")).toBe("goteborg");
    expect(normaliseName("  MALMÖ ")).toBe("malmo");
    expect(normaliseName("Åre")).toBe("are");
    expect(normaliseName("Upplands-Bro")).toBe("upplands bro");
  });
});

describe("searchMunicipalities", () => {
  it("finds a municipality with and without diacritics", () => {
    expect(names("goteborg")).toEqual(["Göteborg"]);
    expect(names("Göteborg")).toEqual(["Göteborg"]);
    expect(names("malmo")).toEqual(["Malmö"]);
    expect(names("MALMÖ")).toEqual(["Malmö"]);
    expect(names("are")).toEqual(["Åre"]);
  });

  it("matches name prefixes, then later words, in Swedish order", () => {
    expect(names("got")).toEqual(["Göteborg"]);
    expect(names("l")).toEqual(["Landskrona", "Lund"]);
    expect(names("upp")).toEqual(["Upplands Väsby", "Upplands-Bro", "Uppsala"]);
    expect(names("vasby")).toEqual(["Upplands Väsby"]);
    expect(names("bro")).toEqual(["Upplands-Bro"]);
  });

  it("puts an exact match before longer names and finds substrings of three letters or more", () => {
    expect(names("lund")).toEqual(["Lund"]);
    expect(names("bora")).toEqual(["Borås"]);
    expect(names("backa")).toEqual(["Kungsbacka"]);
    expect(names("ba")).toEqual([]); // too short for a substring match
  });

  it("matches the kommunkod and returns nothing for an empty query", () => {
    expect(names("0180")).toEqual(["Stockholm"]);
    expect(names("128")).toEqual(["Malmö", "Lund", "Landskrona"].sort(new Intl.Collator("sv").compare));
    expect(names("   ")).toEqual([]);
  });

  it("respects the limit", () => {
    expect(searchMunicipalities(index, "u", 2)).toHaveLength(2);
  });
});
