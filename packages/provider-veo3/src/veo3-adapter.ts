import { Buffer } from 'node:buffer';
import type { GenerateVideosOperation, GenerateVideosParameters, Image, Video } from '@google/genai';
import {
  GenerationFailedError,
  type GenerationWarning,
  type JobRef,
  type JobStatus,
  type LoadedImage,
  type ResolvedRequest,
  ValidationError,
  type ValidationIssue,
} from '@video-gen/core';
import type { Veo3Mode } from './veo3-config.js';
import { operationFailed, raiFiltered } from './veo3-errors.js';
import { checkLegacyRetired } from './veo3-legacy-retired.js';
import { wireTraits } from './veo3-models.js';
import type { Veo3ProviderOptions } from './veo3-options.js';
import { toVeoVideo } from './veo3-video.js';

const GCS_HTTPS = /^https:\/\/storage\.googleapis\.com\/([^/?#]+)\/([^?#]+)$/;
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/**
 * Vertex takes images inline (base64) or from Cloud Storage (`gcsUri`); it does not fetch https
 * URLs. A `https://storage.googleapis.com/bucket/object` URL is the same object as `gs://`.
 */
export function toImage(image: LoadedImage): Image | string {
  if (image.kind === 'bytes') {
    const { buffer, byteOffset, byteLength } = image.bytes;
    // A view over the same memory: no copy of the image before encoding.
    return {
      imageBytes: Buffer.from(buffer, byteOffset, byteLength).toString('base64'),
      mimeType: image.mediaType,
    };
  }
  const match = GCS_HTTPS.exec(image.url);
  const extension = image.url.split(/[?#]/)[0]?.split('.').pop()?.toLowerCase() ?? '';
  const mimeType = IMAGE_TYPES[extension];
  if (!match || !mimeType) {
    return `${image.source}: Veo takes image files or bytes, or Cloud Storage objects (https://storage.googleapis.com/bucket/object.png); download other URLs first`;
  }
  return { gcsUri: `gs://${match[1]}/${decodeURIComponent(match[2]!)}`, mimeType };
}

/** The aspect ratio and resolution Veo names a size by. */
export function sizeParameters(width: number, height: number): { aspectRatio: string; resolution: string } {
  const short = Math.min(width, height);
  // Vertex names 2160p `4k`.
  return { aspectRatio: width >= height ? '16:9' : '9:16', resolution: short === 2160 ? '4k' : `${short}p` };
}

/**
 * Checks what ModelInfo cannot express: image URLs Vertex cannot read, style references, and
 * options the mode refuses. Throws one ValidationError listing every problem.
 */
export function checkVeo3Request(
  request: ResolvedRequest,
  options: Veo3ProviderOptions,
  mode: Veo3Mode | undefined,
): GenerationWarning[] {
  const issues: ValidationIssue[] = [];
  const images: [string, LoadedImage | undefined][] = [
    ['firstFrame', request.firstFrame],
    ['lastFrame', request.lastFrame],
    ...request.referenceImages.map((image): [string, LoadedImage] => ['referenceImages', image]),
  ];
  for (const [field, image] of images) {
    const mapped = image && toImage(image);
    if (typeof mapped === 'string') issues.push({ field, message: mapped });
  }
  const traits = wireTraits(request.model.id);
  const referenceType = options.referenceType ?? 'asset';
  if (!traits.referenceTypes.includes(referenceType)) {
    issues.push({
      field: 'providerOptions.veo3.referenceType',
      message: `${request.model.id} takes reference images of type ${traits.referenceTypes.join(', ')}; style references need veo-2.0-generate-001`,
      allowed: traits.referenceTypes,
    });
  } else if (referenceType === 'style' && request.referenceImages.length > 1) {
    issues.push({
      field: 'referenceImages',
      message: `${request.model.id} takes one style reference image (or up to 3 asset images); got ${request.referenceImages.length}`,
    });
  }
  const warnings: GenerationWarning[] = [];
  if (mode === 'gemini-legacy') {
    warnings.push(...checkLegacyRetired(request), ...checkLegacy(request, options, images, issues));
  }
  if (mode === 'express' && options.storageUri !== undefined) {
    issues.push({
      field: 'providerOptions.veo3.storageUri',
      message:
        'express mode (API key) cannot read the videos back from Cloud Storage, which needs Google Cloud credentials; use enterprise mode or leave storageUri out to get the videos inline',
    });
  }
  if (issues.length > 0) {
    const lines = issues.map((issue) => `  - ${issue.field}: ${issue.message}`).join('\n');
    throw new ValidationError(`Invalid request for veo3 / ${request.model.id}:\n${lines}`, {
      provider: 'veo3',
      issues,
    });
  }
  return warnings;
}

/**
 * What the legacy Gemini Developer API refuses (SDK 2.x refused `seed`, `generateAudio`,
 * `gcsUri`, `compressionQuality` there; `storageUri` and `resizeMode` are Vertex-only): an issue
 * for what would change the result, a warning for what is dropped, and always the legacy notice.
 */
function checkLegacy(
  request: ResolvedRequest,
  options: Veo3ProviderOptions,
  images: readonly [string, LoadedImage | undefined][],
  issues: ValidationIssue[],
): GenerationWarning[] {
  for (const key of ['storageUri', 'compressionQuality', 'resizeMode'] as const) {
    if (options[key] !== undefined) {
      issues.push({
        field: `providerOptions.veo3.${key}`,
        message: `gemini-legacy mode (Gemini Developer API) does not take ${key}; use enterprise mode (Vertex AI)`,
      });
    }
  }
  for (const [field, image] of images) {
    if (image?.kind === 'url') {
      issues.push({
        field,
        message: `gemini-legacy mode (Gemini Developer API) takes images as bytes only, not ${image.source}`,
      });
    }
  }
  const warnings: GenerationWarning[] = [
    {
      type: 'deprecated',
      feature: 'mode',
      message:
        'veo3 gemini-legacy mode: the Gemini Developer API path for Veo is legacy (@google/genai 3.x dropped it) and may be retired; move to Vertex AI (express mode takes an API key).',
    },
  ];
  if (request.seed !== undefined) {
    warnings.push({
      type: 'unsupported',
      feature: 'seed',
      message: 'gemini-legacy mode (Gemini Developer API) does not take a seed; it is ignored',
    });
  }
  if (request.audio === false && request.model.audio !== 'none') {
    warnings.push({
      type: 'unsupported',
      feature: 'audio',
      message: `gemini-legacy mode (Gemini Developer API) cannot turn audio off; ${request.model.id} generates it`,
    });
  }
  return warnings;
}

/**
 * The `generateVideos` parameters for a request, in the SDK's `source` form. Every option of
 * the request is mapped here; `check` has already refused what cannot be mapped.
 */
export function toGenerateVideosParameters(
  request: ResolvedRequest,
  options: Veo3ProviderOptions,
): GenerateVideosParameters {
  const image = (loaded: LoadedImage) => {
    const mapped = toImage(loaded);
    if (typeof mapped === 'string') throw new ValidationError(mapped, { provider: 'veo3' });
    return mapped;
  };
  const traits = wireTraits(request.model.id);
  const { aspectRatio, resolution } = sizeParameters(request.width, request.height);
  const referenceType = options.referenceType ?? 'asset';
  return {
    model: request.model.id,
    source: {
      prompt: request.prompt,
      ...(request.firstFrame ? { image: image(request.firstFrame) } : {}),
      ...(request.video ? { video: toVeoVideo(request.video) } : {}),
    },
    config: {
      ...(request.lastFrame ? { lastFrame: image(request.lastFrame) } : {}),
      ...(request.referenceImages.length > 0
        ? {
            referenceImages: request.referenceImages.map((reference) => ({
              image: image(reference),
              // Vertex documents lowercase values; the SDK passes the string through.
              referenceType: referenceType as never,
            })),
          }
        : {}),
      durationSeconds: request.durationSeconds,
      aspectRatio,
      ...(traits.sendsResolution ? { resolution } : {}),
      numberOfVideos: options.sampleCount ?? 1,
      ...(request.seed === undefined ? {} : { seed: request.seed }),
      ...(request.negativePrompt === undefined ? {} : { negativePrompt: request.negativePrompt }),
      // Veo 3.x requires the flag; audio is its default, `audio: false` makes a cheaper silent clip.
      ...(request.model.audio === 'none' ? {} : { generateAudio: request.audio ?? true }),
      ...(options.personGeneration ? { personGeneration: options.personGeneration } : {}),
      ...(options.enhancePrompt === undefined ? {} : { enhancePrompt: options.enhancePrompt }),
      ...(options.storageUri ? { outputGcsUri: options.storageUri } : {}),
      ...(options.resizeMode ? { resizeMode: options.resizeMode as never } : {}),
      ...(options.compressionQuality ? { compressionQuality: options.compressionQuality as never } : {}),
    },
  };
}

/** The videos of a finished operation. */
export function videosOf(operation: GenerateVideosOperation): Video[] {
  return (operation.response?.generatedVideos ?? []).flatMap((generated) =>
    generated.video && (generated.video.videoBytes || generated.video.uri) ? [generated.video] : [],
  );
}

/**
 * Maps an operation to a job status: not done → running; `error` → GenerationFailedError with
 * the vendor's code and message; every video filtered → ContentPolicyError with the reasons;
 * videos → succeeded.
 */
export function toJobStatus(operation: GenerateVideosOperation, job: JobRef): JobStatus {
  if (operation.error) {
    const { code, message } = operation.error as { code?: number; message?: string };
    return { state: 'failed', error: operationFailed(job, { code, message }) };
  }
  if (!operation.done) {
    const percent = (operation.metadata as { progressPercent?: unknown } | undefined)?.progressPercent;
    return typeof percent === 'number' ? { state: 'running', progress: percent / 100 } : { state: 'running' };
  }
  const videos = videosOf(operation);
  const filtered = operation.response?.raiMediaFilteredCount ?? 0;
  if (videos.length === 0) {
    if (filtered > 0) {
      return {
        state: 'failed',
        error: raiFiltered(job, filtered, operation.response?.raiMediaFilteredReasons ?? []),
      };
    }
    return {
      state: 'failed',
      error: new GenerationFailedError(`Veo operation ${job.id} finished without a video.`, {
        provider: 'veo3',
        job,
      }),
    };
  }
  const seconds = typeof job.data?.durationSeconds === 'number' ? job.data.durationSeconds : undefined;
  return {
    state: 'succeeded',
    usage: {
      ...(seconds === undefined ? {} : { seconds: seconds * videos.length }),
      raw: { videos: videos.length, raiMediaFilteredCount: filtered },
    },
  };
}

/** Base64 characters decoded per chunk: a multiple of 4, so each chunk decodes on its own. */
const BASE64_CHUNK = 256 * 1024;

/**
 * Decodes base64 as a stream, a chunk per read, so a large inline video becomes bytes on disk
 * without a second full-size copy in memory. Returns the body and its exact decoded size.
 *
 * @example
 * ```ts
 * const { body, size } = base64Stream(video.videoBytes);
 * ```
 */
export function base64Stream(base64: string): { body: ReadableStream<Uint8Array>; size: number } {
  // Vertex sends base64 without line breaks; strip any, or chunks would not align to 4.
  const text = /\s/.test(base64) ? base64.replace(/\s+/g, '') : base64;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const size = Math.floor((text.length * 3) / 4) - padding;
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= text.length) {
        controller.close();
        return;
      }
      const chunk = text.slice(offset, offset + BASE64_CHUNK);
      offset += BASE64_CHUNK;
      controller.enqueue(new Uint8Array(Buffer.from(chunk, 'base64')));
    },
  });
  return { body, size };
}

/**
 * The Cloud Storage JSON API media URL of a `gs://bucket/object` URI.
 *
 * @example
 * ```ts
 * gcsMediaUrl('gs://b/out/sample_0.mp4'); // https://storage.googleapis.com/download/storage/v1/b/b/o/out%2Fsample_0.mp4?alt=media
 * ```
 */
export function gcsMediaUrl(uri: string): string {
  const match = /^gs:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match)
    throw new GenerationFailedError(`Veo returned an unexpected video URI: ${uri}`, { provider: 'veo3' });
  return `https://storage.googleapis.com/download/storage/v1/b/${encodeURIComponent(match[1]!)}/o/${encodeURIComponent(match[2]!)}?alt=media`;
}
