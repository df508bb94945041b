import { stat } from 'node:fs/promises';
import type { JobRef } from '../contract/job-ref.js';
import type { JobUsage } from '../contract/job-status.js';
import type { ResolvedRequest } from '../contract/request.js';
import { VideoGenError } from '../errors/video-gen-error.js';
import { downloadVideo } from './download-video.js';
import { fileExists, finishOutput } from './finish-output.js';
import type { GenerateVideoResult } from './generate-video-options.js';
import type { JobRun } from './job-run.js';
import type { Journal } from './journal.js';
import { journalStoreOf } from './journal-store.js';
import { releaseOutputLock } from './output-lock.js';
import { pollUntilDone } from './poll-job.js';
import { submitJob } from './submit-job.js';

/** Whether an error means the job is over at the vendor, so its journal is of no further use. */
function endsTheJob(error: unknown): boolean {
  return (
    VideoGenError.isInstance(error) &&
    !error.retryable &&
    ['generation_failed', 'content_policy', 'job_cancelled'].includes(error.code)
  );
}

/**
 * The finish, ordered so that a crash between any two steps leaves a state the next run completes:
 * the journal (in `downloaded`) is removed last, after the lock is released, so until then a re-run
 * resumes it, finds the part file gone and the output in place, and redoes only the bookkeeping
 * (each step is idempotent). A crash after the lock's release leaves only that journal; a crash
 * before it, a stale lock that the next run takes over.
 */
async function finish(
  run: JobRun,
  journal: Journal,
  job: JobRef,
  usage: JobUsage | undefined,
): Promise<void> {
  const partPath = `${run.outPath}.part`;
  // Without a part file, a crash came after the rename: the output is in place.
  if (await fileExists(partPath)) {
    await finishOutput(partPath, run.outPath, run.settings.overwrite === true || journal.overwrite === true);
  }
  await run.provider.release?.(job, run.context).catch((error: unknown) => {
    run.logger.warn('releasing the finished job failed', {
      provider: run.provider.id,
      jobId: job.id,
      error: String(error),
    });
  });
  await run.ledger.record(journal, job, { status: 'downloaded', ...(usage ? { usage } : {}) });
  await releaseOutputLock(run.outPath);
  await journalStoreOf(run.settings).remove(run.journalPath);
}

/**
 * Takes a journal from whatever state it is in to a finished output: submits (with the journal's
 * idempotency key) when the submit was never recorded, polls, downloads, renames, and removes the
 * journal. Each step updates the journal first, so a crash anywhere resumes at that step.
 */
export async function driveJob(
  run: JobRun,
  start: Journal,
  prepare: () => Promise<ResolvedRequest>,
  resumed: boolean,
  onJob: (job: JobRef) => void,
): Promise<GenerateVideoResult> {
  let journal = start;
  const touch = async (changes: Partial<Journal>) => {
    journal = { ...journal, ...changes, updatedAt: new Date().toISOString() };
    await journalStoreOf(run.settings).write(run.journalPath, journal);
  };
  const t0 = Date.now();
  let usage: JobUsage | undefined;

  if (journal.state === 'submitting') journal = await submitJob(run, journal, prepare);
  const job = journal.job;
  if (!job)
    throw new VideoGenError(`The journal ${run.journalPath} has no job to resume.`, 'journal_corrupt');
  onJob(job);
  const submitMs = Date.now() - t0;

  const t1 = Date.now();
  let downloadMs = 0;
  const partPath = `${run.outPath}.part`;
  if (journal.state === 'downloaded' && !(await fileExists(partPath)) && !(await fileExists(run.outPath))) {
    // The downloaded file vanished before it was moved into place: fetch it again.
    await touch({ state: 'submitted' });
  }
  if (journal.state === 'submitted') {
    try {
      usage = await pollUntilDone(run, job, start.state === 'submitting');
    } catch (error) {
      if (endsTheJob(error)) {
        await journalStoreOf(run.settings).remove(run.journalPath);
        const { code, message } = error as VideoGenError;
        await run.ledger.record(journal, job, { status: 'failed', error: { code, message } });
      }
      throw error;
    }
    await run.ledger.record(journal, job, { status: 'succeeded', usage });
    const t2 = Date.now();
    await downloadVideo(run, job);
    downloadMs = Date.now() - t2;
    await touch({ state: 'downloaded' });
  }
  const generationMs = Date.now() - t1 - downloadMs;

  await finish(run, journal, job, usage);
  const bytes = (await stat(run.outPath)).size;
  run.logger.info('video written', { provider: run.provider.id, jobId: job.id, path: run.outPath, bytes });
  run.emit({ phase: 'done', jobId: job.id, progress: 1 });
  const { request } = journal;
  return {
    path: run.outPath,
    provider: run.provider.id,
    model: job.model,
    jobId: job.id,
    width: request.width,
    height: request.height,
    fps: request.fps,
    durationSeconds: request.durationSeconds,
    bytes,
    warnings: [...journal.warnings, ...run.ledger.warnings],
    usage,
    resumed,
    timings: { submitMs, generationMs, downloadMs, totalMs: Date.now() - run.startedAt },
  };
}
