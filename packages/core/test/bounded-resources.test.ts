import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { descriptorRetry } from '../src/fs/descriptor-retry.js';
import { rawFileOps } from '../src/fs/file-ops.js';
import { FileSystemError, generateVideo, type JobRef, type VideoProvider } from '../src/index.js';
import { fakeModels } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

const video = readFileSync(tinyMp4());
const quick = { poll: { initialIntervalMs: 5 }, retry: { minDelayMs: 5, maxDelayMs: 50 } } as const;
const savedRetry = { ...descriptorRetry };
afterEach(() => {
  vi.restoreAllMocks();
  Object.assign(descriptorRetry, savedRetry);
});

const jobRef = (providerId: string, id: string): JobRef => ({
  provider: providerId,
  model: fakeModels[0]!.id,
  id,
  createdAt: new Date().toISOString(),
});

/** A vendor whose jobs finish at the first poll; counts submits per prompt. */
function countingVendor(id: string, download: VideoProvider['download']) {
  const submits = new Map<string, number>();
  const provider: VideoProvider = {
    id,
    models: fakeModels,
    async submit(request) {
      submits.set(request.prompt, (submits.get(request.prompt) ?? 0) + 1);
      return jobRef(id, request.idempotencyKey);
    },
    status: async () => ({ state: 'succeeded' }),
    download,
  };
  return { provider, submits };
}

/** A video body that is streamed over `ms`, while `gauge` counts the bodies being streamed. */
function slowBody(gauge: { now: number; peak: number }, ms: number): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start() {
      gauge.now++;
      gauge.peak = Math.max(gauge.peak, gauge.now);
    },
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      controller.enqueue(video);
      gauge.now--;
      controller.close();
    },
  });
}

describe('download concurrency (one process)', () => {
  // First in the file: the download queue is process-wide, and a later test's setting would stay.
  it('streams at most 8 videos at once by default, the rest waiting their turn', async () => {
    const gauge = { now: 0, peak: 0 };
    const { provider } = countingVendor('bounded-default-downloads', async () => ({
      type: 'stream',
      body: slowBody(gauge, 300),
      size: video.length,
    }));
    const dir = tempDir();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        generateVideo({
          ...quick,
          provider,
          prompt: `d${i}`,
          outPath: path.join(dir, `${i}.mp4`),
          ledger: false,
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect(gauge.peak).toBe(8);
  });

  it('limits.maxConcurrentDownloads raises or lowers the cap', async () => {
    const gauge = { now: 0, peak: 0 };
    // Slow enough that the 30 jobs (started a few at a time) are all downloading together.
    const { provider } = countingVendor('bounded-raised-downloads', async () => ({
      type: 'stream',
      body: slowBody(gauge, 300),
      size: video.length,
    }));
    const dir = tempDir();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        generateVideo({
          ...quick,
          provider,
          prompt: `r${i}`,
          outPath: path.join(dir, `${i}.mp4`),
          ledger: false,
          limits: { maxConcurrentDownloads: 20 },
        }),
      ),
    );
    expect(gauge.peak).toBe(20);
  });

  it('time spent waiting for a download slot does not count against timeoutMs', async () => {
    // One slot, five jobs, 400 ms per download: the last job waits 1.6 s in the queue, well past
    // its 1 s timeout, and still finishes instead of being abandoned as timed out.
    const gauge = { now: 0, peak: 0 };
    const { provider, submits } = countingVendor('bounded-queued-deadline', async () => ({
      type: 'stream',
      body: slowBody(gauge, 400),
      size: video.length,
    }));
    const dir = tempDir();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        generateVideo({
          ...quick,
          provider,
          prompt: `t${i}`,
          outPath: path.join(dir, `${i}.mp4`),
          ledger: false,
          timeoutMs: 1_000,
          limits: { maxConcurrentDownloads: 1 },
        }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(5).fill('fulfilled'));
    expect(gauge.peak).toBe(1);
    expect([...submits.values()]).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('per-origin connection cap (one process)', () => {
  /** A fetch serving the video from any URL, counting the requests open (until the body is read) per origin. */
  function countingFetch() {
    const open = new Map<string, number>();
    const peak = new Map<string, number>();
    const fetch: typeof globalThis.fetch = async (input) => {
      const origin = new URL(input instanceof Request ? input.url : String(input)).origin;
      open.set(origin, (open.get(origin) ?? 0) + 1);
      peak.set(origin, Math.max(peak.get(origin) ?? 0, open.get(origin)!));
      await new Promise((resolve) => setTimeout(resolve, 10));
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent) {
            open.set(origin, open.get(origin)! - 1);
            controller.close();
            return;
          }
          sent = true;
          await new Promise((resolve) => setTimeout(resolve, 10));
          controller.enqueue(video);
        },
      });
      return new Response(body, { status: 200, headers: { 'content-length': String(video.length) } });
    };
    return { fetch, peak };
  }

  it("caps the library's own requests to one origin at limits.maxConnectionsPerOrigin, until each body is read", async () => {
    const { fetch, peak } = countingFetch();
    const { provider } = countingVendor('bounded-origin-cap', async (job) => ({
      type: 'url',
      url: `http://127.0.0.1:9/videos/${job.id}.mp4`,
      size: video.length,
    }));
    const dir = tempDir();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 24 }, (_, i) =>
        generateVideo({
          ...quick,
          provider,
          prompt: `o${i}`,
          outPath: path.join(dir, `${i}.mp4`),
          ledger: false,
          fetch,
          allowLoopbackDownloads: true,
          limits: { maxConnectionsPerOrigin: 3, maxConcurrentDownloads: 24 },
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect(peak.get('http://127.0.0.1:9')).toBe(3);
  });

  it('caps vendor calls in flight at 16 per provider by default', async () => {
    let now = 0;
    let peak = 0;
    const { provider } = countingVendor('bounded-vendor-calls', async () => ({
      type: 'stream',
      body: new Blob([video]).stream(),
      size: video.length,
    }));
    const status = provider.status;
    provider.status = async (job, ctx) => {
      now++;
      peak = Math.max(peak, now);
      // Long enough that all 40 jobs (started a few at a time) are polling together.
      await new Promise((resolve) => setTimeout(resolve, 200));
      now--;
      return status(job, ctx);
    };
    const dir = tempDir();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        generateVideo({
          ...quick,
          provider,
          prompt: `v${i}`,
          outPath: path.join(dir, `${i}.mp4`),
          ledger: false,
        }),
      ),
    );
    expect(peak).toBe(16);
  });
});

