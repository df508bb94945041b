import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  DownloadError,
  GenerationFailedError,
  type JobRef,
  type JobStatus,
  type ProviderPlugin,
  ValidationError,
  VideoGenError,
  type VideoProvider,
  writeFileAtomic,
} from '@video-gen/core';
import { resolveFfmpeg } from '@video-gen/core/ffmpeg';
import { readJobState } from './job-state.js';
import { type LocalConfig, resolveLocalConfig } from './local-config.js';
import { LocalConfigSource } from './local-config-source.js';
import {
  createJobFolder,
  isJobId,
  JOB_FILES,
  type JobRecord,
  jobFile,
  jobIdFor,
  readJobRecord,
  removeJob,
  restartRender,
  startRender,
} from './local-job.js';
import { localModels } from './local-models.js';
import { assertOffline, planJob } from './plan-job.js';
import { pruneReleasedJobs } from './prune-released-jobs.js';

// The local provider has no per-call options; refusing every key still catches typos.
function isEmptyOptions(options: unknown): boolean {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return false;
  for (const _ in options) return false;
  return true;
}

function jobRefOf(record: JobRecord, dir: string): JobRef {
  return {
    provider: 'local',
    model: record.model,
    id: record.id,
    createdAt: record.createdAt,
    data: { jobDir: dir },
  };
}

function vanished(job: JobRef, dir: string): GenerationFailedError {
  return new GenerationFailedError(
    `Local job ${job.id} no longer exists: its folder ${dir} is gone (cancelled, or the jobs folder was cleaned up). Submit it again.`,
    { code: 'job_not_found', provider: 'local', job },
  );
}

/**
 * Creates the local provider: an offline renderer that makes real H.264 MP4 files with ffmpeg,
 * deterministically from the prompt and seed, at the requested size, fps and duration. A given
 * first frame becomes frame 0 exactly, a last frame the final frame. Each job is a folder under
 * `jobsDir` rendered by a detached ffmpeg, so it finishes even if the calling process dies, and
 * submitting the same idempotency key again returns the same job.
 *
 * @example
 * ```ts
 * import { generateVideo } from '@video-gen/core';
 * import { createLocal } from '@video-gen/provider-local';
 *
 * const result = await generateVideo({
 *   provider: createLocal({ preset: 'ultrafast' }),
 *   prompt: 'a red kite over the sea',
 *   width: 640, height: 360, durationSeconds: 2, seed: 7,
 * });
 * ```
 */
