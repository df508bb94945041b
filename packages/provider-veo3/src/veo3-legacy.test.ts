import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import {
  ApiRequestError,
  AuthenticationError,
  ContentPolicyError,
  GenerationFailedError,
  generateVideo,
  RateLimitError,
  ValidationError,
} from '@video-gen/core';
import { solidPng, tinyMp4 } from '@video-gen/testing';
import { describe, expect, it } from 'vitest';
import { API_KEY, FAST, mswServer, outPath, rejection, useVeo } from './test-helpers.js';
import { createVeo3 } from './veo3-provider.js';

const server = mswServer();
const ROOT = 'https://generativelanguage.googleapis.com/v1beta';
const png = solidPng(64, 36);
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const legacy = () => createVeo3({ mode: 'gemini-legacy', apiKey: API_KEY });

function generate(options: Partial<Parameters<typeof generateVideo>[0]> = {}) {
  return generateVideo({
    provider: legacy(),
    model: 'veo-3.1-generate-preview',
    prompt: 'A fox in the snow',
    outPath: outPath(),
    ...FAST,
    // The Gemini API retired this id on 2026-10-22 (veo3-legacy-retired.test.ts): these tests opt in.
    allowRetiredModels: true,
    ...options,
  });
}

describe('veo3 gemini-legacy mode (Gemini Developer API over REST)', () => {
  it('posts predictLongRunning with x-goog-api-key, polls GET {operation}, downloads the file URI with the key', async () => {
    const fake = useVeo(server, { mode: 'gemini-legacy', pollsBeforeDone: 1 });
    const result = await generate({ firstFrame: png, negativePrompt: 'fog', durationSeconds: 6 });

    const [submit, ...rest] = fake.requests;
    expect(submit!.method).toBe('POST');
    expect(submit!.url).toBe(`${ROOT}/models/veo-3.1-generate-preview:predictLongRunning`);
    expect(submit!.headers['x-goog-api-key']).toBe(API_KEY);
    expect(submit!.headers.authorization).toBeUndefined();
    expect(submit!.body).toEqual({
      instances: [
        {
          prompt: 'A fox in the snow',
          image: { bytesBase64Encoded: Buffer.from(png).toString('base64'), mimeType: 'image/png' },
        },
      ],
      parameters: {
        sampleCount: 1,
        durationSeconds: 6,
        aspectRatio: '16:9',
        resolution: '720p',
        negativePrompt: 'fog',
      },
    });
    const name = 'models/veo-3.1-generate-preview/operations/0001-5f0c1e2a-veo';
    expect(rest.map((request) => `${request.method} ${request.url}`)).toEqual([
      `GET ${ROOT}/${name}`,
      `GET ${ROOT}/${name}`,
      `GET ${ROOT}/files/1-sample-0:download?alt=media`,
    ]);
    expect(rest.every((request) => request.headers['x-goog-api-key'] === API_KEY)).toBe(true);
    expect(result.jobId).toBe(name);
    expect(readFileSync(result.path).equals(tinyMp4())).toBe(true);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        type: 'deprecated',
        feature: 'model',
        message: expect.stringContaining('retired on the Gemini Developer API on 2026-10-22; sent anyway'),
      }),
      expect.objectContaining({
        type: 'deprecated',
        feature: 'mode',
        message: expect.stringContaining('legacy'),
      }),
    ]);
  });

  it('sends the key with the file URI only on the API origin', async () => {
    useVeo(server, { mode: 'gemini-legacy', pollsBeforeDone: 0 });
    const provider = legacy();
    const ctx = { signal: AbortSignal.timeout(10_000), logger: silent, fetch };
    const result = await generate({ provider });
    const job = { provider: 'veo3', model: result.model, id: result.jobId, createdAt: '' };
    expect(await provider.status(job, ctx)).toMatchObject({ state: 'succeeded' });
    expect(await provider.download(job, ctx)).toEqual({
      type: 'url',
      url: `${ROOT}/files/1-sample-0:download?alt=media`,
      headers: { 'x-goog-api-key': API_KEY },
      credentialOrigin: 'https://generativelanguage.googleapis.com',
    });
  });

  it('drops the seed and cannot turn audio off, warning and naming the mode', async () => {
    const fake = useVeo(server, { mode: 'gemini-legacy', pollsBeforeDone: 0 });
    const result = await generate({ seed: 7, audio: false });
    const parameters = (fake.requestsOf('submit')[0]!.body as { parameters: Record<string, unknown> })
      .parameters;
    expect(parameters.seed).toBeUndefined();
    expect(parameters.generateAudio).toBeUndefined();
    expect(result.warnings.map((warning) => warning.feature)).toEqual(['model', 'mode', 'seed', 'audio']);
    expect(result.warnings[2]!.message).toBe(
      'gemini-legacy mode (Gemini Developer API) does not take a seed; it is ignored',
    );
  });

  it('refuses storageUri, compressionQuality and resizeMode, naming the mode, before any call', async () => {
    const fake = useVeo(server, { mode: 'gemini-legacy' });
    const error = await rejection(
      generate({
        providerOptions: {
          veo3: { storageUri: 'gs://my-bucket/out/', compressionQuality: 'lossless', resizeMode: 'pad' },
        },
      }),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    for (const key of ['storageUri', 'compressionQuality', 'resizeMode']) {
      expect(error.message).toContain(
        `providerOptions.veo3.${key}: gemini-legacy mode (Gemini Developer API) does not take ${key}`,
      );
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('maps a filtered operation to ContentPolicyError and a failed one to GenerationFailedError', async () => {
    useVeo(server, {
      mode: 'gemini-legacy',
      outcome: 'rai-filtered',
      raiReasons: ['Audio generation failed.'],
    });
    const filtered = await rejection(generate());
    expect(ContentPolicyError.isInstance(filtered)).toBe(true);
    expect(filtered.message).toContain('Audio generation failed.');

    useVeo(server, {
      mode: 'gemini-legacy',
      outcome: 'operation-error',
      operationError: { code: 8, message: 'Quota.' },
    });
    const failed = await rejection(generate());
    expect(GenerationFailedError.isInstance(failed)).toBe(true);
    expect(failed.message).toContain('(code 8): Quota.');
  });

  it('maps HTTP errors through core: 403 → AuthenticationError, 429 → RateLimitError, 400 → ApiRequestError; no key in messages', async () => {
    useVeo(server, { mode: 'gemini-legacy', failures: [{ on: 'submit', status: 403 }] });
    const denied = await rejection(generate());
    expect(AuthenticationError.isInstance(denied)).toBe(true);

    useVeo(server, { mode: 'gemini-legacy', failures: [{ on: 'submit', status: 429 }] });
    const limited = await rejection(generate({ retry: { retries: 0 } }));
    expect(RateLimitError.isInstance(limited) || RateLimitError.isInstance(limited.cause)).toBe(true);

    useVeo(server, {
      mode: 'gemini-legacy',
      failures: [{ on: 'submit', status: 400, message: `API key not valid. ${API_KEY}` }],
    });
    const invalid = await rejection(generate());
    expect(ApiRequestError.isInstance(invalid)).toBe(true);
    expect((invalid as ApiRequestError).status).toBe(400);
    expect(invalid.message).toContain('API key not valid.');
    expect(invalid.message).not.toContain(API_KEY);
  });
});
