import { describe, expect, it } from "vitest";
import { parseDataArgs, parseYears } from "./dataArgs";

describe("data command-line options (node:util parseArgs)", () => {
  it("reads the live options maintainers and tests use", () => {
    expect(parseDataArgs(["--source", "live", "--kolada-base", "http://127.0.0.1:9/v3", "--years", "2019-2021"]))
      .toEqual({ source: "live", years: [2019, 2020, 2021], koladaBase: "http://127.0.0.1:9/v3", importSos: undefined, importDate: undefined });
    expect(parseDataArgs([]).source).toBe("snapshot");
    expect(parseDataArgs(["--years=2022,2024"], false)).toMatchObject({ source: "live", years: [2022, 2024] });
  });

  it("names a wrong option or value", () => {
    expect(() => parseDataArgs(["--source", "ftp"])).toThrow(/--source must be snapshot, shared or live \(got "ftp"\)/);
    expect(() => parseDataArgs(["--yeras", "2020"])).toThrow(/--yeras/);
    expect(() => parseDataArgs(["--years"])).toThrow(/--years/);
    expect(() => parseDataArgs(["--source", "live"], false)).toThrow(/--source/); // data:update is always live
    expect(() => parseDataArgs(["--import-date", "1/3/2025"])).toThrow(/--import-date must look like/);
    expect(() => parseYears("2019-20x5")).toThrow(/--years must look like/);
  });
});
