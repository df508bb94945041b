import type { JobRef } from '../contract/job-ref.js';
import type { ResolvedRequest } from '../contract/request.js';
import type { VideoProvider } from '../contract/video-provider.js';
import { getLibraryLogger } from '../log/index.js';
import { underDeadline } from './deadline.js';
import { driveJob } from './drive-job.js';
import type { GenerateVideoResult, GenerationSettings } from './generate-video-options.js';
import { progressEmitter } from './job-run.js';
import type { Journal } from './journal.js';

/** Drives a journal to a finished video under the caller's signal and timeout. */
export function runJournal(
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
