import { Buffer } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import {
  ApiRequestError,
  AuthenticationError,
  CancelledError,
  ContentPolicyError,
  GenerationFailedError,
  generateVideo,
  RateLimitError,
  resumeVideo,
  ValidationError,
} from '@video-gen/core';
import { solidPng, tinyMp4 } from '@video-gen/testing';
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN,
  API_KEY,
  enterpriseConfig,
  expressConfig,
  FAST,
  LOCATION,
  mswServer,
  outPath,
  PROJECT,
  rejection,
  useVeo,
} from './test-helpers.js';
import { createVeo3 } from './veo3-provider.js';

const server = mswServer();
const HOST = `https://${LOCATION}-aiplatform.googleapis.com`;
const MODEL_PATH = `/v1beta1/projects/${PROJECT}/locations/${LOCATION}/publishers/google/models`;
const png = solidPng(64, 36, [200, 10, 10]);
const png2 = solidPng(36, 64, [10, 200, 10]);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function generate(options: Partial<Parameters<typeof generateVideo>[0]> = {}) {
  return generateVideo({
    provider: createVeo3(enterpriseConfig),
    prompt: 'Cinematic ocean waves at sunset',
    outPath: outPath(),
    ...FAST,
    ...options,
  });
}

describe('veo3 on Vertex AI (enterprise mode)', () => {
  it('sends text-to-video as predictLongRunning on the regional host, polls fetchPredictOperation, and writes the inline video', async () => {
    const fake = useVeo(server);
    const result = await generate({ width: 1280, height: 720, durationSeconds: 8 });

    const [submit, ...polls] = fake.requests;
    expect(submit!.method).toBe('POST');
    expect(submit!.url).toBe(`${HOST}${MODEL_PATH}/veo-3.1-generate-001:predictLongRunning`);
    expect(submit!.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(submit!.headers['x-goog-api-key']).toBeUndefined();
    expect(submit!.body).toEqual({
      instances: [{ prompt: 'Cinematic ocean waves at sunset' }],
      parameters: {
        sampleCount: 1,
        durationSeconds: 8,
        aspectRatio: '16:9',
        resolution: '720p',
        generateAudio: true,
      },
    });
    const operationName = `projects/${PROJECT}/locations/${LOCATION}/publishers/google/models/veo-3.1-generate-001/operations/0001-5f0c1e2a-veo`;
    expect(polls).toHaveLength(3);
    for (const poll of polls) {
      expect(poll.method).toBe('POST');
      expect(poll.url).toBe(`${HOST}${MODEL_PATH}/veo-3.1-generate-001:fetchPredictOperation`);
      expect(poll.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
      expect(poll.body).toEqual({ operationName });
    }
    expect(result.jobId).toBe(operationName);
    expect(result.model).toBe('veo-3.1-generate-001');
    expect(readFileSync(result.path).equals(tinyMp4())).toBe(true);
    expect(result.usage).toMatchObject({ seconds: 8 });
  });

  it('sends a first frame as instances[0].image with base64 bytes and MIME type', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0 });
    await generate({ firstFrame: png, width: 720, height: 1280, durationSeconds: 6, seed: 42 });
    const body = fake.requestsOf('submit')[0]!.body as { instances: unknown[]; parameters: unknown };
    expect(body.instances).toEqual([
      {
        prompt: 'Cinematic ocean waves at sunset',
        image: { bytesBase64Encoded: b64(png), mimeType: 'image/png' },
      },
    ]);
    expect(body.parameters).toEqual({
      sampleCount: 1,
      durationSeconds: 6,
      aspectRatio: '9:16',
      resolution: '720p',
      seed: 42,
      generateAudio: true,
    });
  });

  it('sends first and last frame (Veo 3.1), with the negative prompt and audio off', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0 });
    await generate({
      firstFrame: png,
      lastFrame: png2,
      negativePrompt: 'blurry, text',
      audio: false,
      durationSeconds: 4,
    });
    expect(fake.requestsOf('submit')[0]!.body).toEqual({
      instances: [
        {
          prompt: 'Cinematic ocean waves at sunset',
          image: { bytesBase64Encoded: b64(png), mimeType: 'image/png' },
          lastFrame: { bytesBase64Encoded: b64(png2), mimeType: 'image/png' },
        },
      ],
      parameters: {
        sampleCount: 1,
        durationSeconds: 4,
        aspectRatio: '16:9',
        resolution: '720p',
        negativePrompt: 'blurry, text',
        generateAudio: false,
      },
    });
  });

  it('sends up to 3 reference images as asset references', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0 });
    await generate({ referenceImages: [png, png2, png] });
    const instance = (fake.requestsOf('submit')[0]!.body as { instances: Record<string, unknown>[] })
      .instances[0]!;
    expect(instance.image).toBeUndefined();
    expect(instance.referenceImages).toEqual([
      { image: { bytesBase64Encoded: b64(png), mimeType: 'image/png' }, referenceType: 'asset' },
      { image: { bytesBase64Encoded: b64(png2), mimeType: 'image/png' }, referenceType: 'asset' },
      { image: { bytesBase64Encoded: b64(png), mimeType: 'image/png' }, referenceType: 'asset' },
    ]);
  });

  it('sends a Cloud Storage image URL as gcsUri, and refuses other URLs before any call', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0 });
    await generate({ firstFrame: 'https://storage.googleapis.com/my-bucket/frames/start%201.png' });
    const instance = (fake.requestsOf('submit')[0]!.body as { instances: Record<string, unknown>[] })
      .instances[0]!;
    expect(instance.image).toEqual({ gcsUri: 'gs://my-bucket/frames/start 1.png', mimeType: 'image/png' });

    const error = await rejection(generate({ firstFrame: 'https://example.com/start.png' }));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.message).toContain(
      'firstFrame: https://example.com/start.png: Veo takes image files or bytes',
    );
    expect(fake.requestsOf('submit')).toHaveLength(1);
  });

  it('refuses reference images with a first frame on Veo 3.1, and a fourth reference image, before any call', async () => {
    const fake = useVeo(server);
    const withFrame = await rejection(generate({ firstFrame: png, referenceImages: [png2] }));
    expect(ValidationError.isInstance(withFrame)).toBe(true);
    expect(withFrame.message).toContain(
      'veo-3.1-generate-001 cannot combine reference images with a first or last frame',
    );
    const four = await rejection(generate({ referenceImages: [png, png, png, png] }));
    expect(four.message).toContain(
      '4 reference images given; veo-3.1-generate-001 takes at most 3 reference images',
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses 1080p at 4 s, naming the allowed durations, and sends 1080p at 8 s', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0 });
    const refused = await rejection(generate({ width: 1920, height: 1080, durationSeconds: 4 }));
    expect(ValidationError.isInstance(refused)).toBe(true);
    expect(refused.message).toContain(
      'durationSeconds: 4 s is not allowed at 1920x1080; veo-3.1-generate-001 takes 8 s at that size',
    );
    const odd = await rejection(generate({ width: 1024, height: 1024 }));
    expect(odd.message).toContain(
      '1024x1024 is not allowed; veo-3.1-generate-001 takes 1280x720, 1920x1080, 720x1280, 1080x1920',
    );
    expect(fake.requests).toHaveLength(0);

    await generate({ width: 1080, height: 1920, durationSeconds: 8 });
    expect((fake.requestsOf('submit')[0]!.body as { parameters: unknown }).parameters).toMatchObject({
      aspectRatio: '9:16',
      resolution: '1080p',
      durationSeconds: 8,
    });
  });

  it('sends Veo 2 without resolution or generateAudio, and a style reference', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0 });
    const result = await generate({
      model: 'veo-2.0-generate-001',
      durationSeconds: 5,
      referenceImages: [png],
      providerOptions: { veo3: { referenceType: 'style' } },
    });
    const submit = fake.requestsOf('submit')[0]!;
    expect(submit.url).toBe(`${HOST}${MODEL_PATH}/veo-2.0-generate-001:predictLongRunning`);
    expect(submit.body).toEqual({
      instances: [
        {
          prompt: 'Cinematic ocean waves at sunset',
          referenceImages: [
            { image: { bytesBase64Encoded: b64(png), mimeType: 'image/png' }, referenceType: 'style' },
          ],
        },
      ],
      parameters: { sampleCount: 1, durationSeconds: 5, aspectRatio: '16:9' },
    });
    // No Vertex price for Veo 2 could be verified: the only warning says so.
    expect(result.warnings).toEqual([
      expect.objectContaining({ feature: 'price', message: expect.stringContaining('price_unknown') }),
    ]);
    const veo3Style = await rejection(
      generate({ referenceImages: [png], providerOptions: { veo3: { referenceType: 'style' } } }),
    );
    expect(veo3Style.message).toContain('style references need veo-2.0-generate-001');
  });

  it('maps providerOptions.veo3 to parameters and refuses unknown keys', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0 });
    await generate({
      firstFrame: png,
      providerOptions: {
        veo3: {
          personGeneration: 'allow_adult',
          enhancePrompt: false,
          resizeMode: 'crop',
          compressionQuality: 'lossless',
        },
      },
    });
    expect((fake.requestsOf('submit')[0]!.body as { parameters: unknown }).parameters).toEqual({
      sampleCount: 1,
      durationSeconds: 8,
      aspectRatio: '16:9',
      resolution: '720p',
      generateAudio: true,
      personGeneration: 'allow_adult',
      enhancePrompt: false,
      resizeMode: 'crop',
      compressionQuality: 'lossless',
    });
    const typo = await rejection(generate({ providerOptions: { veo3: { personGen: 'allow_all' } } }));
    expect(ValidationError.isInstance(typo)).toBe(true);
    expect(typo.message).toContain('providerOptions.veo3');
    const bad = await rejection(generate({ providerOptions: { veo3: { personGeneration: 'everyone' } } }));
    expect(bad.message).toContain('providerOptions.veo3.personGeneration');
  });

  it('saves every video when sampleCount is 2: the first at outPath, the second beside it', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0 });
    const veo = createVeo3(enterpriseConfig);
    const out = outPath('pair.mp4');
    const result = await generateVideo({
      provider: veo,
      prompt: 'two takes',
      outPath: out,
      providerOptions: { veo3: { sampleCount: 2 } },
      ...FAST,
    });
    expect(
      (fake.requestsOf('submit')[0]!.body as { parameters: { sampleCount: number } }).parameters.sampleCount,
    ).toBe(2);
    const more = await veo.saveAdditionalVideos(result);
    expect(more).toEqual([out.replace(/\.mp4$/, '-2.mp4')]);
    expect(readFileSync(more[0]!).equals(tinyMp4())).toBe(true);
    expect(readFileSync(out).equals(tinyMp4())).toBe(true);
  });

  it('downloads a gs:// result through the Cloud Storage media URL with the same bearer token', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0, outcome: 'gcs' });
    const result = await generate({
      providerOptions: { veo3: { storageUri: 'gs://veo-test-bucket/output/' } },
    });
    expect((fake.requestsOf('submit')[0]!.body as { parameters: unknown }).parameters).toMatchObject({
      storageUri: 'gs://veo-test-bucket/output/',
    });
    const [download] = fake.requestsOf('download');
    expect(download!.method).toBe('GET');
    expect(download!.url).toBe(
      'https://storage.googleapis.com/download/storage/v1/b/veo-test-bucket/o/output%2F1%2Fsample_0.mp4?alt=media',
    );
    expect(download!.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(readFileSync(result.path).equals(tinyMp4())).toBe(true);
  });

  it('turns an operation that finished with every video RAI-filtered into a ContentPolicyError with the reasons', async () => {
    const fake = useVeo(server, {
      outcome: 'rai-filtered',
      raiReasons: ['Unable to show generated videos that contain children. Support codes: 58061214'],
    });
    const out = outPath();
    const error = await rejection(generate({ outPath: out }));
    expect(ContentPolicyError.isInstance(error)).toBe(true);
    expect((error as ContentPolicyError).retryable).toBe(false);
    expect(error.message).toContain(
      'Unable to show generated videos that contain children. Support codes: 58061214',
    );
    expect(fake.requestsOf('submit')).toHaveLength(1);
    expect(existsSync(`${out}.job.json`)).toBe(false);
  });

  it('turns an operation error into a GenerationFailedError with the vendor code and message', async () => {
    useVeo(server, {
      outcome: 'operation-error',
      operationError: { code: 3, message: 'Video generation failed: unsafe image.' },
    });
    const error = await rejection(generate());
    expect(GenerationFailedError.isInstance(error)).toBe(true);
    expect(error.message).toContain('(code 3): Video generation failed: unsafe image.');
  });

  it('maps 401 UNAUTHENTICATED to AuthenticationError and never retries it', async () => {
    const fake = useVeo(server, { failures: [{ on: 'submit', status: 401 }] });
    const error = await rejection(generate());
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.message).toContain('HTTP 401 UNAUTHENTICATED');
    expect(fake.requestsOf('submit')).toHaveLength(1);
  });

  it('maps 403 PERMISSION_DENIED to AuthenticationError', async () => {
    useVeo(server, { failures: [{ on: 'submit', status: 403 }] });
    const error = await rejection(generate());
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.message).toContain("PERMISSION_DENIED: Permission 'aiplatform.endpoints.predict' denied");
  });

  it('maps 400 INVALID_ARGUMENT to a non-retryable ApiRequestError with the vendor message', async () => {
    const fake = useVeo(server, {
      failures: [{ on: 'submit', status: 400, message: 'Unsupported aspect ratio.' }],
    });
    const error = await rejection(generate());
    expect(ApiRequestError.isInstance(error)).toBe(true);
    expect((error as ApiRequestError).status).toBe(400);
    expect((error as ApiRequestError).retryable).toBe(false);
    expect(error.message).toBe(
      'veo3 submit failed with HTTP 400 INVALID_ARGUMENT: Unsupported aspect ratio.',
    );
    expect(fake.requestsOf('submit')).toHaveLength(1);
  });

  it('maps 429 RESOURCE_EXHAUSTED to a retryable RateLimitError: core retries and the job completes (the SDK itself sends once per attempt)', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0, failures: [{ on: 'submit', status: 429, times: 2 }] });
    const result = await generate();
    expect(fake.requestsOf('submit')).toHaveLength(3);
    expect(existsSync(result.path)).toBe(true);

    useVeo(server, { failures: [{ on: 'submit', status: 429 }] });
    const exhausted = await rejection(generate({ retry: { retries: 0 } }));
    expect(RateLimitError.isInstance(exhausted) || RateLimitError.isInstance(exhausted.cause)).toBe(true);
  });

  it("carries a 429's Retry-After into RateLimitError.retryAfterMs (the SDK's ApiError drops headers)", async () => {
    useVeo(server, { failures: [{ on: 'submit', status: 429, retryAfterSeconds: 0.2 }] });
    const exhausted = await rejection(generate({ retry: { retries: 0 } }));
    const limited = RateLimitError.isInstance(exhausted) ? exhausted : exhausted.cause;
    expect(RateLimitError.isInstance(limited)).toBe(true);
    expect((limited as RateLimitError).retryAfterMs).toBe(200);

    useVeo(server, { pollsBeforeDone: 1, failures: [{ on: 'poll', status: 429, retryAfterSeconds: 0.1 }] });
    const polling = await rejection(generate({ retry: { retries: 0 } }));
    const pollLimited = RateLimitError.isInstance(polling) ? polling : polling.cause;
    expect((pollLimited as RateLimitError).retryAfterMs).toBe(100);
  });

  it('maps 503 UNAVAILABLE while polling to a retryable ApiRequestError and keeps polling', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 1, failures: [{ on: 'poll', status: 503, times: 1 }] });
    const result = await generate();
    expect(fake.requestsOf('poll')).toHaveLength(3);
    expect(existsSync(result.path)).toBe(true);
  });

  it('treats an SDK timeout (timeoutMs) as a retryable failure: the submit is tried again', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0 });
    let slow = 0;
    server.use(
      http.post(
        /:predictLongRunning$/,
        async () => {
          slow++;
          await delay(1_000);
          return HttpResponse.json({ name: 'never-read' });
        },
        { once: true },
      ),
    );
    const result = await generate({ provider: createVeo3({ ...enterpriseConfig, timeoutMs: 100 }) });
    expect(slow).toBe(1);
    expect(fake.requestsOf('submit')).toHaveLength(1);
    expect(fake.requestsOf('submit')[0]!.headers['x-server-timeout']).toBe('1');
    expect(existsSync(result.path)).toBe(true);
  });

  it('resumes from the journal after an abort with exactly one predictLongRunning', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 3 });
    const out = outPath();
    const controller = new AbortController();
    const interrupted = await rejection(
      generate({
        outPath: out,
        signal: controller.signal,
        onProgress: (event) => {
          if (event.phase === 'running') controller.abort();
        },
      }),
    );
    expect(CancelledError.isInstance(interrupted)).toBe(true);
    const journal = JSON.parse(readFileSync(`${out}.job.json`, 'utf8')) as {
      job: { id: string; model: string };
    };
    expect(journal.job.id).toMatch(/\/operations\/0001-5f0c1e2a-veo$/);
    expect(journal.job.model).toBe('veo-3.1-generate-001');

    const result = await resumeVideo(`${out}.job.json`, { provider: createVeo3(enterpriseConfig), ...FAST });
    expect(result.resumed).toBe(true);
    expect(fake.requestsOf('submit')).toHaveLength(1);
    expect(readFileSync(out).equals(tinyMp4())).toBe(true);
  });

  it('never puts the token or key into an error message', async () => {
    useVeo(server, { failures: [{ on: 'submit', status: 401, message: `bad token ${ACCESS_TOKEN}` }] });
    const error = await rejection(generate());
    expect(error.message).not.toContain(ACCESS_TOKEN);
    expect(JSON.stringify((error as ApiRequestError).body)).not.toContain(ACCESS_TOKEN);
  });
});

