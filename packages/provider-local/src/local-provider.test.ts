import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, GenerationFailedError, ValidationError } from '@video-gen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocal, plugin } from './local-provider.js';
import {
  context,
  downloadTo,
  frameHashes,
  frameRgb,
  imageRgb,
  loadPng,
  makePng,
  meanAbsDiff,
  pollToEnd,
  probe,
  render,
  request,
  tempDir,
} from './test-helpers.js';

let root: string;
let jobsDir: string;
let provider: ReturnType<typeof createLocal>;
const out = (name: string) => path.join(root, name);
// A killed child stays a zombie until this process reaps it, so "gone" may take a moment.
const isGone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

beforeAll(async () => {
  root = await tempDir();
  jobsDir = path.join(root, 'jobs');
  provider = createLocal({ jobsDir });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('rendering', () => {
  it('renders H.264 yuv420p at exactly the requested size, frame rate and duration', async () => {
    await render(
      provider,
      request({ width: 320, height: 240, fps: 12, durationSeconds: 2 }),
      out('size.mp4'),
    );

    const [video, ...others] = probe(out('size.mp4'));
    expect(others).toEqual([]);
    expect(video).toMatchObject({
      codec_name: 'h264',
      pix_fmt: 'yuv420p',
      width: 320,
      height: 240,
      r_frame_rate: '12/1',
    });
    expect(Math.abs(Number(video!.duration) - 2)).toBeLessThanOrEqual(1 / 12);
    expect(frameHashes(out('size.mp4'))).toHaveLength(24);
  });

  it('renders the same bytes for the same prompt and seed, and a different video for another seed', async () => {
    await render(provider, request({ seed: 5 }), out('a.mp4'));
    await render(provider, request({ seed: 5 }), out('b.mp4'));
    await render(provider, request({ seed: 6 }), out('c.mp4'));

    expect(await readFile(out('a.mp4'))).toEqual(await readFile(out('b.mp4')));
    expect(frameHashes(out('a.mp4'))).toEqual(frameHashes(out('b.mp4')));
    expect(frameHashes(out('c.mp4'))).not.toEqual(frameHashes(out('a.mp4')));
  });

  it('makes frame 0 the given first frame', async () => {
    const image = makePng(out('first.png'), 'testsrc=s=320x240');
    const other = makePng(out('other.png'), 'color=c=0x20c040:s=320x240');
    await render(provider, request({ firstFrame: loadPng(image, 320, 240) }), out('first.mp4'));

    const frame0 = frameRgb(out('first.mp4'), 0);
    // Only H.264's 4:2:0 chroma and quantisation separate the two.
    expect(meanAbsDiff(frame0, imageRgb(image))).toBeLessThan(4);
    expect(meanAbsDiff(frame0, imageRgb(other))).toBeGreaterThan(40);
  });

  it('scales a first frame of another size to cover the frame', async () => {
    const image = makePng(out('big.png'), 'color=c=0xd03030:s=640x480');
    await render(provider, request({ firstFrame: loadPng(image, 640, 480) }), out('scaled.mp4'));

    const small = makePng(out('small.png'), 'color=c=0xd03030:s=320x240');
    expect(meanAbsDiff(frameRgb(out('scaled.mp4'), 0), imageRgb(small))).toBeLessThan(3);
  });

  it('makes the final frame the given last frame, while frame 0 stays the first frame', async () => {
    const first = makePng(out('start.png'), 'testsrc=s=320x240');
    const last = makePng(out('end.png'), 'smptebars=s=320x240');
    await render(
      provider,
      request({ firstFrame: loadPng(first, 320, 240), lastFrame: loadPng(last, 320, 240) }),
      out('both.mp4'),
    );

    expect(meanAbsDiff(frameRgb(out('both.mp4'), 0), imageRgb(first))).toBeLessThan(4);
    expect(meanAbsDiff(frameRgb(out('both.mp4'), 23), imageRgb(last))).toBeLessThan(4);
    // In between, the generated pattern shows.
    expect(meanAbsDiff(frameRgb(out('both.mp4'), 12), imageRgb(last))).toBeGreaterThan(10);
  });

  it('adds an AAC tone when audio is requested', async () => {
    await render(provider, request({ audio: true }), out('audio.mp4'));

    const streams = probe(out('audio.mp4'));
    expect(streams.map((s) => [s.codec_type, s.codec_name])).toEqual([
      ['video', 'h264'],
      ['audio', 'aac'],
    ]);
    expect(Math.abs(Number(streams[1]!.duration) - 2)).toBeLessThan(0.1);
  });
});

describe('jobs', () => {
  it('returns the same job for a second submit with the same idempotency key, rendering once', async () => {
    const dir = path.join(root, 'jobs-once');
    const once = createLocal({ jobsDir: dir });
    const req = request();

    const first = await once.submit(req, context());
    const second = await createLocal({ jobsDir: dir }).submit(req, context());

    expect(second).toEqual(first);
    expect(await readdir(dir)).toEqual([first.id]);
    const startedBy = await readFile(path.join(dir, first.id, 'ffmpeg.pid'), 'utf8');
    expect((await pollToEnd(once, first)).at(-1)).toEqual({ state: 'succeeded', usage: { seconds: 2 } });
    expect(await readFile(path.join(dir, first.id, 'ffmpeg.pid'), 'utf8')).toBe(startedBy);
  });

  it('refuses an idempotency key reused for a different request', async () => {
    const req = request();
    await provider.submit(req, context());

    await expect(provider.submit({ ...req, prompt: 'something else' }, context())).rejects.toSatisfy(
      (error) => ValidationError.isInstance(error) && error.code === 'idempotency_conflict',
    );
  });

  it('reports queued during the simulated queue, then runs and succeeds', async () => {
    const queued = createLocal({ jobsDir, simulatedQueueMs: 300 });
    const job = await queued.submit(request(), context());

    const first = await queued.status(job, context());
    expect(first.state).toBe('queued');
    const states = (await pollToEnd(queued, job)).map((s) => s.state);
    expect(states.at(-1)).toBe('succeeded');
    expect(states).toContain('running');
  });

  it('reports running progress between 0 and 1 from ffmpeg', async () => {
    const job = await provider.submit(
      request({ width: 640, height: 480, fps: 30, durationSeconds: 6 }),
      context(),
    );

    const seen = await pollToEnd(provider, job);
    const progress = seen.flatMap((s) =>
      s.state === 'running' && s.progress !== undefined ? [s.progress] : [],
    );
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p >= 0 && p < 1)).toBe(true);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('cancel stops the render and removes the job folder', async () => {
    const job = await provider.submit(
      request({ width: 640, height: 480, fps: 30, durationSeconds: 20 }),
      context(),
    );
    const dir = job.data!.jobDir as string;
    const pid = Number(await readFile(path.join(dir, 'ffmpeg.pid'), 'utf8'));

    await provider.cancel!(job, context());

    await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect.poll(() => isGone(pid), { timeout: 5_000 }).toBe(true);
    const status = await provider.status(job, context());
    expect(status.state).toBe('failed');
    expect(status.state === 'failed' && status.error.code).toBe('job_not_found');
    await expect(provider.download(job, context())).rejects.toSatisfy((e) =>
      GenerationFailedError.isInstance(e),
    );
  });

  it('reports a render whose ffmpeg was killed as failed', async () => {
    const job = await provider.submit(
      request({ width: 640, height: 480, fps: 30, durationSeconds: 20 }),
      context(),
    );
    const pid = Number(await readFile(path.join(job.data!.jobDir as string, 'ffmpeg.pid'), 'utf8'));

    process.kill(pid, 'SIGKILL');

    const last = (await pollToEnd(provider, job)).at(-1)!;
    expect(last.state).toBe('failed');
    expect(last.state === 'failed' && GenerationFailedError.isInstance(last.error)).toBe(true);
  });

  it("fails with the end of ffmpeg's log when the render cannot finish", async () => {
    const broken = { ...loadPng(makePng(out('ok.png'), 'color=c=red:s=32x32'), 32, 32) };
    const bytes = new Uint8Array(200);
    bytes.set((broken as { bytes: Uint8Array }).bytes.subarray(0, 16));
    const job = await provider.submit(
      request({ firstFrame: { ...broken, bytes } as typeof broken }),
      context(),
    );

    const last = (await pollToEnd(provider, job)).at(-1)!;
    expect(last.state).toBe('failed');
    expect(last.state === 'failed' && last.error.message).toMatch(
      /ffmpeg stopped before finishing[\s\S]*Invalid/,
    );
  });

  it('reports a job whose folder vanished as failed, with a clear message', async () => {
    const job = await provider.submit(request(), context());
    await pollToEnd(provider, job);
    await rm(job.data!.jobDir as string, { recursive: true, force: true });

    const status = await provider.status(job, context());
    expect(status.state === 'failed' && status.error.message).toMatch(/no longer exists/);
  });

  it('refuses image URLs: the local provider is offline', async () => {
    const req = request({
      firstFrame: { kind: 'url', url: 'https://example.com/a.png', source: 'https://example.com/a.png' },
    });

    expect(() => provider.check!(req)).toThrow(ValidationError);
    await expect(provider.submit(req, context())).rejects.toSatisfy((e) => ValidationError.isInstance(e));
  });

  it('downloads as a web stream with size and content type', async () => {
    const job = await provider.submit(request(), context());
    await pollToEnd(provider, job);

    const source = await provider.download(job, context());
    expect(source).toMatchObject({ type: 'stream', contentType: 'video/mp4' });
    await downloadTo(provider, job, out('dl.mp4'));
    expect(source.size).toBe((await stat(out('dl.mp4'))).size);
    if (source.type === 'stream') await source.body.cancel();
  });
});

describe('configuration', () => {
  it('refuses an unknown preset or key with a ConfigurationError', () => {
    expect(() => createLocal({ preset: 'warp' as never })).toThrow(ConfigurationError);
    expect(() => createLocal({ jobDir: '/tmp' } as never)).toThrow(/jobDir/);
  });

  it('refuses provider options, which the local provider does not have', () => {
    expect(provider.parseProviderOptions!({})).toEqual({});
    expect(() => provider.parseProviderOptions!({ quality: 'high' })).toThrow(ValidationError);
  });

  it('is a registry plugin that needs no credentials', () => {
    expect(plugin).toMatchObject({ id: 'local', packageName: '@video-gen/provider-local' });
    expect(plugin.hasCredentials!({})).toBe(true);
    expect(plugin.create({ jobsDir }).id).toBe('local');
    expect(provider.models.map((m) => m.id)).toEqual(['local-v1']);
  });
});
