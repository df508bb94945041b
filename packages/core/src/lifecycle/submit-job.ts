import type { JobRef } from '../contract/job-ref.js';
import type { ResolvedRequest } from '../contract/request.js';
import { VideoGenError } from '../errors/video-gen-error.js';
import { withRetry } from '../retry/retry-policy.js';
import type { JobRun } from './job-run.js';
import type { Journal } from './journal.js';
import { journalStoreOf } from './journal-store.js';
import { retryReporter } from './retry-reporter.js';

/**
 * The submit step of a journal in `submitting`: the one paid call (with the journal's idempotency
 * key, inside the request), then the journal in `submitted` with the job reference, written before
 * anything else happens, then the ledger. Returns the journal as written. A refused submit removes
 * the journal (nothing was created); an unanswered one leaves it, so a resume repeats the submit
 * with the same key.
 */
export async function submitJob(
  run: JobRun,
  journal: Journal,
  prepare: () => Promise<ResolvedRequest>,
): Promise<Journal> {
  const request = await prepare();
  run.emit({ phase: 'submitting' });
  let job: JobRef;
  try {
    job = await withRetry(() => run.vendorCall(() => run.provider.submit(request, run.context)), {
      operation: 'submit',
      provider: run.provider.id,
      policy: run.settings.retry,
      signal: run.context.signal,
      onRetry: retryReporter(run, undefined, 'submit'),
    });
  } catch (error) {
    // A refused submit created nothing to resume; an unanswered one may have, so its journal stays.
    if (VideoGenError.isInstance(error) && !error.retryable)
      await journalStoreOf(run.settings).remove(run.journalPath);
    throw error;
  }
  run.logger.info('job submitted', { provider: run.provider.id, model: job.model, jobId: job.id });
  // Warnings the vendor answered with go to the journal (and the result); the JobRef keeps none.
  const { warnings: submitWarnings, ...ref } = job;
  const submitted: Journal = {
    ...journal,
    state: 'submitted',
    job: ref,
    ...(submitWarnings?.length ? { warnings: [...journal.warnings, ...submitWarnings] } : {}),
    updatedAt: new Date().toISOString(),
  };
  await journalStoreOf(run.settings).write(run.journalPath, submitted);
  await run.ledger.record(submitted, ref, { status: 'submitted' });
  return submitted;
}
