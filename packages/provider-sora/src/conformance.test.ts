import { describeProviderConformance } from '@video-gen/testing';
import { openAiSoraHandlers } from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { createSora } from './sora-provider.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

describeProviderConformance('sora2 (msw)', {
  createProvider: () => createSora({ apiKey: 'sk-test-openai-key' }),
  beforeEach: () => server.use(...openAiSoraHandlers().handlers),
  afterEach: () => server.resetHandlers(),
  request: { prompt: 'conformance clip of a calm sea', width: 1280, height: 720, durationSeconds: 4 },
});
