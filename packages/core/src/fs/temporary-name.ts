import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

const SUFFIX = /^\.[0-9a-f]{16}\.tmp$/;

/** A fresh temporary name beside `path` (same folder, so a rename into place is atomic): `<path>.<16 hex>.tmp`. */
export function temporaryNameFor(path: string): string {
  return `${path}.${randomBytes(8).toString('hex')}.tmp`;
}

/** Whether `name` (a file name in the folder of `path`) is one of {@link temporaryNameFor}'s names for `path`. */
export function isTemporaryNameOf(path: string, name: string): boolean {
  const base = basename(path);
  return name.startsWith(base) && SUFFIX.test(name.slice(base.length));
}

/** The folder and base name of `path`, for listing its temporary names. */
export function folderOf(path: string): { folder: string; join: (name: string) => string } {
  const folder = dirname(path);
  return { folder, join: (name) => join(folder, name) };
}
