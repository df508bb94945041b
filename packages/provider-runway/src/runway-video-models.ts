import type { ModelInfo, ModelVideoInput, VideoInputUse } from '@video-gen/core';

/** How a `video_to_video` model names its fields on the wire (internal). */
export interface VideoToVideoWire {
  /** The field that carries the input video. */
  readonly field: 'videoUri' | 'promptVideo';
  /** The `mode` values the model takes (seedance2_5, gemini_omni_flash_1.1); none: no `mode` is sent. */
  readonly modes?: readonly VideoInputUse[];
  /** `promptText` is required. */
  readonly promptRequired: boolean;
  /** The model takes its size (`ratio`, and `resolution` where its table has one) and `duration`. */
  readonly sendsRatio: boolean;
  readonly sendsDuration: boolean;
  /** The model takes `audio` and `seed`. */
  readonly audio: boolean;
  readonly seed: boolean;
}

// Facts from @runwayml/sdk 4.20.1 `VideoToVideoCreateParams` (resources/video-to-video.d.ts): the
// field names, modes and "data URI up to 5MB". The SDK types give no input length or upload
// size: the 15 s input cap is the SDK's own limit on reference videos ("combined duration …
// must not exceed 15 seconds"), and the 64 MiB size is a conservative cap of ours. Sizes and
// output durations are the model's own table entry (runway-models.ts), except for aleph2.
const SOURCE = '@runwayml/sdk 4.20.1 VideoToVideoCreateParams; 15 s input cap from its reference-video limit';
const MP4_MOV = ['video/mp4', 'video/quicktime'] as const;
const MAX_BYTES = 64 * 1024 * 1024;
const ALL_USES = ['reference', 'extend', 'edit'] as const;
// aleph2's output follows the input's size: any size is accepted and none is sent.
const FOLLOWS_INPUT = {
  minWidth: 64,
  maxWidth: 3840,
  minHeight: 64,
  maxHeight: 3840,
  multipleOf: 2,
} as const;

interface Spec {
  readonly id: string;
  /** The name of a model only video_to_video serves (aleph2). */
  readonly name?: string;
  readonly wire: VideoToVideoWire;
  readonly uses: readonly VideoInputUse[];
  readonly maxInputSeconds?: number;
}

/** Seedance 2.0 and its variants: `promptVideo` as reference, ratio, duration, audio and seed. */
function seedance(id: string, modes = false): Spec {
  const wire: VideoToVideoWire = {
    field: 'promptVideo',
    ...(modes ? { modes: ALL_USES } : {}),
    promptRequired: false,
    sendsRatio: true,
    sendsDuration: true,
    audio: true,
    seed: true,
  };
  return { id, wire, uses: modes ? ALL_USES : ['reference'], maxInputSeconds: 15 };
}

/** Gemini Omni Flash: `videoUri`, a required prompt; 1.1 adds modes, ratio and duration. */
function geminiOmni(id: string, modes: boolean): Spec {
  const wire: VideoToVideoWire = {
    field: 'videoUri',
    ...(modes ? { modes: ALL_USES } : {}),
    promptRequired: true,
    sendsRatio: modes,
    sendsDuration: modes,
    audio: false,
    seed: false,
  };
  return { id, wire, uses: modes ? ALL_USES : ['edit'] };
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
  },
  seedance('seedance2'),
  seedance('seedance2_fast'),
  seedance('seedance2_mini'),
  seedance('seedance2_5', true),
  {
    id: 'hailuo3',
    wire: {
      field: 'promptVideo',
      promptRequired: true,
      sendsRatio: true,
      sendsDuration: true,
      audio: false,
      seed: false,
    },
    uses: ['reference'],
    maxInputSeconds: 15,
  },
  geminiOmni('gemini_omni_flash', false),
  geminiOmni('gemini_omni_flash_1.1', true),
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

/** A model only video_to_video serves (aleph2): the output follows the input's size and length. */
function videoOnlyModel(spec: Spec): ModelInfo {
  return {
    id: spec.id,
    name: spec.name ?? spec.id,
    status: 'ga',
    source: SOURCE,
    // Output length: the input's; the range bounds the input core accepts.
    durations: { min: 1, max: 15, step: 1 },
    defaultDurationSeconds: 5,
    sizes: FOLLOWS_INPUT,
    defaultSize: { width: 1280, height: 720 },
    fps: [24],
    defaultFps: 24,
    images: {
      firstFrame: false,
      lastFrame: false,
      maxReferenceImages: 0,
      mediaTypes: ['image/png', 'image/jpeg', 'image/webp'],
      imagesAs: 'references',
    },
    audio: 'none',
    seed: spec.wire.seed,
    negativePrompt: false,
    maxPromptLength: 1000,
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
