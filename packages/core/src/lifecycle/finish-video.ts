import path from 'node:path';
import { ValidationError } from '../errors/validation-error.js';
import { ensureDirectory } from '../fs/ensure-directory.js';
import { parseOptions } from '../validation/options/parse-options.js';
import type { GenerateVideoResult } from './generate-video-options.js';
import { type Journal, journalPathFor } from './journal.js';
import { type JournalStore, journalStoreOf } from './journal-store.js';
import { loadJournal } from './load-journal.js';
import { type ResumeVideoOptions, resumeVideo } from './resume-video.js';

/** Options of {@link finishVideo}: those of `resumeVideo`, and where to write the video. */
export interface FinishVideoOptions extends ResumeVideoOptions {
  /**
   * Where to write the video, for a journal given as a value (another machine's paths need not
   * exist here). Default: the journal's own `outPath`. Its journal is written beside it first.
   */
  readonly outPath?: string;
}

/** The journal to resume at `outPath`: the one already there when it is the same job and further along. */
async function placeJournal(journal: Journal, outPath: string, journals: JournalStore): Promise<string> {
  const journalPath = journalPathFor(outPath);
  const existing = await journals.read(journalPath);
  if (existing) {
    if (existing.fingerprint !== journal.fingerprint || existing.idempotencyKey !== journal.idempotencyKey) {
      throw new ValidationError(
        `${journalPath} records another job: finish that one with resumeVideo('${journalPath}'), or choose another outPath.`,
        {
          code: 'journal_mismatch',
          provider: journal.provider,
          issues: [{ field: 'outPath', message: 'journal records another job' }],
        },
      );
    }
    // The one on disk is as far as the given one or further, unless it never recorded the job.
    if (existing.job || !journal.job) return journalPath;
  }
  await ensureDirectory(path.dirname(outPath), { followLink: true });
  await journals.write(journalPath, { ...journal, outPath, updatedAt: new Date().toISOString() });
  return journalPath;
}

/**
 * Finishes the job of a journal: waits for it if it is still running, downloads the video, checks
 * it is an MP4 and moves it into place, then removes the journal (as `resumeVideo` does). Never
 * submits a job whose submit was recorded; a journal whose submit was never confirmed is
 * submitted again with its idempotency key. Runs in any process: give it the journal value
 * {@link startVideo} returned (and an `outPath` of this machine), or a journal's path.
 *
 * @example
 * ```ts
 * const result = await finishVideo(journal, { outPath: '/tmp/waves.mp4' });
 * console.log(result.path, result.bytes);
 * ```
 *
 * @throws {ValidationError} `invalid_options`: an option of the wrong type or unknown, or `outPath`
 * given with a journal path (a journal on disk drives only its own output); `journal_mismatch`: a
 * journal of another job already sits at `outPath`.
 * @throws {VideoGenError} `journal_missing` / `journal_corrupt`: no valid journal.
 */
export async function finishVideo(
  journal: string | Journal,
  options: FinishVideoOptions = {},
): Promise<GenerateVideoResult> {
  await parseOptions('finishVideo', options);
  const { outPath, ...resume } = options;
  if (typeof journal === 'string') {
    if (outPath !== undefined) {
      const message =
        'outPath is only for a journal given as a value; a journal file drives the output beside it';
      throw new ValidationError(`Invalid options for finishVideo():\n  - ${message}`, {
        code: 'invalid_options',
        issues: [{ field: 'outPath', message }],
      });
    }
    return resumeVideo(journal, resume);
  }
  const journals = journalStoreOf(options);
  const current = await loadJournal(journal, journals);
  const journalPath = await placeJournal(current, path.resolve(outPath ?? current.outPath), journals);
  return resumeVideo(journalPath, resume);
}
