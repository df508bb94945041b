import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { GenerateVideosOperation } from '@google/genai';
import {
  ConfigurationError,
  DownloadError,
  downloadToFile,
  GenerationFailedError,
  getLibraryLogger,
  type JobRef,
  type JobStatus,
  OutputExistsError,
  type ProviderContext,
  type ProviderPlugin,
  type VideoProvider,
  withPrices,
} from '@video-gen/core';
import { veoPrices } from './veo-prices.js';
import { checkVeo3Request, toJobStatus, videosOf } from './veo3-adapter.js';
import { hasVeo3Credentials, Veo3Config } from './veo3-config.js';
import { openConnection, type Veo3Connection } from './veo3-connection.js';
import { veo3Models } from './veo3-models.js';
import { parseVeo3Options } from './veo3-options.js';
import { checkVeoVideo, withVideoExtension } from './veo3-video.js';

/** The Veo provider: a VideoProvider plus a way to keep every video when `sampleCount` > 1. */
export interface Veo3Provider extends VideoProvider {
  /**
   * Writes videos 2…n of a finished job (`providerOptions.veo3.sampleCount` > 1) beside the first:
   * `out.mp4` → `out-2.mp4`, `out-3.mp4`. Core's `generateVideo` writes the first. Returns the new
   * paths (empty for a single video).
   *
   * @example
   * ```ts
   * const veo = createVeo3();
   * const result = await generateVideo({ provider: veo, prompt, providerOptions: { veo3: { sampleCount: 2 } } });
   * const more = await veo.saveAdditionalVideos(result); // ['/abs/out-2.mp4']
   * ```
   */
  saveAdditionalVideos(
    result: { readonly jobId: string; readonly model: string; readonly path: string },
    options?: {
      readonly signal?: AbortSignal;
      readonly overwrite?: boolean;
      readonly fetch?: typeof fetch;
      readonly allowLoopbackDownloads?: boolean;
    },
  ): Promise<string[]>;
}

/** The table with Veo 3.1's video extension added, built once. */
const models = withPrices(withVideoExtension(veo3Models), veoPrices);

