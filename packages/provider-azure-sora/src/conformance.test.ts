import { describeProviderConformance } from '@video-gen/testing';
import { azureSoraHandlers } from '@video-gen/testing/msw';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { createAzureSora } from './azure-sora-provider.js';

const server = setupServer();
const VIDEOS = 'https://video-gen-test.openai.azure.com/openai/v1/videos';
/** The next submit only answers with the suite's status: a 401 must not be retried, a 429 waits out Retry-After. */
const answerSubmitWith = (failure: { status: number; headers: Record<string, string> }) =>
  server.use(
    http.post(VIDEOS, () => HttpResponse.json({ error: { code: 'refused', message: 'refused' } }, failure), {
      once: true,
    }),
  );
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

describeProviderConformance('azure-sora (msw, api-key)', {
  createProvider: () =>
    createAzureSora({
      endpoint: 'https://video-gen-test.openai.azure.com',
      apiKey: 'azure-test-key',
      deployment: 'my-sora-2',
    }),
  beforeEach: () => server.use(...azureSoraHandlers().handlers),
  afterEach: () => server.resetHandlers(),
  answerSubmitWith,
  request: { prompt: 'conformance clip of a calm sea', width: 1280, height: 720, durationSeconds: 4 },
});

describeProviderConformance('azure-sora (msw, Entra ID)', {
  createProvider: () =>
    createAzureSora({
      endpoint: 'https://video-gen-test.openai.azure.com',
      azureADTokenProvider: async () => 'entra-test-token',
      deployment: 'my-sora-2',
    }),
  beforeEach: () => server.use(...azureSoraHandlers({ bearerToken: 'entra-test-token' }).handlers),
  afterEach: () => server.resetHandlers(),
  request: { prompt: 'conformance clip of a calm sea', width: 720, height: 1280, durationSeconds: 8 },
});
