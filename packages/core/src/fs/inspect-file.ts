import type { Stats } from 'node:fs';
import { FileSystemError } from '../errors/file-system-error.js';
import { fileOps } from './file-ops.js';
import { toFileSystemError } from './to-file-system-error.js';

/** What is wrong with the entry at a name the library writes, or `undefined` when it is a plain file of ours. */
export function unsafeReason(stats: Stats, writingInto: boolean): string | undefined {
  if (stats.isSymbolicLink()) return 'a symbolic link is there';
  if (stats.isDirectory()) return 'a folder is there';
  if (!stats.isFile()) return 'something other than a regular file is there';
  if (!writingInto) return undefined;
  // Writing into a file with a second name would change that other file too.
  if (stats.nlink > 1) return 'the file has other hard links';
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) return 'the file belongs to another user';
  return undefined;
}

/** The error for an entry the library refuses to write through. */
export function unsafePath(path: string, reason: string): FileSystemError {
  return new FileSystemError(
    `Refusing to write ${path}: ${reason}. video-gen never writes through links or into files it did not create; remove it and try again.`,
    'unsafe_path',
    path,
  );
}

/**
 * Looks at the entry at `path` without following a link: `undefined` when nothing is there, its
 * stats when it is a regular file, and a {@link FileSystemError} `unsafe_path` when a link, a
 * folder or another kind of file sits there. With `writingInto`, a file with other hard links or
 * owned by another user is refused too (writing into it would change a file outside the output).
 *
 * @example
 * ```ts
 * const existing = await inspectFile('out/clip.mp4.part', { writingInto: true });
 * ```
 */
export async function inspectFile(
  path: string,
  options: { writingInto?: boolean } = {},
): Promise<Stats | undefined> {
  let stats: Stats;
  try {
    stats = await fileOps.lstat(path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw toFileSystemError(error, path, 'inspect');
  }
  const reason = unsafeReason(stats, options.writingInto === true);
  if (reason !== undefined) throw unsafePath(path, reason);
  return stats;
}
