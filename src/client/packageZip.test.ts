import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { deterministicZip } from "../report/zip";
import { buildPackageZip, PackageNotReadyError } from "./packageZip";

const FILES: Record<string, string> = { "rapport.pdf": "%PDF-1.7 x", "tabeller/delindex.csv": "\uFEFFa,b\n1,2\n", "diagram/trend.png": "\x89PNG" };
const fakeFetch = (status = 200) => (async (url: string | URL | Request) => {
  const file = String(url).replace("/kommun/0180/", "");
  return new Response(status === 200 ? new TextEncoder().encode(FILES[file]) : "nej", { status });
}) as typeof fetch;

describe("buildPackageZip", () => {
  it("puts every file under the package folder, byte for byte, the same bytes as the build's writer", async () => {
    const seen: number[] = [];
    const zip = await buildPackageZip({ base: "/kommun/0180/", folder: "rapportpaket-0180-stockholm", files: Object.keys(FILES) }, fakeFetch(), (d) => seen.push(d));
    const out = unzipSync(zip);
    expect(Object.keys(out).sort()).toEqual(Object.keys(FILES).map((f) => `rapportpaket-0180-stockholm/${f}`).sort());
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(out["rapportpaket-0180-stockholm/tabeller/delindex.csv"])).toBe(FILES["tabeller/delindex.csv"]);
    expect(seen).toEqual([1, 2, 3]);
    const expected = deterministicZip(Object.fromEntries(Object.entries(FILES).map(([k, v]) => [`rapportpaket-0180-stockholm/${k}`, new TextEncoder().encode(v)])));
    expect(Buffer.compare(Buffer.from(zip), Buffer.from(expected))).toBe(0);
  });
  it("says the package is still being built when the server answers 503, and fails on a missing file", async () => {
    await expect(buildPackageZip({ base: "/kommun/0180/", folder: "x", files: ["rapport.pdf"] }, fakeFetch(503))).rejects.toBeInstanceOf(PackageNotReadyError);
    await expect(buildPackageZip({ base: "/kommun/0180/", folder: "x", files: ["rapport.pdf"] }, fakeFetch(404))).rejects.toThrow("rapport.pdf: 404");
  });
});
