import { randomUUID } from 'node:crypto';
import type {
  JSONValue,
  SharedV4Warning,
  Experimental_VideoModelV4 as VideoModelV4,
  Experimental_VideoModelV4OperationStatusResult as VideoModelV4OperationStatusResult,
  Experimental_VideoModelV4VideoData as VideoModelV4VideoData,
} from '@ai-sdk/provider';
import {
  ApiRequestError,
  ConfigurationError,
  ContentPolicyError,
  GenerationFailedError,
  type GenerationWarning,
  getLibraryLogger,
  type JobRef,
  type JobStatus,
  type JsonValue,
  type ModelInfo,
  type ProviderContext,
  type ResolvedRequest,
  ValidationError,
  VideoGenError,
  type VideoProvider,
  type VideoSource,
} from '@video-gen/core';
import { toCallOptions } from './call-options.js';
import { classifyFailure, type FailureKind } from './classify-failure.js';
import { mapAiSdkError } from './map-error.js';
import { type AiSdkModelEntry, aiSdkModelInfo } from './model-table.js';
import { operationId } from './operation-id.js';
import { toVideoSource } from './video-source.js';
import { fromAiSdkWarning } from './warnings.js';
import { type AiSdkWebhookFactory, type PendingWebhook, watchWebhook } from './webhook.js';

/**
 * An AI SDK video model (`Experimental_VideoModelV4`) from any copy of `@ai-sdk/provider`: each AI
 * SDK provider package pins its own, so the type is checked by shape, not by the copy it came from.
 */
export interface AiSdkVideoModel {
  readonly specificationVersion: 'v4';
  readonly provider: string;
  readonly modelId: string;
  readonly maxVideosPerCall: unknown;
  readonly doGenerate?: unknown;
  readonly doStart?: unknown;
  readonly doStatus?: unknown;
  readonly handleWebhookOption?: unknown;
}

/** An AI SDK video model, or a function that makes one per model id (`(id) => fal.video(id)`). */
export type AiSdkVideoModelSource = AiSdkVideoModel | ((modelId: string) => AiSdkVideoModel);

/** Options for {@link fromAiSdk}. */
export interface FromAiSdkOptions {
  /** The registry id. Default: the model's provider name up to the first dot (`fal.video` → `fal`; `vertex` for Google Vertex). */
  readonly id?: string;
  /**
   * What each model accepts, validated before any paid call; `models[0]` is the default. Entries
   * are filled in from {@link aiSdkModelInfo}'s defaults. Required when `model` is a factory;
   * otherwise the model's own id with the defaults.
   */
  readonly models?: readonly (AiSdkModelEntry | string)[];
  /**
   * The key the model reads its `providerOptions` under. Default: `vertex` for Google Vertex,
   * otherwise the provider name up to the first dot (`fal`, `replicate`, `google`, …).
   */
  readonly providerOptionsKey?: string;
  /** Reads a failure message the vendor gave; default {@link classifyFailure}. */
  readonly classifyFailure?: (message: string) => FailureKind;
  /**
   * Wait for the vendor's callback instead of polling, where the model supports webhooks
   * (`handleWebhookOption`: fal, Replicate). Called once per submit. While the callback is pending
   * the vendor is asked only every `webhookFallbackPollMs`; a lost callback never loses the video,
   * and the journal is the same as without it.
   */
  readonly webhook?: AiSdkWebhookFactory;
  /** How often the vendor is still polled while a webhook is pending. Default 60 000 ms. */
  readonly webhookFallbackPollMs?: number;
}

const WEBHOOK_CHECK_MS = 1_000;

function defaultId(model: VideoModelV4): string {
  if (model.provider.startsWith('google.vertex')) return 'vertex';
  const name = model.provider.split('.')[0] ?? model.provider;
  return name.toLowerCase().replace(/[^a-z0-9._-]/g, '-') || 'ai-sdk';
}

