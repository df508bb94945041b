import {
  checkVideoRequest,
  defaultModel,
  generateVideo,
  modelStatus,
  type ValidationError,
} from '@video-gen/core';
import { describe, expect, it } from 'vitest';
import { API_KEY, enterpriseConfig, FAST, mswServer, outPath, useVeo } from './test-helpers.js';
import { veo3Models } from './veo3-models.js';
import { createVeo3 } from './veo3-provider.js';

const server = mswServer();
const info = (id: string) => veo3Models.find((model) => model.id === id)!;

function rejected(promise: Promise<unknown>): Promise<ValidationError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as ValidationError,
  );
}

describe('veo3 model lifecycle', () => {
  it('keeps the default on a GA model, and every model records where its facts come from', () => {
    expect(defaultModel(veo3Models)?.id).toBe('veo-3.1-generate-001');
    expect(modelStatus(info('veo-3.1-generate-001'))).toBe('ga');
    expect(modelStatus(info('veo-3.1-fast-generate-001'))).toBe('ga');
    expect(modelStatus(info('veo-3.1-lite-generate-001'))).toBe('preview');
    for (const model of veo3Models) expect(model.source).toBeTruthy();
  });

  it('marks Veo 3.0 retired on 2026-06-30 with its Veo 3.1 replacement', () => {
    expect(info('veo-3.0-generate-001')).toMatchObject({
      status: 'retired',
      retiresOn: '2026-06-30',
      replacement: 'veo-3.1-generate-001',
    });
    expect(info('veo-3.0-fast-generate-001').replacement).toBe('veo-3.1-fast-generate-001');
  });

  it('refuses Veo 3.0 on Vertex with no request sent, naming the replacement; the opt-in sends it', async () => {
    const fake = useVeo(server);
    const provider = createVeo3(enterpriseConfig);
    const error = await rejected(
      generateVideo({
        ...FAST,
        provider,
        model: 'veo-3.0-generate-001',
        prompt: 'waves',
        outPath: outPath(),
      }),
    );
    expect(error.code).toBe('model_retired');
    expect(error.message).toContain('Use veo-3.1-generate-001 instead');
    expect(fake.requests).toHaveLength(0);

    await generateVideo({
      ...FAST,
      provider,
      model: 'veo-3.0-generate-001',
      allowRetiredModels: true,
      prompt: 'waves',
      outPath: outPath(),
    });
    expect(fake.requestsOf('submit')[0]!.url).toContain('/veo-3.0-generate-001:predictLongRunning');
  });

  it('sends 4K as resolution "4k" at 8 s on Veo 3.1 GA, and refuses 4K on the lite model', async () => {
    const fake = useVeo(server);
    const provider = createVeo3(enterpriseConfig);
    await generateVideo({
      ...FAST,
      provider,
      prompt: 'waves',
      width: 3840,
      height: 2160,
      durationSeconds: 8,
      outPath: outPath(),
    });
    expect(fake.requestsOf('submit')[0]!.body).toMatchObject({
      parameters: { aspectRatio: '16:9', resolution: '4k', durationSeconds: 8 },
    });
    await expect(
      checkVideoRequest({ provider, prompt: 'waves', width: 3840, height: 2160, durationSeconds: 6 }),
    ).rejects.toThrow('6 s is not allowed at 3840x2160');
    await expect(
      checkVideoRequest({
        provider,
        model: 'veo-3.1-lite-generate-001',
        prompt: 'waves',
        width: 3840,
        height: 2160,
      }),
    ).rejects.toThrow('3840x2160 is not allowed');
  });

  it('gemini-legacy mode refuses the retired veo-3.1-*-preview ids before calling; Vertex still takes them', async () => {
    const fake = useVeo(server, { mode: 'gemini-legacy' });
    const legacy = createVeo3({ mode: 'gemini-legacy', apiKey: API_KEY });
    for (const model of ['veo-3.1-generate-preview', 'veo-3.1-fast-generate-preview']) {
      const error = await rejected(
        generateVideo({ ...FAST, provider: legacy, model, prompt: 'waves', outPath: outPath() }),
      );
      expect(error.code).toBe('model_retired');
      expect(error.message).toContain('retired on the Gemini Developer API on 2026-10-22');
      expect(error.issues[0]!.allowed).toEqual([model.replace('-preview', '-001')]);
    }
    expect(fake.requests).toHaveLength(0);
    const vertex = await checkVideoRequest({
      provider: createVeo3(enterpriseConfig),
      model: 'veo-3.1-generate-preview',
      prompt: 'waves',
    });
    expect(vertex.modelStatus).toBe('preview');
  });
});
