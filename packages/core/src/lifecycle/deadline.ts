import type { JobRef } from '../contract/job-ref.js';
import type { VideoProvider } from '../contract/video-provider.js';
import { CancelledError, JobTimeoutError } from '../errors/job-errors.js';
import type { Logger } from '../log/logger.js';
import { type DeadlineClock, startDeadlineClock } from './deadline-clock.js';
import type { GenerationSettings } from './generate-video-options.js';
import { journalStoreOf } from './journal-store.js';

/** The default overall timeout of a job: 30 minutes. */
export const DEFAULT_TIMEOUT_MS = 30 * 60_000;

/**
 * Runs `work` under the caller's AbortSignal and the overall timeout, turning either into a typed
 * error that says how to resume. The journal stays, unless the caller asked to cancel the job at
 * the vendor too.
 */
export async function underDeadline<T>(
  settings: GenerationSettings,
  provider: VideoProvider,
  journalPath: string,
  logger: Logger,
  currentJob: () => JobRef | undefined,
  work: (signal: AbortSignal, clock: DeadlineClock) => Promise<T>,
): Promise<T> {
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = new AbortController();
  // Chained: a single timer above 2^31-1 ms would fire after 1 ms, right after the paid submit.
  // Paused while the job waits in a local queue (a download slot), which is not the vendor's time.
  const clock = startDeadlineClock(timeoutMs, () => timeout.abort());
  const signal = settings.signal ? AbortSignal.any([settings.signal, timeout.signal]) : timeout.signal;
  try {
    return await work(signal, clock);
  } catch (error) {
    const job = currentJob();
    const resumeHint = job
      ? ` The job keeps its journal: resume with resumeVideo('${journalPath}') or run the same call again.`
      : '';
    if (settings.signal?.aborted) {
      if (job && settings.cancelRemoteOnAbort && provider.cancel) {
        try {
          await provider.cancel(job, {
            signal: AbortSignal.timeout(30_000),
            logger,
            fetch: settings.fetch ?? globalThis.fetch,
          });
          await journalStoreOf(settings).remove(journalPath);
          throw new CancelledError(`Cancelled; job ${job.id} was cancelled at ${provider.id}.`, {
            provider: provider.id,
            job,
            cause: error,
          });
        } catch (cancelError) {
          if (CancelledError.isInstance(cancelError)) throw cancelError;
          logger.warn('remote cancel failed', {
            provider: provider.id,
            jobId: job.id,
            error: String(cancelError),
          });
        }
      }
      throw new CancelledError(`Cancelled.${resumeHint}`, {
        provider: provider.id,
        job,
        cause: error,
        ...(job ? { journalPath } : {}),
      });
    }
    if (timeout.signal.aborted) {
      throw new JobTimeoutError(
        `The job did not finish within ${Math.round(timeoutMs / 1000)} s.${resumeHint}`,
        {
          provider: provider.id,
          job,
          cause: error,
          ...(job ? { journalPath } : {}),
        },
      );
    }
    throw error;
  } finally {
    clock.cancel();
  }
}