function defaultProviderOptionsKey(model: VideoModelV4): string {
  if (model.provider.startsWith('google.vertex')) return 'vertex';
  return model.provider.split('.')[0] ?? model.provider;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

async function maxVideosPerCall(model: VideoModelV4): Promise<number | undefined> {
  const max = model.maxVideosPerCall;
  return typeof max === 'function' ? await max({ modelId: model.modelId }) : max;
}

/**
 * Wraps an AI SDK video model (`Experimental_VideoModelV4`, such as `fal.video('luma-ray-2')` or
 * `vertex.video('veo-3.1-generate-001')`) as a video-gen provider, so it gets core's validation,
 * journal, ledger, resume, retries, streamed download and stitching.
 *
 * - `submit` calls `doStart` once and keeps its `operation` in the JobRef: a re-run after a crash
 *   calls `doStatus` on it and never `doStart` again. The idempotency key core minted goes out as
 *   the `idempotency-key` header.
 * - `status` calls `doStatus` once: `pending` is running, `completed` succeeded, `error` a
 *   {@link ContentPolicyError} or {@link GenerationFailedError} (code `generation_expired` for an
 *   expired job) by what the vendor said.
 * - `download` hands a `url` result to core's downloader and streams `base64`/`binary` results from
 *   the model's copy; it never holds a second copy of the video in memory.
 * - A model with only `doGenerate` still works, but its submit waits for the whole generation and
 *   a crash cannot resume it (a warning says so).
 *
 * @example
 * ```ts
 * import { createFal } from '@ai-sdk/fal';
 * import { generateVideo } from '@video-gen/core';
 * import { fromAiSdk } from '@video-gen/ai-sdk';
 *
 * const fal = createFal({ apiKey: process.env.FAL_API_KEY });
 * const provider = fromAiSdk(fal.video('luma-dream-machine/ray-2'), {
 *   models: [{ id: 'luma-dream-machine/ray-2', durations: [5, 9] }],
 * });
 * await generateVideo({ provider, prompt: 'A lighthouse at dusk', outPath: 'lighthouse.mp4' });
 * ```
 */
export function fromAiSdk(source: AiSdkVideoModelSource, options: FromAiSdkOptions = {}): VideoProvider {
  const factory = typeof source === 'function' ? source : undefined;
  if (factory && !options.models?.length) {
    throw new ConfigurationError(
      'fromAiSdk(modelFactory) needs `models`: the ids (and capabilities) of the models the factory makes.',
    );
  }
  const instances = new Map<string, VideoModelV4>();
  const modelFor = (modelId: string): VideoModelV4 => {
    if (!factory) return source as VideoModelV4;
    let model = instances.get(modelId);
    if (!model) {
      model = factory(modelId) as VideoModelV4;
      instances.set(modelId, model);
    }
    return model;
  };
  const sample = factory ? modelFor(idOf(options.models?.[0] ?? '')) : (source as VideoModelV4);
  const id = options.id ?? defaultId(sample);
  const models: ModelInfo[] = (options.models ?? [sample.modelId]).map((entry) => aiSdkModelInfo(entry));
  const classify = options.classifyFailure ?? classifyFailure;
  const fail = (error: unknown) => mapAiSdkError(error, id, classify);
  const keyFor = (model: VideoModelV4) => options.providerOptionsKey ?? defaultProviderOptionsKey(model);
  const canStart = (model: VideoModelV4) => model.doStart !== undefined && model.doStatus !== undefined;
  if (!canStart(sample) && sample.doGenerate === undefined) {
    throw new ConfigurationError(
      `The AI SDK model ${sample.modelId} implements neither doStart/doStatus nor doGenerate.`,
    );
  }
  if (!canStart(sample)) {
    getLibraryLogger().warn(
      'AI SDK model has no doStart/doStatus: its jobs cannot be resumed after a crash',
      {
        provider: id,
        model: sample.modelId,
      },
    );
  }

  /** Completed results of this process, kept until downloaded (so download needs no second status call). */
  const finished = new Map<string, VideoModelV4VideoData[]>();
  const webhooks = new Map<string, PendingWebhook>();
  const fallbackPollMs = options.webhookFallbackPollMs ?? 60_000;

  const logWarnings = (ctx: ProviderContext, warnings: readonly SharedV4Warning[] | undefined) => {
    for (const warning of warnings ?? []) {
      ctx.logger.warn('AI SDK model warning', { provider: id, warning: fromAiSdkWarning(warning).message });
    }
  };

  const operationOf = (job: JobRef): JSONValue => {
    const operation = job.data?.operation;
    if (operation === undefined || job.data?.mode !== 'operation') {
      throw new VideoGenError(
        `Job ${job.id} has no AI SDK operation to check; it was not started by ${id}.`,
        'job_unknown',
        {
          provider: id,
          job,
          retryable: false,
        },
      );
    }
    return operation as JSONValue;
  };

  const toJobStatus = (
    job: JobRef,
    result: VideoModelV4OperationStatusResult,
    ctx: ProviderContext,
  ): JobStatus => {
    if (result.status !== 'error') logWarnings(ctx, result.warnings);
    switch (result.status) {
      case 'pending':
        return { state: 'running' };
      case 'completed': {
        if (!result.videos.some((video) => video.type !== 'uploaded')) {
          return {
            state: 'failed',
            error: new GenerationFailedError(`${id} finished job ${job.id} without a video to download.`, {
              provider: id,
              job,
            }),
          };
        }
        finished.set(job.id, result.videos);
        return { state: 'succeeded' };
      }
      case 'error': {
        const message = `${id} job ${job.id} failed: ${result.error}`;
        const kind = classify(result.error);
        if (kind === 'transient') {
          // The status request failed, not the job: core retries it, and the journal stays.
          throw new ApiRequestError(`${id}: checking job ${job.id} failed: ${result.error}`, {
            provider: id,
            retryable: true,
          });
        }
        const error =
          kind === 'content_policy'
            ? new ContentPolicyError(message, { provider: id, job })
            : new GenerationFailedError(message, {
                provider: id,
                job,
                ...(kind === 'expired' ? { code: 'generation_expired' } : {}),
              });
        return { state: 'failed', error };
      }
    }
  };

  const checkStatus = async (
    job: JobRef,
    ctx: ProviderContext,
  ): Promise<VideoModelV4OperationStatusResult> => {
    const model = modelFor(job.model);
    const operation = operationOf(job);
    try {
      return await model.doStatus!({ operation, abortSignal: ctx.signal });
    } catch (error) {
      throw fail(error);
    }
  };

  return {
    id,
    models,
    // generateVideo's `webhook` reaches submit only when the model can hand its URL to the vendor.
    webhooks: typeof sample.handleWebhookOption === 'function',
    parseProviderOptions(value: unknown): Record<string, unknown> {
      if (!isPlainObject(value)) {
        throw new ValidationError(`providerOptions.${id} must be an object of the model's own options.`, {
          provider: id,
          issues: [{ field: `providerOptions.${id}`, message: 'expected an object' }],
        });
      }
      try {
        // The options are journaled and sent as JSON: refuse what JSON cannot carry.
        return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
      } catch (error) {
        throw new ValidationError(`providerOptions.${id} must be plain JSON: ${(error as Error).message}`, {
          provider: id,
          issues: [{ field: `providerOptions.${id}`, message: 'not JSON' }],
        });
      }
    },
    check(request: ResolvedRequest): readonly GenerationWarning[] {
      if (canStart(modelFor(request.model.id))) return [];
      return [
        {
          type: 'other',
          feature: 'resume',
          message: `${request.model.id} has no doStart/doStatus in the AI SDK: the submit waits for the whole generation, and a crash cannot resume it.`,
        },
      ];
    },
    async submit(request, ctx) {
      const model = modelFor(request.model.id);
      const max = await maxVideosPerCall(model);
      if (max !== undefined && max < 1) {
        throw new ConfigurationError(`The AI SDK model ${model.modelId} reports maxVideosPerCall ${max}.`);
      }
      const callOptions = toCallOptions(request, keyFor(model), ctx.signal);
      const createdAt = new Date().toISOString();
      if (canStart(model)) {
        // The caller's per-call webhook (generateVideo's `webhook`) wins over the plugin's default.
        const webhookFactory = ctx.webhook ?? options.webhook;
        let webhook: { webhookUrl: string; received: PromiseLike<unknown> } | undefined;
        if (webhookFactory && model.handleWebhookOption) {
          webhook = await model.handleWebhookOption({ webhook: webhookFactory as AiSdkWebhookFactory });
        }
        let result: Awaited<ReturnType<NonNullable<VideoModelV4['doStart']>>>;
        try {
          result = await model.doStart!({
            ...callOptions,
            ...(webhook ? { webhookUrl: webhook.webhookUrl } : {}),
          });
        } catch (error) {
          throw fail(error);
        }
        logWarnings(ctx, result.warnings);
        const warnings = result.warnings.map(fromAiSdkWarning);
        const job: JobRef = {
          provider: id,
          model: request.model.id,
          id: operationId(result.operation),
          createdAt,
          data: { mode: 'operation', operation: result.operation as JsonValue },
          // Core moves these into the journal and the result's warnings.
          ...(warnings.length > 0 ? { warnings } : {}),
        };
        if (webhook) webhooks.set(job.id, watchWebhook(webhook.received));
        return job;
      }
      const result = await Promise.resolve(model.doGenerate!(callOptions)).catch((error: unknown) => {
        throw fail(error);
      });
      logWarnings(ctx, result.warnings);
      const job: JobRef = {
        provider: id,
        model: request.model.id,
        id: `generate-${randomUUID()}`,
        createdAt,
        data: { mode: 'generate' },
        ...(result.warnings.length > 0 ? { warnings: result.warnings.map(fromAiSdkWarning) } : {}),
      };
      finished.set(job.id, result.videos);
      return job;
    },
    async status(job, ctx) {
      if (job.data?.mode === 'generate') {
        if (finished.has(job.id)) return { state: 'succeeded' };
        return {
          state: 'failed',
          error: new GenerationFailedError(
            `${id} job ${job.id} ran through doGenerate in a process that has ended; the AI SDK model cannot resume it. Generate it again.`,
            { provider: id, job, code: 'not_resumable' },
          ),
        };
      }
      const webhook = webhooks.get(job.id);
      const sinceVendor = webhook ? Date.now() - webhook.lastPolledAt : 0;
      if (webhook && !webhook.settled && sinceVendor < fallbackPollMs) {
        // Waiting for the callback: a local check, no vendor call.
        return { state: 'running', retryAfterMs: Math.min(WEBHOOK_CHECK_MS, fallbackPollMs - sinceVendor) };
      }
      if (webhook) webhook.lastPolledAt = Date.now();
      const status = toJobStatus(job, await checkStatus(job, ctx), ctx);
      if (status.state !== 'running') webhooks.delete(job.id);
      return status;
    },
    async download(job, ctx): Promise<VideoSource> {
      let videos = finished.get(job.id);
      // Used once: a second download (the URL expired) asks the vendor again for a fresh one.
      finished.delete(job.id);
      if (!videos) {
        const status = await checkStatus(job, ctx);
        if (status.status !== 'completed') {
          throw new GenerationFailedError(
            `${id} job ${job.id} is ${status.status}, not completed: nothing to download.`,
            {
              provider: id,
              job,
              code: status.status === 'error' ? 'generation_failed' : 'not_ready',
            },
          );
        }
        videos = status.videos;
      }
      const video = videos.find((candidate) => candidate.type !== 'uploaded') ?? videos[0];
      if (!video) throw new GenerationFailedError(`${id} job ${job.id} has no video.`, { provider: id, job });
      return toVideoSource(video, id);
    },
  };
}

function idOf(entry: AiSdkModelEntry | string): string {
  return typeof entry === 'string' ? entry : entry.id;
}
