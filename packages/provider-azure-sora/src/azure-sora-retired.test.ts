import { generateVideo, ValidationError } from '@video-gen/core';
import { azureSoraHandlers } from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAST, outPath } from '../../provider-sora/src/test-support.js';
import { azureSoraModels } from './azure-sora-models.js';
import { createAzureSora } from './azure-sora-provider.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const settings = {
  endpoint: 'https://video-gen-test.openai.azure.com',
  apiKey: 'azure-key',
  deployment: 'my-sora-2',
};
const { allowRetiredModels: _optIn, ...WITHOUT_OPT_IN } = FAST;

describe('Azure sora-2 is retired on 2026-10-15 (reported), not on OpenAI’s date', () => {
  it("carries Azure's date and a source that says it is a report", () => {
    for (const model of azureSoraModels('sora-2-pro')) {
      expect(model).toMatchObject({ status: 'retired', retiresOn: '2026-10-15' });
      expect(model.source).toContain('reported');
    }
  });

  it('refuses the deployment with no request sent, and sends it with the opt-in', async () => {
    const api = azureSoraHandlers({ endpoint: settings.endpoint, apiKey: settings.apiKey });
    server.use(...api.handlers);
    const provider = createAzureSora(settings);
    await expect(
      generateVideo({ ...WITHOUT_OPT_IN, provider, prompt: 'waves', outPath: outPath() }),
    ).rejects.toSatisfy((error) => error instanceof ValidationError && error.code === 'model_retired');
    expect(api.requests).toHaveLength(0);
    await generateVideo({
      ...WITHOUT_OPT_IN,
      allowRetiredModels: true,
      provider,
      prompt: 'waves',
      outPath: outPath(),
    });
    expect(api.requests[0]).toMatchObject({ method: 'POST' });
  });
});