describe('veo3 on Vertex AI express mode', () => {
  it('sends x-goog-api-key (no bearer) to the global host without a project path', async () => {
    const fake = useVeo(server, { mode: 'express', pollsBeforeDone: 1 });
    const result = await generate({
      provider: createVeo3(expressConfig),
      model: 'veo-3.1-fast-generate-001',
    });
    const [submit, ...polls] = fake.requests;
    expect(submit!.url).toBe(
      'https://aiplatform.googleapis.com/v1beta1/publishers/google/models/veo-3.1-fast-generate-001:predictLongRunning',
    );
    expect(submit!.headers['x-goog-api-key']).toBe(API_KEY);
    expect(submit!.headers.authorization).toBeUndefined();
    expect(polls.map((poll) => poll.url)).toEqual([
      'https://aiplatform.googleapis.com/v1beta1/publishers/google/models/veo-3.1-fast-generate-001:fetchPredictOperation',
      'https://aiplatform.googleapis.com/v1beta1/publishers/google/models/veo-3.1-fast-generate-001:fetchPredictOperation',
    ]);
    expect(polls[0]!.body).toEqual({ operationName: result.jobId });
    expect(polls[0]!.headers['x-goog-api-key']).toBe(API_KEY);
  });

  it('refuses storageUri, naming the mode, before any call', async () => {
    const fake = useVeo(server, { mode: 'express' });
    const error = await rejection(
      generate({
        provider: createVeo3(expressConfig),
        providerOptions: { veo3: { storageUri: 'gs://my-bucket/out/' } },
      }),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.message).toContain('providerOptions.veo3.storageUri: express mode (API key)');
    expect(fake.requests).toHaveLength(0);
  });

  it('keeps the API key out of error messages', async () => {
    useVeo(server, {
      mode: 'express',
      failures: [{ on: 'submit', status: 400, message: `API key not valid: ${API_KEY}` }],
    });
    const error = await rejection(generate({ provider: createVeo3(expressConfig) }));
    expect(error.message).toContain('API key not valid');
    expect(error.message).not.toContain(API_KEY);
  });
});

