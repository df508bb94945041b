import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ApiRequestError,
  AuthenticationError,
  CancelledError,
  ContentPolicyError,
  GenerationFailedError,
  generateVideo,
  JobTimeoutError,
  OutputExistsError,
  type ProgressEvent,
  RateLimitError,
  RetryExhaustedError,
  readJournal,
  resumeVideo,
} from '../src/index.js';
import { createFakeProvider, type FakeProviderOptions, submitCount } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

const fast = { poll: { initialIntervalMs: 5, maxIntervalMs: 20 }, retry: { minDelayMs: 5, maxDelayMs: 20 } };

function setup(options: Partial<FakeProviderOptions> = {}) {
  const dir = tempDir();
  const stateDir = path.join(dir, 'state');
  const provider = createFakeProvider({ stateDir, videoPath: tinyMp4(), ...options });
  const outPath = path.join(dir, 'out', 'video.mp4');
  return { dir, stateDir, provider, outPath, base: { provider, prompt: 'waves', outPath, ...fast } };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('generateVideo lifecycle', () => {
  it('submits once, polls through queued and running, downloads, and removes the journal', async () => {
    const { provider, outPath, base } = setup();
    const events: ProgressEvent[] = [];
    const result = await generateVideo({ ...base, onProgress: (event) => events.push(event) });
    expect(result).toMatchObject({
      path: outPath,
      provider: 'fake',
      model: 'fake-1',
      width: 1280,
      height: 720,
      resumed: false,
    });
    expect(result.bytes).toBe(readFileSync(tinyMp4()).length);
    expect(readFileSync(outPath).equals(readFileSync(tinyMp4()))).toBe(true);
    expect(provider.calls).toMatchObject({ submit: 1, status: 3, download: 1 });
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
    expect(existsSync(`${outPath}.part`)).toBe(false);
    const phases = [...new Set(events.map((event) => event.phase))];
    expect(phases).toEqual(['validating', 'submitting', 'queued', 'running', 'downloading', 'done']);
    expect(result.usage).toEqual({ seconds: 4 });
  });

  it('retries a 429 after its Retry-After and a 503, then succeeds', async () => {
    const rateLimited = new RateLimitError('slow down', { retryAfterMs: 40 });
    const unavailable = new ApiRequestError('unavailable', { status: 503 });
    const { provider, base } = setup({ errors: { submit: [rateLimited], status: [unavailable] } });
    const started = Date.now();
    const result = await generateVideo(base);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(provider.calls.submit).toBe(2);
    expect(result.jobId).toMatch(/^job-/);
  });

  it.each([
    ['400', new ApiRequestError('bad request', { status: 400 })],
    ['401', new AuthenticationError('bad key', { status: 401 })],
    ['403', new AuthenticationError('forbidden', { status: 403 })],
    ['a content-policy refusal', new ContentPolicyError('refused', { status: 400 })],
  ])('does not retry %s, and leaves no journal', async (_name, error) => {
    const { provider, outPath, base } = setup({ errors: { submit: [error] } });
    expect(await rejection(generateVideo(base))).toBe(error);
    expect(provider.calls.submit).toBe(1);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });

  it('gives up with RetryExhaustedError carrying the last cause', async () => {
    const errors = Array.from({ length: 5 }, (_, i) => new ApiRequestError(`boom ${i}`, { status: 500 }));
    const { provider, base } = setup({ errors: { submit: errors } });
    const error = await rejection(generateVideo({ ...base, retry: { ...fast.retry, retries: 2 } }));
    expect(RetryExhaustedError.isInstance(error)).toBe(true);
    expect((error as RetryExhaustedError).attempts).toBe(3);
    expect(((error as Error).cause as Error).message).toBe('boom 2');
    expect(provider.calls.submit).toBe(3);
  });

  it('a failed job is a GenerationFailedError and its journal is removed', async () => {
    const { outPath, base } = setup({ fail: true });
    const error = await rejection(generateVideo(base));
    expect(GenerationFailedError.isInstance(error)).toBe(true);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
    expect(existsSync(outPath)).toBe(false);
  });

  it('cancels through AbortSignal while polling, keeps the journal, and resumes without a second submit', async () => {
    const { stateDir, outPath, base } = setup({ pollsUntilDone: 50, statusDelayMs: 5 });
    const controller = new AbortController();
    const promise = generateVideo({
      ...base,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.phase === 'running') controller.abort();
      },
    });
    const error = await rejection(promise);
    expect(CancelledError.isInstance(error)).toBe(true);
    expect((error as CancelledError).journalPath).toBe(`${outPath}.job.json`);
    expect((error as Error).message).toContain('resumeVideo');
    const journal = await readJournal(`${outPath}.job.json`);
    expect(journal?.state).toBe('submitted');

    const resumer = createFakeProvider({ stateDir, videoPath: tinyMp4(), pollsUntilDone: 0 });
    const result = await resumeVideo(`${outPath}.job.json`, { provider: resumer, ...fast });
    expect(result.resumed).toBe(true);
    expect(result.jobId).toBe(journal?.job?.id);
    expect(submitCount(stateDir)).toBe(1);
    expect(resumer.calls.submit).toBe(0);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });

  it('cancels at the vendor too when asked, and drops the journal', async () => {
    const { provider, outPath, base } = setup({ pollsUntilDone: 50 });
    const controller = new AbortController();
    const error = await rejection(
      generateVideo({
        ...base,
        signal: controller.signal,
        cancelRemoteOnAbort: true,
        onProgress: (event) => event.phase === 'running' && controller.abort(),
      }),
    );
    expect(CancelledError.isInstance(error)).toBe(true);
    expect(provider.calls.cancel).toBe(1);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });

  it('times out with JobTimeoutError carrying the job, and a re-run of the same call resumes it', async () => {
    const { stateDir, base } = setup({ pollsUntilDone: 1000 });
    const error = await rejection(generateVideo({ ...base, timeoutMs: 60 }));
    expect(JobTimeoutError.isInstance(error)).toBe(true);
    expect((error as JobTimeoutError).job?.id).toMatch(/^job-/);
    const again = createFakeProvider({ stateDir, videoPath: tinyMp4(), pollsUntilDone: 0 });
    const result = await generateVideo({ ...base, provider: again });
    expect(result.resumed).toBe(true);
    expect(again.calls.submit).toBe(0);
    expect(submitCount(stateDir)).toBe(1);
  });

  it('refuses a re-run with different settings while a journal records another request', async () => {
    const { base } = setup({ pollsUntilDone: 1000 });
    await rejection(generateVideo({ ...base, timeoutMs: 30 }));
    const error = await rejection(generateVideo({ ...base, prompt: 'something else' }));
    expect((error as ApiRequestError).code).toBe('journal_mismatch');
  });

  it('never overwrites an existing output without overwrite: true', async () => {
    const { provider, outPath, base } = setup();
    await generateVideo(base);
    writeFileSync(outPath, 'precious');
    const error = await rejection(generateVideo(base));
    expect(OutputExistsError.isInstance(error)).toBe(true);
    expect(readFileSync(outPath, 'utf8')).toBe('precious');
    expect(provider.calls.submit).toBe(1);
    await generateVideo({ ...base, overwrite: true });
    expect(readFileSync(outPath).equals(readFileSync(tinyMp4()))).toBe(true);
  });

  it('keeps the finished video in the part file when the output appeared meanwhile', async () => {
    const { outPath, base } = setup();
    const error = await rejection(
      generateVideo({
        ...base,
        onProgress: (event) => {
          if (event.phase === 'downloading' && !existsSync(outPath)) writeFileSync(outPath, 'someone else');
        },
      }),
    );
    expect(OutputExistsError.isInstance(error)).toBe(true);
    expect(readFileSync(outPath, 'utf8')).toBe('someone else');
    expect(readFileSync(`${outPath}.part`).equals(readFileSync(tinyMp4()))).toBe(true);
    expect((await readJournal(`${outPath}.job.json`))?.state).toBe('downloaded');
  });

  it('refuses a body that is not an MP4 and leaves nothing at the output path', async () => {
    const { dir, outPath, base } = setup();
    const notVideo = path.join(dir, 'page.html');
    writeFileSync(notVideo, '<html>expired</html>');
    const provider = createFakeProvider({ stateDir: path.join(dir, 's2'), videoPath: notVideo });
    const error = await rejection(generateVideo({ ...base, provider }));
    expect((error as ApiRequestError).code).toBe('not_mp4');
    expect(existsSync(outPath)).toBe(false);
    expect(existsSync(`${outPath}.part`)).toBe(false);
  });
});

describe('two processes on one output', () => {
  it('refuses to drive a job whose output another live process holds', async () => {
    const { outPath, base } = setup();
    const { mkdirSync, writeFileSync: write } = await import('node:fs');
    mkdirSync(path.dirname(outPath), { recursive: true });
    // PID 1 is always alive: it stands for another process generating the same output.
    write(`${outPath}.lock`, '1');
    const error = await rejection(generateVideo(base));
    expect((error as { code?: string }).code).toBe('output_locked');
    expect((error as Error).message).toContain('pid 1');
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const { outPath, base } = setup();
    const { mkdirSync, writeFileSync: write } = await import('node:fs');
    mkdirSync(path.dirname(outPath), { recursive: true });
    write(`${outPath}.lock`, '2147483646');
    const result = await generateVideo(base);
    expect(result.path).toBe(outPath);
    expect(existsSync(`${outPath}.lock`)).toBe(false);
  });
});
