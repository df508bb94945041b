import path from 'node:path';
import { ValidationError } from '../errors/validation-error.js';
import { VideoGenError } from '../errors/video-gen-error.js';
import { parseOptions } from '../validation/options/parse-options.js';
import { resolveRequest } from '../validation/resolve-request.js';
import { checkOutputLocation } from './check-output-path.js';
import type { GenerateVideoResult, GenerationSettings } from './generate-video-options.js';
import { journalStoreOf } from './journal-store.js';
import { resolveProvider } from './resolve-provider.js';
import { runJournal } from './start-run.js';

/** Options of {@link resumeVideo}: how to wait, not what to generate (that is in the journal). */
export type ResumeVideoOptions = Omit<
  GenerationSettings,
  | 'model'
  | 'width'
  | 'height'
  | 'fps'
  | 'durationSeconds'
  | 'seed'
  | 'negativePrompt'
  | 'audio'
  | 'providerOptions'
>;

/**
 * Resumes the job recorded in a journal (`<out>.job.json`) left by an interrupted, timed-out or
 * cancelled `generateVideo`: polls it, downloads the video and writes the output. Never submits a
 * job that was already submitted; a submit that was in flight is repeated with the same
 * idempotency key.
 *
 * @example
 * ```ts
 * const result = await resumeVideo('out/waves.mp4.job.json');
 * ```
 *
 * @throws {ValidationError} `invalid_options`: `journalPath` is not a path, or an option is of the
 * wrong type or unknown; checked before the journal is read.
 */
export async function resumeVideo(
  journalPath: string,
  options: ResumeVideoOptions = {},
): Promise<GenerateVideoResult> {
  const startedAt = Date.now();
  if (typeof journalPath !== 'string' || journalPath === '' || journalPath.includes('\0')) {
    const message = 'journalPath must be the path of a job journal (<out>.job.json)';
    throw new ValidationError(`Invalid options for resumeVideo():\n  - ${message}`, {
      code: 'invalid_options',
      issues: [{ field: 'journalPath', message }],
    });
  }
  await parseOptions('resumeVideo', options);
  const absolute = path.resolve(journalPath);
  const journal = await journalStoreOf(options).read(absolute);
  if (!journal) {
    throw new VideoGenError(`No job journal at ${absolute}: nothing to resume.`, 'journal_missing');
  }
  const provider = await resolveProvider(options.provider ?? journal.provider, options.providerConfig);
  // A folder put at the output meanwhile would fail the final rename, after the download.
  await checkOutputLocation(journal.outPath, provider.id);
  const prepare = async () => {
    const { request } = journal;
    const images = [request.firstFrame, request.lastFrame, ...(request.referenceImages ?? []), request.video];
    if (images.some((image) => image === null)) {
      throw new VideoGenError(
        `The job in ${absolute} was never confirmed as submitted, and its images or video were given as bytes, so it cannot be submitted again from the journal. Run the original generateVideo call again.`,
        'journal_not_resubmittable',
        { provider: provider.id },
      );
    }
    const resolved = await resolveRequest(
      {
        ...request,
        firstFrame: request.firstFrame ?? undefined,
        lastFrame: request.lastFrame ?? undefined,
        referenceImages: (request.referenceImages ?? []) as string[],
        video: request.video ?? undefined,
        videoUse: request.videoUse,
        providerOptions: { [provider.id]: request.providerOptions ?? {} },
        allowLoopbackDownloads: options.allowLoopbackDownloads === true,
        allowRetiredModels: options.allowRetiredModels === true,
      },
      provider,
      journal.idempotencyKey,
    );
    return resolved.request;
  };
  return runJournal(provider, options, journal, absolute, startedAt, prepare, true);
}
