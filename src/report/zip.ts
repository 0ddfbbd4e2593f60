// Deterministic ZIP writing (fflate): entries in name order, a fixed date, so identical files give
// identical bytes. Files that are already compressed (PNG, PDF, XLSX, PPTX, ZIP) are stored, not deflated.
// Pure (no Node API): the municipality page assembles the report package ZIP with it in the browser.
import { zipSync, type Zippable } from "fflate";

/** The entries' date, as the site's other ZIPs (src/site-data/downloads.ts ZIP_DATE); DOS time is local. */
const ZIP_DATE = new Date(2000, 0, 1);

const STORED = /\.(png|pdf|xlsx|pptx|zip|jpe?g)$/i;

export function deterministicZip(files: Readonly<Record<string, Uint8Array>>, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const out: Zippable = {};
  for (const name of Object.keys(files).sort()) {
    out[name] = [files[name], { mtime: ZIP_DATE, level: STORED.test(name) ? 0 : level }];
  }
  return zipSync(out);
}
