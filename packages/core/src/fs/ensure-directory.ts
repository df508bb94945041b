import type { Stats } from 'node:fs';
import { FileSystemError } from '../errors/file-system-error.js';
import { fileOps } from './file-ops.js';
import { toFileSystemError } from './to-file-system-error.js';

/** Options of {@link ensureDirectory}. */
export interface EnsureDirectoryOptions {
  /**
   * Accept a link to a folder at `path`: right for a folder the user named (a jobs folder), wrong
   * for one the library names inside it (a link there would move its files elsewhere). Default false.
   */
  readonly followLink?: boolean;
}

/**
 * Creates the folder `path` (and its parents) unless it exists, and checks that a folder is what
 * is there: a file (or, without `followLink`, a link) at the name is a {@link FileSystemError}
 * `unsafe_path`; a read-only or full disk gives the matching code.
 *
 * @example
 * ```ts
 * await ensureDirectory(path.join(outDir, 'frames'));
 * ```
 */
export async function ensureDirectory(path: string, options: EnsureDirectoryOptions = {}): Promise<void> {
  try {
    await fileOps.mkdir(path, { recursive: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw toFileSystemError(error, path, 'create the folder');
  }
  let stats: Stats;
  try {
    stats = await fileOps.lstat(path);
    if (stats.isSymbolicLink() && options.followLink === true) stats = await fileOps.stat(path);
  } catch (error) {
    throw toFileSystemError(error, path, 'create the folder');
  }
  if (!stats.isDirectory()) {
    const what = stats.isSymbolicLink() ? 'a symbolic link' : 'a file';
    throw new FileSystemError(
      `${path} must be a folder, but ${what} is there. Remove it or choose another folder.`,
      'unsafe_path',
      path,
    );
  }
}
