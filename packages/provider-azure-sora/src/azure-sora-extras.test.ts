import { readFileSync } from 'node:fs';
import { generateVideo } from '@video-gen/core';
import { solidPng, tinyMp4 } from '@video-gen/testing';
import { azureSoraHandlers } from '@video-gen/testing/msw';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { boxType, context, FAST, outPath, request } from '../../provider-sora/src/test-support.js';
import { downloadAzureSoraThumbnail, remixAzureSoraVideo } from './azure-sora-extras.js';
import { AzureSoraAPIClient, generateVideoWithAzureSora } from './azure-sora-parity.js';
import { createAzureSora } from './azure-sora-provider.js';

const ENDPOINT = 'https://video-gen-test.openai.azure.com';
const settings = { endpoint: ENDPOINT, apiKey: 'azure-test-key', deployment: 'my-sora-2' };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function finishedVideo(): Promise<string> {
  const provider = createAzureSora(settings);
  const job = await provider.submit(request(), context());
  expect((await provider.status(job, context())).state).toBe('succeeded');
  return job.id;
}

describe('Azure extras', () => {
  it('remixAzureSoraVideo posts JSON { prompt } to /openai/v1/videos/{id}/remix with the api-key', async () => {
    const api = azureSoraHandlers({ steps: [] });
    server.use(...api.handlers);
    const source = await finishedVideo();
    const job = await remixAzureSoraVideo(source, 'Now in winter', settings);
    const remix = api.requests.at(-1)!;
    expect(remix).toMatchObject({
      method: 'POST',
      path: `/openai/v1/videos/${source}/remix`,
      json: { prompt: 'Now in winter' },
    });
    expect(remix.headers['api-key']).toBe('azure-test-key');
    expect(remix.headers.authorization).toBeUndefined();
    expect(job).toMatchObject({
      provider: 'azure-sora',
      data: { deployment: 'my-sora-2', remixedFrom: source },
    });
  });

  it('downloadAzureSoraThumbnail fetches the thumbnail variant', async () => {
    const api = azureSoraHandlers({ steps: [] });
    server.use(...api.handlers);
    const id = await finishedVideo();
    const thumbnail = await downloadAzureSoraThumbnail(id, settings);
    expect(api.requests.at(-1)!.query).toEqual({ variant: 'thumbnail' });
    expect(thumbnail.contentType).toBe('image/webp');
  });

  it('follows a content redirect to storage without sending the api-key there', async () => {
    const blob = 'https://videogenstore.blob.core.windows.net/videos/clip.mp4?sig=abc';
    const api = azureSoraHandlers({ contentRedirect: blob });
    const blobHeaders: Headers[] = [];
    server.use(
      ...api.handlers,
      http.get('https://videogenstore.blob.core.windows.net/videos/clip.mp4', ({ request: sent }) => {
        blobHeaders.push(sent.headers);
        return new HttpResponse(new Uint8Array(tinyMp4()), { headers: { 'content-type': 'video/mp4' } });
      }),
    );
    // The key-authenticated client does not follow the redirect: the provider hands core the bare URL.
    const provider = createAzureSora(settings);
    const job = await provider.submit(request(), context());
    for (let i = 0; i < 4; i++) await provider.status(job, context());
    expect(await provider.download(job, context())).toEqual({ type: 'url', url: blob });

    const out = outPath();
    await generateVideo({ ...FAST, provider, prompt: 'waves', outPath: out });
    expect(boxType(readFileSync(out))).toBe('ftyp');
    expect(blobHeaders).toHaveLength(1);
    expect(blobHeaders[0]!.get('api-key')).toBeNull();
    expect(blobHeaders[0]!.get('authorization')).toBeNull();
  });
});

describe('Python parity', () => {
  it('generateVideoWithAzureSora sends the first file as input_reference and returns the path', async () => {
    const api = azureSoraHandlers();
    server.use(...api.handlers);
    const out = outPath();
    const path = await generateVideoWithAzureSora('A fox in the snow', [solidPng(1280, 720)], {
      ...FAST,
      config: settings,
      outPath: out,
    });
    expect(path).toBe(out);
    expect(api.requests[0]!.files.input_reference?.contentType).toBe('image/png');
  });

  it('AzureSoraAPIClient holds its config and generates with it', async () => {
    const api = azureSoraHandlers();
    server.use(...api.handlers);
    const client = new AzureSoraAPIClient(settings);
    const out = outPath();
    expect(await client.generate('A fox', [], { ...FAST, outPath: out, durationSeconds: 8 })).toBe(out);
    expect(api.requests[0]!.fields).toMatchObject({ model: 'my-sora-2', seconds: '8' });
  });
});
