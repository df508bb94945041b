import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  AuthenticationError,
  CancelledError,
  ContentPolicyError,
  DownloadError,
  GenerationFailedError,
  InsufficientCreditsError,
  type JobRef,
  RateLimitError,
  resumeVideo,
} from '@video-gen/core';
import { solidPng } from '@video-gen/testing';
import { describe, expect, it } from 'vitest';
import {
  API_KEY,
  boxType,
  FAST,
  generate,
  rejection,
  tempDir,
  testProvider,
  useMswServer,
} from './test-support.js';

const { mockRunway } = useMswServer();
const PROMPT = 'A hummingbird hovering at a red flower';
const ctx = () => ({
  signal: AbortSignal.timeout(10_000),
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  fetch: globalThis.fetch,
});

async function submitOne(runway: ReturnType<typeof mockRunway>) {
  const provider = testProvider(runway);
  const job = await provider.submit(
    {
      prompt: PROMPT,
      model: provider.models.find((m) => m.id === 'veo3.1')!,
      width: 1280,
      height: 720,
      fps: 24,
      durationSeconds: 8,
      seed: undefined,
      negativePrompt: undefined,
      audio: undefined,
      firstFrame: undefined,
      lastFrame: undefined,
      referenceImages: [],
      providerOptions: {},
      idempotencyKey: 'key-1',
    },
    ctx(),
  );
  return { provider, job };
}

