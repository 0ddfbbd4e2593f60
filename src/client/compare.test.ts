import { describe, expect, it } from "vitest";
import { MAX_COMPARE, addCode, parseCodes, queryFor, removeCode, withPeers } from "./compare";

const known = new Set(["0180", "1480", "1280", "0114", "0115", "0117", "0120", "0138"]);

describe("compare state in the URL", () => {
  it("parses known 4-digit codes in order, without duplicates, at most five", () => {
    expect(parseCodes("0180,1480,1280", known)).toEqual(["0180", "1480", "1280"]);
    expect(parseCodes("1480, 0180;1480", known)).toEqual(["1480", "0180"]);
    expect(parseCodes("0180,9999,abc,180,<script>", known)).toEqual(["0180"]);
    expect(parseCodes("0180,1480,1280,0114,0115,0117,0120", known)).toHaveLength(MAX_COMPARE);
    expect(parseCodes(null, known)).toEqual([]);
    expect(parseCodes("", known)).toEqual([]);
  });

  it("writes the query string the parser reads back", () => {
    const codes = ["0180", "1480"];
    expect(queryFor(codes)).toBe("?k=0180,1480");
    expect(parseCodes(new URLSearchParams(queryFor(codes)).get("k"), known)).toEqual(codes);
    expect(queryFor([])).toBe("");
  });

  it("adds and removes without duplicates or going past the maximum", () => {
    expect(addCode(["0180"], "1480")).toEqual(["0180", "1480"]);
    expect(addCode(["0180"], "0180")).toEqual(["0180"]);
    const full = ["0180", "1480", "1280", "0114", "0115"];
    expect(addCode(full, "0117")).toEqual(full);
    expect(removeCode(full, "1280")).toEqual(["0180", "1480", "0114", "0115"]);
  });

  it("fills up with known peers", () => {
    expect(withPeers(["0180"], ["0114", "9999", "0115", "0117", "0120", "0138"], known)).toEqual(["0180", "0114", "0115", "0117", "0120"]);
  });
});
