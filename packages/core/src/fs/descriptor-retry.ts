import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How long a file operation waits out a shortage of file descriptors (EMFILE: this process has
 * the most it may open; ENFILE: the whole system has): attempt n waits `minDelayMs × 2^n`, capped
 * at `maxDelayMs`, with ±50% jitter so a burst of callers does not come back together. About 8 s
 * in all by default. Internal; a test may lower it.
 */
export const descriptorRetry = { attempts: 15, minDelayMs: 5, maxDelayMs: 1_000 };

const SHORTAGE = new Set(['EMFILE', 'ENFILE']);

/** Whether `error` says the process (or system) has no file descriptor left. */
export function isDescriptorShortage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SHORTAGE.has(code);
}

/**
 * Runs `operation`, and runs it again while it fails with EMFILE or ENFILE: other work in the
 * process (sockets, other jobs' files) gives descriptors back within moments, and a paid job must
 * not be abandoned for that. Any other failure, or the shortage outlasting the retries, is thrown
 * as it came (callers map it to a FileSystemError `too_many_open_files`).
 */
export async function retryOnDescriptorShortage<T>(operation: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isDescriptorShortage(error) || attempt + 1 >= descriptorRetry.attempts) throw error;
      const base = Math.min(descriptorRetry.minDelayMs * 2 ** attempt, descriptorRetry.maxDelayMs);
      await sleep(base * (0.5 + Math.random()));
    }
  }
}
