import {
  ApiRequestError,
  RateLimitError,
  type ResolvedRequest,
  RetryExhaustedError,
  ValidationError,
} from '@video-gen/core';
import { solidPng } from '@video-gen/testing';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API_KEY, FAST, generate, rejection, testProvider, useMswServer } from './test-support.js';

const { mockRunway, server } = useMswServer();
const PROMPT = 'A red kite over a windswept dune';
const png = (color: [number, number, number]) => solidPng(64, 36, color);
const dataUri = (bytes: Uint8Array) => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
const FIRST = png([10, 20, 30]);
const LAST = png([200, 100, 0]);
const REF_A = png([0, 120, 0]);
const REF_B = png([0, 0, 200]);

/** The one create request of a run, checked for its method, path and the two headers every call needs. */
function onlyCreate(runway: ReturnType<typeof mockRunway>, path: string) {
  const creates = runway.apiRequests('POST', '/v1/');
  expect(creates).toHaveLength(1);
  const [create] = creates;
  expect(create!.method).toBe('POST');
  expect(create!.path).toBe(path);
  expect(create!.headers.authorization).toBe(`Bearer ${API_KEY}`);
  expect(create!.headers['x-runway-version']).toBe('2024-11-06');
  expect(create!.headers['content-type']).toContain('application/json');
  return create!;
}

