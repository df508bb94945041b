import type { ProviderLimits } from '../limits/request-limiter.js';
import type { JobRef } from './job-ref.js';
import type { JobStatus } from './job-status.js';
import type { ModelInfo } from './model-info.js';
import type { ProviderContext } from './provider-context.js';
import type { GenerationWarning, ResolvedRequest } from './request.js';
import type { VideoSource } from './video-source.js';

/** How a provider wants its jobs polled, where core's defaults do not fit (free local renders). */
export interface ProviderPolling {
  /**
   * The default request budget interval for this provider's jobs (see `PollOptions.budgetIntervalMs`);
   * 0 for none. The caller's `poll.budgetIntervalMs` wins.
   */
  readonly budgetIntervalMs?: number;
  /**
   * The default shortest wait between two polls (see `PollOptions.initialIntervalMs`), which is also
   * the first poll's wait when there is no budget. The caller's `poll.initialIntervalMs` wins.
   */
  readonly initialIntervalMs?: number;
}

/**
 * A video provider. Core owns validation, polling, retries, download, journaling and resume;
 * a provider only maps requests and responses.
 *
 * @example
 * ```ts
 * const provider: VideoProvider = {
 *   id: 'acme',
 *   models: [acmeModel],
 *   async submit(request, ctx) { ... return { provider: 'acme', model: request.model.id, id, createdAt }; },
 *   async status(job, ctx) { return { state: 'running', progress: 0.5 }; },
 *   async download(job, ctx) { return { type: 'url', url }; },
 * };
 * ```
 */
export interface VideoProvider {
  /** The registry id: `sora2`, `azure-sora`, `veo3`, `runway`, `local`, or a third party's. */
  readonly id: string;
  /** Capabilities per model; `models[0]` is the default. */
  readonly models: readonly ModelInfo[];
  /** The vendor's documented request limits, applied per process unless the caller sets `limits`. */
  readonly limits?: ProviderLimits;
  /**
   * Whether `submit` passes `ctx.webhook` to the vendor (a model that calls back when the job
   * ends). Core warns `unsupported` when a caller gives a webhook to a provider without it.
   */
  readonly webhooks?: boolean;
  /** Defaults for core's poll schedule; core's own when absent. */
  readonly polling?: ProviderPolling;
  /** Validates and parses this provider's entry of `providerOptions`. Throw a ValidationError on bad input. */
  parseProviderOptions?(options: unknown): Record<string, unknown>;
  /** Extra checks beyond `ModelInfo` (vendor-specific combinations); returns warnings, throws ValidationError. No network. */
  check?(request: ResolvedRequest): readonly GenerationWarning[];
  /** Submits the job: the one paid call. */
  submit(request: ResolvedRequest, ctx: ProviderContext): Promise<JobRef>;
  /** Reports the job's state. */
  status(job: JobRef, ctx: ProviderContext): Promise<JobStatus>;
  /** Opens the finished video. */
  download(job: JobRef, ctx: ProviderContext): Promise<VideoSource>;
  /** Cancels the job at the vendor, where it can. */
  cancel?(job: JobRef, ctx: ProviderContext): Promise<void>;
  /**
   * Called once the video is safely at its output path and the journal is gone: free what the job
   * still holds (a local render folder, a vendor-side file). Failures are logged, never thrown.
   */
  release?(job: JobRef, ctx: ProviderContext): Promise<void>;
}
