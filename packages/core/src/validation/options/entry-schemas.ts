import type { z } from 'zod';
import type { GenerationStatus } from '../../ledger/generation-record.js';
import { isGenerationStore, type LedgerSetting } from '../../ledger/generation-store.js';
import type {
  DownloadGenerationOptions,
  LedgerOptions,
  ListGenerationsOptions,
} from '../../ledger/generations.js';
import type { FinishVideoOptions } from '../../lifecycle/finish-video.js';
import type {
  GenerateVideoOptions,
  GenerationSettings,
  PollOptions,
} from '../../lifecycle/generate-video-options.js';
import type { JournalStore } from '../../lifecycle/journal-store.js';
import type { ResumeVideoOptions } from '../../lifecycle/resume-video.js';
import type { StartVideoOptions } from '../../lifecycle/start-video.js';
import type { ProviderLimits } from '../../limits/request-limiter.js';
import type { RetryPolicy } from '../../retry/retry-policy.js';
import { is, type OptionRules, optionRules, type Zod } from './option-rules.js';

const GENERATION_STATUSES: readonly GenerationStatus[] = [
  'submitted',
  'succeeded',
  'downloaded',
  'failed',
  'expired',
];

/** A spending cap: a number, or `{ amount, unit }` with unit USD or credits. */
function maxCostRule(rules: OptionRules) {
  const isAmount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
  return rules.optional<unknown>(
    (value) =>
      isAmount(value) ||
      (is.plainObject(value) &&
        Object.keys(value).every((key) => key === 'amount' || key === 'unit') &&
        isAmount((value as { amount?: unknown }).amount) &&
        ['USD', 'credits'].includes((value as { unit?: unknown }).unit as string)),
    "a number 0 or more (in the model's unit), or { amount, unit: 'USD' | 'credits' }",
  );
}

/** One rule per key of `T`, no more and no less: a new option cannot be added without its rule. */
type Shape<T> = { readonly [K in keyof Required<T>]: z.ZodType };

function settingsShape(rules: OptionRules) {
  const retry = rules.object({
    retries: rules.countFromZero(),
    minDelayMs: rules.durationFromZero(),
    maxDelayMs: rules.durationFromZero(),
    maxRetryAfterMs: rules.durationFromZero(),
    rateLimitRetries: rules.countFromZero(),
  } satisfies Shape<RetryPolicy>);
  const poll = rules.object({
    budgetIntervalMs: rules.durationFromZero(),
    initialIntervalMs: rules.positiveNumber(),
    maxIntervalMs: rules.positiveNumber(),
    multiplier: rules.optional<number>(
      (value) => is.positiveNumber(value) && (value as number) >= 1,
      'a finite number, 1 or more',
    ),
  } satisfies Shape<PollOptions>);
  const limits = rules.object({
    maxConcurrentRequests: rules.positiveInteger(),
    requestsPerMinute: rules.positiveInteger(),
    maxConnectionsPerOrigin: rules.positiveInteger(),
    maxConcurrentDownloads: rules.positiveInteger(),
  } satisfies Shape<ProviderLimits>);
  return {
    provider: rules.provider(),
    // Validated by the provider's own config schema, whose messages name the setting.
    providerConfig: rules.anything(),
    model: rules.optional<string>(
      (value) => typeof value === 'string' && value.trim() !== '',
      'a model id (a non-empty string)',
    ),
    allowRetiredModels: rules.boolean(),
    // Ranges are the model's: checked against its ModelInfo right after, with what it allows.
    width: rules.number(),
    height: rules.number(),
    fps: rules.number(),
    durationSeconds: rules.number(),
    seed: rules.number(),
    negativePrompt: rules.text(),
    audio: rules.boolean(),
    providerOptions: rules.optional<unknown>(
      (value) => is.plainObject(value) && Object.values(value).every(is.plainObject),
      'an object of objects, keyed by provider id: { veo3: { … } }',
    ),
    overwrite: rules.boolean(),
    signal: rules.signal(),
    cancelRemoteOnAbort: rules.boolean(),
    timeoutMs: rules.optional<number>(is.positiveInteger, 'a whole number of milliseconds above 0'),
    onProgress: rules.function(),
    retry: retry.optional(),
    poll: poll.optional(),
    limits: limits.optional(),
    fetch: rules.function(),
    allowLoopbackDownloads: rules.boolean(),
    maxDownloadBytes: rules.optional<number>(is.positiveInteger, 'a whole number of bytes above 0'),
    ledger: rules.optional<LedgerSetting>(
      (value) => value === false || is.path(value) || isGenerationStore(value),
      'a folder path, a ledger store ({ read, write, all }) or false (to record nothing)',
    ),
    journalStore: rules.optional<JournalStore>(
      (value) =>
        is.plainObject(value) && ['read', 'write', 'remove'].every((name) => is.function(value[name])),
      'a journal store: an object with read, write and remove functions',
    ),
  } satisfies Shape<GenerationSettings>;
}

