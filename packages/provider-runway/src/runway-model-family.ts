import type { ModelInfo, ModelStatus, NumberRange } from '@video-gen/core';
import { infoSizes, type RunwayModelSpec, type RunwaySize } from './runway-model-spec.js';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** What varies between Runway models; everything else is the same for all (internal). */
export interface FamilyOptions {
  readonly id: string;
  readonly name: string;
  readonly durations: readonly number[] | NumberRange;
  readonly defaultDurationSeconds?: number;
  readonly sizes: readonly RunwaySize[];
  /** The label of the default size; the first size when absent. */
  readonly defaultSize?: string;
  /** image_to_video only (no text_to_video in the SDK types). */
  readonly firstFrameRequired?: boolean;
  /** `promptImage` takes position `last`. */
  readonly lastFrame: boolean;
  /** The most `references` text_to_video takes; 0 when none. They exclude frames. */
  readonly maxReferenceImages?: number;
  /** The params have an `audio` flag. */
  readonly audio?: boolean;
  readonly seed: boolean;
  readonly negativePrompt?: boolean;
  readonly maxPromptLength: number;
  readonly contentModeration?: boolean;
  readonly imageSetsAspect?: boolean;
  readonly status?: ModelStatus;
  readonly source: string;
}

/**
 * One Runway model from what sets it apart. Runway renders every model at a fixed 24 fps and
 * takes PNG, JPEG or WebP images; reference images go to `text_to_video` as `references` and
 * cannot be mixed with frames (the SDK: "The two modes cannot be mixed").
 */
export function runwayModel(options: FamilyOptions): RunwayModelSpec {
  const sizes = infoSizes(options.sizes);
  const defaultSize = sizes.find((size) => size.label === options.defaultSize) ?? sizes[0]!;
  const maxReferenceImages = options.maxReferenceImages ?? 0;
  const info: ModelInfo = {
    id: options.id,
    name: options.name,
    status: options.status ?? 'ga',
    source: options.source,
    durations: options.durations,
    defaultDurationSeconds: options.defaultDurationSeconds ?? 5,
    sizes,
    defaultSize,
    fps: [24],
    defaultFps: 24,
    images: {
      firstFrame: true,
      ...(options.firstFrameRequired ? { firstFrameRequired: true } : {}),
      lastFrame: options.lastFrame,
      maxReferenceImages,
      ...(maxReferenceImages > 0 ? { referenceImagesExcludeFrames: true } : {}),
      mediaTypes: IMAGE_TYPES,
      imagesAs: 'first-frame-then-references',
    },
    audio: options.audio ? 'optional' : 'none',
    seed: options.seed,
    negativePrompt: options.negativePrompt ?? false,
    maxPromptLength: options.maxPromptLength,
  };
  return {
    info,
    wireSizes: options.sizes,
    contentModeration: options.contentModeration ?? false,
    imageSetsAspect: options.imageSetsAspect ?? false,
    source: options.source,
  };
}
