import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { defaultModel } from '../contract/model-status.js';
import { checkMaxCost } from '../cost/max-cost.js';
import { requestCost } from '../cost/request-cost.js';
import { CancelledError } from '../errors/job-errors.js';
import { ValidationError } from '../errors/validation-error.js';
import { VideoGenError } from '../errors/video-gen-error.js';
import { ensureDirectory } from '../fs/ensure-directory.js';
import { getLibraryLogger } from '../log/index.js';
import { parseOptions } from '../validation/options/parse-options.js';
import { resolveRequest } from '../validation/resolve-request.js';
import { checkOutputFree, checkOutputLocation } from './check-output-path.js';
import { defaultOutPath } from './default-out-path.js';
import { driveJob } from './drive-job.js';
import { journalImage, journalVideo, requestFingerprint } from './fingerprint.js';
import type { GenerateVideoOptions, GenerateVideoResult } from './generate-video-options.js';
import { progressEmitter } from './job-run.js';
import { type Journal, journalPathFor } from './journal.js';
import { journalStoreOf } from './journal-store.js';
import { withOutputLock } from './output-lock.js';
import { resolveProvider } from './resolve-provider.js';
import { clearStalePart } from './stale-part.js';
import { driveJournalStage, type JobStage, runJournalStage } from './start-run.js';
import { takeStartSlot } from './start-slots.js';
import { webhookWarnings } from './webhook-warnings.js';

/**
 * Generates a video and writes it to `outPath`: validates the request against the model (before
 * any paid call), submits the job, records it in `<outPath>.job.json`, polls until it is done,
 * streams the video to disk and moves it into place.
 *
 * Run the same call again after a crash or a timeout and it resumes the recorded job instead of
 * paying for a new one.
 *
 * @example
 * ```ts
 * import { generateVideo } from '@video-gen/core';
 *
 * const result = await generateVideo({
 *   prompt: 'Cinematic ocean waves at sunset',
 *   provider: 'local',
 *   width: 1280, height: 720, durationSeconds: 4,
 *   outPath: 'out/waves.mp4',
 *   onProgress: (event) => console.log(event.phase, event.progress),
 * });
 * console.log(result.path);
 * ```
 *
 * @throws {ValidationError} an option of the wrong type or range, or an unknown option
 * (`invalid_options`, each issue naming the option); `outPath` is a folder (`output_not_file`) or
 * cannot be created; the request does not fit the model (every problem is listed); the estimate
 * is above `maxCost` (`over_budget`), `maxCost` is in another unit (`cost_unit_mismatch`) or the
 * model has no known price while `maxCost` is set (`price_unknown`): all before any network call.
 * @throws {InputFileError} an image is missing, unreadable or of an unsupported type.
 * @throws {OutputExistsError} `outPath` exists (a file or a link, even a dangling one) and `overwrite` is not set.
 * @throws {CancelledError} / {@link JobTimeoutError} the journal stays for a resume.
 */
export function generateVideo(options: GenerateVideoOptions): Promise<GenerateVideoResult> {
  return generateWith('generateVideo', options, driveJob);
}

/**
 * The start of every generation from a request: checks the options, resumes the journal at the
 * output when there is one, else validates, writes a new journal (with `idempotencyKey`, or a
 * fresh one) and runs `stage` on it under the output lock.
 */
export async function generateWith<T>(
  entry: 'generateVideo' | 'startVideo',
  options: GenerateVideoOptions,
  stage: JobStage<T>,
  givenKey?: string,
): Promise<T> {
  const startedAt = Date.now();
  await parseOptions(entry, options);
  // Already aborted: takeStartSlot would throw the signal's own reason, synchronously.
  if (options.signal?.aborted)
    throw new CancelledError('Cancelled before start.', { cause: options.signal.reason });
  // At most a few jobs do their pre-submit work (checks, files, the journal) at once: 1000 jobs
  // started together then reach their submits in turn instead of all late, and never stall the loop.
  const started = await takeStartSlot(options.signal).catch((error: unknown) => {
    // Aborted while waiting for a slot: nothing was started.
    if (options.signal?.aborted) throw new CancelledError('Cancelled before start.', { cause: error });
    throw error;
  });
  try {
    return await prepareWith(options, stage, startedAt, started, givenKey);
  } finally {
    started();
  }
}

