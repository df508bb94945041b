import {
  ContentPolicyError,
  GenerationFailedError,
  type JobRef,
  type JobStatus,
  type ResolvedRequest,
} from '@video-gen/core';
import type { Videos } from 'openai/resources/videos';
import { isContentPolicyCode } from './videos-api-errors.js';
import type { InputReferenceFile } from './videos-api-input-reference.js';

/** The Video object the Videos API answers with (create, retrieve, remix). */
export type VideoObject = Videos.Video;

/** The multipart fields of `POST /videos`. */
export type VideoCreateParams = Videos.VideoCreateParams;

/**
 * The `POST /videos` fields for a request: `seconds` and `size` as the strings the API takes
 * (`"8"`, `"1280x720"`), `model` as given (a model id, or an Azure deployment name).
 */
export function toCreateParams(
  request: ResolvedRequest,
  wireModel: string,
  inputReference: InputReferenceFile | undefined,
): VideoCreateParams {
  return {
    prompt: request.prompt,
    model: wireModel,
    seconds: String(request.durationSeconds) as Videos.VideoSeconds,
    size: `${request.width}x${request.height}` as Videos.VideoSize,
    ...(inputReference === undefined ? {} : { input_reference: inputReference }),
  };
}

/** A JobRef for a Video the API accepted. Only plain, non-secret facts go in `data`. */
export function toJobRef(
  provider: string,
  model: string,
  video: VideoObject,
  data: Record<string, string> = {},
): JobRef {
  const created = typeof video.created_at === 'number' ? new Date(video.created_at * 1000) : new Date();
  return {
    provider,
    model,
    id: video.id,
    createdAt: Number.isNaN(created.getTime()) ? new Date().toISOString() : created.toISOString(),
    data: {
      ...data,
      ...(video.size ? { size: video.size } : {}),
      ...(video.seconds ? { seconds: String(video.seconds) } : {}),
    },
  };
}

function fraction(progress: unknown): number | undefined {
  if (typeof progress !== 'number' || !Number.isFinite(progress)) return undefined;
  return Math.min(1, Math.max(0, progress / 100));
}

/**
 * Maps a Video's `status` into core's: `queued` → queued, `in_progress` → running (progress 0–100
 * → 0–1), `completed` → succeeded (usage in seconds), `failed` → a ContentPolicyError for
 * moderation codes, else a GenerationFailedError quoting the vendor's code and message.
 */
export function toJobStatus(video: VideoObject, job: JobRef, provider: string, label: string): JobStatus {
  switch (video.status) {
    case 'queued': {
      const progress = fraction(video.progress);
      return progress === undefined ? { state: 'queued' } : { state: 'queued', progress };
    }
    case 'in_progress': {
      const progress = fraction(video.progress);
      return progress === undefined ? { state: 'running' } : { state: 'running', progress };
    }
    case 'completed': {
      const seconds = Number(video.seconds);
      return { state: 'succeeded', usage: Number.isFinite(seconds) ? { seconds } : {} };
    }
    case 'failed': {
      const code = video.error?.code ?? undefined;
      const reason = video.error?.message || 'no reason given';
      const message = `${label} job ${video.id} failed${code ? ` (${code})` : ''}: ${reason}`;
      if (isContentPolicyCode(code)) {
        return {
          state: 'failed',
          error: new ContentPolicyError(message, { provider, job, body: JSON.stringify(video.error) }),
        };
      }
      return { state: 'failed', error: new GenerationFailedError(message, { provider, job }) };
    }
    default: {
      // An unknown status: say so, but keep polling rather than abandoning a paid job.
      return { state: 'running' };
    }
  }
}