/** Every poll went to `GET /v1/tasks/<the id the create answered>`, with the same headers. */
function expectPolls(runway: ReturnType<typeof mockRunway>) {
  const polls = runway.apiRequests('GET', '/v1/tasks/');
  expect(polls.length).toBeGreaterThan(0);
  const ids = new Set(polls.map((poll) => poll.path));
  expect(ids.size).toBe(1);
  expect([...ids][0]).toMatch(/^\/v1\/tasks\/[0-9a-f-]{36}$/);
  for (const poll of polls) {
    expect(poll.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(poll.headers['x-runway-version']).toBe('2024-11-06');
  }
}

describe('runway partner models: the exact requests, per family', () => {
  it('seedance2_fast text-to-video: ratio, duration, seed, audio and two references', async () => {
    const runway = mockRunway();
    const result = await generate(runway, {
      prompt: PROMPT,
      model: 'seedance2_fast',
      referenceImages: [REF_A, REF_B],
      width: 1280,
      height: 720,
      durationSeconds: 6,
      seed: 7,
      audio: true,
    });
    expect(onlyCreate(runway, '/v1/text_to_video').body).toEqual({
      model: 'seedance2_fast',
      promptText: PROMPT,
      ratio: '1280:720',
      duration: 6,
      seed: 7,
      audio: true,
      references: [{ uri: dataUri(REF_A) }, { uri: dataUri(REF_B) }],
    });
    expectPolls(runway);
    expect(result.usage).toEqual({ seconds: 6, cost: { amount: 60, currency: 'credits' } });
  });

  it('seedance2_5 image-to-video: first and last frame by position at 1920:1080', async () => {
    const runway = mockRunway();
    await generate(runway, {
      prompt: PROMPT,
      model: 'seedance2_5',
      firstFrame: FIRST,
      lastFrame: LAST,
      width: 1920,
      height: 1080,
      durationSeconds: 12,
    });
    expect(onlyCreate(runway, '/v1/image_to_video').body).toEqual({
      model: 'seedance2_5',
      promptText: PROMPT,
      ratio: '1920:1080',
      duration: 12,
      promptImage: [
        { uri: dataUri(FIRST), position: 'first' },
        { uri: dataUri(LAST), position: 'last' },
      ],
    });
  });

  it('hailuo3 image-to-video: aspect ratio and resolution labels, no seed (its params have none)', async () => {
    const runway = mockRunway();
    const result = await generate(runway, {
      prompt: PROMPT,
      model: 'hailuo3',
      firstFrame: FIRST,
      lastFrame: LAST,
      width: 2560,
      height: 1440,
      durationSeconds: 10,
      seed: 3,
    });
    expect(onlyCreate(runway, '/v1/image_to_video').body).toEqual({
      model: 'hailuo3',
      promptText: PROMPT,
      ratio: '16:9',
      resolution: '2k',
      duration: 10,
      promptImage: [
        { uri: dataUri(FIRST), position: 'first' },
        { uri: dataUri(LAST), position: 'last' },
      ],
    });
    expect(result.warnings).toContainEqual(expect.objectContaining({ type: 'unsupported', feature: 'seed' }));
    expectPolls(runway);
  });

  it('h3_max text-to-video: a resolution tier and a seed, no ratio', async () => {
    const runway = mockRunway();
    await generate(runway, { prompt: PROMPT, model: 'h3_max', seed: 42, durationSeconds: 8 });
    expect(onlyCreate(runway, '/v1/text_to_video').body).toEqual({
      model: 'h3_max',
      promptText: PROMPT,
      resolution: '768p',
      duration: 8,
      seed: 42,
    });
  });

  it('wan3 image-to-video sends the auto_ tier its keyframe mode needs; wan3_prime text-to-video the pixel ratio', async () => {
    const runway = mockRunway();
    const keyframed = await generate(runway, {
      prompt: PROMPT,
      model: 'wan3',
      firstFrame: FIRST,
      width: 1920,
      height: 1080,
      durationSeconds: 5,
      audio: false,
    });
    expect(onlyCreate(runway, '/v1/image_to_video').body).toEqual({
      model: 'wan3',
      promptText: PROMPT,
      ratio: 'auto_1080p',
      duration: 5,
      audio: false,
      promptImage: dataUri(FIRST),
    });
    expect(keyframed.warnings).toContainEqual(
      expect.objectContaining({ type: 'approximated', feature: 'size' }),
    );

    const text = mockRunway();
    await generate(text, {
      prompt: PROMPT,
      model: 'wan3_prime',
      width: 832,
      height: 480,
      referenceImages: [REF_A],
    });
    expect(onlyCreate(text, '/v1/text_to_video').body).toEqual({
      model: 'wan3_prime',
      promptText: PROMPT,
      ratio: '832:480',
      duration: 5,
      references: [{ uri: dataUri(REF_A) }],
    });
  });

  it('grok_imagine_1_5: a resolution only with a first frame, aspect and resolution with references', async () => {
    const runway = mockRunway();
    await generate(runway, {
      prompt: PROMPT,
      model: 'grok_imagine_1_5',
      firstFrame: FIRST,
      durationSeconds: 6,
    });
    expect(onlyCreate(runway, '/v1/image_to_video').body).toEqual({
      model: 'grok_imagine_1_5',
      promptText: PROMPT,
      resolution: '720p',
      duration: 6,
      promptImage: dataUri(FIRST),
    });

    const text = mockRunway();
    await generate(text, {
      prompt: PROMPT,
      model: 'grok_imagine_1_5',
      referenceImages: [REF_A],
      width: 720,
      height: 1280,
    });
    expect(onlyCreate(text, '/v1/text_to_video').body).toEqual({
      model: 'grok_imagine_1_5',
      promptText: PROMPT,
      ratio: '9:16',
      resolution: '720p',
      duration: 5,
      references: [{ uri: dataUri(REF_A) }],
    });
  });

  it('happyhorse_1_0: a pixel ratio for text, a resolution tier with a first frame', async () => {
    const runway = mockRunway();
    await generate(runway, {
      prompt: PROMPT,
      model: 'happyhorse_1_0',
      width: 1662,
      height: 1248,
      durationSeconds: 15,
    });
    expect(onlyCreate(runway, '/v1/text_to_video').body).toEqual({
      model: 'happyhorse_1_0',
      promptText: PROMPT,
      ratio: '1662:1248',
      duration: 15,
    });

    const image = mockRunway();
    await generate(image, {
      prompt: PROMPT,
      model: 'happyhorse_1_0',
      firstFrame: FIRST,
      width: 1920,
      height: 1080,
    });
    expect(onlyCreate(image, '/v1/image_to_video').body).toEqual({
      model: 'happyhorse_1_0',
      promptText: PROMPT,
      resolution: '1080p',
      duration: 5,
      promptImage: dataUri(FIRST),
    });
  });
});

describe('runway partner models: refused before any request', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    [
      'seedance2 at 3 s',
      { model: 'seedance2', durationSeconds: 3 },
      /3 s is not allowed; seedance2 takes 4 s to 15 s/,
    ],
    [
      'seedance2 with 10 references',
      { model: 'seedance2', referenceImages: Array(10).fill(REF_A) },
      /takes at most 9/,
    ],
    [
      'seedance2_fast at 1920:1080',
      { model: 'seedance2_fast', width: 1920, height: 1080 },
      /1920x1080 is not allowed/,
    ],
    ['hailuo3 at 4 s', { model: 'hailuo3', durationSeconds: 4 }, /hailuo3 takes 5 s to 15 s/],
    ['hailuo3 at 1280x720', { model: 'hailuo3', width: 1280, height: 720 }, /1280x720 is not allowed/],
    [
      'hailuo3 with 10 references',
      { model: 'hailuo3', referenceImages: Array(10).fill(REF_A) },
      /takes at most 9/,
    ],
    ['wan3 at 11 s', { model: 'wan3', durationSeconds: 11 }, /wan3 takes 5 s to 10 s/],
    [
      'wan3 with 11 references',
      { model: 'wan3', referenceImages: Array(11).fill(REF_A) },
      /takes at most 10/,
    ],
    [
      'wan3 references with a frame',
      { model: 'wan3', firstFrame: FIRST, referenceImages: [REF_A] },
      /cannot combine/,
    ],
    ['grok at 2 s', { model: 'grok_imagine_1_5', durationSeconds: 2 }, /takes 3 s to 15 s/],
    [
      'grok with 3 references',
      { model: 'grok_imagine_1_5', referenceImages: [REF_A, REF_A, REF_A] },
      /at most 2/,
    ],
    [
      'grok references at 1080p',
      { model: 'grok_imagine_1_5', referenceImages: [REF_A], width: 1920, height: 1080 },
      /only up to 720p/,
    ],
    [
      'grok with a last frame',
      { model: 'grok_imagine_1_5', firstFrame: FIRST, lastFrame: LAST },
      /lastFrame/,
    ],
    ['happyhorse at 16 s', { model: 'happyhorse_1_0', durationSeconds: 16 }, /takes 3 s to 15 s/],
    [
      'happyhorse with a reference',
      { model: 'happyhorse_1_0', referenceImages: [REF_A] },
      /takes no reference/,
    ],
    ['h3_max at 1280x720', { model: 'h3_max', width: 1280, height: 720 }, /1280x720 is not allowed/],
    [
      'gen4.5 text at 960:960',
      { model: 'gen4.5', width: 960, height: 960 },
      /needs a first frame; gen4.5 text-to-video/,
    ],
  ];

  it.each(cases)('%s', async (_name, options, message) => {
    const runway = mockRunway();
    const error = await rejection(generate(runway, { prompt: PROMPT, ...options }));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(message);
    expect(runway.requests).toHaveLength(0);
  });
});

