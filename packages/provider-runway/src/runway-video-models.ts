import type { ModelInfo, ModelVideoInput, VideoInputUse, VideoSize } from '@video-gen/core';

/** How a `video_to_video` model names its fields on the wire (internal). */
export interface VideoToVideoWire {
  /** The field that carries the input video. */
  readonly field: 'videoUri' | 'promptVideo';
  /** The `mode` values the model takes (seedance2_5, gemini_omni_flash_1.1); none: no `mode` is sent. */
  readonly modes?: readonly VideoInputUse[];
  /** `promptText` is required. */
  readonly promptRequired: boolean;
  /** The model takes `ratio` (the size's label) and `duration`. */
  readonly sendsRatio: boolean;
  readonly sendsDuration: boolean;
  /** The model takes `audio` and `seed`. */
  readonly audio: boolean;
  readonly seed: boolean;
}

function ratios(...labels: readonly string[]): VideoSize[] {
  return labels.map((label) => {
    const [width, height] = label.split(':').map(Number) as [number, number];
    return { width, height, label };
  });
}

// Facts from @runwayml/sdk 4.20 `VideoToVideoCreateParams` (resources/video-to-video.d.ts): the
// field names, ratio lists, modes and "data URI up to 5MB". The SDK types give no input length
// or upload size: the 15 s input cap is the SDK's own limit on reference videos ("combined
// duration … must not exceed 15 seconds"), the 64 MiB size is a conservative cap of ours, and
// the output durations of 4–15 s are Runway's documented Seedance range; verify against
// https://docs.dev.runwayml.com/assets/inputs#videos when Runway changes them.
const SOURCE = '@runwayml/sdk 4.20 VideoToVideoCreateParams; 15 s input cap from its reference-video limit';
const MP4_MOV = ['video/mp4', 'video/quicktime'] as const;
const MAX_BYTES = 64 * 1024 * 1024;
const SEEDANCE_RATIOS = ratios(
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
  '2206:946',
  '1920:1080',
  '1664:1248',
  '1440:1440',
  '1248:1664',
  '1080:1920',
);
const SEEDANCE_FAST_RATIOS = SEEDANCE_RATIOS.slice(0, 12);
const SEEDANCE25_RATIOS = ratios(
  '992:432',
  '854:480',
  '752:560',
  '640:640',
  '560:752',
  '480:854',
  '1470:630',
  '1280:720',
  '1112:834',
  '960:960',
  '834:1112',
  '720:1280',
  '2206:946',
  '1920:1080',
  '1664:1248',
  '1440:1440',
  '1248:1664',
  '1080:1920',
);
const OMNI11_RATIOS = ratios(
  '640:360',
  '360:640',
  '1280:720',
  '720:1280',
  '1920:1080',
  '1080:1920',
  '3840:2160',
  '2160:3840',
);
// Hailuo 3 names aspect ratios, not pixels; the pixel numbers here are the 768p renditions.
const HAILUO_RATIOS: VideoSize[] = [
  { width: 1366, height: 768, label: '16:9' },
  { width: 768, height: 1366, label: '9:16' },
  { width: 768, height: 768, label: '1:1' },
  { width: 1024, height: 768, label: '4:3' },
  { width: 768, height: 1024, label: '3:4' },
  { width: 1792, height: 768, label: '21:9' },
];
// Models whose output follows the input's size: any size is accepted and none is sent.
const FOLLOWS_INPUT = {
  minWidth: 64,
  maxWidth: 3840,
  minHeight: 64,
  maxHeight: 3840,
  multipleOf: 2,
} as const;
const FOLLOWS_INPUT_DEFAULT: VideoSize = { width: 1280, height: 720 };

interface Spec {
  readonly id: string;
  readonly name: string;
  readonly wire: VideoToVideoWire;
  readonly uses: readonly VideoInputUse[];
  readonly sizes: readonly VideoSize[] | undefined;
  readonly maxPromptLength: number;
  readonly maxInputSeconds?: number;
}

