// `--import-sos <folder> [--import-date]` for `npm run data` and `npm run data:update`: reads
// Socialstyrelsen's files against the committed municipality list. Files that state no date of their own
// get the import date (pass --import-date to rebuild byte for byte).
import { readFileSync } from "node:fs";
import path from "node:path";
import { importSosFolder } from "../pipeline/sources/importSosFolder";
import { readReferenceCsv } from "../pipeline/sources/reference";
import type { DataArgs } from "./dataArgs";

export function importedFromArgs(root: string, args: Pick<DataArgs, "importSos" | "importDate">) {
  if (!args.importSos) return undefined;
  const refFile = path.join(root, "data", "reference", "municipalities.csv");
  const known = new Set(readReferenceCsv(readFileSync(refFile, "utf8"), refFile).map((m) => m.code));
  const fetchedAt = args.importDate ?? new Date().toISOString().slice(0, 10);
  return { label: `socialstyrelsen (${args.importSos})`, ...importSosFolder(path.resolve(args.importSos), { knownMunicipalities: known, fetchedAt }) };
}
