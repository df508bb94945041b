import type { JobUsage } from '../contract/job-status.js';
import type { GenerationWarning } from '../contract/request.js';
import type { VideoInputUse } from '../contract/video-input.js';
import type { VideoProvider } from '../contract/video-provider.js';
import type { VideoWebhook } from '../contract/video-webhook.js';
import type { MaxCost } from '../cost/max-cost.js';
import type { LedgerSetting } from '../ledger/generation-store.js';
import type { ProviderLimits } from '../limits/request-limiter.js';
import type { ImageInput } from '../media/load-image.js';
import type { VideoInput } from '../media/load-video.js';
import type { RetryPolicy } from '../retry/retry-policy.js';
import type { JournalStore } from './journal-store.js';
import type { ProgressEvent } from './progress-event.js';

/**
 * How often core asks a provider for a job's status. Core never sends a job's status request k
 * earlier than k × `budgetIntervalMs` after submit, so it never sends more requests than a fixed
 * poller at that interval; within that budget it aims the polls at the finish the vendor's
 * progress predicts, or, for vendors that report none, around the model's usual duration (see
 * docs/polling.md).
 */
export interface PollOptions {
  /**
   * The request budget: request k goes out no earlier than k × this after submit (a resumed job
   * counts from its `createdAt`, so it continues its budget). 0 turns the budget off. Default: the
   * provider's own (`VideoProvider.polling`; the local provider's is 0), else the
   * `VIDEO_GEN_POLL_BUDGET_MS` environment variable, else 5000 ms.
   */
  readonly budgetIntervalMs?: number;
  /**
   * The shortest wait between two polls (a vendor's `Retry-After` may ask for less); without a
   * budget, also the first poll's wait. Default: the provider's own (`VideoProvider.polling`), else
   * a fifth of the budget interval, at most 1000 ms.
   */
  readonly initialIntervalMs?: number;
  /** The longest wait between two polls. Default three budget intervals (15 s). */
  readonly maxIntervalMs?: number;
  /**
   * No longer used: the waits follow the job's progress instead of growing by a factor. Accepted
   * so that existing options still validate.
   *
   * @deprecated Set `budgetIntervalMs`, `initialIntervalMs` or `maxIntervalMs` instead.
   */
  readonly multiplier?: number;
}

/** The settings of one generation: what to make, where to put it, and how to behave while waiting. */
export interface GenerationSettings {
  /** The provider: a registry id (`local`, `sora2`, `azure-sora`, `veo3`, `runway`, a third party's) or a provider value. Default `local`. */
  readonly provider?: string | VideoProvider;
  /** Config for a provider given by id; from the environment when absent. */
  readonly providerConfig?: unknown;
  /** A model id or alias; the provider's default (its first model that is not retired) when absent. */
  readonly model?: string;
  /**
   * Send a request to a model the vendor has retired (or that is past its `retiresOn` day), for
   * accounts that still have access. Default false: a retired model is a ValidationError
   * (`model_retired`) before any network call, naming the replacement.
   */
  readonly allowRetiredModels?: boolean;
  /** Width in pixels; with `height`, or neither for the model's default size. */
  readonly width?: number;
  /** Height in pixels. */
  readonly height?: number;
  /** Frames per second; the model's default when absent. */
  readonly fps?: number;
  /** Length in seconds; the model's default when absent. */
  readonly durationSeconds?: number;
  /** A seed, for models that honour one (a warning otherwise). */
  readonly seed?: number;
  /** What to avoid, for models that take a negative prompt (a warning otherwise). */
  readonly negativePrompt?: string;
  /** Generate an audio track, for models that can. */
  readonly audio?: boolean;
  /** Per-provider options, keyed by provider id; each provider validates its own entry. */
  readonly providerOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Replace an existing output file. Default false: an existing file is an `OutputExistsError`. */
  readonly overwrite?: boolean;
  /** Cancels the generation. A submitted job's journal stays, so it can be resumed. */
  readonly signal?: AbortSignal;
  /** Also cancel the job at the vendor when `signal` aborts. Default false: the job keeps running and can be resumed. */
  readonly cancelRemoteOnAbort?: boolean;
  /** The longest wait for the job, from submit (or resume) to finished download. Default 30 minutes. */
  readonly timeoutMs?: number;
  /** Called at each phase and progress change. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Retry policy for submit, status and download calls. */
  readonly retry?: Partial<RetryPolicy>;
  /** The status-poll schedule: its request budget and the shortest and longest wait. */
  readonly poll?: PollOptions;
  /** Request limits for this provider in this process (shared by every concurrent call). Default: the provider's own. */
  readonly limits?: ProviderLimits;
  /** The `fetch` for downloads and REST calls outside vendor SDKs. */
  readonly fetch?: typeof globalThis.fetch;
  /** Allow downloads from loopback http URLs (tests, local gateways). Default false. */
  readonly allowLoopbackDownloads?: boolean;
  /** The largest video accepted, in bytes. Default 4 GiB. */
  readonly maxDownloadBytes?: number;
  /**
   * The generation ledger: its folder, a `GenerationStore` (records kept elsewhere, such as
   * `@video-gen/queue`'s Postgres), or `false` to record nothing. Default: `VIDEO_GEN_HOME/ledger`,
   * else the platform's data folder (see `listGenerations()`).
   */
  readonly ledger?: LedgerSetting;
  /**
   * Where the job's journal is kept while it is in flight. Default `fileJournalStore`: the
   * file `<outPath>.job.json` beside the output. A queue worker passes its own store, so the journal
   * (the vendor's job reference above all) lives in its database instead.
   */
  readonly journalStore?: JournalStore;
}