describe('runway task states', () => {
  it('maps THROTTLED and PENDING to queued, RUNNING to running with progress, SUCCEEDED to succeeded with credits', async () => {
    const runway = mockRunway({
      sequence: [
        { status: 'THROTTLED' },
        { status: 'PENDING' },
        { status: 'RUNNING', progress: 0.25 },
        { status: 'SUCCEEDED' },
      ],
    });
    const { provider, job } = await submitOne(runway);
    expect(job).toMatchObject({
      provider: 'runway',
      model: 'veo3.1',
      data: { endpoint: 'text_to_video', durationSeconds: 8 },
    });
    const states = [];
    for (let i = 0; i < 4; i++) states.push(await provider.status(job, ctx()));
    expect(states).toEqual([
      { state: 'queued' },
      { state: 'queued' },
      { state: 'running', progress: 0.25 },
      { state: 'succeeded', usage: { seconds: 8, cost: { amount: 320, currency: 'credits' } } },
    ]);
    const [poll] = runway.apiRequests('GET', `/v1/tasks/${job.id}`);
    expect(poll!.url).toBe(`https://api.dev.runwayml.com/v1/tasks/${job.id}`);
    expect(poll!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(poll!.headers['x-runway-version']).toBe('2024-11-06');
  });

  it('hands core no poll hint by default, and a configured poll interval as the next-poll hint', async () => {
    const runway = mockRunway();
    const { createRunway } = await import('./runway-provider.js');
    const job = (await submitOne(runway)).job;
    const byDefault = createRunway({ apiKey: API_KEY, baseURL: runway.baseURL });
    expect(await byDefault.status(job, ctx())).toEqual({ state: 'queued' });
    const fixed = createRunway({ apiKey: API_KEY, baseURL: runway.baseURL, pollIntervalMs: 5000 });
    // The fake's task moved on to RUNNING by this second poll; the hint rides along.
    expect(await fixed.status(job, ctx())).toMatchObject({ state: 'running', retryAfterMs: 5000 });
  });

  it('FAILED with a SAFETY code is a ContentPolicyError carrying the vendor text and code; the journal is removed', async () => {
    const runway = mockRunway({
      sequence: [
        { status: 'RUNNING', progress: 0.1 },
        {
          status: 'FAILED',
          failure: 'The prompt was flagged by our moderation system.',
          failureCode: 'SAFETY.INPUT.TEXT',
        },
      ],
    });
    const outPath = path.join(tempDir(), 'refused.mp4');
    const error = await rejection(generate(runway, { prompt: PROMPT, model: 'gen4.5', outPath }));
    expect(ContentPolicyError.isInstance(error)).toBe(true);
    expect(error.message).toContain('SAFETY.INPUT.TEXT');
    expect(error.message).toContain('The prompt was flagged by our moderation system.');
    expect((error as ContentPolicyError).retryable).toBe(false);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
    expect(runway.apiRequests('POST')).toHaveLength(1);
  });

  it('FAILED with another code is a GenerationFailedError with the vendor text and code', async () => {
    const runway = mockRunway({
      sequence: [
        {
          status: 'FAILED',
          failure: 'An unexpected error occurred.',
          failureCode: 'INTERNAL.BAD_OUTPUT.CODE01',
        },
      ],
    });
    const error = await rejection(generate(runway, { prompt: PROMPT, model: 'gen4.5' }));
    expect(GenerationFailedError.isInstance(error)).toBe(true);
    expect(ContentPolicyError.isInstance(error)).toBe(false);
    expect(error.message).toBe(
      `Runway task ${(error as GenerationFailedError).job?.id} failed [INTERNAL.BAD_OUTPUT.CODE01]: An unexpected error occurred.`,
    );
  });

  it('CANCELLED ends the job as cancelled', async () => {
    const runway = mockRunway({ sequence: [{ status: 'PENDING' }, { status: 'CANCELLED' }] });
    const { provider, job } = await submitOne(runway);
    expect(await provider.status(job, ctx())).toEqual({ state: 'queued' });
    expect(await provider.status(job, ctx())).toEqual({ state: 'cancelled' });
    const error = await rejection(
      generate(mockRunway({ sequence: [{ status: 'CANCELLED' }] }), { prompt: PROMPT, model: 'gen4.5' }),
    );
    expect(GenerationFailedError.isInstance(error) && (error as GenerationFailedError).code).toBe(
      'job_cancelled',
    );
  });

  it('an unknown task is a typed 404 error', async () => {
    const runway = mockRunway();
    const provider = testProvider(runway);
    const job: JobRef = {
      provider: 'runway',
      model: 'gen4.5',
      id: 'no-such-task',
      createdAt: new Date().toISOString(),
    };
    const error = await rejection(provider.status(job, ctx()));
    expect(error).toMatchObject({ name: 'ApiRequestError', status: 404, retryable: false });
    expect(error.message).toBe('Runway GET /v1/tasks/no-such-task failed with HTTP 404: Task not found');
  });
});

describe('runway downloads', () => {
  it('refuses to download a task that has not finished, with a typed error', async () => {
    const runway = mockRunway({ sequence: [{ status: 'RUNNING', progress: 0.5 }] });
    const { provider, job } = await submitOne(runway);
    const error = await rejection(provider.download(job, ctx()));
    expect(DownloadError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'job_not_finished', retryable: false });
  });

  it('returns the output URL without credentials, from a fresh task fetch', async () => {
    const runway = mockRunway({ sequence: [{ status: 'SUCCEEDED' }] });
    const { provider, job } = await submitOne(runway);
    const first = await provider.download(job, ctx());
    const second = await provider.download(job, ctx());
    expect(first).toEqual({ type: 'url', url: `${runway.outputOrigin}/outputs/${job.id}/1.mp4` });
    expect(second).toEqual({ type: 'url', url: `${runway.outputOrigin}/outputs/${job.id}/2.mp4` });
  });

  it('fetches the task again for a fresh URL when the output URL has expired (403)', async () => {
    const runway = mockRunway({ failures: { expiredOutputs: 1 } });
    const result = await generate(runway, { prompt: PROMPT, model: 'gen4.5' });
    expect(await boxType(result.path)).toBe('ftyp');
    const outputs = runway.requests.filter((r) => r.url.startsWith(runway.outputOrigin));
    expect(outputs).toHaveLength(2);
    expect(outputs[0]!.url).not.toBe(outputs[1]!.url);
    // Between the expired download and the fresh one, the task was fetched again.
    const first = runway.requests.indexOf(outputs[0]!);
    const second = runway.requests.indexOf(outputs[1]!);
    const between = runway.requests.slice(first + 1, second);
    expect(between.map((r) => `${r.method} ${r.path.replace(/[^/]+$/, ':id')}`)).toEqual([
      'GET /v1/tasks/:id',
    ]);
  });

  it('retries task fetches that answer 5xx', async () => {
    const runway = mockRunway({ failures: { serverErrors: 2 } });
    const result = await generate(runway, { prompt: PROMPT, model: 'gen4.5' });
    expect(await boxType(result.path)).toBe('ftyp');
    expect(runway.apiRequests('POST')).toHaveLength(1);
  });
});