function resolved(
  provider: ReturnType<typeof testProvider>,
  overrides: Partial<ResolvedRequest>,
): ResolvedRequest {
  return {
    prompt: PROMPT,
    model: provider.models.find((m) => m.id === 'seedance2')!,
    width: 1280,
    height: 720,
    fps: 24,
    durationSeconds: 5,
    seed: undefined,
    negativePrompt: undefined,
    audio: undefined,
    firstFrame: undefined,
    lastFrame: undefined,
    referenceImages: [],
    providerOptions: {},
    idempotencyKey: 'k',
    ...overrides,
  } as ResolvedRequest;
}

const ctx = () => ({
  signal: AbortSignal.timeout(10_000),
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  fetch: globalThis.fetch,
});

describe("runway partner models: the vendor's error answers", () => {
  it('a 400 "Validation of body failed" answer is an ApiRequestError naming each issue', async () => {
    const runway = mockRunway();
    const provider = testProvider(runway);
    // Past core's validation (a direct submit): the fake refuses the duration as Runway does.
    const error = await rejection(
      provider.submit(resolved(provider, { durationSeconds: 40 }), ctx() as never),
    );
    expect(ApiRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(error.message).toContain('POST /v1/text_to_video');
    expect(error.message).toContain('duration: must be an integer from 4 to 15');
    expect(runway.apiRequests('POST', '/v1/text_to_video')[0]!.body).toMatchObject({ duration: 40 });
  });

  it('an unrecognized key the vendor refuses comes back with its path', async () => {
    const runway = mockRunway();
    server.use(
      http.post(`${runway.baseURL}/v1/image_to_video`, () =>
        HttpResponse.json(
          { error: 'Validation of body failed', issues: [{ path: ['ratio'], message: 'Unrecognized key' }] },
          { status: 400 },
        ),
      ),
    );
    const error = await rejection(
      generate(runway, { prompt: PROMPT, model: 'happyhorse_1_0', firstFrame: FIRST, ...FAST }),
    );
    expect(ApiRequestError.isInstance(error)).toBe(true);
    expect(error.message).toContain('ratio: Unrecognized key');
    expect(error.message).not.toContain(API_KEY);
  });

  it('a 429 is a RateLimitError carrying Retry-After when no retry is left', async () => {
    const runway = mockRunway({ failures: { rateLimit: { times: 5, retryAfterSeconds: 3 } } });
    const error = await rejection(
      generate(runway, {
        prompt: PROMPT,
        model: 'wan3',
        retry: { ...FAST.retry, retries: 0, rateLimitRetries: 0 },
      }),
    );
    // Core ends the retries with a RetryExhaustedError whose cause is the typed 429.
    expect(RetryExhaustedError.isInstance(error)).toBe(true);
    const cause = (error as Error & { cause?: unknown }).cause;
    expect(RateLimitError.isInstance(cause)).toBe(true);
    expect(cause).toMatchObject({ status: 429, retryAfterMs: 3000, provider: 'runway' });
    expect(runway.apiRequests('POST', '/v1/text_to_video')).toHaveLength(1);
  });
});
