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
import { azureSoraHandlers } from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  boxType,
  context,
  FAST,
  outPath,
  pngDimensions,
  request,
} from '../../provider-sora/src/test-support.js';
import { createAzureSora } from './azure-sora-provider.js';

const ENDPOINT = 'https://video-gen-test.openai.azure.com';
const KEY = 'azure-test-key';
const DEPLOYMENT = 'my-sora-2';
const settings = { endpoint: ENDPOINT, apiKey: KEY, deployment: DEPLOYMENT };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function mock(options: Parameters<typeof azureSoraHandlers>[0] = {}) {
  const handlers = azureSoraHandlers(options);
  server.use(...handlers.handlers);
  return handlers;
}

describe('createAzureSora: text to video', () => {
  it('POSTs multipart to {endpoint}/openai/v1/videos with the api-key header only and the deployment as model, polls and streams the MP4', async () => {
    const api = mock();
    const events: ProgressEvent[] = [];
    const out = outPath();
    const result = await generateVideo({
      ...FAST,
      provider: createAzureSora(settings),
      prompt: 'A paper boat drifting down a rainy street',
      width: 720,
      height: 1280,
      durationSeconds: 12,
      outPath: out,
      onProgress: (event) => events.push(event),
    });

    const [create, ...rest] = api.requests;
    expect(create).toMatchObject({
      method: 'POST',
      path: '/openai/v1/videos',
      contentType: 'multipart/form-data',
      query: {},
    });
    expect(create!.fields).toEqual({
      prompt: 'A paper boat drifting down a rainy street',
      model: DEPLOYMENT,
      seconds: '12',
      size: '720x1280',
    });
    for (const sent of api.requests) {
      expect(sent.headers['api-key']).toBe(KEY);
      expect(sent.headers.authorization).toBeUndefined();
      expect(sent.query['api-version']).toBeUndefined();
    }
    const id = result.jobId;
    expect(rest.map((r) => `${r.method} ${r.path}`)).toEqual([
      ...Array.from({ length: 4 }, () => `GET /openai/v1/videos/${id}`),
      `GET /openai/v1/videos/${id}/content`,
    ]);
    expect(rest.at(-1)!.query).toEqual({ variant: 'video' });
    expect(boxType(readFileSync(out))).toBe('ftyp');
    expect(result).toMatchObject({
      provider: 'azure-sora',
      model: 'sora-2',
      durationSeconds: 12,
      usage: { seconds: 12 },
    });
    expect(events.filter((e) => e.phase === 'running').map((e) => e.progress)).toEqual([0.33, 0.66]);
  });

  it('is found by id: generateVideo({ provider: "azure-sora", providerConfig }) imports this package', async () => {
    const api = mock();
    const result = await generateVideo({
      ...FAST,
      provider: 'azure-sora',
      providerConfig: settings,
      prompt: 'waves',
      outPath: outPath(),
    });
    expect(result.provider).toBe('azure-sora');
    expect(api.requests[0]!.fields.model).toBe(DEPLOYMENT);
  });

  it("carries the retired-model warning, with Azure's own date (2026-10-15), not OpenAI's shutdown notice, and the unknown-price one", async () => {
    mock();
    const result = await generateVideo({
      ...FAST,
      provider: createAzureSora(settings),
      prompt: 'waves',
      outPath: outPath(),
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({
        type: 'deprecated',
        feature: 'model',
        message: expect.stringContaining('retired 2026-10-15'),
      }),
      expect.objectContaining({
        type: 'other',
        feature: 'price',
        message: expect.stringContaining('price_unknown'),
      }),
    ]);
  });

  it('authenticates with a Microsoft Entra token as Authorization: Bearer, fetched per request, and no api-key', async () => {
    const api = mock({ bearerToken: 'entra-token-1' });
    let calls = 0;
    const provider = createAzureSora({
      endpoint: ENDPOINT,
      deployment: DEPLOYMENT,
      // A stray key header in `headers` must not ride along with the token.
      headers: { 'api-key': 'stray-key' },
      azureADTokenProvider: async () => {
        calls++;
        return 'entra-token-1';
      },
    });
    const job = await provider.submit(request(), context());
    await provider.status(job, context());
    expect(calls).toBe(2);
    for (const sent of api.requests) {
      expect(sent.headers.authorization).toBe('Bearer entra-token-1');
      expect(sent.headers['api-key']).toBeUndefined();
    }
  });

  it('sends api-version only when configured, and extra headers through a custom fetch', async () => {
    const api = mock();
    const urls: string[] = [];
    const provider = createAzureSora({
      ...settings,
      apiVersion: 'preview',
      headers: { 'x-ms-useragent': 'video-gen-test' },
      fetch: (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (!url.startsWith('data:')) urls.push(url);
        return fetch(input, init);
      },
    });
    await provider.submit(request(), context());
    expect(urls).toEqual([`${ENDPOINT}/openai/v1/videos?api-version=preview`]);
    expect(api.requests[0]!.query).toEqual({ 'api-version': 'preview' });
    expect(api.requests[0]!.headers['x-ms-useragent']).toBe('video-gen-test');
  });

  it('takes the deployment model from modelFamily: sora-2-pro allows 1792x1024, and the wire still names the deployment', async () => {
    const api = mock({ deployment: 'my-sora-2-pro' });
    const provider = createAzureSora({ ...settings, deployment: 'my-sora-2-pro', modelFamily: 'sora-2-pro' });
    expect(provider.models[0]!.id).toBe('sora-2-pro');
    const result = await generateVideo({
      ...FAST,
      provider,
      prompt: 'waves',
      width: 1792,
      height: 1024,
      outPath: outPath(),
    });
    expect(result.model).toBe('sora-2-pro');
    expect(api.requests[0]!.fields).toMatchObject({ model: 'my-sora-2-pro', size: '1792x1024' });
  });

  it('refuses 1792x1024 on the default sora-2 family before any request', async () => {
    const api = mock();
    const error = await generateVideo({
      ...FAST,
      provider: createAzureSora(settings),
      prompt: 'waves',
      width: 1792,
      height: 1024,
      outPath: outPath(),
    }).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(api.requests).toHaveLength(0);
  });
});

