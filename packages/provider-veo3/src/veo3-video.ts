import { Buffer } from 'node:buffer';
import type { Video } from '@google/genai';
import {
  type GenerationWarning,
  type LoadedVideo,
  type ModelInfo,
  type ModelVideoInput,
  type ResolvedRequest,
  ValidationError,
  type ValidationIssue,
} from '@video-gen/core';
import type { Veo3Connection } from './veo3-connection.js';

/**
 * Veo 3.1 video extension on Vertex AI: the input is `instances[0].video` (`gcsUri` or
 * `bytesBase64Encoded`, with `mimeType`), which @google/genai 2.x builds from
 * `source.video: { uri | videoBytes, mimeType }` (GenerateVideosSource: "The input video for
 * video extension use cases … Not allowed if image is provided"). The limits are not in the SDK
 * types: an MP4 of up to 30 s continued to about 37 s in total (Vertex AI "Extend Veo videos",
 * issue 17), and 20 MiB for inline bytes, which travel base64 inside the JSON request (a
 * conservative cap of ours: use a gs:// URI for larger inputs). Veo returns the input and its
 * continuation as one video.
 */
export const VEO_EXTENSION: ModelVideoInput = {
  uses: ['extend'],
  mediaTypes: ['video/mp4'],
  urlSchemes: ['gs'],
  maxDurationSeconds: 30,
  maxTotalSeconds: 37,
  maxBytes: 20 * 1024 * 1024,
  extendOutput: 'whole',
  source:
    '@google/genai GenerateVideosSource.video (SDK types); 30 s input / ~37 s total from Vertex AI "Extend Veo videos" docs and issue 17; 20 MiB inline cap is ours',
};

/** The Veo table with `videoInput` on the Veo 3.1 models, which extend clips (added, not rewritten). */
export function withVideoExtension(models: readonly ModelInfo[]): readonly ModelInfo[] {
  return models.map((model) =>
    model.id.startsWith('veo-3.1-') && !model.videoInput ? { ...model, videoInput: VEO_EXTENSION } : model,
  );
}

/**
 * Checks an extension request before any paid call: Vertex takes no first frame or reference
 * images beside a video, and the Gemini Developer API path (gemini-legacy) is not wired for it.
 */
export function checkVeoVideo(
  request: ResolvedRequest,
  mode: Veo3Connection['mode'] | undefined,
): GenerationWarning[] {
  if (!request.video) return [];
  const issues: ValidationIssue[] = [];
  if (request.firstFrame || request.lastFrame || request.referenceImages.length > 0) {
    issues.push({
      field: 'video',
      message: `${request.model.id} extends a video without images: leave firstFrame, lastFrame and referenceImages out`,
    });
  }
  if (mode === 'gemini-legacy') {
    issues.push({
      field: 'video',
      message:
        'video extension is implemented on Vertex AI (enterprise or express mode), not in gemini-legacy mode',
    });
  }
  if (issues.length > 0) {
    const lines = issues.map((issue) => `  - ${issue.field}: ${issue.message}`).join('\n');
    throw new ValidationError(`Invalid request for veo3 / ${request.model.id}:\n${lines}`, {
      provider: 'veo3',
      issues,
    });
  }
  return [];
}

/** The SDK's `Video` for an input: a gs:// URI, or the bytes as base64. */
export function toVeoVideo(video: LoadedVideo): Video {
  if (video.kind === 'url') return { uri: video.url, mimeType: 'video/mp4' };
  return {
    videoBytes: Buffer.from(video.bytes.buffer, video.bytes.byteOffset, video.bytes.byteLength).toString(
      'base64',
    ),
    mimeType: video.mediaType,
  };
}
