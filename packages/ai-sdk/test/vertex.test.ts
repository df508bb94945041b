import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createVertex } from '@ai-sdk/google-vertex';
import { ContentPolicyError, GenerationFailedError, generateVideo } from '@video-gen/core';
import { tinyMp4 } from '@video-gen/testing/loopback';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fromAiSdk } from '../src/index.js';
import { VERTEX_BASE, VERTEX_KEY, type VertexOutcome, vertexFake } from './vertex-fake.js';

const MODEL = 'veo-3.1-generate-001';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-ai-sdk-vertex-'));
});
afterEach(() => {
  server.resetHandlers();
  rmSync(dir, { recursive: true, force: true });
});

const FAST = { poll: { initialIntervalMs: 5, maxIntervalMs: 20 }, retry: { minDelayMs: 5, maxDelayMs: 20 } };

function veo(outcome?: VertexOutcome) {
  const fake = vertexFake({ ...(outcome ? { outcome } : {}) });
  server.use(...fake.handlers);
  const vertex = createVertex({ apiKey: VERTEX_KEY });
  const provider = fromAiSdk(vertex.video(MODEL), {
    id: 'vertex',
    models: [
      {
        id: MODEL,
        durations: [4, 6, 8],
        sizes: [
          { width: 1280, height: 720, label: '16:9' },
          { width: 720, height: 1280, label: '9:16' },
        ],
        audio: 'optional',
        negativePrompt: true,
        images: {
          firstFrame: true,
          lastFrame: true,
          maxReferenceImages: 0,
          mediaTypes: ['image/png'],
          imagesAs: 'first-frame-then-references',
        },
      },
    ],
  });
  return { fake, provider };
}

describe('fromAiSdk with @ai-sdk/google-vertex (Veo, Express mode)', () => {
  it('generates to a file from a base64 result: predictLongRunning once, then fetchPredictOperation', async () => {
    const { fake, provider } = veo();
    const outPath = path.join(dir, 'veo.mp4');
    const result = await generateVideo({
      provider,
      prompt: 'A paper boat on a rainy street',
      durationSeconds: 8,
      seed: 7,
      audio: true,
      negativePrompt: 'people',
      providerOptions: { vertex: { personGeneration: 'dont_allow' } },
      outPath,
      ...FAST,
    });
    expect(readFileSync(outPath).equals(tinyMp4())).toBe(true);
    expect(result.jobId).toMatch(/operations\/0d9c8b7a-1$/);
    const [submit, ...more] = fake.submits();
    expect(more).toHaveLength(0);
    expect(submit?.url).toBe(`${VERTEX_BASE}/models/${MODEL}:predictLongRunning`);
    expect(submit?.headers['x-goog-api-key']).toBe(VERTEX_KEY);
    expect(submit?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(submit?.body).toEqual({
      instances: [{ prompt: 'A paper boat on a rainy street' }],
      parameters: {
        sampleCount: 1,
        aspectRatio: '16:9',
        resolution: '720p',
        durationSeconds: 8,
        seed: 7,
        generateAudio: true,
        personGeneration: 'dont_allow',
        negativePrompt: 'people',
      },
    });
    const polls = fake.polls();
    expect(polls).toHaveLength(2);
    expect(polls[0]?.body).toEqual({ operationName: result.jobId });
  });

  it('takes the id vertex by default, with the model id as its one model', () => {
    const provider = fromAiSdk(createVertex({ apiKey: VERTEX_KEY }).video(MODEL));
    expect(provider.id).toBe('vertex');
    expect(provider.models.map((model) => model.id)).toEqual([MODEL]);
  });

  it('reports a failed operation as a GenerationFailedError', async () => {
    const { provider } = veo({ kind: 'failed', code: 13, message: 'Internal error encountered.' });
    const outPath = path.join(dir, 'failed.mp4');
    const error = await generateVideo({ provider, prompt: 'x', outPath, ...FAST }).catch((e: unknown) => e);
    expect(GenerationFailedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('Internal error encountered.');
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });

  it('reports an operation whose videos were filtered (raiMediaFilteredCount) as a ContentPolicyError', async () => {
    const { provider } = veo({
      kind: 'filtered',
      reasons: ["Unable to show generated videos. The prompt violates Vertex AI's usage guidelines."],
    });
    const outPath = path.join(dir, 'filtered.mp4');
    const error = await generateVideo({ provider, prompt: 'x', outPath, ...FAST }).catch((e: unknown) => e);
    expect(ContentPolicyError.isInstance(error)).toBe(true);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });
});
