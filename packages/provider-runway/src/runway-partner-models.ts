import { runwayModel } from './runway-model-family.js';
import { aspectPixels, pixelRatios, type RunwayModelSpec, type RunwaySize } from './runway-model-spec.js';

// Partner models Runway serves, from @runwayml/sdk 4.20.1 (ImageToVideoCreateParams,
// TextToVideoCreateParams, VideoToVideoCreateParams). The SDK types give the ratios, resolutions,
// promptImage positions, reference counts, audio and seed flags and some prompt limits; where
// they give no duration range or prompt limit, `source` names where the value comes from.

const SDK = '@runwayml/sdk 4.20.1 types';

/** Sizes named by an aspect label and a resolution tier (`{ ratio: '16:9', resolution: '768p' }`). */
function aspectTiers(
  aspects: readonly string[],
  tiers: readonly (readonly [resolution: string, shortSide: number])[],
  wire: (aspect: string, resolution: string) => Pick<RunwaySize, 'text' | 'image' | 'noReferences'>,
): RunwaySize[] {
  return tiers.flatMap(([resolution, shortSide]) =>
    aspects.map((aspect) => ({
      ...aspectPixels(aspect, shortSide),
      label: `${aspect} ${resolution}`,
      ...wire(aspect, resolution),
    })),
  );
}

/** Pixel ratios whose image_to_video value is a tier (`auto_720p`, `720p`) instead of the ratio. */
function tieredRatios(tiers: Readonly<Record<string, readonly string[]>>, imageField: string): RunwaySize[] {
  return Object.entries(tiers).flatMap(([tier, labels]) =>
    pixelRatios(labels, { text: true }).map((size) => ({ ...size, image: { [imageField]: tier } })),
  );
}

// --- Seedance (ByteDance) -------------------------------------------------------------------
const SEEDANCE_720 = [
  '992:432',
  '864:496',
  '752:560',
  '640:640',
  '560:752',
  '496:864',
  '1470:630',
  '1280:720',
  '1112:834',
  '960:960',
  '834:1112',
  '720:1280',
];
const SEEDANCE_1080 = ['2206:946', '1920:1080', '1664:1248', '1440:1440', '1248:1664', '1080:1920'];
const SEEDANCE_4K = ['3840:1646', '3840:2160', '3840:2880', '3840:3840', '2880:3840', '2160:3840'];
const SEEDANCE25 = [
  '992:432',
  '854:480',
  '752:560',
  '640:640',
  '560:752',
  '480:854',
  ...SEEDANCE_720.slice(6),
  ...SEEDANCE_1080,
];
const SEEDANCE_SOURCE = `${SDK}; 4–15 s is Seedance 2.0's range on Runway (public Runway model tables), kept for 2.5`;

function seedance(
  id: string,
  name: string,
  ratios: readonly string[],
  maxPromptLength: number,
  maxReferenceImages: number,
) {
  return runwayModel({
    id,
    name,
    durations: { min: 4, max: 15, step: 1 },
    sizes: pixelRatios(ratios),
    defaultSize: '1280:720',
    lastFrame: true,
    maxReferenceImages,
    audio: true,
    seed: true,
    maxPromptLength,
    source: SEEDANCE_SOURCE,
  });
}

// --- Hailuo 3 and H3 Max (MiniMax) -----------------------------------------------------------
const HAILUO_ASPECTS = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9'];
const hailuo3 = runwayModel({
  id: 'hailuo3',
  name: 'Hailuo 3 (on Runway)',
  durations: { min: 5, max: 15, step: 1 },
  // `ratio` and `resolution` on every endpoint; 2k read as a 1440-pixel short side.
  sizes: aspectTiers(
    HAILUO_ASPECTS,
    [
      ['768p', 768],
      ['2k', 1440],
    ],
    (ratio, resolution) => ({ text: { ratio, resolution }, image: { ratio, resolution } }),
  ),
  defaultSize: '16:9 768p',
  lastFrame: true,
  maxReferenceImages: 9,
  seed: false,
  // The SDK says "a non-empty text prompt" with no limit: Runway's 1000 is kept as a guard.
  maxPromptLength: 1000,
  source: `${SDK}; 5–15 s for hailuo3 on Runway (a public MiniMax H3 guide); prompt limit not stated, 1000 kept`,
});

