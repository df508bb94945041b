import type { JobRef } from '../contract/job-ref.js';
import { VideoGenError } from '../errors/video-gen-error.js';
import { generateWith } from './generate-video.js';
import type { GenerateVideoOptions } from './generate-video-options.js';
import type { Journal } from './journal.js';
import type { JobStage } from './start-run.js';
import { submitJob } from './submit-job.js';

/** Options of {@link startVideo}: those of `generateVideo`, and the idempotency key to submit with. */
export interface StartVideoOptions extends GenerateVideoOptions {
  /**
   * The key sent with the submit wherever the vendor deduplicates, and kept in the journal. Give
   * your own when you record it before the call (a queue's row), so a submit whose answer was lost
   * is repeated with the same key. Default: a fresh random UUID.
   */
  readonly idempotencyKey?: string;
}

/** What {@link startVideo} returns: the submitted job and the journal that finishes it anywhere. */
export interface StartedVideo {
  /** The vendor's job. */
  readonly job: JobRef;
  /**
   * The journal in state `submitted`, also written at `journalPath`. It is plain JSON: keep it (in
   * a database, a message) and pass it to {@link checkVideo} and {@link finishVideo} in any process.
   */
  readonly journal: Journal;
  /** Where the journal was written: `<outPath>.job.json`. */
  readonly journalPath: string;
  /** Whether the job was already submitted by an earlier call for the same output (nothing was submitted now). */
  readonly resumed: boolean;
}

/** The submit step of the lifecycle and nothing after it. */
const submitOnly: JobStage<StartedVideo> = async (run, journal, prepare, resumed, onJob) => {
  const submitted = journal.state === 'submitting' ? await submitJob(run, journal, prepare) : journal;
  if (!submitted.job) {
    throw new VideoGenError(`The journal ${run.journalPath} has no job.`, 'journal_corrupt', {
      provider: run.provider.id,
    });
  }
  onJob(submitted.job);
  return { job: submitted.job, journal: submitted, journalPath: run.journalPath, resumed };
};

/**
 * Submit now, finish later: validates the request (before any paid call), submits the job and
 * returns as soon as the vendor accepted it and the journal (`<outPath>.job.json`) records it. It
 * neither polls nor downloads: {@link checkVideo} asks once how the job is doing, and
 * {@link finishVideo} downloads it, in this process or another one (a serverless function, a
 * queue worker) given the returned journal.
 *
 * Called again for the same output and request, it returns the recorded job without submitting
 * again; with a journal whose submit was never confirmed, it repeats the submit with the journal's
 * idempotency key.
 *
 * @example
 * ```ts
 * import { checkVideo, finishVideo, startVideo } from '@video-gen/core';
 *
 * const { journal } = await startVideo({ prompt: 'Waves at dusk', outPath: '/tmp/waves.mp4' });
 * // later, anywhere:
 * if ((await checkVideo(journal)).state === 'succeeded') await finishVideo(journal, { outPath: '/tmp/w.mp4' });
 * ```
 *
 * @throws {ValidationError} as `generateVideo` does, before any paid call; `idempotencyKey` not a non-empty string.
 * @throws {OutputExistsError} `outPath` exists and `overwrite` is not set.
 */
export function startVideo(options: StartVideoOptions): Promise<StartedVideo> {
  return generateWith('startVideo', options, submitOnly, options?.idempotencyKey);
}
