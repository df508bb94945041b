import { randomUUID } from 'node:crypto';
import { link, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { OutputExistsError, toFileSystemError } from '@video-gen/core';

/** Whether a path exists (any kind of entry). */
export async function pathExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * A temporary name beside `target`, keeping its extension so ffmpeg picks the right muxer. Being in
 * the same folder makes the final rename atomic.
 */
export function temporaryPathFor(target: string): string {
  const extension = path.extname(target);
  const base = target.slice(0, target.length - extension.length);
  return `${base}.${randomUUID().slice(0, 8)}.tmp${extension}`;
}

/**
 * Moves a finished temporary file to `target`. Without `overwrite`, an existing `target` is never
 * replaced (a hard link refuses to, where a rename would not) and the temporary file is removed.
 */
export async function publishFile(temporary: string, target: string, overwrite: boolean): Promise<void> {
  try {
    await publish(temporary, target, overwrite);
  } catch (error) {
    // A full disk, a read-only folder or a folder at the target: typed, with the path and the cause.
    throw toFileSystemError(error, target, 'write');
  }
}

/** `publishFile` without the error mapping. With `overwrite`, a link at `target` is replaced itself, never what it points to. */
async function publish(temporary: string, target: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await rename(temporary, target);
    return;
  }
  try {
    await link(temporary, target);
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') {
      await rm(temporary, { force: true });
      throw new OutputExistsError(target);
    }
    // Filesystems without hard links: check, then rename.
    if (await pathExists(target)) {
      await rm(temporary, { force: true });
      throw new OutputExistsError(target);
    }
    await rename(temporary, target);
    return;
  }
  await rm(temporary, { force: true });
}
