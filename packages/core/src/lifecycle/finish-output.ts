import { link, rename, rm, stat, unlink } from 'node:fs/promises';
import { OutputExistsError } from '../errors/validation-error.js';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Moves the finished `<out>.part` to `<out>` atomically. Without `overwrite`, a file that appeared
 * at `<out>` meanwhile is kept (a hard link refuses to replace it) and the part file stays too:
 * nothing finished is thrown away.
 */
export async function finishOutput(partPath: string, outPath: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await rename(partPath, outPath);
    return;
  }
  try {
    await link(partPath, outPath);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST') {
      // A crash between the link and the unlink left both names on the same file.
      const [part, out] = await Promise.all([stat(partPath), stat(outPath)]);
      if (part.ino === out.ino && part.dev === out.dev) {
        await unlink(partPath);
        return;
      }
      throw new OutputExistsError(outPath);
    }
    // Filesystems without hard links: check, then rename.
    if (await exists(outPath)) throw new OutputExistsError(outPath);
    await rename(partPath, outPath);
    return;
  }
  await unlink(partPath).catch(() => rm(partPath, { force: true }));
}

export { exists as fileExists };