describe('createAzureSora: image to video (input_reference)', () => {
  it('sends the first frame as an input_reference file part with its content type and bytes', async () => {
    const api = mock();
    const frame = solidPng(1280, 720, [10, 120, 200]);
    await generateVideo({
      ...FAST,
      provider: createAzureSora(settings),
      prompt: 'The blue sky darkens',
      firstFrame: frame,
      outPath: outPath(),
    });
    const part = api.requests[0]!.files.input_reference!;
    expect(part.contentType).toBe('image/png');
    expect(Buffer.from(part.bytes).equals(Buffer.from(frame))).toBe(true);
    expect(api.requests[0]!.fields).toMatchObject({ size: '1280x720', model: DEPLOYMENT });
  });

  it('refuses a first frame of another size before any request, saying both sizes', async () => {
    const api = mock();
    const error = await generateVideo({
      ...FAST,
      provider: createAzureSora(settings),
      prompt: 'The sky',
      images: [solidPng(1280, 720)],
      width: 720,
      height: 1280,
      outPath: outPath(),
    }).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('is 1280x720, the video is 720x1280');
    expect((error as Error).message).toContain("providerOptions['azure-sora'].fitInputReference");
    expect(api.requests).toHaveLength(0);
  });

  it('fits it to the exact size with providerOptions["azure-sora"].fitInputReference', async () => {
    const api = mock();
    const result = await generateVideo({
      ...FAST,
      provider: createAzureSora(settings),
      prompt: 'The sky',
      images: [solidPng(1280, 720)],
      width: 720,
      height: 1280,
      providerOptions: { 'azure-sora': { fitInputReference: 'cover' } },
      outPath: outPath(),
    });
    const part = api.requests[0]!.files.input_reference!;
    expect(part.contentType).toBe('image/png');
    expect(pngDimensions(part.bytes)).toEqual({ width: 720, height: 1280 });
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'deprecated', feature: 'model' }),
      expect.objectContaining({ type: 'approximated', feature: 'firstFrame' }),
      expect.objectContaining({ type: 'other', feature: 'price' }),
    ]);
  });
});

