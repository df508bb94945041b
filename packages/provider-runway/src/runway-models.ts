import type { ModelInfo, VideoSize } from '@video-gen/core';

/** A `width:height` ratio string as Runway names an output size; the pixels are the same numbers. */
function ratios(...labels: readonly string[]): VideoSize[] {
  return labels.map((label) => {
    const [width, height] = label.split(':').map(Number) as [number, number];
    return { width, height, label };
  });
}

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
const GEN4_SIZES = ratios('1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672');
const VEO_SIZES = ratios('1280:720', '720:1280', '1080:1920', '1920:1080');

// Facts from @runwayml/sdk 4.20 (ImageToVideoCreateParams / TextToVideoCreateParams). Runway
// renders at a fixed 24 fps, and limits promptText to 1000 UTF-16 code units (JS string length).

const gen4Turbo: ModelInfo = {
  id: 'gen4_turbo',
  name: 'Runway Gen-4 Turbo',
  durations: [5, 10],
  defaultDurationSeconds: 5,
  sizes: GEN4_SIZES,
  defaultSize: GEN4_SIZES[0]!,
  fps: [24],
  defaultFps: 24,
  images: {
    firstFrame: true,
    // image_to_video only: the SDK types make promptImage required and offer no text_to_video.
    firstFrameRequired: true,
    lastFrame: false,
    maxReferenceImages: 0,
    mediaTypes: IMAGE_TYPES,
    imagesAs: 'first-frame-then-references',
  },
  audio: 'none',
  seed: true,
  negativePrompt: false,
  maxPromptLength: 1000,
};

const gen45: ModelInfo = {
  id: 'gen4.5',
  name: 'Runway Gen-4.5',
  // "an integer from 2 to 10"
  durations: { min: 2, max: 10, step: 1 },
  defaultDurationSeconds: 5,
  // Text-to-video takes only 1280:720 and 720:1280; the provider's check() refuses the others.
  sizes: GEN4_SIZES,
  defaultSize: GEN4_SIZES[0]!,
  fps: [24],
  defaultFps: 24,
  images: {
    firstFrame: true,
    lastFrame: false,
    maxReferenceImages: 0,
    mediaTypes: IMAGE_TYPES,
    imagesAs: 'first-frame-then-references',
  },
  audio: 'none',
  seed: true,
  negativePrompt: false,
  maxPromptLength: 1000,
};

function veo(id: 'veo3.1' | 'veo3.1_fast', name: string): ModelInfo {
  return {
    id,
    name,
    durations: [4, 6, 8],
    defaultDurationSeconds: 8,
    sizes: VEO_SIZES,
    defaultSize: VEO_SIZES[0]!,
    fps: [24],
    defaultFps: 24,
    images: {
      firstFrame: true,
      // promptImage positions 'first' and 'last'; a last frame needs a first frame (check()).
      lastFrame: true,
      maxReferenceImages: 0,
      mediaTypes: IMAGE_TYPES,
      imagesAs: 'first-frame-then-references',
    },
    // `audio` is a request flag that changes the price.
    audio: 'optional',
    seed: true,
    negativePrompt: true,
    maxPromptLength: 1000,
  };
}

/**
 * Google's Gemini Omni Flash models served by Runway, from @runwayml/sdk 4.20.1: "a whole number
 * from 3 to 10" seconds; `promptImage` a first frame only (`gemini_omni_flash`) or first and last
 * (`gemini_omni_flash_1.1`); no seed, audio or negative prompt in their params. The SDK states no
 * prompt limit: 1000 (Runway's limit elsewhere) is kept as a guard. The duration default is
 * video-gen's (the SDK lets the model choose when it is left out).
 */
function geminiOmni(
  id: 'gemini_omni_flash' | 'gemini_omni_flash_1.1',
  name: string,
  sizes: VideoSize[],
  lastFrame: boolean,
): ModelInfo {
  return {
    id,
    name,
    durations: { min: 3, max: 10, step: 1 },
    defaultDurationSeconds: 5,
    sizes,
    defaultSize: sizes[0]!,
    fps: [24],
    defaultFps: 24,
    images: {
      firstFrame: true,
      lastFrame,
      maxReferenceImages: 0,
      mediaTypes: IMAGE_TYPES,
      imagesAs: 'first-frame-then-references',
    },
    audio: 'none',
    seed: false,
    negativePrompt: false,
    maxPromptLength: 1000,
    status: 'ga',
    source: '@runwayml/sdk 4.20.1 types (ImageToVideoCreateParams, TextToVideoCreateParams)',
  };
}

const OMNI_SIZES = ratios('1280:720', '720:1280');
const OMNI_11_SIZES = ratios(
  '1280:720',
  '720:1280',
  '640:360',
  '360:640',
  '1920:1080',
  '1080:1920',
  '3840:2160',
  '2160:3840',
);

/**
 * The Runway models video-gen drives, as data: Gen-4 Turbo (image-to-video, 5 or 10 s), Gen-4.5
 * (text- and image-to-video, 2–10 s), Google's Veo 3.1 and Veo 3.1 Fast served by Runway (4, 6
 * or 8 s, first and last frame, optional audio, negative prompt) and Gemini Omni Flash and Omni
 * Flash 1.1 (3–10 s, text or image, no seed). The whole SDK catalogue is `runwayCatalogue`. Sizes are Runway's ratio strings
 * (`label`), with the same numbers as pixels. `models[0]` (`gen4_turbo`) is the default.
 *
 * @example
 * ```ts
 * const veo = runwayModels.find((model) => model.id === 'veo3.1');
 * veo?.sizes; // [{ width: 1280, height: 720, label: '1280:720' }, ...]
 * ```
 */
export const runwayModels: readonly ModelInfo[] = [
  gen4Turbo,
  gen45,
  veo('veo3.1', 'Veo 3.1 (on Runway)'),
  veo('veo3.1_fast', 'Veo 3.1 Fast (on Runway)'),
  geminiOmni('gemini_omni_flash', 'Gemini Omni Flash (on Runway)', OMNI_SIZES, false),
  geminiOmni('gemini_omni_flash_1.1', 'Gemini Omni Flash 1.1 (on Runway)', OMNI_11_SIZES, true),
];

/** Ratios Gen-4.5 takes without an image (text-to-video). */
export const GEN45_TEXT_RATIOS: readonly string[] = ['1280:720', '720:1280'];
