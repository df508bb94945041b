import type { ModelInfo, VideoSize } from '@video-gen/core';

/** Veo 3.x sizes: 720p at any duration, 1080p only at 8 s (Vertex refuses other 1080p lengths). */
const VEO3_SIZES: readonly VideoSize[] = [
  { width: 1280, height: 720, label: '16:9 720p' },
  { width: 1920, height: 1080, label: '16:9 1080p', durations: [8] },
  { width: 720, height: 1280, label: '9:16 720p' },
  { width: 1080, height: 1920, label: '9:16 1080p', durations: [8] },
];

/** Veo 2 renders 720p only. */
const VEO2_SIZES: readonly VideoSize[] = [
  { width: 1280, height: 720, label: '16:9 720p' },
  { width: 720, height: 1280, label: '9:16 720p' },
];

const DEFAULT_SIZE: VideoSize = { width: 1280, height: 720, label: '16:9 720p' };

// Vertex limits prompts in tokens; this only stops runaway input before a paid call.
const MAX_PROMPT_LENGTH = 10_000;

interface Veo3Spec {
  readonly id: string;
  readonly name: string;
  readonly sizes: readonly VideoSize[];
  readonly durations: ModelInfo['durations'];
  readonly lastFrame: boolean;
  readonly maxReferenceImages: number;
  readonly referenceImagesExcludeFrames?: boolean;
  readonly audio: ModelInfo['audio'];
}

function veoModel(spec: Veo3Spec): ModelInfo {
  return {
    id: spec.id,
    name: spec.name,
    durations: spec.durations,
    defaultDurationSeconds: 8,
    sizes: spec.sizes,
    defaultSize: DEFAULT_SIZE,
    fps: [24],
    defaultFps: 24,
    images: {
      firstFrame: true,
      lastFrame: spec.lastFrame,
      maxReferenceImages: spec.maxReferenceImages,
      ...(spec.referenceImagesExcludeFrames ? { referenceImagesExcludeFrames: true } : {}),
      mediaTypes: ['image/png', 'image/jpeg'],
      imagesAs: 'first-frame-then-references',
    },
    audio: spec.audio,
    seed: true,
    negativePrompt: true,
    maxPromptLength: MAX_PROMPT_LENGTH,
  };
}

const veo31 = (id: string, name: string) =>
  veoModel({
    id,
    name,
    sizes: VEO3_SIZES,
    durations: [4, 6, 8],
    lastFrame: true,
    maxReferenceImages: 3,
    referenceImagesExcludeFrames: true,
    audio: 'optional',
  });

const veo31Fast = (id: string, name: string) =>
  veoModel({
    id,
    name,
    sizes: VEO3_SIZES,
    durations: [4, 6, 8],
    lastFrame: true,
    maxReferenceImages: 3,
    audio: 'optional',
  });

const veo30 = (id: string, name: string) =>
  veoModel({
    id,
    name,
    sizes: VEO3_SIZES,
    durations: [4, 6, 8],
    lastFrame: false,
    maxReferenceImages: 0,
    audio: 'optional',
  });

/**
 * The Veo models on Vertex AI, GA ids and previews, as data: durations, sizes (aspect ratio ×
 * resolution, with 1080p allowed only at 8 s on Veo 3.x), fixed 24 fps, image roles and audio.
 * `veo3Models[0]` (`veo-3.1-generate-001`) is the default.
 *
 * @example
 * ```ts
 * const fast = veo3Models.find((model) => model.id === 'veo-3.1-fast-generate-001');
 * console.log(fast?.durations); // [4, 6, 8]
 * ```
 */
export const veo3Models: readonly ModelInfo[] = [
  veo31('veo-3.1-generate-001', 'Veo 3.1'),
  veo31('veo-3.1-generate-preview', 'Veo 3.1 (preview)'),
  veo31Fast('veo-3.1-fast-generate-001', 'Veo 3.1 Fast'),
  veo31Fast('veo-3.1-fast-generate-preview', 'Veo 3.1 Fast (preview)'),
  veo30('veo-3.0-generate-001', 'Veo 3'),
  veo30('veo-3.0-fast-generate-001', 'Veo 3 Fast'),
  veoModel({
    id: 'veo-2.0-generate-001',
    name: 'Veo 2',
    sizes: VEO2_SIZES,
    durations: { min: 5, max: 8, step: 1 },
    lastFrame: true,
    maxReferenceImages: 3,
    audio: 'none',
  }),
];

/** What the wire needs beyond ModelInfo: Veo 2 takes no `resolution` and may take one style image. */
export interface Veo3WireTraits {
  /** Send `parameters.resolution` (Veo 3.x); Veo 2 renders 720p and takes none. */
  readonly sendsResolution: boolean;
  /** Reference types the model takes. */
  readonly referenceTypes: readonly ('asset' | 'style')[];
}

/** Wire traits of a model id (internal). */
export function wireTraits(modelId: string): Veo3WireTraits {
  return modelId.startsWith('veo-2.')
    ? { sendsResolution: false, referenceTypes: ['asset', 'style'] }
    : { sendsResolution: true, referenceTypes: ['asset'] };
}
