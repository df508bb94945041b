import type { JobStatus } from '../contract/job-status.js';
import { VideoGenError } from '../errors/video-gen-error.js';
import { withRetry } from '../retry/retry-policy.js';
import { parseOptions } from '../validation/options/parse-options.js';
import { type Journal, journalPathFor } from './journal.js';
import { journalStoreOf } from './journal-store.js';
import { loadJournal } from './load-journal.js';
import { resolveProvider } from './resolve-provider.js';
import type { ResumeVideoOptions } from './resume-video.js';
import { retryReporter } from './retry-reporter.js';
import { driveJournalStage } from './start-run.js';

/**
 * Asks the vendor once how the job of a journal is doing (one status call, retried on transient
 * errors within the provider's request limits): `queued` or `running` (with progress where the
 * vendor reports it), `succeeded` (call {@link finishVideo}), `failed` or `cancelled`. Changes
 * nothing: no file is written, nothing is submitted.
 *
 * @param journal - The journal {@link startVideo} returned, or the path of a `<out>.job.json`.
 *
 * @example
 * ```ts
 * const status = await checkVideo(journal);
 * if (status.state === 'succeeded') await finishVideo(journal);
 * ```
 *
 * @throws {ValidationError} `invalid_options`: an option of the wrong type or unknown.
 * @throws {VideoGenError} `journal_missing` / `journal_corrupt`: no valid journal; `job_not_submitted`:
 * the journal's submit was never confirmed (finish it with {@link finishVideo}, which repeats the
 * submit with the journal's idempotency key).
 */
export async function checkVideo(
  journal: string | Journal,
  options: ResumeVideoOptions = {},
): Promise<JobStatus> {
  const startedAt = Date.now();
  await parseOptions('checkVideo', options);
  const current = await loadJournal(journal, journalStoreOf(options));
  const job = current.job;
  if (current.state === 'submitting' || !job) {
    throw new VideoGenError(
      'The journal records a submit that was never confirmed, so there is no job to check yet: finishVideo() repeats the submit with its idempotency key.',
      'job_not_submitted',
      { provider: current.provider },
    );
  }
  const provider = await resolveProvider(options.provider ?? current.provider, options.providerConfig);
  const unused = async () => {
    throw new VideoGenError('checkVideo never submits.', 'job_not_submitted', { provider: provider.id });
  };
  return driveJournalStage(
    provider,
    options,
    current,
    journalPathFor(current.outPath),
    startedAt,
    unused,
    true,
    (run, _journal, _prepare, _resumed, onJob) => {
      onJob(job);
      return withRetry(() => run.vendorCall(() => run.provider.status(job, run.context)), {
        operation: `status of job ${job.id}`,
        provider: run.provider.id,
        policy: run.settings.retry,
        signal: run.context.signal,
        onRetry: retryReporter(run, job.id, 'status'),
      });
    },
  );
}
