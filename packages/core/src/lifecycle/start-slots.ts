import { FairSemaphore, type Release } from '../limits/fair-semaphore.js';

/**
 * Generations doing their local work before the submit (option checks, the output checks, the
 * lock, the journal) at once, in this process. Started together, a thousand jobs would otherwise
 * move through those steps in lockstep: every job's first file operation, then every job's
 * second, so the first submit waits for nearly all of that work, and the event loop runs long
 * stretches of it at a time. Bounded, the first jobs reach the vendor at once and the others
 * follow, first come first served.
 */
export const START_SLOTS = 8;

const SLOTS = Symbol.for('video-gen.start-slots');

/** Waits for a slot to do a generation's pre-submit work in; the release is idempotent. */
export function takeStartSlot(signal?: AbortSignal): Promise<Release> {
  const holder = globalThis as { [SLOTS]?: FairSemaphore };
  holder[SLOTS] ??= new FairSemaphore(START_SLOTS);
  return holder[SLOTS].acquire(signal);
}
