import { setLongTimeout } from './long-timeout.js';

/** A job's overall timeout that can stop running while the job waits for a local resource. */
export interface DeadlineClock {
  /** Stops the clock until the returned function is called (pauses nest: it runs again after the last). */
  pause(): () => void;
  /** Stops the clock for good. */
  cancel(): void;
}

/**
 * Calls `onExpire` once `timeoutMs` of running time has passed. Time spent paused (a job queued
 * for a download slot behind other jobs of this process) is not counted, so a local queue never
 * makes a paid job time out.
 */
export function startDeadlineClock(timeoutMs: number, onExpire: () => void): DeadlineClock {
  let left = timeoutMs;
  let since = Date.now();
  let pauses = 0;
  let cancelled = false;
  let cancelTimer = setLongTimeout(onExpire, left);
  return {
    pause() {
      if (pauses++ === 0 && !cancelled) {
        cancelTimer();
        left -= Date.now() - since;
      }
      let resumed = false;
      return () => {
        if (resumed) return;
        resumed = true;
        if (--pauses === 0 && !cancelled) {
          since = Date.now();
          cancelTimer = setLongTimeout(onExpire, Math.max(left, 0));
        }
      };
    },
    cancel() {
      cancelled = true;
      cancelTimer();
    },
  };
}
