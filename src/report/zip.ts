// Deterministic ZIP writing (fflate): entries in name order, a fixed date, so identical files give
// identical bytes. Files that are already compressed (PNG, PDF, XLSX, PPTX, ZIP) are stored, not deflated.
import { zipSync, type Zippable } from "fflate";
import { ZIP_DATE } from "../site-data/downloads";

const STORED = /\.(png|pdf|xlsx|pptx|zip|jpe?g)$/i;

export function deterministicZip(files: Readonly<Record<string, Uint8Array>>, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const out: Zippable = {};
  for (const name of Object.keys(files).sort()) {
    out[name] = [files[name], { mtime: ZIP_DATE, level: STORED.test(name) ? 0 : level }];
  }
  return zipSync(out);
}
