import { RunwayML } from '@runwayml/sdk';
import {
  DownloadError,
  type JobRef,
  type LoadedImage,
  type ProviderPlugin,
  type VideoProvider,
} from '@video-gen/core';
import { buildCreateCall, checkRunwayRequest, failedTaskError, taskStatus } from './runway-adapter.js';
import { type ResolvedRunwayConfig, RunwayConfig, resolveRunwayConfig } from './runway-config.js';
import { toRunwayError } from './runway-errors.js';
import { promptImageUri } from './runway-images.js';
import { runwayModels } from './runway-models.js';
import { parseRunwayOptions } from './runway-options.js';
import { withTypicalDurations } from './runway-typical-durations.js';
import { buildVideoToVideoBody, checkVideoToVideo, inputVideoUri } from './runway-video-adapter.js';
import { videoToVideoWire, withVideoToVideo } from './runway-video-models.js';

/** The table with the video_to_video models and the poll schedule's duration priors added, built once. */
const models = withTypicalDurations(withVideoToVideo(runwayModels));

/** A SUCCEEDED task's output URL is reused for the download only while this fresh (URLs are signed for 24–48 h). */
const OUTPUT_FRESH_MS = 10 * 60_000;

interface Connection {
  readonly client: RunwayML;
  readonly settings: ResolvedRunwayConfig;
}

/**
 * Creates the Runway provider (every video model of `runwayModels`, and `aleph2` with a video) on
 * the official `@runwayml/sdk`. Creating it reads nothing: the key is resolved on the first call, so a missing
 * key is a ConfigurationError from the first submit, naming `RUNWAYML_API_SECRET` and
 * `RUNWAY_API_KEY`. The SDK's own retries are off; core's retry policy is the only one.
 *
 * @example
 * ```ts
 * import { generateVideo } from '@video-gen/core';
 * import { createRunway } from '@video-gen/provider-runway';
 *
 * const result = await generateVideo({
 *   provider: createRunway({ apiKey: process.env.RUNWAYML_API_SECRET }),
 *   model: 'veo3.1',
 *   prompt: 'A paper boat drifting down a rainy street',
 *   firstFrame: 'start.png',
 *   lastFrame: 'end.png',
 *   width: 1280, height: 720, durationSeconds: 8, audio: true,
 * });
 * ```
 */
