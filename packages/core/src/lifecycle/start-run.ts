import type { JobRef } from '../contract/job-ref.js';
import type { ResolvedRequest } from '../contract/request.js';
import type { VideoProvider } from '../contract/video-provider.js';
import { VideoGenError } from '../errors/video-gen-error.js';
import { ledgerRecorder } from '../ledger/ledger-recorder.js';
import { limiterFor } from '../limits/request-limiter.js';
import { vendorCall } from '../limits/vendor-call.js';
import { getLibraryLogger } from '../log/index.js';
import { underDeadline } from './deadline.js';
import { driveJob } from './drive-job.js';
import type { GenerateVideoResult, GenerationSettings } from './generate-video-options.js';
import { progressEmitter } from './job-run.js';
import { type Journal, readJournal } from './journal.js';
import { withOutputLock } from './output-lock.js';

/**
 * Drives a journal to a finished video under the caller's signal and timeout, holding the output's
 * lock so no other process drives the same job at the same time. The journal is read again under
 * the lock: another process may have moved it on (or finished it) meanwhile.
 */
export function runJournal(
  provider: VideoProvider,
  settings: GenerationSettings,
  seen: Journal,
  journalPath: string,
  startedAt: number,
  prepare: () => Promise<ResolvedRequest>,
  resumed: boolean,
): Promise<GenerateVideoResult> {
  return withOutputLock(seen.outPath, async () => {
    const journal = await readJournal(journalPath);
    if (!journal || journal.fingerprint !== seen.fingerprint) {
      throw new VideoGenError(
        `The job journal ${journalPath} changed while waiting for the output lock: another process finished or replaced this job.`,
        'journal_changed',
        { provider: provider.id },
      );
    }
    return driveJournal(provider, settings, journal, journalPath, startedAt, prepare, resumed);
  });
}

/** Drives a journal to a finished video under the caller's signal and timeout; the caller holds the output lock. */
export function driveJournal(
  provider: VideoProvider,
  settings: GenerationSettings,
  journal: Journal,
  journalPath: string,
  startedAt: number,
  prepare: () => Promise<ResolvedRequest>,
  resumed: boolean,
): Promise<GenerateVideoResult> {
  const logger = getLibraryLogger();
  const model = journal.job?.model ?? journal.request.model;
  const emit = progressEmitter(settings, provider.id, model, startedAt, logger);
  const limiter = limiterFor(provider.id, settings.limits ?? provider.limits);
  let job: JobRef | undefined = journal.job;
  return underDeadline(
    settings,
    provider,
    journalPath,
    logger,
    () => job,
    (signal) =>
      driveJob(
        {
          provider,
          model,
          settings,
          context: { signal, logger, fetch: settings.fetch ?? globalThis.fetch },
          logger,
          outPath: journal.outPath,
          journalPath,
          startedAt,
          emit,
          ledger: ledgerRecorder(settings.ledger, logger),
          vendorCall: (call) => vendorCall(limiter, call, signal),
        },
        journal,
        prepare,
        resumed,
        (known) => {
          job = known;
        },
      ),
  );
}
