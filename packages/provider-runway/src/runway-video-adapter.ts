import type { RunwayML } from '@runwayml/sdk';
import { toFile } from '@runwayml/sdk';
import {
  type GenerationWarning,
  type LoadedVideo,
  type ResolvedRequest,
  ValidationError,
  type ValidationIssue,
} from '@video-gen/core';
import { wireSize } from './runway-model-spec.js';
import { runwaySpec } from './runway-models.js';
import type { VideoToVideoWire } from './runway-video-models.js';

const EXTENSIONS: Readonly<Record<string, string>> = { 'video/mp4': 'mp4', 'video/quicktime': 'mov' };

/**
 * What Runway takes as the input video: an https URL as is; bytes always go through the uploads
 * API (`POST /v1/uploads`, then the multipart POST to the presigned URL, as the SDK's
 * `uploads.createEphemeral` does) and are referred to by their `runway://` URI. Videos rarely fit
 * the 5 MB data URI limit, and an upload keeps the create request small.
 */
export async function inputVideoUri(
  video: LoadedVideo,
  client: RunwayML,
  signal: AbortSignal,
): Promise<string> {
  if (video.kind === 'url') return video.url;
  const file = await toFile(video.bytes, `input-video.${EXTENSIONS[video.mediaType] ?? 'mp4'}`, {
    type: video.mediaType,
  });
  const { uri } = await client.uploads.createEphemeral({ file }, { signal });
  return uri;
}

/**
 * Checks what `ModelInfo` cannot express for a `video_to_video` request, before any paid call:
 * images are not sent there, a required prompt, and the `mode` the model takes. Returns
 * warnings for settings the endpoint ignores.
 */
export function checkVideoToVideo(request: ResolvedRequest, wire: VideoToVideoWire): GenerationWarning[] {
  const issues: ValidationIssue[] = [];
  const model = request.model.id;
  if (request.firstFrame || request.lastFrame || request.referenceImages.length > 0) {
    issues.push({
      field: 'images',
      message: `${model} with an input video takes no images on Runway (video_to_video)`,
    });
  }
  if (wire.promptRequired && request.prompt.trim() === '') {
    issues.push({ field: 'prompt', message: `${model} video_to_video needs a prompt` });
  }
  const use = request.video?.use;
  if (use && wire.modes === undefined && use !== (request.model.videoInput?.uses[0] ?? use)) {
    issues.push({
      field: 'videoUse',
      message: `${model} takes its video only to ${request.model.videoInput?.uses[0]}`,
    });
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid request for runway / ${model}:\n${issues.map((i) => `  - ${i.field}: ${i.message}`).join('\n')}`,
      { provider: 'runway', issues },
    );
  }
  const warnings: GenerationWarning[] = [];
  if (request.audio !== undefined && !wire.audio) {
    warnings.push({
      type: 'unsupported',
      feature: 'audio',
      message: `${model} video_to_video takes no audio flag; it is ignored`,
    });
  }
  if (request.seed !== undefined && !wire.seed) {
    warnings.push({
      type: 'unsupported',
      feature: 'seed',
      message: `${model} video_to_video takes no seed; it is ignored`,
    });
  }
  if (!wire.sendsDuration) {
    warnings.push({
      type: 'approximated',
      feature: 'durationSeconds',
      message: `${model} follows the input video's length; durationSeconds is not sent`,
    });
  }
  return warnings;
}

/** The size fields of the model's table entry (`ratio`, `resolution`), as text_to_video names them. */
function sizeFields(request: ResolvedRequest): Readonly<Record<string, string>> {
  const spec = runwaySpec(request.model.id);
  const size = spec ? wireSize(spec, request.width, request.height) : undefined;
  return size?.text ?? { ratio: `${request.width}:${request.height}` };
}

/**
 * The `POST /v1/video_to_video` body, in the SDK's field names per model: the video as
 * `videoUri` (aleph2, gemini_omni_flash*) or `promptVideo` (seedance2*, hailuo3), `mode` where
 * the model takes one (and `extend` keeps the input's ratio, so none is sent), then prompt,
 * the size as the model's table names it (`ratio`, and `resolution` for hailuo3), duration,
 * audio and seed where the model takes them.
 */
export function buildVideoToVideoBody(
  request: ResolvedRequest,
  wire: VideoToVideoWire,
  videoUri: string,
): Record<string, unknown> {
  const use = request.video?.use;
  const body: Record<string, unknown> = { model: request.model.id, [wire.field]: videoUri };
  if (request.prompt.trim() !== '') body.promptText = request.prompt;
  if (wire.modes && use) body.mode = use;
  if (wire.sendsRatio && use !== 'extend' && use !== 'edit') Object.assign(body, sizeFields(request));
  // seedance2_5 edits in place only with `duration: "auto"`; in extend mode it is the footage added.
  if (wire.sendsDuration) body.duration = use === 'edit' && wire.modes ? 'auto' : request.durationSeconds;
  if (wire.audio && request.audio !== undefined) body.audio = request.audio;
  if (wire.seed && request.seed !== undefined) body.seed = request.seed;
  return body;
}