describe('createAzureSora: status, cancel, resume', () => {
  it('maps queued, in_progress and completed', async () => {
    mock({
      steps: [
        { status: 'queued', progress: 0 },
        { status: 'in_progress', progress: 80 },
      ],
    });
    const provider = createAzureSora(settings);
    const job = await provider.submit(request({ durationSeconds: 8 }), context());
    expect(job).toMatchObject({
      provider: 'azure-sora',
      model: 'sora-2',
      data: { deployment: DEPLOYMENT, seconds: '8' },
    });
    expect(await provider.status(job, context())).toEqual({ state: 'queued', progress: 0 });
    expect(await provider.status(job, context())).toEqual({ state: 'running', progress: 0.8 });
    expect(await provider.status(job, context())).toEqual({ state: 'succeeded', usage: { seconds: 8 } });
  });

  it('maps a job failed by the content filter to a ContentPolicyError and drops the journal', async () => {
    mock({
      steps: [],
      outcome: { failed: { code: 'content_filter', message: 'The generated video was filtered.' } },
    });
    const out = outPath();
    const error = await generateVideo({
      ...FAST,
      provider: createAzureSora(settings),
      prompt: 'waves',
      outPath: out,
    }).catch((e: unknown) => e);
    expect(ContentPolicyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('content_filter');
    expect(existsSync(`${out}.job.json`)).toBe(false);
  });

  it('maps another failed job to a GenerationFailedError quoting the vendor code and message', async () => {
    mock({ steps: [], outcome: { failed: { code: 'internal_error', message: 'Video generation failed.' } } });
    const provider = createAzureSora(settings);
    const job = await provider.submit(request(), context());
    const status = await provider.status(job, context());
    expect(status.state).toBe('failed');
    const error = (status as { error: Error }).error;
    expect(GenerationFailedError.isInstance(error)).toBe(true);
    expect(error.message).toContain('(internal_error): Video generation failed.');
  });

  it('cancels with DELETE {endpoint}/openai/v1/videos/{id}', async () => {
    const api = mock();
    const provider = createAzureSora(settings);
    const job = await provider.submit(request(), context());
    await provider.cancel!(job, context());
    expect(api.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/openai/v1/videos/${job.id}` });
    expect(api.requests.at(-1)!.headers['api-key']).toBe(KEY);
    expect(api.videos.has(job.id)).toBe(false);
  });

  it('resumes an interrupted job from its journal with exactly one POST', async () => {
    const api = mock();
    const out = outPath();
    const controller = new AbortController();
    const interrupted = await generateVideo({
      ...FAST,
      provider: createAzureSora(settings),
      prompt: 'waves',
      outPath: out,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.phase === 'queued') controller.abort();
      },
    }).catch((e: unknown) => e);
    expect((interrupted as Error).name).toBe('CancelledError');
    const journal = JSON.parse(readFileSync(`${out}.job.json`, 'utf8')) as { job: { data: unknown } };
    expect(journal.job.data).toMatchObject({ deployment: DEPLOYMENT });
    expect(JSON.stringify(journal)).not.toContain(KEY);

    const result = await resumeVideo(`${out}.job.json`, { ...FAST, provider: createAzureSora(settings) });
    expect(result.resumed).toBe(true);
    expect(boxType(readFileSync(out))).toBe('ftyp');
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