function notAnOperation(job: JobRef, mode: string): GenerationFailedError {
  const submitted = typeof job.data?.mode === 'string' ? job.data.mode : undefined;
  const hint =
    submitted && submitted !== mode
      ? ` It was submitted in ${submitted} mode and this provider runs in ${mode} mode: configure ${submitted} mode to resume it.`
      : '';
  return new GenerationFailedError(
    `${job.id} is not a Veo operation name in ${mode} mode; it cannot be polled.${hint}`,
    {
      code: 'job_not_found',
      provider: 'veo3',
      job,
    },
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** `a/out.mp4` → `a/out-2.mp4`. */
function numberedPath(file: string, n: number): string {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}-${n}${ext || '.mp4'}`;
}

/**
 * Creates the Google Veo provider (`veo3`), on Vertex AI through the official `@google/genai` SDK:
 * enterprise mode (a project, application default credentials or a token you supply) or express
 * mode (an API key); or, legacy, on the Gemini Developer API over REST (`mode: 'gemini-legacy'`).
 * With no config it reads the environment on first use, so creating it never throws for missing
 * credentials; the first call does, with a ConfigurationError naming what to set for which mode.
 *
 * @example
 * ```ts
 * import { generateVideo } from '@video-gen/core';
 * import { createVeo3 } from '@video-gen/provider-veo3';
 *
 * const veo = createVeo3({ project: 'my-project', location: 'us-central1' });
 * const result = await generateVideo({
 *   provider: veo,
 *   model: 'veo-3.1-fast-generate-001',
 *   prompt: 'Cinematic ocean waves at sunset',
 *   width: 1280, height: 720, durationSeconds: 8,
 *   outPath: 'out/waves.mp4',
 * });
 * ```
 */
export function createVeo3(config?: Veo3Config): Veo3Provider {
  let connection: Veo3Connection | undefined;
  const connect = () => {
    connection ??= openConnection(config);
    return connection;
  };
  // A finished operation carries the videos inline: keep it from status() for the download that
  // follows, so the (possibly large) body is fetched once.
  const finished = new Map<string, GenerateVideosOperation>();

  const fetchOperation = async (job: JobRef, ctx: ProviderContext): Promise<GenerateVideosOperation> => {
    const conn = connect();
    if (!conn.isOperationName(job.id)) throw notAnOperation(job, conn.mode);
    return conn.operation(job, ctx);
  };

  const finishedOperation = async (job: JobRef, ctx: ProviderContext) => {
    const operation = finished.get(job.id) ?? (await fetchOperation(job, ctx));
    finished.delete(job.id);
    const status = toJobStatus(operation, job);
    if (status.state === 'failed') throw status.error;
    if (status.state !== 'succeeded') {
      throw new DownloadError(
        `Veo operation ${job.id} has not finished yet; poll status() until it succeeds.`,
        {
          code: 'job_not_finished',
          provider: 'veo3',
          job,
        },
      );
    }
    return videosOf(operation);
  };

  return {
    id: 'veo3',
    models,
    parseProviderOptions: (options) => parseVeo3Options(options),

    check(request) {
      // A dry run validates without credentials (as the other providers do): the mode's own rules
      // apply once credentials decide it; a real submit still fails on missing ones first.
      let mode: Veo3Connection['mode'] | undefined;
      try {
        mode = connect().mode;
      } catch (error) {
        if (!ConfigurationError.isInstance(error)) throw error;
      }
      return [
        ...checkVeoVideo(request, mode),
        ...checkVeo3Request(request, parseVeo3Options(request.providerOptions), mode),
      ];
    },

    async submit(request, ctx) {
      ctx.signal.throwIfAborted();
      const conn = connect();
      const options = parseVeo3Options(request.providerOptions);
      checkVeoVideo(request, conn.mode);
      checkVeo3Request(request, options, conn.mode);
      const name = await conn.submit(request, options, ctx);
      ctx.logger.debug('veo3 operation started', {
        mode: conn.mode,
        model: request.model.id,
        operation: name,
      });
      return {
        provider: 'veo3',
        model: request.model.id,
        id: name,
        createdAt: new Date().toISOString(),
        data: {
          mode: conn.mode,
          durationSeconds: request.durationSeconds,
          sampleCount: options.sampleCount ?? 1,
        },
      };
    },

    async status(job, ctx): Promise<JobStatus> {
      const conn = connect();
      if (!conn.isOperationName(job.id)) return { state: 'failed', error: notAnOperation(job, conn.mode) };
      const operation = await fetchOperation(job, ctx);
      const status = toJobStatus(operation, job);
      if (status.state === 'succeeded') finished.set(job.id, operation);
      return status;
    },

    async download(job, ctx) {
      const [video] = await finishedOperation(job, ctx);
      return connect().videoSource(video!);
    },

    async release(job) {
      finished.delete(job.id);
    },

    async saveAdditionalVideos(result, options = {}) {
      const signal = options.signal ?? new AbortController().signal;
      const ctx: ProviderContext = {
        signal,
        logger: getLibraryLogger(),
        fetch: options.fetch ?? globalThis.fetch,
      };
      const job: JobRef = { provider: 'veo3', model: result.model, id: result.jobId, createdAt: '' };
      const videos = await finishedOperation(job, ctx);
      const written: string[] = [];
      for (const [index, video] of videos.entries()) {
        if (index === 0) continue;
        const target = numberedPath(result.path, index + 1);
        if (!options.overwrite && (await exists(target)))
          throw new OutputExistsError(target, { provider: 'veo3' });
        const part = `${target}.part`;
        await downloadToFile(await connect().videoSource(video), part, {
          signal,
          provider: 'veo3',
          fetch: ctx.fetch,
          ...(options.allowLoopbackDownloads ? { allowLoopback: true } : {}),
        }).catch(async (error: unknown) => {
          await rm(part, { force: true });
          throw error;
        });
        await rename(part, target);
        written.push(target);
      }
      return written;
    },
  };
}

/**
 * The registry entry: `generateVideo({ provider: 'veo3' })` imports this package and creates the
 * provider from the environment. `hasCredentials` is true for enterprise
 * (`GOOGLE_GENAI_USE_ENTERPRISE` + `GOOGLE_CLOUD_PROJECT`), express
 * (`GOOGLE_GENAI_USE_ENTERPRISE` + `GOOGLE_API_KEY`) and legacy (`GEMINI_API_KEY`) setups.
 *
 * @example
 * ```ts
 * import { registerProvider } from '@video-gen/core';
 * import { plugin } from '@video-gen/provider-veo3';
 * registerProvider(plugin);
 * ```
 */
export const plugin: ProviderPlugin<Veo3Config> = {
  id: 'veo3',
  packageName: '@video-gen/provider-veo3',
  description:
    'Google Veo 3.1 / 3 / 2 on Vertex AI (enterprise or express mode) through @google/genai; Gemini Developer API as a legacy mode.',
  create: (config) => createVeo3(config),
  hasCredentials: (env) => hasVeo3Credentials(env),
  environmentVariables: Veo3Config.environmentVariables,
  config: Veo3Config,
};
