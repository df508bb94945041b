import type { RunwayML } from '@runwayml/sdk';
import {
  ContentPolicyError,
  GenerationFailedError,
  type GenerationWarning,
  type JobRef,
  type JobStatus,
  type ResolvedRequest,
  ValidationError,
  type ValidationIssue,
} from '@video-gen/core';
import type { RunwayModelSpec } from './runway-model-spec.js';
import { wireSize } from './runway-model-spec.js';
import { runwaySpec } from './runway-models.js';
import type { RunwayProviderOptions } from './runway-options.js';

/** The two create endpoints. */
export type RunwayEndpoint = 'image_to_video' | 'text_to_video';

/** The create call for a request: which endpoint, and its JSON body. */
export interface RunwayCreateCall {
  readonly endpoint: RunwayEndpoint;
  readonly body: Record<string, unknown>;
}

/** The prompt and reference images, already turned into URIs Runway accepts. */
export interface PromptImageUris {
  readonly first: string | undefined;
  readonly last: string | undefined;
  /** Reference images, sent to text_to_video as `references`. */
  readonly references?: readonly string[];
}

/** Runway seeds are unsigned 32-bit integers. */
const MAX_SEED = 4_294_967_295;

function specOf(request: ResolvedRequest): RunwayModelSpec {
  const spec = runwaySpec(request.model.id);
  if (!spec) throw new Error(`runway: no table entry for ${request.model.id}`);
  return spec;
}

function sizesOn(spec: RunwayModelSpec, endpoint: 'text' | 'image'): string {
  return spec.wireSizes
    .filter((size) => size[endpoint])
    .map((size) => `${size.width}x${size.height}`)
    .join(', ');
}

/**
 * Checks what `ModelInfo` cannot express, before any paid call, from the model's table entry:
 * a size the endpoint does not take (Gen-4.5 text-to-video takes fewer ratios than its
 * image-to-video), a last frame without a first frame, reference images at a size the vendor
 * refuses them, seeds beyond 32 bits. Returns warnings for options a model ignores.
 */
