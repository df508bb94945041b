import type { ModelInfo } from '@video-gen/core';
import { runwayModel } from './runway-model-family.js';
import { pixelRatios, type RunwayModelSpec } from './runway-model-spec.js';
import { partnerModels } from './runway-partner-models.js';

// Facts from @runwayml/sdk 4.20.1 (ImageToVideoCreateParams / TextToVideoCreateParams). Runway
// renders at a fixed 24 fps, and limits promptText to 1000 UTF-16 code units (JS string length).
const SDK = '@runwayml/sdk 4.20.1 types';
const GEN4_RATIOS = ['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672'];

const gen4Turbo = runwayModel({
  id: 'gen4_turbo',
  name: 'Runway Gen-4 Turbo',
  durations: [5, 10],
  sizes: pixelRatios(GEN4_RATIOS, { image: true }),
  // image_to_video only: the SDK types make promptImage required and offer no text_to_video.
  firstFrameRequired: true,
  lastFrame: false,
  seed: true,
  maxPromptLength: 1000,
  contentModeration: true,
  source: SDK,
});

const gen45 = runwayModel({
  id: 'gen4.5',
  name: 'Runway Gen-4.5',
  // "an integer from 2 to 10"
  durations: { min: 2, max: 10, step: 1 },
  // Text-to-video takes only 1280:720 and 720:1280.
  sizes: pixelRatios(GEN4_RATIOS, { image: true }).map((size) =>
    size.width === 1280 || size.width === 720 ? { ...size, text: { ratio: size.label } } : size,
  ),
  lastFrame: false,
  seed: true,
  maxPromptLength: 1000,
  contentModeration: true,
  source: SDK,
});

function veo(id: 'veo3.1' | 'veo3.1_fast', name: string): RunwayModelSpec {
  return runwayModel({
    id,
    name,
    durations: [4, 6, 8],
    defaultDurationSeconds: 8,
    sizes: pixelRatios(['1280:720', '720:1280', '1080:1920', '1920:1080']),
    // promptImage positions 'first' and 'last'; a last frame needs a first frame (check()).
    lastFrame: true,
    // `audio` is a request flag that changes the price.
    audio: true,
    seed: true,
    negativePrompt: true,
    maxPromptLength: 1000,
    source: SDK,
  });
}

/**
 * Google's Gemini Omni Flash models served by Runway: "a whole number from 3 to 10" seconds;
 * `promptImage` a first frame only (`gemini_omni_flash`) or first and last (`1.1`); no seed,
 * audio or negative prompt in their params. The SDK states no prompt limit: 1000 (Runway's limit
 * elsewhere) is kept as a guard. The duration default is video-gen's.
 */
function geminiOmni(id: string, name: string, ratios: readonly string[], lastFrame: boolean) {
  return runwayModel({
    id,
    name,
    durations: { min: 3, max: 10, step: 1 },
    sizes: pixelRatios(ratios),
    lastFrame,
    seed: false,
    maxPromptLength: 1000,
    source: `${SDK} (ImageToVideoCreateParams, TextToVideoCreateParams)`,
  });
}

/** Every Runway model the adapter drives, with its wire facts, in table order (internal). */
export const runwaySpecs: readonly RunwayModelSpec[] = [
  gen4Turbo,
  gen45,
  veo('veo3.1', 'Veo 3.1 (on Runway)'),
  veo('veo3.1_fast', 'Veo 3.1 Fast (on Runway)'),
  geminiOmni('gemini_omni_flash', 'Gemini Omni Flash (on Runway)', ['1280:720', '720:1280'], false),
  geminiOmni(
    'gemini_omni_flash_1.1',
    'Gemini Omni Flash 1.1 (on Runway)',
    ['1280:720', '720:1280', '640:360', '360:640', '1920:1080', '1080:1920', '3840:2160', '2160:3840'],
    true,
  ),
  ...partnerModels,
];

/** The spec of a model id (internal). */
export function runwaySpec(id: string): RunwayModelSpec | undefined {
  return runwaySpecs.find((spec) => spec.info.id === id);
}

/**
 * The Runway models video-gen drives, as data: every video model of `@runwayml/sdk` 4.20.1 that
 * takes text or an image — Gen-4 Turbo and Gen-4.5, Veo 3.1 and Veo 3.1 Fast, Gemini Omni Flash
 * and Omni Flash 1.1, Seedance 2.0 / 2.0 Fast / 2.0 Mini / 2.5, Hailuo 3 and MiniMax H3 Max,
 * HappyHorse 1.0, Wan 3 and Wan 3 Prime, and Grok Imagine 1.5 — with the ratios, durations,
 * frame positions, reference images, audio and prompt limits of their SDK param types (`source`
 * says where a value comes from when the types give none). Sizes carry Runway's names as `label`
 * (`1280:720`, or `16:9 768p` for models named by aspect and tier). The video-only `aleph2` is
 * added by the provider. `models[0]` (`gen4_turbo`) is the default.
 *
 * @example
 * ```ts
 * const seedance = runwayModels.find((model) => model.id === 'seedance2');
 * seedance?.images.maxReferenceImages; // 9
 * ```
 */
export const runwayModels: readonly ModelInfo[] = runwaySpecs.map((spec) => spec.info);
