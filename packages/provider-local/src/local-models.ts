import type { ModelInfo } from '@video-gen/core';

/**
 * The local renderer's one model. Integer seconds and integer frame rates only, so the
 * frame count (`fps × durationSeconds`) is exact.
 */
const localV1: ModelInfo = {
  id: 'local-v1',
  name: 'Local ffmpeg renderer',
  durations: { min: 1, max: 60, step: 1 },
  defaultDurationSeconds: 4,
  // Even sides: H.264 with 4:2:0 chroma needs them.
  sizes: { minWidth: 16, maxWidth: 3840, minHeight: 16, maxHeight: 2160, multipleOf: 2 },
  defaultSize: { width: 1280, height: 720, label: '720p' },
  fps: { min: 1, max: 60, step: 1 },
  defaultFps: 24,
  images: {
    firstFrame: true,
    lastFrame: true,
    maxReferenceImages: 0,
    mediaTypes: ['image/png', 'image/jpeg', 'image/webp'],
    imagesAs: 'first-frame-then-references',
  },
  // A sine tone whose pitch comes from the prompt and seed.
  audio: 'optional',
  seed: true,
  negativePrompt: false,
  maxPromptLength: 10_000,
};

/**
 * The models of the local provider: `local-v1`, an offline ffmpeg renderer that takes any even
 * size up to 3840×2160, 1–60 s, 1–60 fps, a first and a last frame, and an optional tone.
 *
 * @example
 * ```ts
 * const [model] = localModels; // model.id === 'local-v1'
 * ```
 */
export const localModels: readonly ModelInfo[] = [localV1];
