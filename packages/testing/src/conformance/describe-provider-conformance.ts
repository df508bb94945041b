import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CancelledError,
  type GenerateVideoOptions,
  type GenerationSettings,
  generateVideo,
  InputFileError,
  isNumberRange,
  isSizeRange,
  resumeVideo,
  solidPng,
  ValidationError,
  VideoGenError,
  type VideoProvider,
} from '@video-gen/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countingProvider } from './counting-provider.js';
import { describeErrorMappingCases, type SubmitFailure } from './error-mapping-cases.js';
import { refusedDuration, refusedSize } from './invalid-settings.js';
import { boxTypeAt4 } from './mp4-header.js';

/** What the conformance suite needs to know about the provider under test. */
export interface ProviderConformanceOptions {
  /** Creates the provider under test; called for every test. */
  readonly createProvider: () => VideoProvider | Promise<VideoProvider>;
  /** A request the provider's test double completes (prompt, model, size, ...). Default: the default model's defaults. */
  readonly request?: Partial<Omit<GenerateVideoOptions, 'provider' | 'outPath' | keyof GenerationSettings>> &
    Pick<
      GenerationSettings,
      'model' | 'width' | 'height' | 'fps' | 'durationSeconds' | 'seed' | 'audio' | 'providerOptions'
    >;
  /** Settings for every generation: poll intervals, `fetch`, `allowLoopbackDownloads`, ... Short poll intervals are applied by default. */
  readonly settings?: GenerationSettings;
  /** Runs before each test (start a mock server, reset handlers). */
  readonly beforeEach?: () => void | Promise<void>;
  /** Runs after each test. */
  readonly afterEach?: () => void | Promise<void>;
  /** Per-test timeout in milliseconds. Default 60 s. */
  readonly timeoutMs?: number;
  /**
   * Makes your mock answer the next submit, and only that one, with `status` (401 or 429) and
   * `headers`; with msw: `server.use(http.post(url, () => HttpResponse.json({ error: 'x' }, failure), { once: true }))`.
   * Given, the suite also checks your error mapping: a 401 is an `AuthenticationError` that is not
   * retried, a 429 a `RateLimitError` honouring Retry-After. Every HTTP provider should give it.
   */
  readonly answerSubmitWith?: (failure: SubmitFailure) => void | Promise<void>;
}

const FAST = {
  poll: { initialIntervalMs: 10, maxIntervalMs: 100 },
  retry: { minDelayMs: 10, maxDelayMs: 100 },
  // The contract holds for retired models too (Sora 2): their users opt in, and so does the suite.
  allowRetiredModels: true,
};

/**
 * Registers a vitest suite that checks a provider against the video-gen contract: declared
 * capabilities are coherent, requests outside them are refused before any paid call, a job goes
 * through the whole lifecycle to a valid MP4, an interrupted job resumes without a second submit,
 * remote cancel works, and unknown jobs fail with typed errors; with `answerSubmitWith`, that a 401
 * is an `AuthenticationError` (not retried) and a 429 a `RateLimitError` honouring Retry-After.
 * Its temporary folders are removed after each test.
 *
 * Every first-party provider runs it; run it in your own plugin's tests too, against your mocks.
 *
 * @example
 * ```ts
 * import { describeProviderConformance } from '@video-gen/testing';
 * import { createLocal } from '@video-gen/provider-local';
 *
 * describeProviderConformance('local', {
 *   createProvider: () => createLocal({ simulatedQueueMs: 300 }),
 *   request: { prompt: 'conformance', width: 160, height: 90, durationSeconds: 1 },
 * });
 * ```
 */
