import { Buffer } from 'node:buffer';
import { createLocal } from '@video-gen/provider-local';
import { createRunway } from '@video-gen/provider-runway';
import { solidPng } from '@video-gen/testing/loopback';
import { runwayHandlers } from '@video-gen/testing/msw';
import {
  experimental_generateVideo as generateVideo,
  experimental_getVideoStatus as getVideoStatus,
  experimental_startVideo as startVideo,
} from 'ai';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toAiSdk } from '../src/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const isMp4 = (bytes: Uint8Array) => Buffer.from(bytes.subarray(4, 8)).toString('ascii') === 'ftyp';

describe('toAiSdk', () => {
  it('makes a real MP4 offline with experimental_generateVideo and the local provider', async () => {
    const { video, warnings } = await generateVideo({
      model: toAiSdk(createLocal()),
      prompt: 'Waves at sunset',
      aspectRatio: '16:9',
      duration: 1,
      fps: 24,
      seed: 3,
      poll: { intervalMs: 100 },
    });
    expect(video.mediaType).toBe('video/mp4');
    expect(isMp4(video.uint8Array)).toBe(true);
    expect(video.uint8Array.byteLength).toBeGreaterThan(1000);
    expect(warnings).toEqual([]);
  });

  it('starts and checks a job with experimental_startVideo and experimental_getVideoStatus; n > 1 is an unsupported warning', async () => {
    const model = toAiSdk(createLocal({ simulatedQueueMs: 200 }));
    const started = await startVideo({
      model,
      prompt: 'A red square',
      n: 1,
      resolution: '320x180',
      duration: 1,
    });
    const operation = JSON.parse(JSON.stringify(started.operation)) as { provider: string; id: string };
    expect(operation.provider).toBe('local');
    let status = await getVideoStatus(model, { operation });
    for (let i = 0; status.status === 'pending' && i < 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await getVideoStatus(model, { operation });
    }
    expect(status.status).toBe('completed');
    if (status.status !== 'completed') return;
    const [first] = status.videos;
    expect(first?.type).toBe('binary');
    expect(first?.type === 'binary' && isMp4(first.data)).toBe(true);

    const many = await model.doStart?.({
      prompt: 'x',
      n: 2,
      aspectRatio: 'adaptive',
      resolution: undefined,
      duration: 1,
      fps: undefined,
      seed: undefined,
      image: undefined,
      frameImages: undefined,
      inputReferences: [{ type: 'file', mediaType: 'video/mp4', data: new Uint8Array([0, 0, 0, 0]) }],
      generateAudio: undefined,
      providerOptions: {},
    });
    expect(many?.warnings.map((w) => (w.type === 'unsupported' ? w.feature : w.type))).toEqual([
      'n',
      'inputReferences',
      'aspectRatio',
    ]);
  });

  it('refuses a setting the model forbids before any paid call', async () => {
    const runway = runwayHandlers({ apiKey: 'rw_test_key_0123456789' });
    server.use(...runway.handlers);
    const model = toAiSdk(createRunway({ apiKey: 'rw_test_key_0123456789', baseURL: runway.baseURL }));
    await expect(
      generateVideo({
        model,
        prompt: { image: solidPng(64, 36), text: 'x' },
        duration: 7,
        poll: { intervalMs: 10 },
      }),
    ).rejects.toSatisfy((error: unknown) => (error as Error).name === 'ValidationError');
    expect(runway.apiRequests('POST', '/v1/')).toHaveLength(0);
  });

  it('runs runway through experimental_generateVideo against msw: one image_to_video submit, polls, the CDN video', async () => {
    const key = 'rw_test_key_0123456789';
    const runway = runwayHandlers({ apiKey: key });
    server.use(...runway.handlers);
    const model = toAiSdk(createRunway({ apiKey: key, baseURL: runway.baseURL, pollIntervalMs: 0 }), {
      model: 'gen4_turbo',
    });
    const { video } = await generateVideo({
      model,
      prompt: { image: solidPng(64, 36), text: 'A kite over the dunes' },
      aspectRatio: '16:9',
      duration: 5,
      seed: 11,
      providerOptions: { runway: { contentModeration: { publicFigureThreshold: 'low' } } },
      poll: { intervalMs: 10 },
    });
    expect(isMp4(video.uint8Array)).toBe(true);
    const submits = runway.apiRequests('POST', '/v1/image_to_video');
    expect(submits).toHaveLength(1);
    expect(submits[0]?.headers.authorization).toBe(`Bearer ${key}`);
    expect(submits[0]?.body).toMatchObject({
      model: 'gen4_turbo',
      promptText: 'A kite over the dunes',
      ratio: '1280:720',
      duration: 5,
      seed: 11,
      contentModeration: { publicFigureThreshold: 'low' },
    });
    expect(runway.apiRequests('GET', '/v1/tasks/').length).toBeGreaterThan(0);
  });
});
