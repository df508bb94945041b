import type { ModelInfo } from '../contract/model-info.js';
import type { LoadedVideo } from '../contract/request.js';
import type { VideoInputUse } from '../contract/video-input.js';
import type { ValidationIssue } from '../errors/validation-error.js';
import { loadVideo, type VideoInput } from '../media/load-video.js';

/**
 * Whether the model can take the request's video at all, before any file is read: a video for a
 * model without `videoInput`, or none for a model that needs one, is an issue.
 */
export function checkVideoPresence(
  video: VideoInput | undefined,
  use: VideoInputUse | undefined,
  model: ModelInfo,
  others: readonly ModelInfo[],
  issues: ValidationIssue[],
): void {
  const accepts = model.videoInput;
  if (use !== undefined && accepts && !accepts.uses.includes(use)) {
    const takers = others.filter((m) => m.videoInput?.uses.includes(use)).map((m) => m.id);
    issues.push({
      field: 'videoUse',
      message: `${model.id} does not ${use} a video (it takes one to ${accepts.uses.join(', ')})${takers.length ? `; models that ${use}: ${takers.join(', ')}` : ''}`,
      allowed: accepts.uses,
    });
  }
  if (video !== undefined && !accepts) {
    const takers = others
      .filter((m) => m.videoInput)
      .map((m) => `${m.id} (${m.videoInput!.uses.join(', ')})`);
    issues.push({
      field: 'video',
      message: `${model.id} takes no input video${takers.length ? `; models that do: ${takers.join(', ')}` : ''}`,
    });
  }
  if (video === undefined && accepts?.required) {
    issues.push({
      field: 'video',
      message: `${model.id} needs an input video (it ${accepts.uses.join('/')}s one); pass video: a path, URL or bytes`,
    });
  }
}

/**
 * Loads the request's video and checks it against the model's limits: container, bytes and
 * duration (for `extend`, also the length the continuation would reach). URLs are not fetched,
 * so only their scheme and host are checked; the vendor checks the rest.
 */
export async function loadRequestVideo(
  video: VideoInput,
  use: VideoInputUse | undefined,
  model: ModelInfo,
  durationSeconds: number,
  allowLoopback: boolean,
  issues: ValidationIssue[],
): Promise<LoadedVideo> {
  const accepts = model.videoInput!;
  const loaded = await loadVideo(video, { accepts, use, allowLoopback });
  if (loaded.kind === 'url') return loaded;
  const { source } = loaded;
  if (!accepts.mediaTypes.includes(loaded.mediaType)) {
    issues.push({
      field: 'video',
      message: `${source} is ${loaded.mediaType}; ${model.id} takes ${accepts.mediaTypes.join(', ')}`,
    });
  }
  if (accepts.maxBytes !== undefined && loaded.bytes.byteLength > accepts.maxBytes) {
    issues.push({
      field: 'video',
      message: `${source} is ${loaded.bytes.byteLength} bytes; ${model.id} takes at most ${accepts.maxBytes}`,
    });
  }
  const seconds = Math.round(loaded.durationSeconds * 100) / 100;
  if (accepts.minDurationSeconds !== undefined && loaded.durationSeconds < accepts.minDurationSeconds) {
    issues.push({
      field: 'video',
      message: `${source} is ${seconds} s long; ${model.id} takes at least ${accepts.minDurationSeconds} s`,
    });
  }
  if (accepts.maxDurationSeconds !== undefined && loaded.durationSeconds > accepts.maxDurationSeconds) {
    issues.push({
      field: 'video',
      message: `${source} is ${seconds} s long; ${model.id} takes at most ${accepts.maxDurationSeconds} s`,
    });
  }
  if (
    loaded.use === 'extend' &&
    accepts.maxTotalSeconds !== undefined &&
    loaded.durationSeconds + durationSeconds > accepts.maxTotalSeconds
  ) {
    issues.push({
      field: 'video',
      message: `${source} (${seconds} s) plus ${durationSeconds} s would be longer than the ${accepts.maxTotalSeconds} s ${model.id} can extend to`,
    });
  }
  return loaded;
}
