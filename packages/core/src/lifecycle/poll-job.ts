import type { JobRef } from '../contract/job-ref.js';
import type { JobUsage } from '../contract/job-status.js';
import { GenerationFailedError } from '../errors/job-errors.js';
import { readEnvVar } from '../log/runtime.js';
import { withRetry } from '../retry/retry-policy.js';
import { sleep } from '../retry/sleep.js';
import type { JobRun } from './job-run.js';
import { durationPrior, notePriorSample } from './poll-prior.js';
import { createPollSchedule, type PollScheduleSettings } from './poll-schedule.js';
import { retryReporter } from './retry-reporter.js';

/** Request k of a job goes out no earlier than k × this after submit, unless told otherwise. */
export const DEFAULT_POLL_BUDGET_INTERVAL_MS = 5_000;

/** Time and randomness for the poll loop; tests and the benchmark pass a simulated one. */
export interface PollClock {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  random(): number;
}

const systemClock: PollClock = { now: () => Date.now(), sleep, random: Math.random };

/** The budget interval: the caller's, else the provider's, else `VIDEO_GEN_POLL_BUDGET_MS`, else 5 s. */
function budgetInterval(run: JobRun): number {
  const fromEnv = Number(readEnvVar('VIDEO_GEN_POLL_BUDGET_MS') ?? Number.NaN);
  return (
    run.settings.poll?.budgetIntervalMs ??
    run.provider.polling?.budgetIntervalMs ??
    (Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : DEFAULT_POLL_BUDGET_INTERVAL_MS)
  );
}

/** The schedule's settings for one job; `submittedHere` is false for a job submitted by an earlier run. */
async function scheduleSettings(
  run: JobRun,
  job: JobRef,
  clock: PollClock,
  submittedHere: boolean,
): Promise<PollScheduleSettings> {
  const now = clock.now();
  const created = Date.parse(job.createdAt);
  // A job submitted just now counts from now: a vendor's `createdAt` may be truncated to the second
  // or come from a clock ahead of or behind this one. A resumed job counts from its `createdAt`.
  const startMs = !submittedHere && Number.isFinite(created) && created <= now ? created : now;
  const budget = budgetInterval(run);
  const poll = run.settings.poll ?? {};
  return {
    startMs,
    budgetIntervalMs: budget,
    minWaitMs:
      poll.initialIntervalMs ??
      run.provider.polling?.initialIntervalMs ??
      (budget > 0 ? Math.min(1_000, budget / 5) : 1_000),
    maxWaitMs: poll.maxIntervalMs ?? (budget > 0 ? 3 * budget : 15_000),
    priorMs: await durationPrior(run.settings.ledger, run.provider, job).catch(() => undefined),
    // A resumed job's earlier run may have spent every request its budget allowed so far.
    spent: submittedHere || budget <= 0 ? 0 : Math.floor((now - startMs) / budget),
    random: clock.random,
  };
}

/**
 * Asks the provider for the job's status until it ends, on the poll schedule (see
 * `poll-schedule.ts`): never more requests than a fixed poller at the budget interval, aimed at the
 * finish the vendor's progress (or the model's duration prior) predicts, the vendor's hint first.
 * Returns the vendor's usage on success; throws the provider's error on failure.
 */
export async function pollUntilDone(
  run: JobRun,
  job: JobRef,
  submittedHere = false,
): Promise<JobUsage | undefined> {
  const clock = run.clock ?? systemClock;
  const settings = await scheduleSettings(run, job, clock, submittedHere);
  const schedule = createPollSchedule(settings);
  let lastState = '';
  await clock.sleep(schedule.next(clock.now()), run.context.signal);
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
        await notePriorSample(run.settings.ledger, job, clock.now() - settings.startMs).catch(() => {});
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
        const now = clock.now();
        const wait = schedule.next(now, { at: now, progress: status.progress }, status.retryAfterMs);
        await clock.sleep(wait, run.context.signal);
      }
    }
  }
}
