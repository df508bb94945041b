import type { ModelImageInputs, ModelInfo } from '@video-gen/core';

/**
 * A caller's capability entry for a wrapped AI SDK model: the model id plus whatever differs from
 * the defaults of {@link aiSdkModelInfo} (`images` field by field).
 */
export type AiSdkModelEntry = { readonly id: string; readonly images?: Partial<ModelImageInputs> } & Partial<
  Omit<ModelInfo, 'id' | 'images'>
>;

const DEFAULT_SIZES = [
  { width: 1280, height: 720, label: '16:9' },
  { width: 720, height: 1280, label: '9:16' },
  { width: 960, height: 960, label: '1:1' },
  { width: 1920, height: 1080, label: '16:9' },
  { width: 1080, height: 1920, label: '9:16' },
] as const;

/**
 * The `ModelInfo` video-gen validates a wrapped AI SDK model against, so a request outside it is
 * refused before any paid call. The AI SDK spec carries no capabilities, so the defaults are the
 * common ground of today's video models (5 s, 16:9 / 9:16 / 1:1 at 720p or 1080p, 24 fps, a first
 * frame, no last frame, no reference images, no audio, a seed); pass what your model really takes.
 *
 * @example
 * ```ts
 * const ray2 = aiSdkModelInfo({ id: 'luma-ray-2', durations: [5, 9], audio: 'none' });
 * ```
 */
export function aiSdkModelInfo(entry: AiSdkModelEntry | string): ModelInfo {
  const given: AiSdkModelEntry = typeof entry === 'string' ? { id: entry } : entry;
  const sizes = given.sizes ?? DEFAULT_SIZES;
  const firstSize = Array.isArray(sizes) ? sizes[0] : undefined;
  const durations = given.durations ?? [5];
  const fps = given.fps ?? [24];
  return {
    name: given.id,
    defaultDurationSeconds: Array.isArray(durations)
      ? (durations[0] ?? 5)
      : (durations as { min: number }).min,
    defaultSize: firstSize ?? { width: 1280, height: 720 },
    defaultFps: Array.isArray(fps) ? (fps[0] ?? 24) : (fps as { min: number }).min,
    audio: 'none',
    seed: true,
    negativePrompt: false,
    maxPromptLength: 2500,
    source: 'caller-supplied capability table (@video-gen/ai-sdk defaults where absent)',
    ...given,
    sizes,
    durations,
    fps,
    images: {
      firstFrame: true,
      lastFrame: false,
      maxReferenceImages: 0,
      referenceImagesExcludeFrames: true,
      mediaTypes: ['image/png', 'image/jpeg', 'image/webp'],
      imagesAs: 'first-frame-then-references',
      ...given.images,
    },
  };
}