const specs: readonly Spec[] = [
  {
    id: 'aleph2',
    name: 'Runway Aleph 2 (video to video)',
    wire: {
      field: 'videoUri',
      promptRequired: false,
      sendsRatio: false,
      sendsDuration: false,
      audio: false,
      seed: true,
    },
    uses: ['edit'],
    sizes: undefined,
    maxPromptLength: 1000,
  },
  ...(['seedance2', 'seedance2_fast', 'seedance2_mini'] as const).map(
    (id): Spec => ({
      id,
      name: `Seedance 2.0${id === 'seedance2' ? '' : id === 'seedance2_fast' ? ' Fast' : ' Mini'} (on Runway)`,
      wire: {
        field: 'promptVideo',
        promptRequired: false,
        sendsRatio: true,
        sendsDuration: true,
        audio: true,
        seed: true,
      },
      uses: ['reference'],
      sizes: id === 'seedance2' ? SEEDANCE_RATIOS : SEEDANCE_FAST_RATIOS,
      maxPromptLength: 3500,
      maxInputSeconds: 15,
    }),
  ),
  {
    id: 'seedance2_5',
    name: 'Seedance 2.5 (on Runway)',
    wire: {
      field: 'promptVideo',
      modes: ['reference', 'extend', 'edit'],
      promptRequired: false,
      sendsRatio: true,
      sendsDuration: true,
      audio: true,
      seed: true,
    },
    uses: ['reference', 'extend', 'edit'],
    sizes: SEEDANCE25_RATIOS,
    maxPromptLength: 15000,
    maxInputSeconds: 15,
  },
  {
    id: 'hailuo3',
    name: 'Hailuo 3 (on Runway)',
    wire: {
      field: 'promptVideo',
      promptRequired: true,
      sendsRatio: true,
      sendsDuration: true,
      audio: false,
      seed: false,
    },
    uses: ['reference'],
    sizes: HAILUO_RATIOS,
    maxPromptLength: 1000,
    maxInputSeconds: 15,
  },
  {
    id: 'gemini_omni_flash',
    name: 'Gemini Omni Flash (on Runway)',
    wire: {
      field: 'videoUri',
      promptRequired: true,
      sendsRatio: false,
      sendsDuration: false,
      audio: false,
      seed: false,
    },
    uses: ['edit'],
    sizes: undefined,
    maxPromptLength: 1000,
  },
  {
    id: 'gemini_omni_flash_1.1',
    name: 'Gemini Omni Flash 1.1 (on Runway)',
    wire: {
      field: 'videoUri',
      modes: ['reference', 'extend', 'edit'],
      promptRequired: true,
      sendsRatio: true,
      sendsDuration: true,
      audio: false,
      seed: false,
    },
    uses: ['reference', 'extend', 'edit'],
    sizes: OMNI11_RATIOS,
    maxPromptLength: 1000,
  },
];

function videoInputOf(spec: Spec, required: boolean): ModelVideoInput {
  return {
    uses: spec.uses,
    ...(required ? { required: true } : {}),
    mediaTypes: MP4_MOV,
    urlSchemes: ['https'],
    maxBytes: MAX_BYTES,
    ...(spec.maxInputSeconds === undefined ? {} : { maxDurationSeconds: spec.maxInputSeconds }),
    source: SOURCE,
  };
}

function videoOnlyModel(spec: Spec): ModelInfo {
  return {
    id: spec.id,
    name: spec.name,
    // Output length: the `duration` sent, or the input's for models that take none.
    durations: { min: 1, max: 15, step: 1 },
    defaultDurationSeconds: 5,
    sizes: spec.sizes ?? FOLLOWS_INPUT,
    defaultSize:
      spec.sizes?.find((size) => size.label === '1280:720' || size.label === '16:9') ?? FOLLOWS_INPUT_DEFAULT,
    fps: [24],
    defaultFps: 24,
    images: {
      firstFrame: false,
      lastFrame: false,
      maxReferenceImages: 0,
      mediaTypes: ['image/png', 'image/jpeg', 'image/webp'],
      imagesAs: 'references',
    },
    audio: spec.wire.audio ? 'optional' : 'none',
    seed: spec.wire.seed,
    negativePrompt: false,
    maxPromptLength: spec.maxPromptLength,
    videoInput: videoInputOf(spec, true),
  };
}

/** The wire spec of a `video_to_video` model id, or undefined when the model has no such endpoint. */
export function videoToVideoWire(modelId: string): VideoToVideoWire | undefined {
  return specs.find((spec) => spec.id === modelId)?.wire;
}

/**
 * The Runway table with `video_to_video` added: a model the table already has (an image- or
 * text-to-video model that also takes a video) gains `videoInput`, optional; one it lacks is
 * added as a video-only model (video required). So the table stays one list whoever adds a model.
 */
export function withVideoToVideo(models: readonly ModelInfo[]): readonly ModelInfo[] {
  const merged = models.map((model) => {
    const spec = specs.find((candidate) => candidate.id === model.id);
    return spec && !model.videoInput ? { ...model, videoInput: videoInputOf(spec, false) } : model;
  });
  const known = new Set(models.map((model) => model.id));
  return [...merged, ...specs.filter((spec) => !known.has(spec.id)).map(videoOnlyModel)];
}
