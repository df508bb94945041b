import type { FileHandle } from 'node:fs/promises';
import { FileSystemError } from '../errors/file-system-error.js';
import { type CreateFileOptions, createFileExclusive } from './create-exclusive.js';
import { fileOps } from './file-ops.js';
import { inspectFile } from './inspect-file.js';
import { folderOf, isTemporaryNameOf, temporaryNameFor } from './temporary-name.js';
import { toFileSystemError } from './to-file-system-error.js';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions extends CreateFileOptions {
  /** Flush the data to the disk before the rename, so a power cut leaves the old or the new file. Default true. */
  readonly sync?: boolean;
}

/**
 * Replaces the file `path` with `data` atomically: a crash leaves the old content or the new one,
 * never half of it. The data goes to a fresh temporary name in the same folder, created
 * exclusively without following links, is flushed, then renamed over `path`. A link, folder or
 * other non-regular entry at `path` is a {@link FileSystemError} `unsafe_path` (a rename would
 * silently replace it). On any failure the temporary file is removed again.
 *
 * @example
 * ```ts
 * await writeFileAtomic('out/clip.mp4.job.json', JSON.stringify(journal), { mode: 0o600 });
 * ```
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  await inspectFile(path);
  let temporary = temporaryNameFor(path);
  let handle: FileHandle | undefined;
  // 64 random bits make a collision all but impossible; a planted name is simply skipped.
  for (let i = 0; !handle && i < 3; i++) {
    if (i > 0) temporary = temporaryNameFor(path);
    try {
      handle = await createFileExclusive(temporary, options);
    } catch (error) {
      // Reported against the file the caller asked for: a read-only folder or full disk is about it.
      const cause = FileSystemError.isInstance(error) && error.code !== 'unsafe_path' ? error.cause : error;
      throw toFileSystemError(cause, path, 'write');
    }
  }
  if (!handle) throw toFileSystemError(new Error('no free temporary name'), path, 'write');
  try {
    try {
      await handle.writeFile(data);
      if (options.sync !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    await fileOps.rename(temporary, path);
  } catch (error) {
    await fileOps.unlink(temporary).catch(() => {});
    throw toFileSystemError(error, path, 'write');
  }
}

/**
 * Removes the temporary files {@link writeFileAtomic} left beside `path` when a crash came between
 * creating and renaming one. Only names of that exact shape are touched; a link among them is
 * removed itself, never what it points to.
 *
 * @example
 * ```ts
 * await removeTemporaryFiles('out/clip.mp4.job.json');
 * ```
 */
export async function removeTemporaryFiles(path: string): Promise<void> {
  const { folder, join } = folderOf(path);
  let names: string[];
  try {
    names = await fileOps.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (isTemporaryNameOf(path, name)) await fileOps.unlink(join(name)).catch(() => {});
  }
}