export function createRunway(config: RunwayConfig = {}): VideoProvider {
  let connection: Connection | undefined;
  const connect = (): Connection => {
    if (connection) return connection;
    const settings = resolveRunwayConfig(config);
    const client = new RunwayML({
      apiKey: settings.apiKey,
      baseURL: settings.baseURL,
      runwayVersion: settings.apiVersion,
      maxRetries: 0,
      logLevel: 'off',
      ...(settings.headers ? { defaultHeaders: settings.headers } : {}),
      // Looked up per call, so a fetch installed later (msw, a proxy agent) is honoured.
      fetch: (input, init) => (settings.fetch ?? globalThis.fetch)(input, init),
    });
    connection = { client, settings };
    return connection;
  };
  // The output URL of each task last seen SUCCEEDED by status(), so download() needs no second fetch.
  const outputs = new Map<string, { readonly url: string; readonly at: number }>();
  const retrieve = async (job: JobRef, signal: AbortSignal) => {
    try {
      return await connect().client.tasks.retrieve(job.id, { signal });
    } catch (error) {
      throw toRunwayError(error, `GET /v1/tasks/${job.id}`);
    }
  };

  return {
    id: 'runway',
    models,
    parseProviderOptions: (options) => parseRunwayOptions(options),
    check: (request) => {
      const wire = request.video ? videoToVideoWire(request.model.id) : undefined;
      return wire ? checkVideoToVideo(request, wire) : checkRunwayRequest(request);
    },

    async submit(request, ctx) {
      const { client } = connect();
      let operation = 'POST /v1/uploads';
      try {
        const wire = request.video ? videoToVideoWire(request.model.id) : undefined;
        if (request.video && wire) {
          const videoUri = await inputVideoUri(request.video, client, ctx.signal);
          operation = 'POST /v1/video_to_video';
          const body = buildVideoToVideoBody(request, wire, videoUri);
          ctx.logger.debug('runway create', { endpoint: 'video_to_video', model: request.model.id });
          // The body follows the SDK's per-model field names; its union type is by `model`.
          const created = await client.videoToVideo.create(
            body as unknown as RunwayML.VideoToVideoCreateParams,
            { signal: ctx.signal },
          );
          return {
            provider: 'runway',
            model: request.model.id,
            id: created.id,
            createdAt: new Date().toISOString(),
            data: { endpoint: 'video_to_video', durationSeconds: request.durationSeconds },
          };
        }
        const uri = (image: LoadedImage | undefined, role: 'first' | 'last') =>
          image === undefined ? undefined : promptImageUri(image, role, client, ctx.signal);
        const first = await uri(request.firstFrame, 'first');
        const last = await uri(request.lastFrame, 'last');
        const references: string[] = [];
        for (const image of request.referenceImages) {
          references.push(await promptImageUri(image, 'reference', client, ctx.signal));
        }
        const call = buildCreateCall(request, { first, last, references });
        operation = `POST /v1/${call.endpoint}`;
        ctx.logger.debug('runway create', { endpoint: call.endpoint, model: request.model.id });
        // The body is built per model from the SDK's own field names; its union type is by `model`.
        const created =
          call.endpoint === 'image_to_video'
            ? await client.imageToVideo.create(call.body as unknown as RunwayML.ImageToVideoCreateParams, {
                signal: ctx.signal,
              })
            : await client.textToVideo.create(call.body as unknown as RunwayML.TextToVideoCreateParams, {
                signal: ctx.signal,
              });
        return {
          provider: 'runway',
          model: request.model.id,
          id: created.id,
          createdAt: new Date().toISOString(),
          data: { endpoint: call.endpoint, durationSeconds: request.durationSeconds },
        };
      } catch (error) {
        throw toRunwayError(error, operation);
      }
    },

    async status(job, ctx) {
      const task = await retrieve(job, ctx.signal);
      const url = task.status === 'SUCCEEDED' ? task.output?.[0] : undefined;
      if (url) outputs.set(job.id, { url, at: Date.now() });
      return taskStatus(task, job, connect().settings.pollIntervalMs);
    },

    // The poll that saw the task SUCCEEDED holds its signed output URL: use it while fresh. Without
    // one (a resume in a new process, a repeated download), fetch the task again for a fresh URL.
    async download(job, ctx) {
      const seen = outputs.get(job.id);
      outputs.delete(job.id);
      // No credentials: the URL is signed and on another origin than the API.
      if (seen && Date.now() - seen.at < OUTPUT_FRESH_MS) return { type: 'url', url: seen.url };
      const task = await retrieve(job, ctx.signal);
      if (task.status === 'SUCCEEDED') {
        const url = task.output?.[0];
        if (!url) {
          throw new DownloadError(`Runway task ${job.id} succeeded without an output URL.`, {
            code: 'no_output',
            provider: 'runway',
            job,
          });
        }
        // No credentials: the URL is signed and on another origin than the API.
        return { type: 'url', url };
      }
      if (task.status === 'FAILED') throw failedTaskError(task, job);
      throw new DownloadError(
        `Runway task ${job.id} is ${task.status}, not finished; nothing to download yet.`,
        {
          code: 'job_not_finished',
          provider: 'runway',
          job,
        },
      );
    },

    async cancel(job, ctx) {
      try {
        await connect().client.tasks.delete(job.id, { signal: ctx.signal });
      } catch (error) {
        throw toRunwayError(error, `DELETE /v1/tasks/${job.id}`);
      }
    },
  };
}

/**
 * The registry entry: `generateVideo({ provider: 'runway' })` imports this package and uses it.
 * Credentials are present when `RUNWAYML_API_SECRET` or `RUNWAY_API_KEY` is set.
 *
 * @example
 * ```ts
 * import { registerProvider } from '@video-gen/core';
 * import { plugin } from '@video-gen/provider-runway';
 * registerProvider(plugin);
 * ```
 */
export const plugin: ProviderPlugin<RunwayConfig> = {
  id: 'runway',
  packageName: '@video-gen/provider-runway',
  description:
    'Runway Gen-4, Veo 3.1, Gemini Omni, Seedance, Hailuo, Wan, Grok Imagine, HappyHorse and video_to_video models (official @runwayml/sdk).',
  create: (config) => createRunway(config),
  hasCredentials: (env) => Boolean(env.RUNWAYML_API_SECRET?.trim() || env.RUNWAY_API_KEY?.trim()),
  environmentVariables: RunwayConfig.environmentVariables,
  config: RunwayConfig,
};
