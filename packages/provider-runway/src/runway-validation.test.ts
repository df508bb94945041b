import path from 'node:path';
import { ConfigurationError, generateVideo, ValidationError } from '@video-gen/core';
import { solidPng } from '@video-gen/testing';
import { runwayHandlers } from '@video-gen/testing/msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRunway } from './runway-provider.js';
import { API_KEY, FAST, generate, rejection, tempDir, useMswServer } from './test-support.js';

const { server, mockRunway } = useMswServer();
const PROMPT = 'Clouds rolling over a mountain ridge';
const image = solidPng(16, 16);

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Runs a request that must be refused, and checks nothing reached the vendor. */
async function refused(options: Parameters<typeof generate>[1]): Promise<ValidationError> {
  const runway = mockRunway();
  const error = await rejection(generate(runway, options));
  expect(ValidationError.isInstance(error), String(error)).toBe(true);
  expect(runway.requests).toHaveLength(0);
  return error as ValidationError;
}

describe('runway validation before any request', () => {
  it('refuses a size that is not one of the model ratios, listing the allowed ones', async () => {
    const error = await refused({ prompt: PROMPT, model: 'veo3.1', width: 1104, height: 832 });
    expect(error.message).toContain(
      '1104x832 is not allowed; veo3.1 takes 1280x720, 720x1280, 1080x1920, 1920x1080',
    );
  });

  it('refuses a duration the model does not take', async () => {
    const error = await refused({ prompt: PROMPT, model: 'gen4_turbo', images: [image], durationSeconds: 8 });
    expect(error.message).toContain('8 s is not allowed; gen4_turbo takes 5 s, 10 s');
    await refused({ prompt: PROMPT, model: 'veo3.1_fast', durationSeconds: 5 });
    await refused({ prompt: PROMPT, model: 'gen4.5', durationSeconds: 11 });
  });

  it('refuses gen4_turbo without an image', async () => {
    const error = await refused({ prompt: PROMPT, model: 'gen4_turbo' });
    expect(error.message).toContain('gen4_turbo needs a first frame image');
  });

  it('refuses too many images, and a last frame on Gen-4', async () => {
    const tooMany = await refused({ prompt: PROMPT, model: 'veo3.1', images: [image, image] });
    expect(tooMany.message).toContain('veo3.1 takes no reference images');
    const lastFrame = await refused({
      prompt: PROMPT,
      model: 'gen4_turbo',
      firstFrame: image,
      lastFrame: image,
    });
    expect(lastFrame.message).toContain('gen4_turbo does not take a last frame');
  });

  it('refuses a Veo last frame without a first frame', async () => {
    const error = await refused({ prompt: PROMPT, model: 'veo3.1', lastFrame: image });
    expect(error.message).toContain('takes a last frame only together with a first frame');
  });

  it('refuses Gen-4.5 text-to-video at a ratio only image-to-video takes', async () => {
    const error = await refused({ prompt: PROMPT, model: 'gen4.5', width: 1584, height: 672 });
    expect(error.message).toContain('gen4.5 text-to-video takes 1280x720, 720x1280');
  });

  it('refuses a prompt over 1000 characters and a seed over 32 bits', async () => {
    await refused({ prompt: 'x'.repeat(1001), model: 'gen4.5' });
    const seed = await refused({ prompt: PROMPT, model: 'gen4.5', seed: 2 ** 32 });
    expect(seed.message).toContain('seed must be at most 4294967295');
  });

  it('refuses unknown or invalid providerOptions.runway', async () => {
    const unknown = await refused({
      prompt: PROMPT,
      model: 'gen4.5',
      providerOptions: { runway: { outputFormat: 'prores' } },
    });
    expect(unknown.message).toContain('Invalid providerOptions.runway');
    expect(unknown.message).toContain('outputFormat');
    await refused({
      prompt: PROMPT,
      model: 'gen4.5',
      providerOptions: { runway: { contentModeration: { publicFigureThreshold: 'none' } } },
    });
  });
});

describe('runway credentials', () => {
  it('creates without a key, and the first submit names both variables, sending nothing', async () => {
    vi.stubEnv('RUNWAYML_API_SECRET', '');
    vi.stubEnv('RUNWAY_API_KEY', '');
    const runway = mockRunway();
    const provider = createRunway({ baseURL: runway.baseURL });
    expect(provider.id).toBe('runway');
    const error = await rejection(
      generateVideo({
        provider,
        prompt: PROMPT,
        model: 'gen4.5',
        outPath: path.join(tempDir(), 'never.mp4'),
      }),
    );
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      'runway configuration: apiKey is required: set RUNWAYML_API_SECRET or RUNWAY_API_KEY',
    );
    expect((error as ConfigurationError).variables).toEqual(['RUNWAYML_API_SECRET', 'RUNWAY_API_KEY']);
    expect(runway.requests).toHaveLength(0);
  });

  it('reads RUNWAY_API_KEY (the Python name) and RUNWAYML_BASE_URL from the environment', async () => {
    vi.stubEnv('RUNWAYML_API_SECRET', '');
    vi.stubEnv('RUNWAY_API_KEY', 'rw_env_key_ABCDEFGH12345678');
    vi.stubEnv('RUNWAYML_BASE_URL', 'https://runway-gateway.example.com');
    const runway = runwayHandlers({
      baseURL: 'https://runway-gateway.example.com',
      apiKey: 'rw_env_key_ABCDEFGH12345678',
    });
    server.use(...runway.handlers);
    const result = await generateVideo({
      provider: createRunway({ pollIntervalMs: 0 }),
      prompt: PROMPT,
      model: 'gen4.5',
      outPath: path.join(tempDir(), 'env.mp4'),
      ...FAST,
    });
    expect(result.provider).toBe('runway');
    const [create] = runway.apiRequests('POST');
    expect(create!.url).toBe('https://runway-gateway.example.com/v1/text_to_video');
    expect(create!.headers.authorization).toBe('Bearer rw_env_key_ABCDEFGH12345678');
  });

  it('sends configured extra headers and API version on every call', async () => {
    const runway = mockRunway();
    const provider = createRunway({
      apiKey: API_KEY,
      baseURL: runway.baseURL,
      headers: { 'x-gateway-tenant': 'studio-7' },
      pollIntervalMs: 0,
    });
    await generate(runway, { provider, prompt: PROMPT, model: 'gen4.5' });
    for (const request of runway.apiRequests()) expect(request.headers['x-gateway-tenant']).toBe('studio-7');
  });

  it('uses the configured fetch for API calls', async () => {
    const runway = mockRunway();
    const seen: string[] = [];
    const provider = createRunway({
      apiKey: API_KEY,
      baseURL: runway.baseURL,
      pollIntervalMs: 0,
      fetch: (input, init) => {
        seen.push(String(input instanceof Request ? input.url : input));
        return globalThis.fetch(input, init);
      },
    });
    await generate(runway, { provider, prompt: PROMPT, model: 'gen4.5' });
    expect(seen[0]).toBe('https://api.dev.runwayml.com/v1/text_to_video');
    expect(seen.length).toBe(runway.apiRequests().length);
  });
});
