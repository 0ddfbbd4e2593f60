// Writes that never leave a half-written file or folder where a good one was: write beside the target,
// check, then rename (rename is atomic within one file system).
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** A fresh temporary folder beside `target`, to be filled and then swapped in with `swapDir`. */
export function stagingDir(target: string): string {
  const dir = `${target}.staging-${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Replace `target` by the completed `staging` folder; the old one is kept until the new one is in place. */
export function swapDir(staging: string, target: string): void {
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (existsSync(old)) renameSync(old, target); // put the last good output back
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}
