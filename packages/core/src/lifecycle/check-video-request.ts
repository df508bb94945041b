import type { ModelStatus } from '../contract/model-info.js';
import { describeModelStatus, modelStatus } from '../contract/model-status.js';
import type { GenerationWarning, LoadedImage, LoadedVideo } from '../contract/request.js';
import type { CostEstimate } from '../cost/estimate-cost.js';
import { checkMaxCost } from '../cost/max-cost.js';
import { requestCost } from '../cost/request-cost.js';
import { parseOptions } from '../validation/options/parse-options.js';
import { resolveRequest } from '../validation/resolve-request.js';
import type { GenerateVideoOptions } from './generate-video-options.js';
import { resolveProvider } from './resolve-provider.js';
import { webhookWarnings } from './webhook-warnings.js';

/** What a request would send, as checked by {@link checkVideoRequest}. */
export interface CheckedVideoRequest {
  readonly provider: string;
  readonly model: string;
  /** The model's lifecycle status today (`ga`, `preview`, `deprecated`, `retired`). */
  readonly modelStatus: ModelStatus;
  /** The status with its dates and replacement, as one line. */
  readonly modelLifecycle: string;
  readonly prompt: string;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly durationSeconds: number;
  readonly seed: number | undefined;
  readonly audio: boolean | undefined;
  /** Each image by role, with its detected type and pixel size. */
  readonly images: readonly {
    role: 'firstFrame' | 'lastFrame' | 'reference';
    source: string;
    mediaType?: string;
    width?: number;
    height?: number;
  }[];
  /** The input video, with its use and, for a file or bytes, what its header says. */
  readonly video?: {
    use: 'edit' | 'extend' | 'reference';
    source: string;
    mediaType?: string;
    durationSeconds?: number;
    width?: number;
    height?: number;
  };
  readonly providerOptions: Readonly<Record<string, unknown>>;
  /**
   * What the generation is expected to cost, from the model's price table; absent (with a
   * `price_unknown` warning) when the model has no known price.
   */
  readonly costEstimate?: CostEstimate;
  readonly warnings: readonly GenerationWarning[];
}

function describeImage(role: 'firstFrame' | 'lastFrame' | 'reference', image: LoadedImage) {
  return image.kind === 'url'
    ? { role, source: image.url }
    : { role, source: image.source, mediaType: image.mediaType, width: image.width, height: image.height };
}

function describeVideo(video: LoadedVideo): NonNullable<CheckedVideoRequest['video']> {
  if (video.kind === 'url') return { use: video.use, source: video.url };
  const { use, source, mediaType, durationSeconds, width, height } = video;
  return {
    use,
    source,
    mediaType,
    durationSeconds,
    ...(width === undefined ? {} : { width }),
    ...(height === undefined ? {} : { height }),
  };
}

/**
 * Validates a request exactly as {@link generateVideo} would — model, sizes, durations, images —
 * without submitting anything or writing any file: a dry run. Throws the same errors, including
 * a ValidationError (`invalid_options`) for an option of the wrong type or an unknown one, and
 * `over_budget` / `cost_unit_mismatch` / `price_unknown` when `maxCost` cannot be kept. The
 * result carries the cost estimate (`costEstimate`) when the model's price is known.
 *
 * @example
 * ```ts
 * const checked = await checkVideoRequest({ provider: 'local', prompt: 'waves', width: 640, height: 360 });
 * console.log(checked.model, checked.warnings);
 * ```
 */
export async function checkVideoRequest(options: GenerateVideoOptions): Promise<CheckedVideoRequest> {
  await parseOptions('checkVideoRequest', options);
  const provider = await resolveProvider(options.provider, options.providerConfig);
  const resolved = await resolveRequest(options, provider, 'dry-run');
  const { request } = resolved;
  // The same warnings generateVideo would give (a webhook the provider cannot use).
  const warnings = [...resolved.warnings, ...webhookWarnings(options, provider)];
  const costEstimate = requestCost(request, provider.id, warnings);
  checkMaxCost(options.maxCost, costEstimate, request.model, provider.id);
  return {
    provider: provider.id,
    model: request.model.id,
    modelStatus: modelStatus(request.model),
    modelLifecycle: describeModelStatus(request.model),
    prompt: request.prompt,
    width: request.width,
    height: request.height,
    fps: request.fps,
    durationSeconds: request.durationSeconds,
    seed: request.seed,
    audio: request.audio,
    images: [
      ...(request.firstFrame ? [describeImage('firstFrame', request.firstFrame)] : []),
      ...(request.lastFrame ? [describeImage('lastFrame', request.lastFrame)] : []),
      ...request.referenceImages.map((image) => describeImage('reference', image)),
    ],
    ...(request.video ? { video: describeVideo(request.video) } : {}),
    providerOptions: request.providerOptions,
    ...(costEstimate ? { costEstimate } : {}),
    warnings,
  };
}
