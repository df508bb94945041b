import type { ModelInfo, VideoSize } from '@video-gen/core';

// The vendor names sizes `WIDTHxHEIGHT`; the label is that wire string.
const LANDSCAPE: VideoSize = { width: 1280, height: 720, label: '1280x720' };
const PORTRAIT: VideoSize = { width: 720, height: 1280, label: '720x1280' };
const WIDE: VideoSize = { width: 1792, height: 1024, label: '1792x1024' };
const TALL: VideoSize = { width: 1024, height: 1792, label: '1024x1792' };

function soraModel(id: string, name: string, pro: boolean): ModelInfo {
  return {
    id,
    name,
    durations: [4, 8, 12],
    defaultDurationSeconds: 4,
    sizes: pro ? [LANDSCAPE, PORTRAIT, WIDE, TALL] : [LANDSCAPE, PORTRAIT],
    defaultSize: LANDSCAPE,
    // The API takes no frame rate; the MP4s it delivers are 30 fps.
    fps: [30],
    defaultFps: 30,
    images: {
      // `input_reference` becomes the first frame; there is no last frame or reference image role.
      firstFrame: true,
      lastFrame: false,
      maxReferenceImages: 0,
      mediaTypes: ['image/jpeg', 'image/png', 'image/webp'],
      imagesAs: 'first-frame-then-references',
    },
    // Sora 2 always renders a soundtrack (dialogue, effects) with the picture.
    audio: 'always',
    seed: false,
    negativePrompt: false,
    maxPromptLength: 10_000,
    // An estimate, for core's poll schedule only: OpenAI publishes no render times ("sora-2-pro
    // takes longer to render", video generation guide). Sora reports progress, which the schedule
    // prefers; the ledger's observed median replaces this after 3 jobs.
    typicalDurationMs: pro ? 180_000 : 90_000,
    // The date: the installed openai SDK (7.57, resources/videos.d.ts) tags every videos method
    // `@deprecated The Sora API is scheduled to permanently shut down on September 24, 2026`.
    // OpenAI names no successor video model, so there is no `replacement`.
    status: 'retired',
    retiresOn: '2026-09-24',
    source:
      'openai SDK 7.57 types (resources/videos.d.ts): every videos method @deprecated "scheduled to permanently shut down on September 24, 2026"',
  };
}

/**
 * The Sora 2 models of the Videos API, as data: `sora-2` (the default: 1280x720 and 720x1280),
 * `sora-2-pro` (also 1792x1024 and 1024x1792) and their dated snapshots; 4, 8 or 12 s at 30 fps
 * with audio; an optional first frame (`input_reference`) that must match the size exactly.
 *
 * @example
 * ```ts
 * import { soraModels } from '@video-gen/provider-sora';
 * soraModels.map((model) => model.id); // ['sora-2', 'sora-2-pro', 'sora-2-2025-10-06', ...]
 * ```
 */
export const soraModels: readonly ModelInfo[] = [
  soraModel('sora-2', 'Sora 2', false),
  soraModel('sora-2-pro', 'Sora 2 Pro', true),
  soraModel('sora-2-2025-10-06', 'Sora 2 (2025-10-06 snapshot)', false),
  soraModel('sora-2-pro-2025-10-06', 'Sora 2 Pro (2025-10-06 snapshot)', true),
  soraModel('sora-2-2025-12-08', 'Sora 2 (2025-12-08 snapshot)', false),
];

/**
 * The ids of {@link soraModels}: the values the Videos API takes as `model`.
 *
 * @example
 * ```ts
 * const family: SoraModelId = 'sora-2-pro';
 * ```
 */
export type SoraModelId =
  | 'sora-2'
  | 'sora-2-pro'
  | 'sora-2-2025-10-06'
  | 'sora-2-pro-2025-10-06'
  | 'sora-2-2025-12-08';

/**
 * Every {@link SoraModelId}, in table order.
 *
 * @example
 * ```ts
 * SORA_MODEL_IDS.includes('sora-2'); // true
 * ```
 */
export const SORA_MODEL_IDS: readonly SoraModelId[] = [
  'sora-2',
  'sora-2-pro',
  'sora-2-2025-10-06',
  'sora-2-pro-2025-10-06',
  'sora-2-2025-12-08',
];