export function createLocal(config: LocalConfig = {}): VideoProvider {
  const settings = resolveLocalConfig(config);
  let ffmpeg: string | undefined;
  // Resolved on first use, not at creation: creating a provider never touches the disk.
  const ffmpegPath = () => {
    ffmpeg ??= resolveFfmpeg({ path: settings.ffmpegPath }).path;
    return ffmpeg;
  };

  // A JobRef may come from a journal on disk: only a plain job id and its own folder are trusted.
  const jobDirOf = (job: JobRef): string => {
    if (!isJobId(job.id))
      throw new ValidationError(`Not a local job id: ${job.id}`, { provider: 'local', job });
    const given = job.data?.jobDir;
    return typeof given === 'string' && path.basename(given) === job.id
      ? given
      : path.join(settings.jobsDir, job.id);
  };
  const recordOf = async (job: JobRef, dir: string) => {
    const record = await readJobRecord(dir);
    return record?.id === job.id ? record : undefined;
  };

  return {
    id: 'local',
    models: localModels,
    // Local renders are free and take seconds: no request budget, the status hints below set the pace.
    polling: { budgetIntervalMs: 0 },

    parseProviderOptions(options) {
      if (!isEmptyOptions(options ?? {})) {
        throw new ValidationError(
          `The local provider takes no provider options; got ${JSON.stringify(options)}.`,
          {
            provider: 'local',
            issues: [{ field: 'providerOptions.local', message: 'no options are supported' }],
          },
        );
      }
      return {};
    },

    check(request) {
      assertOffline(request);
      // negativePrompt is ignored: core warns about it from ModelInfo (negativePrompt: false).
      return [];
    },

    async submit(request, ctx) {
      ctx.signal.throwIfAborted();
      assertOffline(request);
      const binary = ffmpegPath();
      const id = jobIdFor(request.idempotencyKey);
      const dir = path.join(settings.jobsDir, id);
      const now = Date.now();
      const plan = planJob(request, {
        id,
        dir,
        preset: settings.preset,
        createdAt: new Date(now),
        startAfter: now + settings.simulatedQueueMs,
      });
      const { record, created } = await createJobFolder(settings.jobsDir, plan.record, plan.files);
      if (!created && record.fingerprint !== plan.record.fingerprint) {
        throw new ValidationError(
          `Idempotency key ${request.idempotencyKey} was already used for a different local request (job ${id}).`,
          {
            code: 'idempotency_conflict',
            provider: 'local',
            issues: [{ field: 'idempotencyKey', message: 'reused' }],
          },
        );
      }
      ctx.logger.debug(created ? 'local job created' : 'local job already exists', { jobId: id, dir });
      // A resubmit also starts a job whose submitter died before spawning ffmpeg.
      if (Date.now() >= record.startAfter) {
        let pid = await startRender(dir, record.args, binary);
        if (pid === undefined) {
          const state = await readJobState(dir, record);
          if (state.state === 'abandoned') pid = await restartRender(dir, record.args, binary, state.marker);
        }
        if (pid !== undefined) ctx.logger.debug('local render started', { jobId: id, pid });
      }
      return jobRefOf(record, dir);
    },

    async status(job, ctx): Promise<JobStatus> {
      const dir = jobDirOf(job);
      const record = await recordOf(job, dir);
      if (!record) return { state: 'failed', error: vanished(job, dir) };
      const state = await readJobState(dir, record);
      switch (state.state) {
        case 'waiting': {
          if (state.startsInMs > 0) return { state: 'queued', retryAfterMs: Math.max(20, state.startsInMs) };
          // The simulated queue is over: the first poll after it starts the render.
          try {
            const pid = await startRender(dir, record.args, ffmpegPath());
            if (pid !== undefined) ctx.logger.debug('local render started', { jobId: job.id, pid });
          } catch (error) {
            if (!VideoGenError.isInstance(error)) throw error;
            return { state: 'failed', error };
          }
          return { state: 'running', progress: 0, retryAfterMs: 250 };
        }
        case 'abandoned': {
          // The submit that started it was killed before ffmpeg ran: start it again, once.
          try {
            const pid = await restartRender(dir, record.args, ffmpegPath(), state.marker);
            if (pid !== undefined) ctx.logger.debug('local render restarted', { jobId: job.id, pid });
          } catch (error) {
            if (!VideoGenError.isInstance(error)) throw error;
            return { state: 'failed', error };
          }
          return { state: 'running', progress: 0, retryAfterMs: 250 };
        }
        case 'running':
          return { state: 'running', progress: state.progress, retryAfterMs: 500 };
        case 'succeeded':
          return { state: 'succeeded', usage: { seconds: record.request.durationSeconds } };
        case 'failed':
          return {
            state: 'failed',
            error: new GenerationFailedError(`Local job ${job.id} failed: ${state.reason}`, {
              provider: 'local',
              job,
            }),
          };
      }
    },

    async download(job) {
      const dir = jobDirOf(job);
      const record = await recordOf(job, dir);
      if (!record) throw vanished(job, dir);
      const state = await readJobState(dir, record);
      if (state.state === 'failed') {
        throw new GenerationFailedError(`Local job ${job.id} failed: ${state.reason}`, {
          provider: 'local',
          job,
        });
      }
      if (state.state !== 'succeeded') {
        throw new DownloadError(
          `Local job ${job.id} has not finished yet; poll status() until it succeeds.`,
          {
            code: 'job_not_finished',
            provider: 'local',
            job,
          },
        );
      }
      const file = jobFile(dir, JOB_FILES.output);
      const { size } = await stat(file);
      // Node's web stream type and the DOM one describe the same object.
      const body = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
      return { type: 'stream', body, size, contentType: 'video/mp4' };
    },

    async cancel(job) {
      const dir = jobDirOf(job);
      // Only a folder holding this job's own record is deleted.
      if (await recordOf(job, dir)) await removeJob(dir);
    },

    // Core has the video at its output path: mark the render delivered and prune old deliveries.
    async release(job) {
      const dir = jobDirOf(job);
      if (await recordOf(job, dir))
        await writeFileAtomic(jobFile(dir, JOB_FILES.released), String(Date.now()));
      await pruneReleasedJobs(settings.jobsDir, settings.keepFinishedMs);
    },
  };
}

/**
 * The registry entry: `generateVideo({ provider: 'local' })` uses it. The local provider needs no
 * credentials, so it is always available.
 *
 * @example
 * ```ts
 * import { registerProvider } from '@video-gen/core';
 * import { plugin } from '@video-gen/provider-local';
 * registerProvider(plugin);
 * ```
 */
export const plugin: ProviderPlugin<LocalConfig> = {
  id: 'local',
  packageName: '@video-gen/provider-local',
  description: 'Offline ffmpeg renderer: deterministic H.264 test videos, no API key.',
  create: (config) => createLocal(config),
  hasCredentials: () => true,
  environmentVariables: ['FFMPEG_PATH'],
  config: LocalConfigSource,
};

/**
 * A ready local provider with the default settings (jobs under the OS temp folder, ffmpeg found
 * automatically). Creating it does nothing: ffmpeg is looked up on the first submit.
 *
 * @example
 * ```ts
 * import { local } from '@video-gen/provider-local';
 * const job = await local.submit(request, ctx);
 * ```
 */
export const local: VideoProvider = /* @__PURE__ */ createLocal();