describe('runway account errors', () => {
  it('credit exhaustion is an InsufficientCreditsError, not retried, journal removed', async () => {
    const runway = mockRunway({ failures: { insufficientCredits: true } });
    const outPath = path.join(tempDir(), 'broke.mp4');
    const error = await rejection(generate(runway, { prompt: PROMPT, model: 'gen4.5', outPath }));
    expect(InsufficientCreditsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, retryable: false, code: 'insufficient_credits' });
    expect(error.message).toContain('You do not have enough credits to run this task.');
    expect(runway.apiRequests('POST', '/v1/text_to_video')).toHaveLength(1);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });

  it('a rejected key is an AuthenticationError, not retried, and the key appears nowhere in it', async () => {
    const runway = mockRunway({ failures: { unauthorized: true } });
    const error = await rejection(generate(runway, { prompt: PROMPT, model: 'gen4.5' }));
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, retryable: false });
    expect(error.message).toContain('Invalid API key provided.');
    expect(runway.apiRequests('POST')).toHaveLength(1);
    const everything = [
      error.message,
      error.stack,
      JSON.stringify(error),
      String(error.cause),
      JSON.stringify(error.cause),
    ];
    for (const text of everything) expect(text ?? '').not.toContain(API_KEY);
  });

  it('a 429 is a RateLimitError with Retry-After, and core retries the submit after it', async () => {
    const limited = mockRunway({ failures: { rateLimit: { times: 1, retryAfterSeconds: 2 } } });
    const { provider } = { provider: testProvider(limited) };
    const request = {
      prompt: PROMPT,
      model: provider.models.find((m) => m.id === 'gen4.5')!,
      width: 1280,
      height: 720,
      fps: 24,
      durationSeconds: 5,
      seed: undefined,
      negativePrompt: undefined,
      audio: undefined,
      firstFrame: undefined,
      lastFrame: undefined,
      referenceImages: [],
      providerOptions: {},
      idempotencyKey: 'k',
    };
    const error = await rejection(provider.submit(request, ctx()));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 2000, retryable: true });

    const runway = mockRunway({ failures: { rateLimit: { times: 1, retryAfterSeconds: 0 } } });
    const retries: unknown[] = [];
    const result = await generate(runway, {
      prompt: PROMPT,
      model: 'gen4.5',
      onProgress: (event) => {
        if (event.retry) retries.push(event.retry);
      },
    });
    expect(await boxType(result.path)).toBe('ftyp');
    expect(runway.apiRequests('POST', '/v1/text_to_video')).toHaveLength(2);
    // Retry-After: 0 is honoured as is, instead of core's own backoff.
    expect(retries).toEqual([expect.objectContaining({ attempt: 1, delayMs: 0 })]);
  });
});

describe('runway cancel and resume', () => {
  it('cancels a task with DELETE /v1/tasks/{id}', async () => {
    const runway = mockRunway();
    const { provider, job } = await submitOne(runway);
    await provider.cancel!(job, ctx());
    const [remove] = runway.apiRequests('DELETE');
    expect(remove!.url).toBe(`https://api.dev.runwayml.com/v1/tasks/${job.id}`);
    expect(remove!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(remove!.headers['x-runway-version']).toBe('2024-11-06');
    expect(await provider.status(job, ctx())).toEqual({ state: 'cancelled' });
  });

  it('cancels remotely when the caller aborts with cancelRemoteOnAbort', async () => {
    const runway = mockRunway({ sequence: [{ status: 'RUNNING', progress: 0.1 }] });
    const controller = new AbortController();
    const outPath = path.join(tempDir(), 'aborted.mp4');
    const error = await rejection(
      generate(runway, {
        prompt: PROMPT,
        model: 'gen4.5',
        outPath,
        signal: controller.signal,
        cancelRemoteOnAbort: true,
        onProgress: (event) => {
          if (event.phase === 'running') controller.abort();
        },
      }),
    );
    expect(CancelledError.isInstance(error)).toBe(true);
    expect(runway.apiRequests('DELETE', '/v1/tasks/')).toHaveLength(1);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });

  it('resumes an in-flight job from its journal without a second POST', async () => {
    const runway = mockRunway();
    const controller = new AbortController();
    const outPath = path.join(tempDir(), 'resumed.mp4');
    const interrupted = await rejection(
      generate(runway, {
        prompt: PROMPT,
        model: 'veo3.1',
        firstFrame: solidPng(16, 16),
        outPath,
        signal: controller.signal,
        onProgress: (event) => {
          if (event.phase === 'queued') controller.abort();
        },
      }),
    );
    expect(CancelledError.isInstance(interrupted)).toBe(true);
    const journal = (interrupted as CancelledError).journalPath!;
    expect(journal).toBe(`${outPath}.job.json`);
    expect(existsSync(journal)).toBe(true);

    const result = await resumeVideo(journal, { provider: testProvider(runway), ...FAST });
    expect(result.resumed).toBe(true);
    expect(result.path).toBe(outPath);
    expect(await boxType(outPath)).toBe('ftyp');
    expect(runway.apiRequests('POST')).toHaveLength(1);
    expect(existsSync(journal)).toBe(false);
  });
});
