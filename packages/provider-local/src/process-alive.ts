import { readFile } from 'node:fs/promises';

let procAvailable: Promise<boolean> | undefined;

/** Whether this system has a Linux-style /proc, checked once. */
function hasProc(): Promise<boolean> {
  procAvailable ??= readFile('/proc/self/cmdline').then(
    () => true,
    () => false,
  );
  return procAvailable;
}

/**
 * Whether the render process `pid` is still running. `marker` is a string in its command line
 * (the job's progress file path): where /proc exists it tells our ffmpeg from a process that later
 * got the same pid, and a zombie (exited, parent gone, never reaped: it has an empty command line)
 * from a live one. Elsewhere, signal 0 tests existence: ESRCH means gone, EPERM means it exists
 * under another user.
 *
 * @example
 * ```ts
 * if (!(await isRenderAlive(pid, progressPath))) console.log('ffmpeg has exited');
 * ```
 */
export async function isRenderAlive(pid: number, marker: string): Promise<boolean> {
  if (await hasProc()) {
    try {
      const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      return commandLine.includes(marker);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ESRCH') return false;
      // Unreadable for another reason (hardened /proc): fall back to the signal test.
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
