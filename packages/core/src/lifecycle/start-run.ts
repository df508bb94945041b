import type { JobRef } from '../contract/job-ref.js';
import type { ResolvedRequest } from '../contract/request.js';
import type { VideoProvider } from '../contract/video-provider.js';
import type { VideoWebhook } from '../contract/video-webhook.js';
import { VideoGenError } from '../errors/video-gen-error.js';
import { ledgerRecorder } from '../ledger/ledger-recorder.js';
import { DEFAULT_MAX_CONNECTIONS_PER_ORIGIN, originLimitedFetch } from '../limits/origin-limited-fetch.js';
import { limiterFor } from '../limits/request-limiter.js';
import { vendorCall } from '../limits/vendor-call.js';
import { getLibraryLogger } from '../log/index.js';
import { underDeadline } from './deadline.js';
import { driveJob } from './drive-job.js';
import type {
  GenerateVideoOptions,
  GenerateVideoResult,
  GenerationSettings,
} from './generate-video-options.js';
import { type JobRun, progressEmitter } from './job-run.js';
import type { Journal } from './journal.js';
import { journalStoreOf } from './journal-store.js';
import { withOutputLock } from './output-lock.js';

/**
 * One stage of the lifecycle run on a journal: {@link driveJob} (to the finished video) or a part
 * of it (submit only). `onJob` is told the job reference once it is known, for the deadline's messages.
 */
export type JobStage<T> = (
  run: JobRun,
  journal: Journal,
  prepare: () => Promise<ResolvedRequest>,
  resumed: boolean,
  onJob: (job: JobRef) => void,
) => Promise<T>;

/** A timestamp later than `previous`, so the journal visibly changes even within one millisecond. */
function laterThan(previous: string): string {
  const now = Date.now();
  const before = Date.parse(previous);
  return new Date(Number.isFinite(before) && before >= now ? before + 1 : now).toISOString();
}

/**
 * Drives a journal to a finished video under the caller's signal and timeout, holding the output's
 * lock so no other process drives the same job at the same time. The journal is read again under
 * the lock: if another process moved it on (or finished it) since `seen` was read, that process
 * drove the job, and this one stops with `output_locked`. Otherwise the journal is touched first,
 * so any process that read it before this one took the lock sees that it changed.
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
  return runJournalStage(provider, settings, seen, journalPath, startedAt, prepare, resumed, driveJob);
}

/** {@link runJournal} with the stage to run under the lock: the whole lifecycle, or a part of it. */
export function runJournalStage<T>(
  provider: VideoProvider,
  settings: GenerationSettings,
  seen: Journal,
  journalPath: string,
  startedAt: number,
  prepare: () => Promise<ResolvedRequest>,
  resumed: boolean,
  stage: JobStage<T>,
): Promise<T> {
  return withOutputLock(seen.outPath, async () => {
    const current = await journalStoreOf(settings).read(journalPath);
    if (!current || current.fingerprint !== seen.fingerprint || current.updatedAt !== seen.updatedAt) {
      throw new VideoGenError(
        `Another process ${current ? 'moved on' : 'finished'} the job of ${journalPath} while this one waited for the output lock; run again to resume it if it is not finished.`,
        'output_locked',
        { provider: provider.id },
      );
    }
    const journal: Journal = { ...current, updatedAt: laterThan(current.updatedAt) };
    await journalStoreOf(settings).write(journalPath, journal);
    return driveJournalStage(provider, settings, journal, journalPath, startedAt, prepare, resumed, stage);
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
  return driveJournalStage(provider, settings, journal, journalPath, startedAt, prepare, resumed, driveJob);
}

/** {@link driveJournal} with the stage to run: the whole lifecycle, or a part of it. */
export function driveJournalStage<T>(
  provider: VideoProvider,
  settings: GenerationSettings,
  journal: Journal,
  journalPath: string,
  startedAt: number,
  prepare: () => Promise<ResolvedRequest>,
  resumed: boolean,
  stage: JobStage<T>,
): Promise<T> {
  const logger = getLibraryLogger();
  const model = journal.job?.model ?? journal.request.model;
  const emit = progressEmitter(settings, provider.id, model, startedAt, logger);
  const limits = settings.limits ?? provider.limits;
  const limiter = limiterFor(provider.id, limits);
  // Every request core makes for this job (downloads, its HTTP client) shares the provider's per-origin cap.
  const fetch = originLimitedFetch(
    settings.fetch ?? globalThis.fetch,
    provider.id,
    () => limits?.maxConnectionsPerOrigin ?? DEFAULT_MAX_CONNECTIONS_PER_ORIGIN,
  );
  let job: JobRef | undefined = journal.job;
  return underDeadline(
    settings,
    provider,
    journalPath,
    logger,
    () => job,
    (signal, clock) =>
      stage(
        {
          provider,
          model,
          settings,
          context: { signal, logger, fetch, ...submitWebhook(settings, provider, journal) },
          logger,
          outPath: journal.outPath,
          journalPath,
          startedAt,
          emit,
          ledger: ledgerRecorder(settings.ledger, logger),
          vendorCall: (call, options) => vendorCall(limiter, call, signal, options),
          outsideDeadline: async (wait) => {
            const resume = clock.pause();
            try {
              return await wait();
            } finally {
              resume();
            }
          },
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

/** The caller's webhook, for a provider that takes one and a job not yet submitted. */
function submitWebhook(
  settings: GenerationSettings,
  provider: VideoProvider,
  journal: Journal,
): { webhook?: VideoWebhook } {
  const { webhook } = settings as GenerateVideoOptions;
  return webhook && provider.webhooks === true && journal.state === 'submitting' ? { webhook } : {};
}
