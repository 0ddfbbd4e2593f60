// The one place that finds and starts Chromium (PDF printing, PNG checks, browser tests, benches).
// A system Chromium is preferred when there is one; otherwise the Chromium shipped inside the npm package
// @sparticuz/chromium is unpacked once into the temp folder (about 16 s the first time) and used, so a
// machine with only Node and npm can build and test everything. CHROMIUM_PATH=bundled forces that one.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { Browser, LaunchOptions } from "playwright-core";

/** Where a system Chromium is looked for when CHROMIUM_PATH is not set. */
export const SYSTEM_CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Flags for every launch: no sandbox (root in CI), nothing that phones home, stable text rendering. */
export const COMMON_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--font-render-hinting=none",
];

/**
 * Extra flags the packaged headless shell needs (from @sparticuz/chromium's own `args`), less the ones that
 * weaken the page's security model (--disable-web-security and friends): the tests check CSP and framing.
 */
export const BUNDLED_EXTRA_ARGS = ["--no-zygote", "--disable-features=AudioServiceOutOfProcess", "--disable-webgl"];

export interface ChromiumChoice {
  kind: "system" | "bundled";
  executablePath: string;
}

/**
 * Decide which Chromium to use, without unpacking anything. `env.CHROMIUM_PATH`: "bundled" forces the npm
 * one; a path that exists is used; a path that does not exist falls back (with a warning) like no setting.
 */
export function chooseChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync):
  { kind: "system"; executablePath: string } | { kind: "bundled"; reason: string } {
  const wanted = env.CHROMIUM_PATH?.trim();
  if (wanted === "bundled") return { kind: "bundled", reason: "CHROMIUM_PATH=bundled" };
  if (wanted) {
    if (exists(wanted)) return { kind: "system", executablePath: wanted };
    return { kind: "bundled", reason: `CHROMIUM_PATH=${wanted} finns inte` };
  }
  const found = SYSTEM_CHROMIUM_CANDIDATES.find(exists);
  if (found) return { kind: "system", executablePath: found };
  return { kind: "bundled", reason: "ingen system-Chromium hittades" };
}

const require = createRequire(import.meta.url);

/** The package folder of @sparticuz/chromium (its exports hide package.json, so go up from the entry). */
function bundledPackageDir(): string {
  return path.resolve(path.dirname(require.resolve("@sparticuz/chromium")), "..");
}

function bundledVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(bundledPackageDir(), "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/** The folder the bundled Chromium is unpacked into (one per package version). */
export function bundledChromiumDir(): string {
  return path.join(os.tmpdir(), `htk-chromium-${bundledVersion()}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Run @sparticuz/chromium's unpacker in a child process whose temp folder is `dir`. */
function unpackInto(dir: string): Promise<string> {
  const script = "import('@sparticuz/chromium').then(async (m) => { process.stdout.write(await m.default.executablePath()); })" +
    ".catch((e) => { console.error(e); process.exit(1); })";
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: bundledPackageDir(),
      env: { ...process.env, TMPDIR: dir, TMP: dir, TEMP: dir },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 && out ? resolve(out.trim()) : reject(new Error(`@sparticuz/chromium: uppackningen misslyckades (kod ${code})`))));
  });
}

function fontsConf(dir: string): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
    `  <dir>${esc(path.join(dir, "fonts", "fonts"))}</dir>\n  <cachedir>${esc(path.join(dir, "fonts-cache"))}</cachedir>\n</fontconfig>\n`;
}

let unpacking: Promise<string> | undefined;

/**
 * Unpack the bundled Chromium once per machine. Several processes (test workers, the report builder) may ask
 * at the same time: a lock folder makes one of them unpack while the others wait; a marker file says done.
 */
export function bundledChromiumPath(): Promise<string> {
  unpacking ??= (async () => {
    const dir = bundledChromiumDir();
    const exe = path.join(dir, "chromium");
    const done = path.join(dir, ".unpacked-v2");
    const lock = `${dir}.lock`;
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
      if (existsSync(done) && existsSync(exe)) return exe;
      try {
        mkdirSync(lock);
      } catch {
        // Another process unpacks; a lock older than 3 minutes belongs to one that died.
        try { if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true }); } catch { /* gone */ }
        if (Date.now() > deadline) throw new Error(`Chromium: väntade för länge på uppackningen i ${dir}`);
        await sleep(500);
        continue;
      }
      try {
        if (existsSync(done) && existsSync(exe)) return exe;
        console.error(`Chromium: packar upp Chromium från npm-paketet @sparticuz/chromium till ${dir} (första gången, ca 15–30 s)…`);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        const unpacked = await unpackInto(dir);
        if (path.resolve(unpacked) !== path.resolve(exe)) throw new Error(`Chromium: oväntad sökväg ${unpacked}`);
        // The package's fonts.conf names Lambda's folders; point fontconfig at the fonts unpacked here.
        writeFileSync(path.join(dir, "fonts", "fonts.conf"), fontsConf(dir));
        writeFileSync(done, new Date(0).toISOString());
        return exe;
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    }
  })();
  unpacking.catch(() => (unpacking = undefined));
  return unpacking;
}

let warned = false;

/** A stable name for the Chromium that would be used (for cache keys), without unpacking anything. */
export function chromiumIdentity(): string {
  const choice = chooseChromium();
  return choice.kind === "system" ? choice.executablePath : `@sparticuz/chromium@${bundledVersion()}`;
}

/** The Chromium to run: system Chromium when present, else the bundled one (unpacked on first use). */
export async function chromiumExecutablePath(): Promise<string> {
  const choice = chooseChromium();
  if (choice.kind === "system") return choice.executablePath;
  if (!warned && process.env.CHROMIUM_PATH && process.env.CHROMIUM_PATH !== "bundled") {
    warned = true;
    console.error(`Chromium: ${choice.reason}; använder Chromium från npm-paketet @sparticuz/chromium.`);
  }
  return bundledChromiumPath();
}

/** Launch arguments for an executable: the bundled headless shell needs a few more. */
export function chromiumArgs(executablePath: string): string[] {
  return executablePath.startsWith(bundledChromiumDir()) ? [...COMMON_ARGS, ...BUNDLED_EXTRA_ARGS] : [...COMMON_ARGS];
}

/** Start Chromium headless with playwright-core. `options.args` are added to the shared ones. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = await chromiumExecutablePath();
  const { chromium } = await import("playwright-core");
  const bundled = executablePath.startsWith(bundledChromiumDir());
  return chromium.launch({
    ...options,
    headless: true,
    executablePath,
    args: [...chromiumArgs(executablePath), ...(options.args ?? [])],
    // The bundled shell reads its fontconfig from the unpacked folder (it has no system fonts to find).
    env: bundled ? { ...process.env, FONTCONFIG_PATH: path.join(path.dirname(executablePath), "fonts"), ...options.env } : options.env,
  });
}