export function checkRunwayRequest(request: ResolvedRequest): GenerationWarning[] {
  const issues: ValidationIssue[] = [];
  const warnings: GenerationWarning[] = [];
  const model = request.model.id;
  const spec = specOf(request);
  const size = wireSize(spec, request.width, request.height);
  const endpoint = request.firstFrame ? 'image' : 'text';
  if (size && !size[endpoint]) {
    issues.push({
      field: 'size',
      message:
        endpoint === 'text'
          ? `${request.width}x${request.height} needs a first frame; ${model} text-to-video takes ${sizesOn(spec, 'text')}`
          : `${request.width}x${request.height} is text-to-video only for ${model}; with a first frame it takes ${sizesOn(spec, 'image')}`,
      allowed: sizesOn(spec, endpoint).split(', '),
    });
  }
  if (size?.noReferences && request.referenceImages.length > 0) {
    issues.push({
      field: 'referenceImages',
      message: `${model} takes reference images only up to 720p, not at ${size.label}`,
    });
  }
  if (request.lastFrame && !request.firstFrame) {
    issues.push({
      field: 'lastFrame',
      message: `${model} takes a last frame only together with a first frame`,
    });
  }
  if (request.seed !== undefined && request.seed > MAX_SEED) {
    issues.push({
      field: 'seed',
      message: `seed must be at most ${MAX_SEED} for Runway, got ${request.seed}`,
    });
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid request for runway / ${model}:\n${issues.map((i) => `  - ${i.field}: ${i.message}`).join('\n')}`,
      { provider: 'runway', issues },
    );
  }
  const options = request.providerOptions as RunwayProviderOptions;
  if (options.contentModeration && !spec.contentModeration) {
    warnings.push({
      type: 'unsupported',
      feature: 'providerOptions.runway.contentModeration',
      message: `${model} does not take contentModeration; it is ignored`,
    });
  }
  if (request.firstFrame && spec.imageSetsAspect) {
    warnings.push({
      type: 'approximated',
      feature: 'size',
      message: `${model} takes its aspect ratio from the first frame; ${request.width}x${request.height} only picks the resolution`,
    });
  }
  return warnings;
}

/**
 * Maps a validated request onto Runway's create call, driven by the model's table entry:
 * `image_to_video` with `promptImage` (a string for a first frame alone, `[{ uri, position:
 * 'first' }, { uri, position: 'last' }]` with a last frame) when there is a first frame,
 * `text_to_video` otherwise, with `references` for reference images. The size becomes the
 * fields the endpoint names it by (`ratio`, `resolution`); `seed`, `audio`, `negativePrompt` and
 * `contentModeration` are sent only to models whose params take them.
 */
export function buildCreateCall(request: ResolvedRequest, images: PromptImageUris): RunwayCreateCall {
  const spec = specOf(request);
  const { info } = spec;
  const endpoint: RunwayEndpoint = images.first === undefined ? 'text_to_video' : 'image_to_video';
  const size = wireSize(spec, request.width, request.height);
  const options = request.providerOptions as RunwayProviderOptions;
  const body: Record<string, unknown> = {
    model: info.id,
    promptText: request.prompt,
    ...(endpoint === 'image_to_video' ? size?.image : size?.text),
    duration: request.durationSeconds,
  };
  // Core has already warned about settings the model ignores; they are not sent.
  if (request.seed !== undefined && info.seed) body.seed = request.seed;
  if (request.audio !== undefined && info.audio === 'optional') body.audio = request.audio;
  if (request.negativePrompt !== undefined && info.negativePrompt)
    body.negativePrompt = request.negativePrompt;
  if (options.contentModeration && spec.contentModeration) body.contentModeration = options.contentModeration;
  if (images.first === undefined) {
    if (images.references && images.references.length > 0) {
      body.references = images.references.map((uri) => ({ uri }));
    }
    return { endpoint, body };
  }
  body.promptImage =
    images.last === undefined
      ? images.first
      : [
          { uri: images.first, position: 'first' },
          { uri: images.last, position: 'last' },
        ];
  return { endpoint, body };
}

/** The number of seconds recorded on the job, for usage. */
function jobSeconds(job: JobRef): number | undefined {
  const seconds = job.data?.durationSeconds;
  return typeof seconds === 'number' ? seconds : undefined;
}

/** The error a FAILED task stands for: a content-policy refusal for `SAFETY*` codes, else a failed generation. */
export function failedTaskError(
  task: { id: string; failure?: string; failureCode?: string | undefined },
  job: JobRef,
): ContentPolicyError | GenerationFailedError {
  const reason = task.failure?.trim() || 'no reason given';
  const code = task.failureCode ? ` [${task.failureCode}]` : '';
  if (task.failureCode?.toUpperCase().startsWith('SAFETY')) {
    return new ContentPolicyError(`Runway refused task ${task.id} on content grounds${code}: ${reason}`, {
      provider: 'runway',
      job,
      body: JSON.stringify({ failure: task.failure, failureCode: task.failureCode }),
    });
  }
  return new GenerationFailedError(`Runway task ${task.id} failed${code}: ${reason}`, {
    provider: 'runway',
    job,
  });
}

/**
 * Maps a task onto core's job states: PENDING and THROTTLED → queued, RUNNING → running (progress
 * 0–1), SUCCEEDED → succeeded (credits as cost), FAILED → failed, CANCELLED → cancelled.
 * A `pollIntervalMs` above 0 is handed to core as the next-poll hint.
 */
export function taskStatus(
  task: RunwayML.TaskRetrieveResponse,
  job: JobRef,
  pollIntervalMs: number,
): JobStatus {
  const hint = pollIntervalMs > 0 ? { retryAfterMs: pollIntervalMs } : {};
  switch (task.status) {
    case 'PENDING':
    case 'THROTTLED':
      return { state: 'queued', ...hint };
    case 'RUNNING': {
      const progress =
        typeof task.progress === 'number' ? Math.min(1, Math.max(0, task.progress)) : undefined;
      return { state: 'running', ...(progress === undefined ? {} : { progress }), ...hint };
    }
    case 'SUCCEEDED': {
      const seconds = jobSeconds(job);
      const credits = task.cost?.credits;
      return {
        state: 'succeeded',
        usage: {
          ...(seconds === undefined ? {} : { seconds }),
          ...(typeof credits === 'number' ? { cost: { amount: credits, currency: 'credits' } } : {}),
        },
      };
    }
    case 'FAILED':
      return { state: 'failed', error: failedTaskError(task, job) };
    case 'CANCELLED':
      return { state: 'cancelled' };
    default:
      // A status this version does not know yet: keep polling rather than fail a paid job.
      return { state: 'running', ...hint };
  }
}