describe('veo3 configuration of the endpoint', () => {
  it('sends calls to baseURL with the extra headers, keeping the project path', async () => {
    const fake = useVeo(server, { baseUrl: 'https://gateway.example.com/vertex', pollsBeforeDone: 0 });
    await generate({
      provider: createVeo3({
        ...enterpriseConfig,
        baseURL: 'https://gateway.example.com/vertex',
        headers: { 'x-gateway-tenant': 'acme' },
      }),
    });
    const [submit] = fake.requests;
    expect(submit!.url).toBe(
      `https://gateway.example.com/vertex${MODEL_PATH}/veo-3.1-generate-001:predictLongRunning`,
    );
    expect(submit!.headers['x-gateway-tenant']).toBe('acme');
  });

  it('uses the injected fetch for every SDK call', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0 });
    const seen: string[] = [];
    const result = await generate({
      provider: createVeo3({
        ...enterpriseConfig,
        fetch: (input, init) => {
          seen.push(String(input));
          return fetch(input, init);
        },
      }),
    });
    expect(seen).toEqual(fake.requests.map((request) => request.url));
    expect(existsSync(result.path)).toBe(true);
  });

  it('takes the token from getAccessToken on each call', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0 });
    let calls = 0;
    await generate({
      provider: createVeo3({
        project: PROJECT,
        location: LOCATION,
        getAccessToken: async () => {
          calls++;
          return ACCESS_TOKEN;
        },
      }),
    });
    expect(calls).toBe(fake.requests.length);
    expect(fake.requests.every((request) => request.headers.authorization === `Bearer ${ACCESS_TOKEN}`)).toBe(
      true,
    );
  });
});
