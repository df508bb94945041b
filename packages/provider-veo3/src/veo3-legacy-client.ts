import { GenerateVideosOperation } from '@google/genai';
import {
  ApiRequestError,
  createHttpClient,
  type LoadedImage,
  type ProviderContext,
  type ResolvedRequest,
  toApiError,
  ValidationError,
} from '@video-gen/core';
import { z } from 'zod';
import { base64Stream, sizeParameters, toImage } from './veo3-adapter.js';
import type { ResolvedVeo3Config } from './veo3-config.js';
import type { Veo3Connection } from './veo3-connection.js';
import { wireTraits } from './veo3-models.js';
import type { Veo3ProviderOptions } from './veo3-options.js';

const LEGACY_HOST = 'https://generativelanguage.googleapis.com';
const LEGACY_API_VERSION = 'v1beta';
const OPERATION_NAME = /^models\/[A-Za-z0-9._-]+\/operations\/[A-Za-z0-9._-]+$/;

type LegacyConfig = Extract<ResolvedVeo3Config, { mode: 'gemini-legacy' }>;

// Tolerant: only the fields used, any of which the service may leave out.
const operationSchema = z.object({
  name: z.string().nullish(),
  done: z.boolean().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  error: z.object({ code: z.number().nullish(), message: z.string().nullish() }).nullish(),
  response: z
    .object({
      generateVideoResponse: z
        .object({
          generatedSamples: z
            .array(
              z.object({
                video: z
                  .object({
                    uri: z.string().nullish(),
                    encodedVideo: z.string().nullish(),
                    encoding: z.string().nullish(),
                  })
                  .nullish(),
              }),
            )
            .nullish(),
          raiMediaFilteredCount: z.number().nullish(),
          raiMediaFilteredReasons: z.array(z.string()).nullish(),
        })
        .nullish(),
    })
    .nullish(),
});

/** The Gemini API's operation, in the SDK's shape (as SDK 2.x parsed it). */
function toOperation(raw: unknown): GenerateVideosOperation {
  const parsed = operationSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiRequestError('veo3 status: the Gemini API answered with an unexpected operation.', {
      provider: 'veo3',
      retryable: false,
      body: JSON.stringify(raw).slice(0, 500),
    });
  }
  const { name, done, metadata, error, response } = parsed.data;
  const result = response?.generateVideoResponse;
  const operation = new GenerateVideosOperation();
  Object.assign(operation, {
    ...(name ? { name } : {}),
    ...(done ? { done } : {}),
    ...(metadata ? { metadata } : {}),
    ...(error ? { error: { code: error.code ?? undefined, message: error.message ?? undefined } } : {}),
    ...(result
      ? {
          response: {
            generatedVideos: (result.generatedSamples ?? []).map((sample) => ({
              video: {
                ...(sample.video?.uri ? { uri: sample.video.uri } : {}),
                ...(sample.video?.encodedVideo ? { videoBytes: sample.video.encodedVideo } : {}),
                ...(sample.video?.encoding ? { mimeType: sample.video.encoding } : {}),
              },
            })),
            raiMediaFilteredCount: result.raiMediaFilteredCount ?? 0,
            raiMediaFilteredReasons: result.raiMediaFilteredReasons ?? [],
          },
        }
      : {}),
  });
  return operation;
}

function inline(image: LoadedImage): { bytesBase64Encoded: string; mimeType: string } {
  const mapped = toImage(image);
  if (typeof mapped === 'string' || !mapped.imageBytes || !mapped.mimeType) {
    throw new ValidationError(`gemini-legacy mode takes images as bytes only: ${image.source}`, {
      provider: 'veo3',
    });
  }
  return { bytesBase64Encoded: mapped.imageBytes, mimeType: mapped.mimeType };
}

/**
 * The `predictLongRunning` body of the Gemini Developer API: the same instance shape as Vertex,
 * and only the parameters that service took (no seed, fps, generateAudio, storage or compression).
 */
export function toLegacyPredictBody(request: ResolvedRequest, options: Veo3ProviderOptions) {
  const { aspectRatio, resolution } = sizeParameters(request.width, request.height);
  return {
    instances: [
      {
        prompt: request.prompt,
        ...(request.firstFrame ? { image: inline(request.firstFrame) } : {}),
        ...(request.lastFrame ? { lastFrame: inline(request.lastFrame) } : {}),
        ...(request.referenceImages.length > 0
          ? {
              referenceImages: request.referenceImages.map((image) => ({
                image: inline(image),
                referenceType: options.referenceType ?? 'asset',
              })),
            }
          : {}),
      },
    ],
    parameters: {
      sampleCount: options.sampleCount ?? 1,
      durationSeconds: request.durationSeconds,
      aspectRatio,
      ...(wireTraits(request.model.id).sendsResolution ? { resolution } : {}),
      ...(request.negativePrompt === undefined ? {} : { negativePrompt: request.negativePrompt }),
      ...(options.personGeneration ? { personGeneration: options.personGeneration } : {}),
      ...(options.enhancePrompt === undefined ? {} : { enhancePrompt: options.enhancePrompt }),
    },
  };
}

/**
 * Legacy: Veo on the Gemini Developer API, over REST through core's HTTP client (`@google/genai`
 * 3.x refuses this service for video). `x-goog-api-key` on every call; the file URIs of the results
 * get the key only on the API's own origin.
 */
export function legacyConnection(config: LegacyConfig): Veo3Connection {
  const host = (config.baseURL ?? LEGACY_HOST).replace(/\/+$/, '');
  const version =
    config.apiVersion === 'beta' ? LEGACY_API_VERSION : (config.apiVersion ?? LEGACY_API_VERSION);
  const root = `${host}/${version}`;
  const credentials = { 'x-goog-api-key': config.apiKey };
  const client = (ctx: ProviderContext) =>
    createHttpClient({
      fetch: config.fetch ?? ctx.fetch,
      headers: { ...config.headers, ...credentials },
      ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
    });

  return {
    mode: 'gemini-legacy',
    isOperationName: (id) => OPERATION_NAME.test(id),

    async submit(request, options, ctx) {
      const url = `${root}/models/${encodeURIComponent(request.model.id)}:predictLongRunning`;
      let answer: unknown;
      try {
        answer = await client(ctx)
          .post(url, { json: toLegacyPredictBody(request, options), signal: ctx.signal })
          .json();
      } catch (error) {
        throw toApiError(error, 'veo3');
      }
      const name = (answer as { name?: unknown } | null)?.name;
      if (typeof name !== 'string' || !OPERATION_NAME.test(name)) {
        throw new ApiRequestError('veo3 submit: the Gemini API answered without an operation name.', {
          provider: 'veo3',
          retryable: false,
        });
      }
      return name;
    },

    async operation(job, ctx) {
      try {
        return toOperation(await client(ctx).get(`${root}/${job.id}`, { signal: ctx.signal }).json());
      } catch (error) {
        throw toApiError(error, 'veo3');
      }
    },

    async videoSource(video) {
      if (video.videoBytes) {
        const { body, size } = base64Stream(video.videoBytes);
        return { type: 'stream', body, size, contentType: video.mimeType ?? 'video/mp4' };
      }
      return {
        type: 'url',
        url: video.uri ?? '',
        headers: credentials,
        credentialOrigin: new URL(root).origin,
      };
    },
  };
}