/** The options schema of every public entry of core, built on first use. */
export function entrySchemas(zod: Zod) {
  const rules = optionRules(zod);
  const settings = settingsShape(rules);
  const generateVideo = rules.object({
    ...settings,
    prompt: rules.rule<string>(is.text, 'a non-empty string'),
    images: rules.images(),
    firstFrame: rules.image(),
    lastFrame: rules.image(),
    referenceImages: rules.images(),
    // Same shapes as an image; the container and limits are checked against the model after.
    video: rules.optional<unknown>(
      is.image,
      'a video: a file path, an https or gs URL, a URL object, a Uint8Array or an ArrayBuffer',
    ),
    videoUse: rules.optional<string>(
      (value) => value === 'edit' || value === 'extend' || value === 'reference',
      'one of edit, extend, reference',
    ),
    outPath: rules.optional<string>(is.path, 'a file path (a non-empty string without NUL bytes)'),
    maxCost: maxCostRule(rules),
    webhook: rules.function(),
  } satisfies Shape<GenerateVideoOptions>);
  const {
    model: _model,
    width: _width,
    height: _height,
    fps: _fps,
    durationSeconds: _durationSeconds,
    seed: _seed,
    negativePrompt: _negativePrompt,
    audio: _audio,
    providerOptions: _providerOptions,
    ...waiting
  } = settings;
  const resumeVideo = rules.object(waiting satisfies Shape<ResumeVideoOptions>);
  const startVideo = rules.object({
    ...generateVideo.shape,
    idempotencyKey: rules.optional<string>(
      (value) => is.text(value) && value.trim() !== '' && value.length <= 256,
      'a non-empty string of at most 256 characters',
    ),
  } satisfies Shape<StartVideoOptions>);
  const finishVideo = rules.object({
    ...waiting,
    outPath: generateVideo.shape.outPath,
  } satisfies Shape<FinishVideoOptions>);
  const downloadGeneration = rules.object({
    provider: settings.provider,
    providerConfig: settings.providerConfig,
    signal: settings.signal,
    timeoutMs: settings.timeoutMs,
    onProgress: settings.onProgress,
    retry: settings.retry,
    poll: settings.poll,
    fetch: settings.fetch,
    allowLoopbackDownloads: settings.allowLoopbackDownloads,
    maxDownloadBytes: settings.maxDownloadBytes,
    ledger: rules.path(),
    outPath: generateVideo.shape.outPath,
    overwrite: settings.overwrite,
  } satisfies Shape<DownloadGenerationOptions>);
  const ledgerOnly = rules.object({ ledger: rules.path() } satisfies Shape<LedgerOptions>);
  const status = rules.rule<GenerationStatus>(
    (value) => typeof value === 'string' && (GENERATION_STATUSES as readonly string[]).includes(value),
    `one of ${GENERATION_STATUSES.join(', ')}`,
  );
  const listGenerations = rules.object({
    ledger: rules.path(),
    provider: rules.text(),
    status: zod.union([status, zod.array(status)]).optional(),
    since: rules.optional<Date | string>(
      (value) =>
        (value instanceof Date || typeof value === 'string') && Number.isFinite(new Date(value).getTime()),
      'a Date or a date string such as 2026-12-01 or 2026-12-01T10:00:00Z',
    ),
  } satisfies Shape<ListGenerationsOptions>);
  return {
    generateVideo,
    checkVideoRequest: generateVideo,
    resumeVideo,
    startVideo,
    checkVideo: resumeVideo,
    finishVideo,
    downloadGeneration,
    listGenerations,
    getGeneration: ledgerOnly,
    forgetGeneration: ledgerOnly,
  };
}

/** The name of a public entry whose options core validates. */
export type EntryName = keyof ReturnType<typeof entrySchemas>;