const emfile = () => Object.assign(new Error('EMFILE: too many open files, open'), { code: 'EMFILE' });

describe('file descriptors running out (EMFILE) in one process', () => {
  it('300 concurrent jobs with every third open, write and read failing EMFILE: all finish, one submit each', async () => {
    const { open, writeFile, readFile } = rawFileOps;
    let calls = 0;
    let injected = 0;
    const flaky =
      <A extends unknown[], R>(real: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> => {
        if (calls++ % 3 === 0) {
          injected++;
          return Promise.reject(emfile());
        }
        return real(...args);
      };
    vi.spyOn(rawFileOps, 'open').mockImplementation(flaky(open) as typeof open);
    vi.spyOn(rawFileOps, 'writeFile').mockImplementation(flaky(writeFile) as typeof writeFile);
    vi.spyOn(rawFileOps, 'readFile').mockImplementation(flaky(readFile) as typeof readFile);
    const { provider, submits } = countingVendor('bounded-emfile', async () => ({
      type: 'stream',
      body: new Blob([video]).stream(),
      size: video.length,
    }));
    const dir = tempDir();
    const ledger = path.join(dir, 'ledger');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 300 }, (_, i) =>
        generateVideo({ ...quick, provider, prompt: `e${i}`, outPath: path.join(dir, `${i}.mp4`), ledger }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect(injected).toBeGreaterThan(300);
    expect(submits.size).toBe(300);
    expect([...submits.values()].every((count) => count === 1)).toBe(true);
    const left = readdirSync(dir).filter((name) => !name.endsWith('.mp4') && name !== 'ledger');
    expect(left).toEqual([]);
    const records = readdirSync(ledger).filter((name) => name.endsWith('.json'));
    expect(records).toHaveLength(300);
    const statuses = new Set(
      records.map((name) => JSON.parse(readFileSync(path.join(ledger, name), 'utf8')).status),
    );
    expect([...statuses]).toEqual(['downloaded']);
  }, 60_000);

  it('a shortage that outlasts the retries is a retryable FileSystemError too_many_open_files, and the paid job resumes without a second submit', async () => {
    Object.assign(descriptorRetry, { attempts: 3, minDelayMs: 1, maxDelayMs: 2 });
    const dir = tempDir();
    const outPath = path.join(dir, 'clip.mp4');
    const journalPath = `${outPath}.job.json`;
    const { open } = rawFileOps;
    // The journal update after the download (to `downloaded`) finds no descriptor free, ever.
    const spy = vi
      .spyOn(rawFileOps, 'open')
      .mockImplementation(((file: string, ...rest: unknown[]) =>
        String(file).startsWith(`${journalPath}.`) && existsSync(`${outPath}.part`)
          ? Promise.reject(emfile())
          : (open as (...a: unknown[]) => Promise<unknown>)(file, ...rest)) as typeof open);
    const { provider, submits } = countingVendor('bounded-emfile-exhausted', async () => ({
      type: 'stream',
      body: new Blob([video]).stream(),
      size: video.length,
    }));
    const options = { ...quick, provider, prompt: 'kept', outPath, ledger: false } as const;
    const error = await generateVideo(options).catch((e: unknown) => e);
    expect(FileSystemError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'too_many_open_files', retryable: true, path: journalPath });
    expect((error as Error).message).toContain('EMFILE');
    expect(JSON.parse(readFileSync(journalPath, 'utf8'))).toMatchObject({ state: 'submitted' });
    spy.mockRestore();
    const result = await generateVideo(options);
    expect(result.resumed).toBe(true);
    expect(submits.get('kept')).toBe(1);
    expect(readFileSync(outPath).subarray(4, 8).toString('latin1')).toBe('ftyp');
  });
});
