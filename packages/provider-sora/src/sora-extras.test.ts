import { readFileSync } from 'node:fs';
import { solidPng } from '@video-gen/testing';
import { openAiSoraHandlers } from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { downloadSoraThumbnail, remixSoraVideo } from './sora-extras.js';
import { generateVideoWithSora2, SoraAPIClient } from './sora-parity.js';
import { createSora } from './sora-provider.js';
import { boxType, context, FAST, outPath, request } from './test-support.js';

const KEY = 'sk-test-openai-key';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function mock() {
  const handlers = openAiSoraHandlers({ steps: [] });
  server.use(...handlers.handlers);
  return handlers;
}

async function finishedVideo(): Promise<string> {
  const provider = createSora({ apiKey: KEY });
  const job = await provider.submit(request({ durationSeconds: 8 }), context());
  expect((await provider.status(job, context())).state).toBe('succeeded');
  return job.id;
}

describe('remixSoraVideo', () => {
  it('posts JSON { prompt } to /v1/videos/{id}/remix and returns the new job', async () => {
    const api = mock();
    const source = await finishedVideo();
    const job = await remixSoraVideo(source, 'The same street at night', { apiKey: KEY });
    const remix = api.requests.at(-1)!;
    expect(remix).toMatchObject({
      method: 'POST',
      path: `/v1/videos/${source}/remix`,
      contentType: 'application/json',
    });
    expect(remix.json).toEqual({ prompt: 'The same street at night' });
    expect(remix.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(job).toMatchObject({
      provider: 'sora2',
      model: 'sora-2',
      data: { remixedFrom: source, seconds: '8' },
    });
    expect(job.id).not.toBe(source);
    // The remix is an ordinary job: the provider follows it to a video.
    const provider = createSora({ apiKey: KEY });
    expect(await provider.status(job, context())).toEqual({ state: 'succeeded', usage: { seconds: 8 } });
  });
});

describe('downloadSoraThumbnail', () => {
  it('fetches /content?variant=thumbnail as WebP bytes', async () => {
    const api = mock();
    const id = await finishedVideo();
    const thumbnail = await downloadSoraThumbnail(id, { apiKey: KEY });
    expect(api.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v1/videos/${id}/content`,
      query: { variant: 'thumbnail' },
    });
    expect(thumbnail.contentType).toBe('image/webp');
    expect(Buffer.from(thumbnail.bytes.subarray(8, 12)).toString('latin1')).toBe('WEBP');
  });
});

describe('Python parity', () => {
  it('generateVideoWithSora2 uses the first file as the first frame and returns the path', async () => {
    const api = openAiSoraHandlers();
    server.use(...api.handlers);
    const out = outPath();
    const path = await generateVideoWithSora2('A fox in the snow', [solidPng(1280, 720)], {
      ...FAST,
      config: { apiKey: KEY },
      outPath: out,
    });
    expect(path).toBe(out);
    expect(boxType(readFileSync(path))).toBe('ftyp');
    expect(api.requests[0]!.files.input_reference?.contentType).toBe('image/png');
  });

  it('SoraAPIClient holds its config and generates with it', async () => {
    const api = openAiSoraHandlers();
    server.use(...api.handlers);
    const client = new SoraAPIClient({ apiKey: KEY });
    const out = outPath();
    expect(
      await client.generate('A fox in the snow', [], { ...FAST, outPath: out, durationSeconds: 12 }),
    ).toBe(out);
    expect(api.requests[0]!.fields.seconds).toBe('12');
  });
});
