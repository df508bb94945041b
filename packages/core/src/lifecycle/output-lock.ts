import { readFile, rm, writeFile } from 'node:fs/promises';
import { VideoGenError } from '../errors/video-gen-error.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Takes `<out>.lock` so that two processes never drive the same job (both polling, both writing
 * the same part file). A lock whose process has died (a crash) is taken over. Returns the release.
 */
export async function lockOutput(outPath: string): Promise<() => Promise<void>> {
  const lockPath = `${outPath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx' });
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new VideoGenError(
          `Another process (pid ${owner}) is already generating ${outPath}. Wait for it, or stop it and run again to resume its job.`,
          'output_locked',
        );
      }
      if (owner === process.pid) {
        throw new VideoGenError(`This process is already generating ${outPath}.`, 'output_locked');
      }
      // The owner died: its journal (if any) is what a resume needs; the lock is stale.
      await rm(lockPath, { force: true });
    }
  }
  throw new VideoGenError(`Could not lock ${outPath} for writing.`, 'output_locked');
}

/** Runs `work` holding the output's lock, releasing it however `work` ends. */
export async function withOutputLock<T>(outPath: string, work: () => Promise<T>): Promise<T> {
  const release = await lockOutput(outPath);
  try {
    return await work();
  } finally {
    await release();
  }
}
