import {
  ApiRequestError,
  DownloadError,
  GenerationFailedError,
  type GenerationWarning,
  type JobRef,
  type ModelInfo,
  type ResolvedRequest,
  type VideoProvider,
} from '@video-gen/core';
import { APIError, type OpenAI } from 'openai';
import { toCreateParams, toJobRef, toJobStatus } from './videos-api-adapter.js';
import { toVideosApiError, type VideosApiCall } from './videos-api-errors.js';
import { checkInputReference, inputReferenceFile } from './videos-api-input-reference.js';
import { parseSoraProviderOptions, type SoraProviderOptions } from './videos-api-options.js';

/** A configured connection to a Videos API: the SDK client and what to send as `model`. */
export interface VideosApiSession {
  /** An openai SDK client pointed at the vendor, with its credentials and `maxRetries: 0`. */
  readonly client: OpenAI;
  /** The `model` field for a model id: the id itself (OpenAI) or the deployment name (Azure). */
  wireModel(modelId: string): string;
  /** Plain facts recorded in each JobRef's `data` (never secrets), such as the deployment. */
  readonly jobData?: Readonly<Record<string, string>>;
}

/** What a Videos API provider (OpenAI's or Azure's) is made of. */
export interface VideosApiProviderSpec {
  /** The registry id: `sora2` or `azure-sora`. */
  readonly id: string;
  /** The vendor's name in messages: `OpenAI Sora`, `Azure OpenAI Sora`. */
  readonly label: string;
  /** The capability table; `models[0]` is the default. */
  readonly models: readonly ModelInfo[];
  /**
   * Resolves the config and builds the session. Called on first use, not at creation, so a
   * provider can be created without credentials; throws a ConfigurationError naming what is missing.
   */
  session(): VideosApiSession;
  /** Warnings on every request (OpenAI: the shutdown notice). No network. */
  warnings?(request: ResolvedRequest): readonly GenerationWarning[];
  /** Vendor-specific error mapping tried before the shared one; `undefined` when it does not apply. */
  mapError?(error: unknown, call: VideosApiCall): unknown;
}

/**
 * Builds a video-gen provider over the openai SDK's `videos` resource: the Videos API shape that
 * OpenAI serves at `/v1/videos` and Azure at `{endpoint}/openai/v1/videos`. Used by
 * `createSora` and by `@video-gen/provider-azure-sora`; core does the polling, retries, download
 * and journal.
 *
 * @example
 * ```ts
 * const provider = createVideosApiProvider({
 *   id: 'my-gateway', label: 'Gateway Sora', models: soraModels,
 *   session: () => ({ client: new OpenAI({ apiKey, baseURL, maxRetries: 0 }), wireModel: (id) => id }),
 * });
 * ```
 */
export function createVideosApiProvider(spec: VideosApiProviderSpec): VideoProvider {
  const { id, label } = spec;
  let cached: VideosApiSession | undefined;
  // Cached only once built: a missing key is reported again on the next call, after the user fixed it.
  const session = (): VideosApiSession => {
    cached ??= spec.session();
    return cached;
  };
  const fail = (error: unknown, operation: string): unknown => {
    const call = { provider: id, label, operation };
    return spec.mapError?.(error, call) ?? toVideosApiError(error, call);
  };
  const options = (request: ResolvedRequest) => request.providerOptions as SoraProviderOptions;

  return {
    id,
    models: spec.models,

    parseProviderOptions: (raw) => ({ ...parseSoraProviderOptions(raw, id) }),

    check(request) {
      return [...(spec.warnings?.(request) ?? []), ...checkInputReference(request, options(request), id)];
    },

    async submit(request, ctx) {
      const { client, wireModel, jobData } = session();
      const file = await inputReferenceFile(request, options(request), ctx.signal);
      const params = toCreateParams(request, wireModel(request.model.id), file);
      ctx.logger.debug(`${label} submit`, {
        provider: id,
        model: params.model,
        size: params.size,
        seconds: params.seconds,
        inputReference: file ? `${file.type} ${file.size} bytes` : 'none',
      });
      try {
        const video = await client.videos.create(params, { signal: ctx.signal });
        return toJobRef(id, request.model.id, video, { ...jobData });
      } catch (error) {
        throw fail(error, 'submit');
      }
    },

    async status(job, ctx) {
      const { client } = session();
      try {
        const video = await client.videos.retrieve(job.id, { signal: ctx.signal });
        return toJobStatus(video, job, id, label);
      } catch (error) {
        const mapped = fail(error, `status of ${job.id}`);
        // The video is gone (deleted, expired, another project's): resuming cannot help, so the
        // job ends here and core drops its journal.
        if (ApiRequestError.isInstance(mapped) && mapped.status === 404) {
          return {
            state: 'failed',
            error: new GenerationFailedError(
              `${label} has no video ${job.id} (404): it was deleted, it expired, or it belongs to another project. Submit the request again.`,
              { provider: id, job, cause: mapped },
            ),
          };
        }
        throw mapped;
      }
    },

    async download(job, ctx) {
      const { client } = session();
      let response: Response;
      try {
        response = await client.videos.downloadContent(job.id, { variant: 'video' }, { signal: ctx.signal });
      } catch (error) {
        // A client that does not follow redirects (Azure with a key, so the key never leaves the
        // resource's origin) sees the redirect to storage here: core fetches it without credentials.
        const location = redirectTarget(error, client.baseURL);
        if (location) return { type: 'url', url: location };
        throw fail(error, `download of ${job.id}`);
      }
      if (!response.body) {
        throw new DownloadError(`${label} answered the download of ${job.id} without a body.`, {
          provider: id,
          job,
        });
      }
      const length = Number(response.headers.get('content-length'));
      return {
        type: 'stream',
        // The SDK hands over the fetch Response unread: core streams it to disk in constant memory.
        body: response.body as ReadableStream<Uint8Array>,
        ...(Number.isSafeInteger(length) && length > 0 ? { size: length } : {}),
        contentType: response.headers.get('content-type') ?? 'video/mp4',
      };
    },

    async cancel(job, ctx) {
      const { client } = session();
      try {
        await client.videos.delete(job.id, { signal: ctx.signal });
      } catch (error) {
        throw fail(error, `cancel of ${job.id}`);
      }
    },
  };
}

