import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder under the system temp folder. */
export function tempDir(label = 'it'): string {
  return mkdtempSync(path.join(os.tmpdir(), `video-gen-${label}-`));
}

/** Whether a file is an MP4 (bytes 4..8 are `ftyp`). */
export function isMp4(file: string): boolean {
  if (!existsSync(file)) return false;
  return readFileSync(file).subarray(4, 8).toString('latin1') === 'ftyp';
}

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The files a generation may leave beside its output. */
export function leftovers(outPath: string) {
  return {
    out: existsSync(outPath),
    part: existsSync(`${outPath}.part`),
    journal: existsSync(`${outPath}.job.json`),
    lock: existsSync(`${outPath}.lock`),
  };
}
