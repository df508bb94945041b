import { existsSync, readFileSync } from 'node:fs';
import {
  ContentPolicyError,
  GenerationFailedError,
  generateVideo,
  type ProgressEvent,
  resumeVideo,
  ValidationError,
} from '@video-gen/core';
import { solidPng } from '@video-gen/testing';
import { openAiSoraHandlers } from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSora } from './sora-provider.js';
import { boxType, context, FAST, outPath, pngDimensions, pngImage, request } from './test-support.js';

const KEY = 'sk-test-openai-key';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function mock(options: Parameters<typeof openAiSoraHandlers>[0] = {}) {
  const handlers = openAiSoraHandlers(options);
  server.use(...handlers.handlers);
  return handlers;
}

describe('createSora: text to video', () => {
  it('sends a multipart POST /v1/videos with prompt, model, seconds and size as strings, polls, and streams the MP4', async () => {
    const api = mock();
    const events: ProgressEvent[] = [];
    const out = outPath();
    const result = await generateVideo({
      ...FAST,
      provider: createSora({ apiKey: KEY }),
      prompt: 'A paper boat drifting down a rainy street',
      width: 1280,
      height: 720,
      durationSeconds: 8,
      outPath: out,
      onProgress: (event) => events.push(event),
    });

    const [create, ...rest] = api.requests;
    expect(create).toMatchObject({ method: 'POST', path: '/v1/videos', contentType: 'multipart/form-data' });
    expect(create!.fields).toEqual({
      prompt: 'A paper boat drifting down a rainy street',
      model: 'sora-2',
      seconds: '8',
      size: '1280x720',
    });
    expect(create!.files).toEqual({});
    for (const sent of api.requests) {
      expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(sent.headers['api-key']).toBeUndefined();
    }
    const id = result.jobId;
    expect(id).toMatch(/^video_/);
    expect(rest.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/videos/${id}`,
      `GET /v1/videos/${id}`,
      `GET /v1/videos/${id}`,
      `GET /v1/videos/${id}`,
      `GET /v1/videos/${id}/content`,
    ]);
    expect(rest.at(-1)!.query).toEqual({ variant: 'video' });

    expect(boxType(readFileSync(out))).toBe('ftyp');
    expect(result).toMatchObject({
      provider: 'sora2',
      model: 'sora-2',
      width: 1280,
      height: 720,
      fps: 30,
      durationSeconds: 8,
    });
    expect(result.usage).toEqual({ seconds: 8 });
    expect(events.filter((e) => e.phase === 'running').map((e) => e.progress)).toEqual([0.33, 0.66]);
    expect(events.some((e) => e.phase === 'queued')).toBe(true);
    expect(existsSync(`${out}.job.json`)).toBe(false);
  });

  it('sends sora-2-pro with a pro-only size', async () => {
    const api = mock();
    await generateVideo({
      ...FAST,
      provider: createSora({ apiKey: KEY }),
      model: 'sora-2-pro',
      prompt: 'A lighthouse in a storm',
      width: 1024,
      height: 1792,
      durationSeconds: 12,
      outPath: outPath(),
    });
    expect(api.requests[0]!.fields).toMatchObject({ model: 'sora-2-pro', size: '1024x1792', seconds: '12' });
  });

  it('refuses a pro-only size on sora-2 before any request, naming the allowed sizes', async () => {
    const api = mock();
    const error = await generateVideo({
      ...FAST,
      provider: createSora({ apiKey: KEY }),
      prompt: 'A lighthouse',
      width: 1792,
      height: 1024,
      outPath: outPath(),
    }).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('1280x720, 720x1280');
    expect(api.requests).toHaveLength(0);
  });

  it('is found by id: generateVideo({ provider: "sora2", providerConfig }) imports this package', async () => {
    const api = mock();
    const result = await generateVideo({
      ...FAST,
      provider: 'sora2',
      providerConfig: { apiKey: KEY },
      prompt: 'waves',
      outPath: outPath(),
    });
    expect(result.provider).toBe('sora2');
    expect(api.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('emits a deprecated warning about the Videos API shutdown on every use', async () => {
    mock();
    const provider = createSora({ apiKey: KEY });
    expect(provider.check!(request())).toEqual([
      expect.objectContaining({ type: 'deprecated', message: expect.stringContaining('2026-09-24') }),
    ]);
    const result = await generateVideo({ ...FAST, provider, prompt: 'waves', outPath: outPath() });
    // One for the opted-in retired model, one for the API's shutdown.
    expect(result.warnings.map((w) => w.type)).toEqual(['deprecated', 'deprecated']);
    expect(result.warnings[0]!.message).toContain('sora-2 is retired 2026-09-24');
    expect(result.warnings[1]!.message).toContain('shut down the Sora 2 Videos API on 2026-09-24');
  });
});

describe('createSora: image to video (input_reference)', () => {
  it('sends the first frame as an input_reference file part with its content type and bytes', async () => {
    const api = mock();
    const frame = solidPng(720, 1280, [200, 30, 30]);
    await generateVideo({
      ...FAST,
      provider: createSora({ apiKey: KEY }),
      prompt: 'The red wall cracks open',
      images: [frame],
      width: 720,
      height: 1280,
      outPath: outPath(),
    });
    const part = api.requests[0]!.files.input_reference!;
    expect(part.contentType).toBe('image/png');
    expect(part.filename).toBe('input-reference.png');
    expect(Buffer.from(part.bytes).equals(Buffer.from(frame))).toBe(true);
    expect(api.requests[0]!.fields.size).toBe('720x1280');
  });

  it('refuses a first frame of another size before any request, saying both sizes', async () => {
    const api = mock();
    const error = await generateVideo({
      ...FAST,
      provider: createSora({ apiKey: KEY }),
      prompt: 'The wall',
      firstFrame: solidPng(640, 480),
      width: 1280,
      height: 720,
      outPath: outPath(),
    }).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('640x480');
    expect((error as Error).message).toContain('1280x720');
    expect((error as Error).message).toContain('fitInputReference');
    expect(api.requests).toHaveLength(0);
  });

  it.each(['cover', 'contain'] as const)(
    'fits a first frame of another size with fitInputReference %s: a PNG of exactly the video size, and an approximated warning',
    async (mode) => {
      const api = mock();
      const result = await generateVideo({
        ...FAST,
        provider: createSora({ apiKey: KEY }),
        prompt: 'The wall',
        firstFrame: solidPng(640, 480),
        width: 1280,
        height: 720,
        providerOptions: { sora2: { fitInputReference: mode } },
        outPath: outPath(),
      });
      const part = api.requests[0]!.files.input_reference!;
      expect(part.contentType).toBe('image/png');
      expect(pngDimensions(part.bytes)).toEqual({ width: 1280, height: 720 });
      expect(result.warnings).toContainEqual(
        expect.objectContaining({
          type: 'approximated',
          feature: 'firstFrame',
          message: expect.stringContaining(mode),
        }),
      );
    },
  );

  it('refuses unknown provider options strictly', async () => {
    const api = mock();
    const error = await generateVideo({
      ...FAST,
      provider: createSora({ apiKey: KEY }),
      prompt: 'The wall',
      providerOptions: { sora2: { fitInputReference: 'stretch' } },
      outPath: outPath(),
    }).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('providerOptions.sora2.fitInputReference');
    expect(api.requests).toHaveLength(0);
  });

  it('refuses a first frame given as a URL (its size cannot be checked)', () => {
    const provider = createSora({ apiKey: KEY });
    expect(() =>
      provider.check!(
        request({
          firstFrame: { kind: 'url', url: 'https://example.com/a.png', source: 'https://example.com/a.png' },
        }),
      ),
    ).toThrow(/not a URL/);
  });
});

describe('createSora: status mapping', () => {
  it('maps queued, in_progress (progress percent) and completed (usage seconds)', async () => {
    mock({
      steps: [
        { status: 'queued', progress: 0 },
        { status: 'in_progress', progress: 45 },
      ],
    });
    const provider = createSora({ apiKey: KEY });
    const job = await provider.submit(request({ durationSeconds: 8 }), context());
    expect(job).toMatchObject({
      provider: 'sora2',
      model: 'sora-2',
      data: { size: '1280x720', seconds: '8' },
    });
    expect(await provider.status(job, context())).toEqual({ state: 'queued', progress: 0 });
    expect(await provider.status(job, context())).toEqual({ state: 'running', progress: 0.45 });
    expect(await provider.status(job, context())).toEqual({ state: 'succeeded', usage: { seconds: 8 } });
  });

  it('maps a job failed with moderation_blocked to a ContentPolicyError', async () => {
    mock({
      steps: [],
      outcome: { failed: { code: 'moderation_blocked', message: 'The video was blocked by moderation.' } },
    });
    const provider = createSora({ apiKey: KEY });
    const job = await provider.submit(request(), context());
    const status = await provider.status(job, context());
    expect(status.state).toBe('failed');
    const error = (status as { error: Error }).error;
    expect(ContentPolicyError.isInstance(error)).toBe(true);
    expect(error.message).toContain('moderation_blocked');
    expect(error.message).toContain('The video was blocked by moderation.');
  });

  it('maps another failure to a GenerationFailedError with the vendor code and message, and drops the journal', async () => {
    mock({ steps: [], outcome: { failed: { code: 'internal_error', message: 'Rendering failed.' } } });
    const out = outPath();
    const error = await generateVideo({
      ...FAST,
      provider: createSora({ apiKey: KEY }),
      prompt: 'waves',
      outPath: out,
    }).catch((e: unknown) => e);
    expect(GenerationFailedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/failed \(internal_error\): Rendering failed\./);
    expect(existsSync(`${out}.job.json`)).toBe(false);
  });
});

describe('createSora: cancel and resume', () => {
  it('cancels with DELETE /v1/videos/{id}', async () => {
    const api = mock();
    const provider = createSora({ apiKey: KEY });
    const job = await provider.submit(request(), context());
    await provider.cancel!(job, context());
    expect(api.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/v1/videos/${job.id}` });
    expect(api.videos.has(job.id)).toBe(false);
  });

  it('resumes an interrupted job from its journal with exactly one POST', async () => {
    const api = mock();
    const out = outPath();
    const controller = new AbortController();
    const interrupted = await generateVideo({
      ...FAST,
      provider: createSora({ apiKey: KEY }),
      prompt: 'waves',
      outPath: out,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.phase === 'running') controller.abort();
      },
    }).catch((e: unknown) => e);
    expect((interrupted as Error).name).toBe('CancelledError');
    expect(existsSync(`${out}.job.json`)).toBe(true);

    const result = await resumeVideo(`${out}.job.json`, { ...FAST, provider: createSora({ apiKey: KEY }) });
    expect(result.resumed).toBe(true);
    expect(boxType(readFileSync(out))).toBe('ftyp');
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(api.requests.filter((r) => r.path.endsWith('/content'))).toHaveLength(1);
  });
});

describe('createSora: download', () => {
  it('returns the content as a stream with its size and type', async () => {
    mock({ steps: [] });
    const provider = createSora({ apiKey: KEY });
    const job = await provider.submit(request(), context());
    await provider.status(job, context());
    const source = await provider.download(job, context());
    expect(source.type).toBe('stream');
    if (source.type !== 'stream') return;
    const bytes = new Uint8Array(await new Response(source.body).arrayBuffer());
    expect(source.size).toBe(bytes.length);
    expect(source.contentType).toBe('video/mp4');
    expect(boxType(bytes)).toBe('ftyp');
  });

  it('keeps the first frame the same when its size already matches (no resize)', async () => {
    const api = mock();
    const provider = createSora({ apiKey: KEY });
    const image = pngImage(1280, 720);
    await provider.submit(
      request({ firstFrame: image, providerOptions: { fitInputReference: 'cover' } }),
      context(),
    );
    const part = api.requests[0]!.files.input_reference!;
    expect(Buffer.from(part.bytes).equals(Buffer.from((image as { bytes: Uint8Array }).bytes))).toBe(true);
  });
});
