import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {
  JSONValue,
  Experimental_VideoModelV4 as VideoModelV4,
  Experimental_VideoModelV4OperationStatusResult as VideoModelV4OperationStatusResult,
} from '@ai-sdk/provider';
import {
  downloadToFile,
  getLibraryLogger,
  type JobRef,
  type ProviderContext,
  resolveModel,
  resolveRequest,
  VideoGenError,
  type VideoProvider,
} from '@video-gen/core';
import { toAiSdkWarning } from '../from-ai-sdk/warnings.js';
import { toGenerateOptions } from './call-to-options.js';

/** Options for {@link toAiSdk}. */
export interface ToAiSdkOptions {
  /** The model id or alias; the provider's default model when absent. */
  readonly model?: string;
  /** The `fetch` the provider and downloads use; `globalThis.fetch` by default. */
  readonly fetch?: typeof globalThis.fetch;
  /** Allow loopback download URLs (tests, local servers). */
  readonly allowLoopbackDownloads?: boolean;
  /** The largest video accepted, in bytes. Default: core's (4 GiB); the AI SDK holds it in memory. */
  readonly maxDownloadBytes?: number;
}

function header(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function isJobRef(value: unknown, providerId: string): value is JobRef {
  const job = value as JobRef | null;
  return (
    job !== null &&
    typeof job === 'object' &&
    job.provider === providerId &&
    typeof job.id === 'string' &&
    typeof job.model === 'string'
  );
}

/**
 * A video-gen provider (runway, sora2, azure-sora, veo3, local, or any plugin) as an AI SDK video
 * model, for `experimental_generateVideo`, `experimental_startVideo` and
 * `experimental_getVideoStatus`. `doStart` validates the call against the model's `ModelInfo`
 * (refusing what it forbids, before any paid call) and submits once, sending the
 * `idempotency-key` header as the job's idempotency key; its `operation` is the job's JobRef (plain
 * JSON). `doStatus` checks the job once and, when it succeeded, returns the video as a `url` (a
 * public one, fetched by the AI SDK) or as `binary` bytes (a stream or a credentialed URL, read by
 * core's downloader with its URL policy and size cap).
 *
 * @example
 * ```ts
 * import { experimental_generateVideo as generateVideo } from 'ai';
 * import { createLocal } from '@video-gen/provider-local';
 * import { toAiSdk } from '@video-gen/ai-sdk';
 *
 * const { video } = await generateVideo({ model: toAiSdk(createLocal()), prompt: 'waves', poll: { intervalMs: 200 } });
 * ```
 */
export function toAiSdk(provider: VideoProvider, options: ToAiSdkOptions = {}): VideoModelV4 {
  const model = resolveModel(provider, options.model);
  const context = (signal: AbortSignal | undefined): ProviderContext => ({
    signal: signal ?? new AbortController().signal,
    logger: getLibraryLogger(),
    fetch: options.fetch ?? globalThis.fetch,
  });
  const response = () => ({ timestamp: new Date(), modelId: model.id, headers: undefined });

  const readVideo = async (job: JobRef, ctx: ProviderContext) => {
    const source = await provider.download(job, ctx);
    if (source.type === 'url' && !source.headers)
      return { type: 'url' as const, url: source.url, mediaType: 'video/mp4' };
    // A stream, or a URL that needs the vendor's credentials: core's downloader reads it.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'video-gen-ai-sdk-'));
    try {
      const part = path.join(dir, 'video.mp4.part');
      await downloadToFile(source, part, {
        fetch: ctx.fetch,
        signal: ctx.signal,
        provider: provider.id,
        maxBytes: options.maxDownloadBytes,
        allowLoopback: options.allowLoopbackDownloads ?? false,
      });
      const data = new Uint8Array(await readFile(part));
      await provider.release?.(job, ctx).catch(() => {});
      return {
        type: 'binary' as const,
        data,
        mediaType: source.type === 'stream' ? (source.contentType ?? 'video/mp4') : 'video/mp4',
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  return {
    specificationVersion: 'v4',
    provider: `video-gen.${provider.id}`,
    modelId: model.id,
    maxVideosPerCall: 1,
    async doStart(callOptions) {
      const { options: generate, warnings } = toGenerateOptions(provider, model, callOptions);
      if (callOptions.webhookUrl) {
        warnings.push({
          type: 'unsupported',
          feature: 'webhook',
          details: 'video-gen providers are polled.',
        });
      }
      const idempotencyKey = header(callOptions.headers, 'idempotency-key') ?? randomUUID();
      const { request, warnings: checked } = await resolveRequest(
        { ...generate, ...(options.allowLoopbackDownloads ? { allowLoopbackDownloads: true } : {}) },
        provider,
        idempotencyKey,
      );
      const job = await provider.submit(request, context(callOptions.abortSignal));
      return {
        operation: job as unknown as JSONValue,
        warnings: [...warnings, ...checked.map(toAiSdkWarning)],
        providerMetadata: { 'video-gen': { provider: provider.id, model: job.model, jobId: job.id } },
        response: response(),
      };
    },
    async doStatus({ operation, abortSignal }): Promise<VideoModelV4OperationStatusResult> {
      if (!isJobRef(operation, provider.id)) {
        throw new VideoGenError(
          `The operation is not a ${provider.id} job started by toAiSdk.`,
          'job_unknown',
          {
            provider: provider.id,
            retryable: false,
          },
        );
      }
      const ctx = context(abortSignal);
      const status = await provider.status(operation, ctx);
      switch (status.state) {
        case 'queued':
        case 'running':
          return { status: 'pending', response: response() };
        case 'failed':
          return { status: 'error', error: status.error.message, response: response() };
        case 'cancelled':
          return {
            status: 'error',
            error: `Job ${operation.id} was cancelled at ${provider.id}.`,
            response: response(),
          };
        case 'succeeded': {
          const video = await readVideo(operation, ctx);
          return {
            status: 'completed',
            videos: [video],
            warnings: [],
            providerMetadata: {
              'video-gen': { provider: provider.id, model: operation.model, jobId: operation.id },
            },
            response: response(),
          };
        }
      }
    },
  };
}