/** Options of {@link generateVideo}. */
export interface GenerateVideoOptions extends GenerationSettings {
  /** What the video shows. */
  readonly prompt: string;
  /** Images without a stated role (Python parity): each model says how it uses them, typically the first as first frame. */
  readonly images?: readonly ImageInput[];
  /** The video's first frame. */
  readonly firstFrame?: ImageInput;
  /** The video's last frame. */
  readonly lastFrame?: ImageInput;
  /** Style or subject references. */
  readonly referenceImages?: readonly ImageInput[];
  /**
   * An input video (MP4 or MOV: a path, an `https:`/`gs:` URL, or bytes) for models whose
   * `ModelInfo.videoInput` takes one: restyled (`edit`), continued (`extend`) or used as a reference.
   */
  readonly video?: VideoInput;
  /** What the model does with `video`, among its `videoInput.uses`. Default: the model's first use. */
  readonly videoUse?: VideoInputUse;
  /** Where to write the MP4. Default: a unique name in the working directory. */
  readonly outPath?: string;
  /**
   * The most this generation may cost: a number in the model's unit (USD, or Runway credits), or
   * `{ amount, unit }`. When the estimate (see `estimateCost()`) is above it, the call is a
   * ValidationError `over_budget` before any network call; a cap in another unit is
   * `cost_unit_mismatch`, and a model without a known price is `price_unknown`.
   */
  readonly maxCost?: MaxCost;
  /**
   * Be called back when the job ends instead of polling, where the provider supports it
   * (`VideoProvider.webhooks`: AI SDK models with `handleWebhookOption`, such as fal and
   * Replicate, wrapped by `@video-gen/ai-sdk`). The journal is written as always and the job is
   * still polled, more slowly, so a lost callback never loses the video. Other providers ignore it
   * with an `unsupported` warning.
   */
  readonly webhook?: VideoWebhook;
}

/** How long each phase took, in milliseconds. */
export interface GenerationTimings {
  readonly submitMs: number;
  readonly generationMs: number;
  readonly downloadMs: number;
  readonly totalMs: number;
}

/** What {@link generateVideo} returns. */
export interface GenerateVideoResult {
  /** The absolute path of the finished MP4. */
  readonly path: string;
  readonly provider: string;
  readonly model: string;
  /** The vendor's job id. */
  readonly jobId: string;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly durationSeconds: number;
  /** Size of the file in bytes. */
  readonly bytes: number;
  /** Settings the model ignored or approximated. */
  readonly warnings: readonly GenerationWarning[];
  /** Usage or cost the vendor reported. */
  readonly usage: JobUsage | undefined;
  /** Whether an earlier, interrupted run's job was resumed instead of submitting a new one. */
  readonly resumed: boolean;
  readonly timings: GenerationTimings;
}
