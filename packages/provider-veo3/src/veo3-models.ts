import type { ModelInfo, VideoSize } from '@video-gen/core';

/** Veo 3.x sizes: 720p at any duration, 1080p only at 8 s (Vertex refuses other 1080p lengths). */
const VEO3_SIZES: readonly VideoSize[] = [
  { width: 1280, height: 720, label: '16:9 720p' },
  { width: 1920, height: 1080, label: '16:9 1080p', durations: [8] },
  { width: 720, height: 1280, label: '9:16 720p' },
  { width: 1080, height: 1920, label: '9:16 1080p', durations: [8] },
];

/**
 * Veo 3.1 on Vertex also renders 4K (`resolution: '4k'`), at 8 s like 1080p. The installed
 * @google/genai 3.3 types still document `resolution` as "720p and 1080p" (a plain string, so the
 * wire takes `4k`): the vendor's current docs, as reported in issue 17, win over that comment.
 */
const VEO31_SIZES: readonly VideoSize[] = [
  ...VEO3_SIZES,
  { width: 3840, height: 2160, label: '16:9 4k', durations: [8] },
  { width: 2160, height: 3840, label: '9:16 4k', durations: [8] },
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
  /** The lifecycle fields: status, dates, replacement, source. */
  readonly lifecycle: Pick<ModelInfo, 'status' | 'deprecatedOn' | 'retiresOn' | 'replacement' | 'source'>;
}

const SDK = '@google/genai 3.3 types list no Veo ids; Vertex AI model docs as reported in issue 17';
const GA = { status: 'ga', source: `Vertex AI GA id (${SDK})` } as const;
const VERTEX_PREVIEW = {
  status: 'preview',
  source: `Vertex AI preview id; the same id on the Gemini API was reported shut down 2026-10-22 (${SDK})`,
} as const;
const VEO30_RETIRED = {
  status: 'retired',
  retiresOn: '2026-06-30',
  source: `reported retired 2026-06-30 (issue 17, secondary source; ${SDK})`,
} as const;

/**
 * How long a job usually takes, for core's poll schedule: Veo reports no progress, so the polls
 * are placed around this. An estimate: Google documents only that generation "can take several
 * minutes" (Vertex AI video generation docs) and that Fast and Lite are faster; the ledger's
 * observed median replaces it after 3 jobs.
 */
function typicalDurationMs(id: string): number {
  if (id.includes('lite')) return 35_000;
  if (id.includes('fast')) return 50_000;
  if (id.startsWith('veo-2')) return 60_000;
  return 90_000;
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
    typicalDurationMs: typicalDurationMs(spec.id),
    ...spec.lifecycle,
  };
}

const veo31 = (id: string, name: string, lifecycle: Veo3Spec['lifecycle'], sizes = VEO31_SIZES) =>
  veoModel({
    id,
    name,
    lifecycle,
    sizes,
    durations: [4, 6, 8],
    lastFrame: true,
    maxReferenceImages: 3,
    referenceImagesExcludeFrames: true,
    audio: 'optional',
  });

const veo31Fast = (id: string, name: string, lifecycle: Veo3Spec['lifecycle'], sizes = VEO31_SIZES) =>
  veoModel({
    id,
    name,
    lifecycle,
    sizes,
    durations: [4, 6, 8],
    lastFrame: true,
    maxReferenceImages: 3,
    audio: 'optional',
  });

const veo30 = (id: string, name: string, replacement: string) =>
  veoModel({
    id,
    name,
    lifecycle: { ...VEO30_RETIRED, replacement },
    sizes: VEO3_SIZES,
    durations: [4, 6, 8],
    lastFrame: false,
    maxReferenceImages: 0,
    audio: 'optional',
  });

/**
 * The Veo models on Vertex AI, GA ids and previews, as data: durations, sizes (aspect ratio ×
 * resolution, with 1080p and 4K allowed only at 8 s), fixed 24 fps, image roles, audio and each
 * model's lifecycle with its source. `veo3Models[0]` (`veo-3.1-generate-001`, GA) is the default;
 * Veo 3.0 is retired (2026-06-30, reported) in favour of Veo 3.1.
 *
 * @example
 * ```ts
 * const fast = veo3Models.find((model) => model.id === 'veo-3.1-fast-generate-001');
 * console.log(fast?.durations); // [4, 6, 8]
 * ```
 */
export const veo3Models: readonly ModelInfo[] = [
  veo31('veo-3.1-generate-001', 'Veo 3.1', GA),
  veo31Fast('veo-3.1-fast-generate-001', 'Veo 3.1 Fast', GA),
  // Lite: 720p and 1080p, first frame only, as far as reported; widened once the docs are checked.
  veoModel({
    id: 'veo-3.1-lite-generate-001',
    name: 'Veo 3.1 Lite (preview)',
    lifecycle: { status: 'preview', source: `Vertex AI preview id, reported in issue 17 (${SDK})` },
    sizes: VEO3_SIZES,
    durations: [4, 6, 8],
    lastFrame: false,
    maxReferenceImages: 0,
    audio: 'optional',
  }),
  veo31('veo-3.1-generate-preview', 'Veo 3.1 (preview)', VERTEX_PREVIEW, VEO3_SIZES),
  veo31Fast('veo-3.1-fast-generate-preview', 'Veo 3.1 Fast (preview)', VERTEX_PREVIEW, VEO3_SIZES),
  veo30('veo-3.0-generate-001', 'Veo 3', 'veo-3.1-generate-001'),
  veo30('veo-3.0-fast-generate-001', 'Veo 3 Fast', 'veo-3.1-fast-generate-001'),
  veoModel({
    id: 'veo-2.0-generate-001',
    name: 'Veo 2',
    lifecycle: { status: 'ga', source: `Vertex AI GA id (${SDK})` },
    sizes: VEO2_SIZES,
    durations: { min: 5, max: 8, step: 1 },
    lastFrame: true,
    maxReferenceImages: 3,
    audio: 'none',
  }),
];

/**
 * Ids the Gemini Developer API (gemini-legacy mode) no longer serves although Vertex does: the
 * `veo-3.1-*-preview` ids, reported shut down there on 2026-10-22 (issue 17, secondary source).
 * gemini-legacy mode refuses them before calling, unless the caller opts in to retired models.
 */
export const GEMINI_API_RETIRED: Readonly<Record<string, { retiresOn: string; replacement: string }>> = {
  'veo-3.1-generate-preview': { retiresOn: '2026-10-22', replacement: 'veo-3.1-generate-001' },
  'veo-3.1-fast-generate-preview': { retiresOn: '2026-10-22', replacement: 'veo-3.1-fast-generate-001' },
};

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
