import { checkVideoRequest, generateVideo, modelStatus, ValidationError } from '@video-gen/core';
import { openAiSoraHandlers } from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { soraModels } from './sora-models.js';
import { createSora } from './sora-provider.js';
import { FAST, outPath } from './test-support.js';

const KEY = 'sk-test-openai-key';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const { allowRetiredModels: _optIn, ...WITHOUT_OPT_IN } = FAST;

describe('Sora 2 is retired (OpenAI shut the Videos API down on 2026-09-24)', () => {
  it('marks every model retired on 2026-09-24, with the SDK as source', () => {
    for (const model of soraModels) {
      expect(model).toMatchObject({ status: 'retired', retiresOn: '2026-09-24' });
      expect(model.source).toContain('openai SDK');
      expect(modelStatus(model)).toBe('retired');
    }
  });

  it('refuses a retired model with model_retired before any request is sent', async () => {
    const api = openAiSoraHandlers();
    server.use(...api.handlers);
    const error = await generateVideo({
      ...WITHOUT_OPT_IN,
      provider: createSora({ apiKey: KEY }),
      prompt: 'waves',
      outPath: outPath(),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('model_retired');
    expect((error as Error).message).toContain('sora2 / sora-2 is retired 2026-09-24');
    expect((error as Error).message).toContain('allowRetiredModels: true');
    expect(api.requests).toHaveLength(0);
  });

  it('checkVideoRequest refuses it too, and shows the status with the opt-in', async () => {
    const provider = createSora({ apiKey: KEY });
    await expect(checkVideoRequest({ provider, prompt: 'waves' })).rejects.toMatchObject({
      code: 'model_retired',
    });
    const checked = await checkVideoRequest({ provider, prompt: 'waves', allowRetiredModels: true });
    expect(checked).toMatchObject({ modelStatus: 'retired', modelLifecycle: 'retired 2026-09-24' });
  });

  it('sends the request with allowRetiredModels: true, with a deprecated warning', async () => {
    const api = openAiSoraHandlers();
    server.use(...api.handlers);
    const result = await generateVideo({
      ...WITHOUT_OPT_IN,
      allowRetiredModels: true,
      provider: createSora({ apiKey: KEY }),
      prompt: 'waves',
      outPath: outPath(),
    });
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/v1/videos' });
    expect(result.warnings[0]).toMatchObject({
      type: 'deprecated',
      feature: 'model',
      message: expect.stringContaining('sent anyway because allowRetiredModels is set'),
    });
  });
});
