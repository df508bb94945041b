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
import { GEN45_TEXT_RATIOS } from './runway-models.js';
import type { RunwayProviderOptions } from './runway-options.js';

/** The two create endpoints. */
export type RunwayEndpoint = 'image_to_video' | 'text_to_video';

/** The create call for a request: which endpoint, and its JSON body. */
export interface RunwayCreateCall {
  readonly endpoint: RunwayEndpoint;
  readonly body: Record<string, unknown>;
}

/** The prompt images, already turned into URIs Runway accepts. */
export interface PromptImageUris {
  readonly first: string | undefined;
  readonly last: string | undefined;
}

const VEO_MODELS = new Set(['veo3.1', 'veo3.1_fast']);
/** The models whose params take `contentModeration` (@runwayml/sdk 4.20.1): the Gen-4 family. */
const MODERATED_MODELS = new Set(['gen4_turbo', 'gen4.5']);
/** Runway seeds are unsigned 32-bit integers. */
const MAX_SEED = 4_294_967_295;

function ratioOf(request: ResolvedRequest): string {
  return `${request.width}:${request.height}`;
}

/**
 * Checks what `ModelInfo` cannot express, before any paid call: Gen-4.5 text-to-video takes fewer
 * ratios than its image-to-video, a Veo last frame needs a first frame, seeds are 32-bit.
 * Returns warnings for options a model ignores.
 */
export function checkRunwayRequest(request: ResolvedRequest): GenerationWarning[] {
  const issues: ValidationIssue[] = [];
  const warnings: GenerationWarning[] = [];
  const model = request.model.id;
  if (model === 'gen4.5' && !request.firstFrame && !GEN45_TEXT_RATIOS.includes(ratioOf(request))) {
    issues.push({
      field: 'size',
      message: `${request.width}x${request.height} needs a first frame; gen4.5 text-to-video takes 1280x720, 720x1280`,
      allowed: ['1280x720', '720x1280'],
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
  if (options.contentModeration && !MODERATED_MODELS.has(model)) {
    warnings.push({
      type: 'unsupported',
      feature: 'providerOptions.runway.contentModeration',
      message: `${model} does not take contentModeration; it is ignored`,
    });
  }
  return warnings;
}

/**
 * Maps a validated request onto Runway's create call: `image_to_video` with `promptImage` (a string
 * for a first frame alone, `[{ uri, position: 'first' }, { uri, position: 'last' }]` with a last
 * frame) when there is a first frame, `text_to_video` otherwise. Width and height become the
 * `ratio` string; options a model does not take are left out.
 */
export function buildCreateCall(request: ResolvedRequest, images: PromptImageUris): RunwayCreateCall {
  const model = request.model.id;
  const veo = VEO_MODELS.has(model);
  const options = request.providerOptions as RunwayProviderOptions;
  const body: Record<string, unknown> = {
    model,
    promptText: request.prompt,
    ratio: ratioOf(request),
    duration: request.durationSeconds,
  };
  // Core has already warned about a seed the model ignores; it is not sent.
  if (request.seed !== undefined && request.model.seed) body.seed = request.seed;
  if (veo) {
    if (request.audio !== undefined) body.audio = request.audio;
    if (request.negativePrompt !== undefined) body.negativePrompt = request.negativePrompt;
  } else if (options.contentModeration && MODERATED_MODELS.has(model)) {
    body.contentModeration = options.contentModeration;
  }
  if (images.first === undefined) return { endpoint: 'text_to_video', body };
  body.promptImage =
    images.last === undefined
      ? images.first
      : [
          { uri: images.first, position: 'first' },
          { uri: images.last, position: 'last' },
        ];
  return { endpoint: 'image_to_video', body };
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
