import { FairSemaphore } from './fair-semaphore.js';

/** The default number of video downloads running at once in this process. */
export const DEFAULT_MAX_CONCURRENT_DOWNLOADS = 8;

// One queue for the whole process, shared by every copy of core and every provider.
const SLOTS = Symbol.for('video-gen.download-slots');

/**
 * The process-wide download queue: at most `limit` downloads at once (default
 * {@link DEFAULT_MAX_CONCURRENT_DOWNLOADS}), the rest waiting first come, first served. A `limit`,
 * when given, replaces the current one (the most recent caller's setting wins). Internal.
 */
export function downloadSlots(limit?: number): FairSemaphore {
  const holder = globalThis as { [SLOTS]?: FairSemaphore };
  holder[SLOTS] ??= new FairSemaphore(limit ?? DEFAULT_MAX_CONCURRENT_DOWNLOADS);
  if (limit !== undefined) holder[SLOTS].setLimit(limit);
  return holder[SLOTS];
}
