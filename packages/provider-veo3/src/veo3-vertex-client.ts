import {
  GenerateVideosOperation,
  GoogleGenAI,
  type GoogleGenAIOptions,
  type HttpOptions,
} from '@google/genai';
import { ApiRequestError, DownloadError, parseRetryAfter } from '@video-gen/core';
import { base64Stream, gcsMediaUrl, toGenerateVideosParameters } from './veo3-adapter.js';
import { sdkAuthClient, type TokenSource, tokenSource } from './veo3-auth.js';
import type { ResolvedVeo3Config } from './veo3-config.js';
import type { Veo3Connection } from './veo3-connection.js';
import { toVeo3Error } from './veo3-errors.js';

/** The SDK's API version for Vertex calls (`predictLongRunning`, `fetchPredictOperation`). */
const VERTEX_API_VERSION = 'v1beta1';
const GCS_ORIGIN = 'https://storage.googleapis.com';
const MULTI_REGIONAL = new Set(['us', 'eu']);
// `[projects/P/locations/L/]publishers/google/models/M/operations/ID`
const OPERATION_NAME =
  /^(projects\/[A-Za-z0-9._-]+\/locations\/[a-z0-9-]+\/)?publishers\/google\/models\/[A-Za-z0-9._-]+\/operations\/[A-Za-z0-9._-]+$/;

/**
 * The SDK enforces `httpOptions.timeout` by aborting its own controller, which surfaces as an
 * AbortError; when the caller did not abort, it is a timeout and worth another try.
 */
function timedOut(error: unknown, signal: AbortSignal, operation: string): unknown {
  if (signal.aborted || !(error instanceof Error) || error.name !== 'AbortError') return error;
  return new ApiRequestError(`veo3 ${operation} timed out.`, {
    provider: 'veo3',
    code: 'timeout',
    retryable: true,
    cause: error,
  });
}

/** The Retry-After of a call's last 429 answer, noted by its fetch. */
interface RetryAfterSeen {
  retryAfterMs?: number | undefined;
}

type VertexConfig = Extract<ResolvedVeo3Config, { mode: 'enterprise' | 'express' }>;

/**
 * The base URL the SDK would pick (regional, multi-regional, or the global host for `global` and
 * express mode), computed here so `GOOGLE_VERTEX_BASE_URL` never overrides an explicit config.
 */
function defaultBaseUrl(config: VertexConfig): string {
  if (config.mode === 'express' || config.location === 'global') return 'https://aiplatform.googleapis.com/';
  if (MULTI_REGIONAL.has(config.location)) return `https://aiplatform.${config.location}.rep.googleapis.com/`;
  return `https://${config.location}-aiplatform.googleapis.com/`;
}

/**
 * Veo on Vertex AI through `@google/genai`: enterprise mode (project, location, OAuth token) or
 * express mode (API key). SDK retries stay off (no `retryOptions`), so core's policy decides.
 */
export function vertexConnection(config: VertexConfig): Veo3Connection {
  const base = config.fetch;
  // Looked up per call, so a fetch patched after creation (msw) is used; and always given, so the
  // SDK does not attach an undici dispatcher that Bun and Deno would not understand. The SDK drops
  // the AbortSignal when polling, so each call's fetch carries it.
  // The SDK's ApiError carries no headers, so a 429's Retry-After is noted here, per call.
  const fetchFor =
    (signal?: AbortSignal, seen?: RetryAfterSeen): typeof globalThis.fetch =>
    async (input, init) => {
      const signals = [init?.signal, signal].filter((s): s is AbortSignal => s instanceof AbortSignal);
      const merged = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
      const response = await (base ?? globalThis.fetch)(input, {
        ...init,
        ...(merged ? { signal: merged } : {}),
      });
      if (seen && response.status === 429) seen.retryAfterMs = parseRetryAfter(response.headers);
      return response;
    };
  const callOptions = (signal: AbortSignal, seen?: RetryAfterSeen): HttpOptions => ({
    fetch: fetchFor(signal, seen),
  });
  const apiVersion =
    config.apiVersion === 'beta' ? VERTEX_API_VERSION : (config.apiVersion ?? VERTEX_API_VERSION);
  const httpOptions: HttpOptions = {
    baseUrl: config.baseURL ?? defaultBaseUrl(config),
    apiVersion,
    ...(config.headers ? { headers: { ...config.headers } } : {}),
    ...(config.timeoutMs ? { timeout: config.timeoutMs } : {}),
    fetch: fetchFor(),
  };
  const secrets = config.mode === 'express' ? [config.apiKey] : [];
  let tokens: TokenSource | undefined;
  let options: GoogleGenAIOptions;
  if (config.mode === 'enterprise') {
    tokens = tokenSource(config);
    options = {
      vertexai: true,
      project: config.project,
      location: config.location,
      googleAuthOptions: { authClient: sdkAuthClient(tokens) },
      httpOptions,
    };
  } else {
    options = { vertexai: true, apiKey: config.apiKey, httpOptions };
  }
  const ai = new GoogleGenAI(options);

  return {
    mode: config.mode,
    isOperationName: (id) => OPERATION_NAME.test(id),

    async submit(request, veoOptions, ctx) {
      const parameters = toGenerateVideosParameters(request, veoOptions);
      const seen: RetryAfterSeen = {};
      parameters.config = {
        ...parameters.config,
        abortSignal: ctx.signal,
        httpOptions: callOptions(ctx.signal, seen),
      };
      let operation: GenerateVideosOperation;
      try {
        operation = await ai.models.generateVideos(parameters);
      } catch (error) {
        throw toVeo3Error(timedOut(error, ctx.signal, 'submit'), 'submit', secrets, seen.retryAfterMs);
      }
      if (!operation.name) {
        throw new ApiRequestError('veo3 submit: Vertex answered without an operation name.', {
          provider: 'veo3',
          retryable: false,
        });
      }
      return operation.name;
    },

    async operation(job, ctx) {
      const operation = new GenerateVideosOperation();
      operation.name = job.id;
      const seen: RetryAfterSeen = {};
      try {
        return await ai.operations.getVideosOperation({
          operation,
          config: { httpOptions: callOptions(ctx.signal, seen), abortSignal: ctx.signal },
        });
      } catch (error) {
        throw toVeo3Error(timedOut(error, ctx.signal, 'status'), 'status', secrets, seen.retryAfterMs);
      }
    },

    async videoSource(video) {
      if (video.videoBytes) {
        const { body, size } = base64Stream(video.videoBytes);
        return { type: 'stream', body, size, contentType: video.mimeType ?? 'video/mp4' };
      }
      const uri = video.uri ?? '';
      if (!uri.startsWith('gs://')) return { type: 'url', url: uri };
      if (!tokens) {
        throw new DownloadError(
          `Veo wrote the video to ${uri}, and express mode (an API key) cannot read Cloud Storage. Use enterprise mode, or leave providerOptions.veo3.storageUri out.`,
          { provider: 'veo3', code: 'download_unauthorized', retryable: false },
        );
      }
      return {
        type: 'url',
        url: gcsMediaUrl(uri),
        headers: { authorization: `Bearer ${await tokens()}` },
        credentialOrigin: GCS_ORIGIN,
      };
    },
  };
}
