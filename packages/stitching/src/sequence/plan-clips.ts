import {
  type CostEstimate,
  checkVideoRequest,
  type GenerateVideoOptions,
  type GenerationWarning,
  type ImageInput,
  InputFileError,
  type ModelInfo,
  ValidationError,
  VideoGenError,
  type VideoProvider,
} from '@video-gen/core';
import type { FrameFormat } from '../frames/extract-last-frame.js';
import {
  type ClipIdentity,
  clipFingerprint,
  imageIdentity,
  type RecordedSettings,
} from './clip-fingerprint.js';
import { distributeImages } from './distribute-images.js';
import { placeholderFrame } from './placeholder-frame.js';
import type { PlannedClip } from './reconcile-manifest.js';
import type { GenerateSequenceOptions, SequenceChain } from './sequence-options.js';

/** One clip's request, less the first frame of the clips after the first (it does not exist yet). */
export interface ClipRequest {
  readonly prompt: string;
  readonly images: readonly ImageInput[];
  readonly referenceImages: readonly ImageInput[];
  readonly firstFrame: ImageInput | undefined;
}

/** The boundary frame format: PNG (lossless) when the model takes it. */
export function chooseFrameFormat(model: ModelInfo, requested: FrameFormat | undefined): FrameFormat {
  const takes = (format: FrameFormat) =>
    model.images.mediaTypes.includes(format === 'png' ? 'image/png' : 'image/jpeg');
  if (requested !== undefined) {
    if (!takes(requested)) {
      throw new ValidationError(
        `frameFormat ${requested}: ${model.id} takes ${model.images.mediaTypes.join(', ')}.`,
        {
          code: 'frame_format_unsupported',
          issues: [{ field: 'frameFormat', message: `${model.id} does not take ${requested}` }],
        },
      );
    }
    return requested;
  }
  if (takes('png')) return 'png';
  if (takes('jpeg')) return 'jpeg';
  throw new ValidationError(
    `${model.id} takes first frames only as ${model.images.mediaTypes.join(', ')}; stitching writes PNG or JPEG frames.`,
    { code: 'frame_format_unsupported', issues: [{ field: 'model', message: 'no PNG or JPEG input' }] },
  );
}

/** Each clip's request: its images plus its share of the sequence's `images`. */
export function clipRequests(options: GenerateSequenceOptions): ClipRequest[] {
  const shared = distributeImages(options.images, options.clips.length);
  return options.clips.map((clip, position) => {
    if (position > 0 && clip.firstFrame !== undefined) {
      throw new ValidationError(
        `clips[${position}].firstFrame: only the first clip takes a first frame; clip ${position + 1} starts from clip ${position}'s last frame.`,
        {
          code: 'first_frame_not_first_clip',
          issues: [{ field: `clips[${position}].firstFrame`, message: 'only for the first clip' }],
        },
      );
    }
    return {
      prompt: clip.prompt,
      images: [...(shared[position] ?? []), ...(clip.images ?? [])],
      referenceImages: [...(clip.referenceImages ?? [])],
      firstFrame: clip.firstFrame,
    };
  });
}

/** Says which clip an error of core's validation is about. */
function forClip(error: unknown, index: number): unknown {
  if (InputFileError.isInstance(error)) {
    return new InputFileError(`Clip ${index}: ${error.message}`, error.path, {
      code: error.code,
      provider: error.provider,
      cause: error,
    });
  }
  if (ValidationError.isInstance(error)) {
    return new ValidationError(`Clip ${index}: ${error.message}`, {
      code: error.code,
      provider: error.provider,
      issues: error.issues.map((issue) => ({ ...issue, field: `clips[${index - 1}].${issue.field}` })),
      cause: error,
    });
  }
  return error;
}

/**
 * Validates every clip as core would before the first paid call. The clips after the first are
 * checked with a stand-in first frame of the right size and format, since theirs is extracted
 * later. Returns the resolved size of the clips and each clip's cost estimate (`undefined` when
 * the model has no known price), with the `price_unknown` warning once when it has none.
 */
export async function preflightClips(
  requests: readonly ClipRequest[],
  base: Omit<GenerateVideoOptions, 'prompt'>,
  provider: VideoProvider,
  format: FrameFormat,
  chain: SequenceChain = 'last-frame',
): Promise<{
  width: number;
  height: number;
  estimates: (CostEstimate | undefined)[];
  priceWarning: GenerationWarning | undefined;
}> {
  let size: { width: number; height: number } | undefined;
  const estimates: (CostEstimate | undefined)[] = [];
  let priceWarning: GenerationWarning | undefined;
  let placeholder: Uint8Array | undefined;
  for (const [position, request] of requests.entries()) {
    try {
      const resolved = await checkVideoRequest({
        ...base,
        provider,
        prompt: request.prompt,
        images: request.images,
        referenceImages: request.referenceImages,
        // An extended clip's input is the previous clip, which does not exist yet: its own checks run at its turn.
        firstFrame: position === 0 ? request.firstFrame : chain === 'extend' ? undefined : placeholder,
      });
      estimates.push(resolved.costEstimate);
      priceWarning ??= resolved.warnings.find((warning) => warning.feature === 'price');
      if (!size) {
        size = { width: resolved.width, height: resolved.height };
        placeholder = placeholderFrame(format, size.width, size.height);
      }
    } catch (error) {
      throw forClip(error, position + 1);
    }
  }
  if (!size) throw new VideoGenError('A sequence needs at least one clip.', 'no_clips');
  return { ...size, estimates, priceWarning };
}

/** What the manifest records for each clip, with fingerprints chained from the first clip. */
export async function planClips(
  requests: readonly ClipRequest[],
  provider: string,
  model: string,
  settings: RecordedSettings,
  clipPath: (index: number) => string,
): Promise<PlannedClip[]> {
  const planned: PlannedClip[] = [];
  let previous: string | null = null;
  for (const [position, request] of requests.entries()) {
    const identity: ClipIdentity = {
      provider,
      model,
      prompt: request.prompt,
      settings,
      images: await Promise.all(request.images.map(imageIdentity)),
      referenceImages: await Promise.all(request.referenceImages.map(imageIdentity)),
      firstFrame: request.firstFrame === undefined ? null : await imageIdentity(request.firstFrame),
    };
    const fingerprint = clipFingerprint(identity, previous);
    planned.push({
      index: position + 1,
      prompt: request.prompt,
      identity,
      fingerprint,
      path: clipPath(position + 1),
    });
    previous = fingerprint;
  }
  return planned;
}