const h3Max = runwayModel({
  id: 'h3_max',
  name: 'MiniMax H3 Max (on Runway)',
  // No range found in the SDK or the docs: 5–10 s is a conservative choice.
  durations: { min: 5, max: 10, step: 1 },
  sizes: [
    { width: 854, height: 480, label: '480p', text: { resolution: '480p' }, image: { resolution: '480p' } },
    { width: 1366, height: 768, label: '768p', text: { resolution: '768p' }, image: { resolution: '768p' } },
  ],
  defaultSize: '768p',
  lastFrame: true,
  seed: true,
  maxPromptLength: 1000,
  imageSetsAspect: true,
  source: `${SDK}; no duration range or prompt limit documented: 5–10 s and 1000 characters chosen conservatively`,
});

// --- HappyHorse 1.0 (Alibaba) ---------------------------------------------------------------
const happyhorse = runwayModel({
  id: 'happyhorse_1_0',
  name: 'HappyHorse 1.0 (on Runway)',
  durations: { min: 3, max: 15, step: 1 },
  // text_to_video takes a pixel ratio; image_to_video only a tier ("aspect ratio follows the input image").
  sizes: tieredRatios(
    {
      '720p': ['1280:720', '720:1280', '960:960', '1108:832', '832:1108'],
      '1080p': ['1920:1080', '1080:1920', '1440:1440', '1662:1248', '1248:1662'],
    },
    'resolution',
  ),
  defaultSize: '1280:720',
  lastFrame: false,
  seed: false,
  maxPromptLength: 2500,
  imageSetsAspect: true,
  source: `${SDK}; 3–15 s from Alibaba's HappyHorse 1.0 docs`,
});

// --- Wan 3 (Alibaba) ------------------------------------------------------------------------
function wan(id: string, name: string) {
  return runwayModel({
    id,
    name,
    // No range found for Wan 3 on Runway (Wan 2.7 takes 2–15 s): 5–10 s chosen conservatively.
    durations: { min: 5, max: 10, step: 1 },
    // "Keyframe image-to-video requests must use auto_480p, auto_720p, or auto_1080p".
    sizes: tieredRatios(
      {
        auto_480p: ['832:480', '720:544', '624:624', '544:720', '480:832'],
        auto_720p: ['1280:720', '1104:832', '960:960', '832:1104', '720:1280'],
        auto_1080p: ['1920:1080', '1648:1248', '1440:1440', '1248:1648', '1080:1920'],
      },
      'ratio',
    ),
    defaultSize: '1280:720',
    lastFrame: true,
    maxReferenceImages: 10,
    audio: true,
    seed: false,
    maxPromptLength: 1000,
    imageSetsAspect: true,
    source: `${SDK}; no duration range or prompt limit documented: 5–10 s and 1000 characters chosen conservatively`,
  });
}

// --- Grok Imagine 1.5 (xAI) -----------------------------------------------------------------
const grok = runwayModel({
  id: 'grok_imagine_1_5',
  name: 'Grok Imagine 1.5 (on Runway)',
  // xAI's relays document 1–15 s, Leonardo 3–15 s: the common 3–15 s.
  durations: { min: 3, max: 15, step: 1 },
  sizes: aspectTiers(
    ['16:9', '9:16', '1:1', '4:3', '3:4', '3:2', '2:3'],
    [
      ['480p', 480],
      ['720p', 720],
      ['1080p', 1080],
    ],
    // "Requests with image references are capped at 720p"; with a frame, the image sets the aspect.
    (ratio, resolution) => ({
      text: { ratio, resolution },
      image: { resolution },
      ...(resolution === '1080p' ? { noReferences: true } : {}),
    }),
  ),
  defaultSize: '16:9 720p',
  lastFrame: false,
  // The SDK names "[Image 1], [Image 2], and so on" without a cap: 2 is the count it shows.
  maxReferenceImages: 2,
  seed: false,
  maxPromptLength: 1000,
  imageSetsAspect: true,
  source: `${SDK}; 3–15 s from xAI's Grok Imagine docs; reference cap and prompt limit not stated (2 and 1000 kept)`,
});

/** The partner models of Runway's catalogue, one family builder each. */
export const partnerModels: readonly RunwayModelSpec[] = [
  hailuo3,
  h3Max,
  happyhorse,
  seedance(
    'seedance2',
    'Seedance 2.0 (on Runway)',
    [...SEEDANCE_720, ...SEEDANCE_1080, ...SEEDANCE_4K],
    3500,
    9,
  ),
  seedance('seedance2_fast', 'Seedance 2.0 Fast (on Runway)', SEEDANCE_720, 3500, 9),
  seedance('seedance2_mini', 'Seedance 2.0 Mini (on Runway)', SEEDANCE_720, 3500, 9),
  seedance('seedance2_5', 'Seedance 2.5 (on Runway)', SEEDANCE25, 15000, 30),
  wan('wan3', 'Wan 3 (on Runway)'),
  wan('wan3_prime', 'Wan 3 Prime (on Runway)'),
  grok,
];