export function describeProviderConformance(name: string, options: ProviderConformanceOptions): void {
  const timeout = options.timeoutMs ?? 60_000;
  const settings: GenerationSettings = { ...FAST, ...options.settings };
  let dir = '';

  const prepare = async () => {
    const { provider, calls } = countingProvider(await options.createProvider());
    return { provider, calls, outPath: path.join(dir, `${Math.random().toString(36).slice(2)}.mp4`) };
  };
  const request = (extra: Partial<GenerateVideoOptions> = {}): Omit<GenerateVideoOptions, 'provider'> => ({
    prompt: 'A conformance test clip of a calm sea',
    ...options.request,
    ...settings,
    ...extra,
  });

  describe(`provider conformance: ${name}`, () => {
    beforeEach(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-conformance-'));
      await options.beforeEach?.();
    });
    afterEach(async () => {
      await options.afterEach?.();
      rmSync(dir, { recursive: true, force: true });
    });

    const { answerSubmitWith } = options;
    if (answerSubmitWith) {
      describeErrorMappingCases({
        createProvider: options.createProvider,
        answerSubmitWith,
        request: () => request(),
        outPath: () => path.join(dir, `${Math.random().toString(36).slice(2)}.mp4`),
        timeoutMs: timeout,
      });
    }

    it('declares a coherent contract', async () => {
      const provider = await options.createProvider();
      expect(provider.id).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
      expect(provider.models.length).toBeGreaterThan(0);
      const ids = provider.models.map((model) => model.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const model of provider.models) {
        const { defaultSize, sizes, durations } = model;
        if (isSizeRange(sizes)) {
          expect(defaultSize.width % sizes.multipleOf, `${model.id} default width`).toBe(0);
        } else {
          expect(
            sizes.some((s) => s.width === defaultSize.width && s.height === defaultSize.height),
            `${model.id} default size`,
          ).toBe(true);
        }
        if (isNumberRange(durations)) {
          expect(model.defaultDurationSeconds).toBeGreaterThanOrEqual(durations.min);
          expect(model.defaultDurationSeconds).toBeLessThanOrEqual(durations.max);
        } else {
          expect(durations, `${model.id} default duration`).toContain(model.defaultDurationSeconds);
        }
        expect(model.images.mediaTypes.length, `${model.id} image types`).toBeGreaterThan(0);
        expect(
          Number.isInteger(model.images.maxReferenceImages) && model.images.maxReferenceImages >= 0,
        ).toBe(true);
        expect(model.maxPromptLength).toBeGreaterThan(0);
      }
    });

    it('refuses durations and sizes outside each model before any paid call', async () => {
      const { provider, calls, outPath } = await prepare();
      for (const model of provider.models) {
        const badDuration = generateVideo({
          ...request({ model: model.id, durationSeconds: refusedDuration(model) }),
          provider,
          outPath,
        });
        await expect(badDuration, `${model.id} duration`).rejects.toSatisfy((e: unknown) =>
          ValidationError.isInstance(e),
        );
        const size = refusedSize(model);
        const badSize = generateVideo({ ...request({ model: model.id, ...size }), provider, outPath });
        await expect(badSize, `${model.id} size`).rejects.toSatisfy((e: unknown) =>
          ValidationError.isInstance(e),
        );
      }
      await expect(
        generateVideo({ ...request({ model: 'no-such-model-anywhere' }), provider, outPath }),
      ).rejects.toSatisfy(
        (e: unknown) =>
          ValidationError.isInstance(e) && (e as Error).message.includes(provider.models[0]!.id),
      );
      expect(calls.submit).toBe(0);
    });

    it('refuses image roles a model does not take, and missing images, before any paid call', async () => {
      const { provider, calls, outPath } = await prepare();
      const image = solidPng(64, 64);
      for (const model of provider.models) {
        if (!model.images.firstFrame) {
          await expect(
            generateVideo({ ...request({ model: model.id, firstFrame: image }), provider, outPath }),
          ).rejects.toSatisfy((e: unknown) => ValidationError.isInstance(e));
        }
        const tooMany = Array.from({ length: model.images.maxReferenceImages + 1 }, () => image);
        await expect(
          generateVideo({ ...request({ model: model.id, referenceImages: tooMany }), provider, outPath }),
        ).rejects.toSatisfy((e: unknown) => ValidationError.isInstance(e));
      }
      await expect(
        generateVideo({ ...request({ images: [path.join(dir, 'missing.png')] }), provider, outPath }),
      ).rejects.toSatisfy((e: unknown) => InputFileError.isInstance(e) || ValidationError.isInstance(e));
      expect(calls.submit).toBe(0);
    });

    it(
      'takes a job through submit, status and download to a valid MP4',
      async () => {
        const { provider, calls, outPath } = await prepare();
        const phases = new Set<string>();
        const result = await generateVideo({
          ...request({ onProgress: (event) => phases.add(event.phase) }),
          provider,
          outPath,
        });
        expect(result.path).toBe(outPath);
        expect(result.provider).toBe(provider.id);
        expect(result.bytes).toBeGreaterThan(0);
        expect(await boxTypeAt4(outPath)).toBe('ftyp');
        expect(existsSync(`${outPath}.job.json`)).toBe(false);
        expect(existsSync(`${outPath}.part`)).toBe(false);
        expect(calls.submit).toBe(1);
        expect(phases).toContain('submitting');
        expect(phases).toContain('done');
      },
      timeout,
    );

    it(
      'resumes an interrupted job from its journal without submitting again',
      async () => {
        const { provider, calls, outPath } = await prepare();
        const controller = new AbortController();
        const interrupted = await generateVideo({
          ...request({
            signal: controller.signal,
            onProgress: (event) => {
              if (event.phase === 'queued' || event.phase === 'running') controller.abort();
            },
          }),
          provider,
          outPath,
        }).catch((error: unknown) => error);
        expect(
          CancelledError.isInstance(interrupted),
          'the job must report queued or running at least once',
        ).toBe(true);
        expect(existsSync(`${outPath}.job.json`)).toBe(true);
        const result = await resumeVideo(`${outPath}.job.json`, { ...settings, provider });
        expect(result.resumed).toBe(true);
        expect(await boxTypeAt4(outPath)).toBe('ftyp');
        expect(calls.submit).toBe(1);
      },
      timeout,
    );

    it(
      'cancels the job at the vendor when the caller aborts with cancelRemoteOnAbort',
      async () => {
        const { provider, calls, outPath } = await prepare();
        const controller = new AbortController();
        const error = await generateVideo({
          ...request({
            signal: controller.signal,
            cancelRemoteOnAbort: true,
            onProgress: (event) => {
              if (event.phase === 'queued' || event.phase === 'running') controller.abort();
            },
          }),
          provider,
          outPath,
        }).catch((e: unknown) => e);
        expect(CancelledError.isInstance(error)).toBe(true);
        if (provider.cancel) {
          expect(calls.cancel).toBe(1);
          expect(existsSync(`${outPath}.job.json`)).toBe(false);
        } else {
          // Without remote cancel the job is still paid for: its journal must stay for a resume.
          expect(existsSync(`${outPath}.job.json`)).toBe(true);
        }
      },
      timeout,
    );

    it('reports a job it does not know with a typed error or a failed state', async () => {
      const { provider } = await prepare();
      const job = {
        provider: provider.id,
        model: provider.models[0]!.id,
        id: 'no-such-job-0000',
        createdAt: new Date().toISOString(),
      };
      const ctx = {
        signal: AbortSignal.timeout(10_000),
        logger: { debug() {}, info() {}, warn() {}, error() {} },
        fetch: settings.fetch ?? fetch,
      };
      const outcome = await provider.status(job, ctx).then(
        (status) => status,
        (error: unknown) => error,
      );
      const typedError = VideoGenError.isInstance(outcome);
      const failedState =
        typeof outcome === 'object' && outcome !== null && (outcome as { state?: string }).state === 'failed';
      expect(typedError || failedState).toBe(true);
    });
  });
}
