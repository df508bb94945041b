import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
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

/**
 * Every entry under `dir` with what it is: a file's content hash and mode, a link's target, a
 * folder, a FIFO. Two equal snapshots mean nothing under `dir` was written, replaced or linked.
 */
export function snapshotTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  if (!existsSync(dir)) return tree;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const info = lstatSync(file);
    const key = path.relative(dir, file);
    if (info.isSymbolicLink()) tree[key] = `link -> ${readlinkSync(file)}`;
    else if (info.isDirectory()) tree[key] = `dir ${info.mode.toString(8)}`;
    else if (info.isFile())
      // Big files by size, inode and time: hashing them on every snapshot would cost seconds.
      tree[key] =
        info.size > 1024 * 1024
          ? `file ${info.mode.toString(8)} ${info.size} ${info.ino} ${info.mtimeMs}`
          : `file ${info.mode.toString(8)} ${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
    else tree[key] = `special ${info.mode.toString(8)}`;
  }
  return tree;
}
