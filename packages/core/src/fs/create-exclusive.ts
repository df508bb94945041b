import type { FileHandle } from 'node:fs/promises';
import { fileOps } from './file-ops.js';
import { inspectFile } from './inspect-file.js';
import { CREATE_EXCLUSIVE } from './open-flags.js';
import { toFileSystemError } from './to-file-system-error.js';

/** Options of {@link createFileExclusive}. */
export interface CreateFileOptions {
  /** The new file's permissions. Default `0o644`. */
  readonly mode?: number;
}

/**
 * Creates the file `path` and opens it for writing, never following a link: the name must be
 * free (`O_CREAT | O_EXCL | O_NOFOLLOW`). Resolves `undefined` when a regular file already has
 * the name (someone else created it first); a link, folder or other entry there is a
 * {@link FileSystemError} `unsafe_path`, and a read-only folder or full disk the matching code.
 *
 * @example
 * ```ts
 * const handle = await createFileExclusive(path.join(dir, 'started'));
 * if (handle) { await handle.writeFile('mine'); await handle.close(); }
 * ```
 */
export async function createFileExclusive(
  path: string,
  options: CreateFileOptions = {},
): Promise<FileHandle | undefined> {
  try {
    return await fileOps.open(path, CREATE_EXCLUSIVE, options.mode ?? 0o644);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw toFileSystemError(error, path, 'create');
  }
  // Taken: a plain file means another caller won (or it went again: a racer's); anything else is refused.
  await inspectFile(path);
  return undefined;
}

/**
 * Creates `path` exclusively (as {@link createFileExclusive}) and writes `data` to it. Resolves
 * `false`, writing nothing, when a regular file already has the name. A failed write removes the
 * file again, so nothing empty or half-written is left.
 *
 * @example
 * ```ts
 * if (!(await writeFileExclusive(markerPath, JSON.stringify({ pid: process.pid })))) console.log('taken');
 * ```
 */
export async function writeFileExclusive(
  path: string,
  data: string | Uint8Array,
  options: CreateFileOptions = {},
): Promise<boolean> {
  const handle = await createFileExclusive(path, options);
  if (!handle) return false;
  try {
    await handle.writeFile(data);
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => {});
    await fileOps.unlink(path).catch(() => {});
    throw toFileSystemError(error, path, 'write');
  }
  return true;
}
