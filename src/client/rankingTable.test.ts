import { describe, expect, it } from "vitest";
import { filterFromQuery, filterToQuery, initialDirection, matchesFilter, sortOrder, type SortCell } from "./rankingTable";

const num = (n: number | null): SortCell => ({ num: n, text: n === null ? "–" : String(n) });
const txt = (t: string): SortCell => ({ num: null, text: t });

describe("sortOrder", () => {
  it("sorts numbers both ways and always puts missing values last", () => {
    const cells = [num(50), num(null), num(72.4), num(61), num(null)];
    expect(sortOrder(cells, "desc", "descending")).toEqual([2, 3, 0, 1, 4]);
    expect(sortOrder(cells, "desc", "ascending")).toEqual([0, 3, 2, 1, 4]);
  });

  it("keeps the original (rank) order for ties", () => {
    expect(sortOrder([num(3), num(1), num(3), num(1)], "asc", "ascending")).toEqual([1, 3, 0, 2]);
    expect(sortOrder([num(3), num(1), num(3), num(1)], "asc", "descending")).toEqual([0, 2, 1, 3]);
  });

  it("sorts names in Swedish order (Å, Ä, Ö after Z)", () => {
    const names = ["Östersund", "Ale", "Åre", "Ängelholm", "Zinkgruvan", "Älmhult"];
    const order = sortOrder(names.map(txt), "text", "ascending").map((i) => names[i]);
    expect(order).toEqual(["Ale", "Zinkgruvan", "Åre", "Älmhult", "Ängelholm", "Östersund"]);
    const back = sortOrder(names.map(txt), "text", "descending").map((i) => names[i]);
    expect(back[0]).toBe("Östersund");
  });

  it("starts scores descending and ranks and names ascending", () => {
    expect(initialDirection("desc")).toBe("descending");
    expect(initialDirection("asc")).toBe("ascending");
    expect(initialDirection("text")).toBe("ascending");
  });
});

describe("filters", () => {
  const row = { lan: "14", kg: "G92786", size: "5" };
  it("matches on every set filter and ignores empty ones", () => {
    expect(matchesFilter(row, { lan: "", kg: "", size: "" })).toBe(true);
    expect(matchesFilter(row, { lan: "14", kg: "", size: "5" })).toBe(true);
    expect(matchesFilter(row, { lan: "14", kg: "G92790", size: "" })).toBe(false);
  });

  it("round-trips through the query string", () => {
    const f = { lan: "01", kg: "", size: "3" };
    expect(filterToQuery(f)).toBe("?lan=01&storlek=3");
    expect(filterFromQuery(filterToQuery(f))).toEqual(f);
    expect(filterToQuery({ lan: "", kg: "", size: "" })).toBe("");
  });
});
