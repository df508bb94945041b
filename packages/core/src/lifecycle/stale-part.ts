import { rm } from 'node:fs/promises';
import { inspectFile } from '../fs/inspect-file.js';
import { toFileSystemError } from '../fs/to-file-system-error.js';
import { getLibraryLogger } from '../log/index.js';

/**
 * Before a new job is submitted for `outPath` (no journal: no job owns the output): a link,
 * folder, FIFO or hard-linked file planted at `<out>.part` is a FileSystemError `unsafe_path`
 * before anything is paid for, and a plain part file left by something else is removed, so the
 * new job's download can never be appended to another video's bytes.
 *
 * @throws {FileSystemError} `unsafe_path`, or the I/O failure removing the stale file.
 */
export async function clearStalePart(outPath: string): Promise<void> {
  const partPath = `${outPath}.part`;
  if ((await inspectFile(partPath, { writingInto: true })) === undefined) return;
  getLibraryLogger().warn('removing a partial download that no job journal owns', { path: partPath });
  try {
    await rm(partPath, { force: true });
  } catch (error) {
    throw toFileSystemError(error, partPath, 'remove');
  }
}
