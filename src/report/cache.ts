// The report cache: data/cache/reports/{code}/ holds a municipality's finished package and key.txt, the
// content hash of everything that decides its bytes: the generator version and source code, the library
// versions, the municipality's report view (its numbers and texts), its print page as built and the page's
// chart files. An unchanged key means the package is copied instead of generated (dist is wiped by every
// astro build). A package is written to a temporary folder and renamed, so a cut-off build never leaves
// half a package that looks finished.
import { createHash } from "node:crypto";
import {
  copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync,
} from "node:fs";
import path from "node:path";
import { REPORT_GENERATOR_VERSION } from "./version";

export const KEY_FILE = "key.txt";

/** Source files and libraries whose change must rebuild every package. */
function fingerprintFiles(root: string): string[] {
  const list = (dir: string, ok: (f: string) => boolean) =>
    existsSync(dir) ? readdirSync(dir).filter(ok).sort().map((f) => path.join(dir, f)) : [];
  return [
    ...list(path.join(root, "src", "report"), (f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f)),
    ...list(path.join(root, "src", "pages", "kommun", "[code]", "rapport"), () => true),
    path.join(root, "src", "site-data", "municipality.ts"),
    path.join(root, "src", "components", "kommun", "values.ts"),
    path.join(root, "src", "charts", "format.ts"),
    ...["pptxgenjs", "exceljs", "fflate", "playwright-core"].map((p) => path.join(root, "node_modules", p, "package.json")),
  ].filter((f) => existsSync(f));
}

/** Hash of the generator: version, sources, library versions and the Chromium binary (size and date). */
export function generatorFingerprint(root: string, chromiumPath?: string): string {
  const h = createHash("sha256").update(REPORT_GENERATOR_VERSION);
  for (const f of fingerprintFiles(root)) h.update(path.relative(root, f)).update(readFileSync(f));
  if (chromiumPath && existsSync(chromiumPath)) {
    const s = statSync(chromiumPath);
    h.update(`${s.size}|${s.mtimeMs}`);
  } else if (chromiumPath) h.update(chromiumPath);
  return h.digest("hex");
}

/** The cache key of one package. `parts` are the inputs' bytes (view JSON, print HTML, chart files). */
export function packageKey(fingerprint: string, parts: readonly (string | Uint8Array)[]): string {
  const h = createHash("sha256").update(fingerprint);
  for (const p of parts) h.update(createHash("sha256").update(p).digest());
  return h.digest("hex");
}

export function cachedKey(cacheDir: string, code: string): string | null {
  const f = path.join(cacheDir, code, KEY_FILE);
  return existsSync(f) ? readFileSync(f, "utf8").trim() : null;
}

/** Whether the cache holds a finished package for `key` with every file in `files`. */
export function isCached(cacheDir: string, code: string, key: string, files: readonly string[]): boolean {
  return cachedKey(cacheDir, code) === key && files.every((f) => existsSync(path.join(cacheDir, code, f)));
}

/** Writes a finished package (key last) atomically into the cache. */
export function storePackage(cacheDir: string, code: string, key: string, files: Readonly<Record<string, Uint8Array>>): void {
  const final = path.join(cacheDir, code);
  const tmp = path.join(cacheDir, `.tmp-${code}-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  for (const [name, bytes] of Object.entries(files)) {
    const f = path.join(tmp, name);
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, bytes);
  }
  writeFileSync(path.join(tmp, KEY_FILE), `${key}\n`);
  rmSync(final, { recursive: true, force: true });
  mkdirSync(path.dirname(final), { recursive: true });
  renameSync(tmp, final);
}

/** Copies the cached files (not the key) into dist/kommun/{code}/. */
export function copyToDist(cacheDir: string, code: string, distDir: string, files: readonly string[]): void {
  for (const name of files) {
    const to = path.join(distDir, "kommun", code, name);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(cacheDir, code, name), to);
  }
}