/** {@link generateWith} under a start slot, released (`started()`) once the job is ready to run. */
async function prepareWith<T>(
  options: GenerateVideoOptions,
  stage: JobStage<T>,
  startedAt: number,
  started: () => void,
  givenKey?: string,
): Promise<T> {
  if (options.signal?.aborted)
    throw new CancelledError('Cancelled before start.', { cause: options.signal.reason });
  const provider = await resolveProvider(options.provider, options.providerConfig);
  const outPath = path.resolve(options.outPath ?? defaultOutPath(provider.id));
  await checkOutputLocation(outPath, provider.id);
  const journalPath = journalPathFor(outPath);
  const fingerprint = requestFingerprint(options, provider.id);

  const journals = journalStoreOf(options);
  const existing = await journals.read(journalPath);
  if (existing) {
    if (existing.fingerprint !== fingerprint || existing.provider !== provider.id) {
      throw new ValidationError(
        `${journalPath} records a different request (a job already submitted for this output). ` +
          `Resume it with resumeVideo('${journalPath}'), or choose another outPath, or delete the journal to abandon that job.`,
        {
          code: 'journal_mismatch',
          provider: provider.id,
          issues: [{ field: 'outPath', message: 'journal records another request' }],
        },
      );
    }
    getLibraryLogger().info('resuming the job recorded in the journal', {
      journalPath,
      jobId: existing.job?.id,
    });
    started();
    return runJournalStage(
      provider,
      options,
      existing,
      journalPath,
      startedAt,
      () => resolveRequest(options, provider, existing.idempotencyKey).then((r) => r.request),
      true,
      stage,
    );
  }

  const emit = progressEmitter(
    options,
    provider.id,
    options.model ?? defaultModel(provider.models)?.id ?? '',
    startedAt,
    getLibraryLogger(),
  );
  emit({ phase: 'validating' });
  await checkOutputFree(outPath, options.overwrite === true, provider.id);
  const idempotencyKey = givenKey ?? randomUUID();
  const resolved = await resolveRequest(options, provider, idempotencyKey);
  const { request } = resolved;
  const warnings = [...resolved.warnings, ...webhookWarnings(options, provider)];
  const costEstimate = requestCost(request, provider.id, warnings);
  checkMaxCost(options.maxCost, costEstimate, request.model, provider.id);
  if (options.signal?.aborted)
    throw new CancelledError('Cancelled before submit.', {
      provider: provider.id,
      cause: options.signal.reason,
    });

  await ensureDirectory(path.dirname(outPath), { followLink: true });
  const now = new Date().toISOString();
  const journal: Journal = {
    version: 1,
    state: 'submitting',
    provider: provider.id,
    outPath,
    overwrite: options.overwrite === true,
    idempotencyKey,
    fingerprint,
    request: {
      prompt: request.prompt,
      model: request.model.id,
      width: request.width,
      height: request.height,
      fps: request.fps,
      durationSeconds: request.durationSeconds,
      seed: request.seed,
      negativePrompt: request.negativePrompt,
      audio: request.audio,
      firstFrame: journalImage(request.firstFrame),
      lastFrame: journalImage(request.lastFrame),
      referenceImages: request.referenceImages.map((image) => journalImage(image) ?? null),
      ...(request.video ? { video: journalVideo(request.video), videoUse: request.video.use } : {}),
      providerOptions: request.providerOptions,
    },
    ...(costEstimate ? { costEstimate } : {}),
    warnings,
    createdAt: now,
    updatedAt: now,
  };
  return withOutputLock(outPath, async () => {
    // Checked again under the lock: another process may have started on this output meanwhile.
    if (await journals.read(journalPath)) {
      throw new VideoGenError(
        `Another process started a job for ${outPath} meanwhile; run again to resume it.`,
        'output_locked',
        {
          provider: provider.id,
        },
      );
    }
    await checkOutputFree(outPath, options.overwrite === true, provider.id);
    await clearStalePart(outPath);
    await journals.write(journalPath, journal);
    started();
    return driveJournalStage(
      provider,
      options,
      journal,
      journalPath,
      startedAt,
      async () => request,
      false,
      stage,
    );
  });
}
