import type { JobRef } from '../contract/job-ref.js';
import type { JobUsage } from '../contract/job-status.js';
import { GenerationFailedError } from '../errors/job-errors.js';
import { withRetry } from '../retry/retry-policy.js';
import { sleep } from '../retry/sleep.js';
import type { JobRun } from './job-run.js';
import { retryReporter } from './retry-reporter.js';

const DEFAULT_POLL = { initialIntervalMs: 1_000, maxIntervalMs: 15_000, multiplier: 1.5 };

/**
 * Asks the provider for the job's status until it ends: short intervals first, then backing off,
 * honouring the provider's hint for the next poll. Returns the vendor's usage on success; throws
 * the provider's error on failure.
 */
export async function pollUntilDone(run: JobRun, job: JobRef): Promise<JobUsage | undefined> {
  const poll = { ...DEFAULT_POLL, ...run.settings.poll };
  let interval = poll.initialIntervalMs;
  let lastState = '';
  for (;;) {
    const status = await withRetry(() => run.vendorCall(() => run.provider.status(job, run.context)), {
      operation: `status of job ${job.id}`,
      provider: run.provider.id,
      policy: run.settings.retry,
      signal: run.context.signal,
      onRetry: retryReporter(run, job.id, 'status'),
    });
    if (status.state !== lastState) {
      run.logger.debug('job state', { provider: run.provider.id, jobId: job.id, state: status.state });
      lastState = status.state;
    }
    switch (status.state) {
      case 'succeeded':
        return status.usage;
      case 'failed':
        throw status.error;
      case 'cancelled':
        throw new GenerationFailedError(`Job ${job.id} was cancelled at ${run.provider.id}.`, {
          code: 'job_cancelled',
          provider: run.provider.id,
          job,
        });
      default: {
        run.emit({
          phase: status.state,
          jobId: job.id,
          ...(status.progress === undefined ? {} : { progress: status.progress }),
        });
        await sleep(status.retryAfterMs ?? interval, run.context.signal);
        interval = Math.min(poll.maxIntervalMs, interval * poll.multiplier);
      }
    }
  }
}