/** The absolute `Location` of a redirect the SDK reported as an error, if it was one. */
function redirectTarget(error: unknown, base: string): string | undefined {
  if (!(error instanceof APIError) || error.status === undefined) return undefined;
  if (![301, 302, 303, 307, 308].includes(error.status)) return undefined;
  const location = error.headers?.get('location');
  if (!location) return undefined;
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}

/**
 * Starts a remix of a finished video (`POST /videos/{id}/remix`, JSON `{ prompt }`): a new job on
 * the same model and size. Returns its JobRef; poll it with the provider's `status` and fetch it
 * with `download`.
 *
 * @example
 * ```ts
 * const spec = { id: 'sora2', label: 'OpenAI Sora' };
 * const job = await remixWithSession(session, spec, 'sora-2', 'video_123', 'the same scene at night');
 * ```
 */
export async function remixWithSession(
  session: VideosApiSession,
  spec: Pick<VideosApiProviderSpec, 'id' | 'label' | 'mapError'>,
  model: string,
  videoId: string,
  prompt: string,
  signal?: AbortSignal,
): Promise<JobRef> {
  try {
    const video = await session.client.videos.remix(videoId, { prompt }, signal ? { signal } : {});
    return toJobRef(spec.id, model, video, { ...session.jobData, remixedFrom: videoId });
  } catch (error) {
    const call = { provider: spec.id, label: spec.label, operation: `remix of ${videoId}` };
    throw spec.mapError?.(error, call) ?? toVideosApiError(error, call);
  }
}

/**
 * Downloads a finished video's thumbnail (`GET /videos/{id}/content?variant=thumbnail`, a WebP
 * image) or spritesheet (JPEG) into memory: they are small.
 *
 * @example
 * ```ts
 * const { bytes, contentType } = await contentVariantWithSession(session, spec, 'video_123', 'thumbnail');
 * ```
 */
export async function contentVariantWithSession(
  session: VideosApiSession,
  spec: Pick<VideosApiProviderSpec, 'id' | 'label' | 'mapError'>,
  videoId: string,
  variant: 'thumbnail' | 'spritesheet',
  signal?: AbortSignal,
): Promise<{ bytes: Uint8Array; contentType: string }> {
  try {
    const response = await session.client.videos.downloadContent(
      videoId,
      { variant },
      signal ? { signal } : {},
    );
    return {
      bytes: new Uint8Array(await response.arrayBuffer()),
      contentType:
        response.headers.get('content-type') ?? (variant === 'thumbnail' ? 'image/webp' : 'image/jpeg'),
    };
  } catch (error) {
    const call = { provider: spec.id, label: spec.label, operation: `${variant} of ${videoId}` };
    throw spec.mapError?.(error, call) ?? toVideosApiError(error, call);
  }
}
