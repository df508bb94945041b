import type { FileHandle } from 'node:fs/promises';
import { type CreateFileOptions, createFileExclusive } from './create-exclusive.js';
import { fileOps } from './file-ops.js';
import { inspectFile, unsafePath, unsafeReason } from './inspect-file.js';
import { APPEND_EXISTING, WRITE_EXISTING } from './open-flags.js';
import { toFileSystemError } from './to-file-system-error.js';

/** `truncate`: start the file over; `append`: write after what it holds. */
export type WriteMode = 'truncate' | 'append';

/**
 * Opens the regular file `path` for writing, creating it exclusively when absent, and never
 * writes through anything else: a link (even one swapped in between the check and the open), a
 * folder, a FIFO, a file with other hard links or another user's file is a
 * {@link FileSystemError} `unsafe_path`. The check is `lstat`, then an `O_NOFOLLOW` open whose
 * `fstat` must show the same file (dev and inode); only then is the file truncated.
 *
 * @example
 * ```ts
 * const handle = await openFileForWriting('out/clip.mp4.part', 'append');
 * ```
 */
export async function openFileForWriting(
  path: string,
  mode: WriteMode,
  options: CreateFileOptions = {},
): Promise<FileHandle> {
  for (let attempt = 0; ; attempt++) {
    const before = await inspectFile(path, { writingInto: true });
    if (!before) {
      const created = await createFileExclusive(path, options);
      if (created) return created;
      // Another writer created it in between: look again (once) at what is there now.
      if (attempt > 0) throw unsafePath(path, 'another process keeps creating it');
      continue;
    }
    let handle: FileHandle;
    try {
      handle = await fileOps.open(path, mode === 'append' ? APPEND_EXISTING : WRITE_EXISTING);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ELOOP' || code === 'EMLINK' || code === 'ENXIO')
        throw unsafePath(path, 'it was replaced by a link or a special file while being opened');
      if (code === 'ENOENT' && attempt === 0) continue;
      throw toFileSystemError(error, path, 'open');
    }
    try {
      const after = await handle.stat();
      const reason =
        after.dev !== before.dev || after.ino !== before.ino
          ? 'it was replaced while being opened'
          : unsafeReason(after, true);
      if (reason !== undefined) throw unsafePath(path, reason);
      if (mode === 'truncate') await handle.truncate(0);
      return handle;
    } catch (error) {
      await handle.close().catch(() => {});
      throw toFileSystemError(error, path, 'open');
    }
  }
}
