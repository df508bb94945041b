import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFal } from '@ai-sdk/fal';
import {
  ContentPolicyError,
  GenerationFailedError,
  generateVideo,
  registerProvider,
  unregisterProvider,
} from '@video-gen/core';
import { startLoopbackServer, tinyMp4 } from '@video-gen/testing/loopback';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aiSdkPlugin } from '../src/index.js';
import { FAL_KEY, FAL_QUEUE, type FalFakeOptions, falFake } from './fal-fake.js';

const MODEL = 'luma-dream-machine/ray-2';
// Taken before msw patches fetch: the large download goes over a real socket, untouched by msw.
const socketFetch = globalThis.fetch;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-ai-sdk-fal-'));
});
afterEach(() => {
  server.resetHandlers();
  unregisterProvider('fal');
  rmSync(dir, { recursive: true, force: true });
});

function useFal(options: FalFakeOptions = {}) {
  const fake = falFake(options);
  server.use(...fake.handlers);
  const fal = createFal({ apiKey: FAL_KEY });
  registerProvider(
    aiSdkPlugin({
      id: 'fal',
      model: (id) => fal.video(id),
      models: [{ id: MODEL, durations: [5, 9] }],
    }),
  );
  return fake;
}

const FAST = { poll: { initialIntervalMs: 5, maxIntervalMs: 20 }, retry: { minDelayMs: 5, maxDelayMs: 20 } };

describe('fromAiSdk with @ai-sdk/fal', () => {
  it('generates to a file through the registry: one queue submit, status polls, the CDN video', async () => {
    const fake = useFal();
    const outPath = path.join(dir, 'ray2.mp4');
    const result = await generateVideo({
      provider: 'fal',
      model: MODEL,
      prompt: 'A lighthouse at dusk',
      seed: 42,
      durationSeconds: 9,
      providerOptions: { fal: { loop: true } },
      outPath,
      ...FAST,
    });
    expect(result.path).toBe(outPath);
    expect(readFileSync(outPath).subarray(4, 8).toString('ascii')).toBe('ftyp');
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
    const [submit, ...others] = fake.submits();
    expect(others).toHaveLength(0);
    expect(submit?.url).toBe(`${FAL_QUEUE}/fal-ai/${MODEL}`);
    expect(submit?.headers.authorization).toBe(`Key ${FAL_KEY}`);
    expect(submit?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(submit?.body).toEqual({
      prompt: 'A lighthouse at dusk',
      aspect_ratio: '16:9',
      duration: '9s',
      seed: 42,
      loop: true,
    });
    expect(result.jobId).toMatch(/^0f1e2d3c-/);
    const polls = fake.polls();
    expect(polls.length).toBe(3);
    expect(polls.every((poll) => poll.url === `${FAL_QUEUE}/fal-ai/${MODEL}/requests/${result.jobId}`)).toBe(
      true,
    );
    expect(polls.every((poll) => poll.headers.authorization === `Key ${FAL_KEY}`)).toBe(true);
    // The CDN download carries no fal credentials.
    const download = fake.requests.find((r) => r.url.startsWith('https://v3.fal.media/'));
    expect(download?.headers.authorization).toBeUndefined();
  });

  it('reports a failed fal request as a GenerationFailedError and removes the journal', async () => {
    useFal({ outcome: { kind: 'failed', status: 500, message: 'Inference failed: the worker crashed' } });
    const outPath = path.join(dir, 'failed.mp4');
    const error = await generateVideo({ provider: 'fal', model: MODEL, prompt: 'x', outPath, ...FAST }).catch(
      (e: unknown) => e,
    );
    expect(GenerationFailedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('Inference failed: the worker crashed');
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });

  it('checks again after a 502 on a status poll (which @ai-sdk/fal reports as an error): the job is not lost', async () => {
    const fake = useFal({ pendingPolls: 1, badGateways: 2 });
    const outPath = path.join(dir, 'flaky.mp4');
    const result = await generateVideo({ provider: 'fal', model: MODEL, prompt: 'x', outPath, ...FAST });
    expect(readFileSync(result.path).subarray(4, 8).toString('ascii')).toBe('ftyp');
    expect(fake.submits()).toHaveLength(1);
    expect(fake.polls()).toHaveLength(4);
  });

  it('reports a refused fal request as a ContentPolicyError', async () => {
    useFal({
      pendingPolls: 0,
      outcome: { kind: 'failed', status: 422, message: 'Content policy violation: the prompt was flagged' },
    });
    const outPath = path.join(dir, 'refused.mp4');
    const error = await generateVideo({ provider: 'fal', model: MODEL, prompt: 'x', outPath, ...FAST }).catch(
      (e: unknown) => e,
    );
    expect(ContentPolicyError.isInstance(error)).toBe(true);
    expect((error as ContentPolicyError).retryable).toBe(false);
    expect(existsSync(outPath)).toBe(false);
  });

  it('refuses a duration outside the capability table before any paid call', async () => {
    const fake = useFal();
    const error = await generateVideo({
      provider: 'fal',
      model: MODEL,
      prompt: 'x',
      durationSeconds: 7,
      outPath: path.join(dir, 'bad.mp4'),
    }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('ValidationError');
    expect((error as Error).message).toContain('takes 5 s, 9 s');
    expect(fake.requests).toHaveLength(0);
  });

  it('streams a large URL result to disk in constant memory', async () => {
    // The CDN sends half the body, then waits until that half is on disk: a download that held the
    // body in memory would never write it before the end, and the test would time out.
    const total = 96 * 1024 * 1024;
    const half = total / 2;
    const outPath = path.join(dir, 'large.mp4');
    const chunk = Buffer.alloc(1024 * 1024);
    const first = Buffer.alloc(1024 * 1024);
    tinyMp4().subarray(0, 32).copy(first);
    let onDisk = (): void => {};
    const halfOnDisk = new Promise<void>((resolve) => {
      onDisk = resolve;
    });
    const cdn = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(total) });
      let sent = 0;
      let waited = false;
      const pump = (): void => {
        while (sent < total) {
          if (sent === half && !waited) {
            waited = true;
            void halfOnDisk.then(pump);
            return;
          }
          const piece = sent === 0 ? first : chunk;
          sent += piece.length;
          if (!response.write(piece)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      pump();
    });
    useFal({ pendingPolls: 0 });
    const toLoopback: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return socketFetch(url.replace('https://v3.fal.media', cdn.url), init);
    };
    const watcher = setInterval(() => {
      if (existsSync(`${outPath}.part`) && statSync(`${outPath}.part`).size >= half - 4 * 1024 * 1024)
        onDisk();
    }, 10);
    try {
      const result = await generateVideo({
        provider: 'fal',
        model: MODEL,
        prompt: 'x',
        outPath,
        fetch: toLoopback,
        allowLoopbackDownloads: true,
        ...FAST,
      });
      expect(result.bytes).toBe(total);
      expect(readFileSync(result.path).subarray(4, 8).toString('ascii')).toBe('ftyp');
    } finally {
      clearInterval(watcher);
      await cdn.close();
    }
  }, 30_000);
});
