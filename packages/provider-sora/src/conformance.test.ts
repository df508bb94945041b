import { describeProviderConformance } from '@video-gen/testing';
import { openAiSoraHandlers } from '@video-gen/testing/msw';
import { HttpResponse, http } from 'msw';
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
  // OpenAI's error body: { error: { message, type, param, code } }.
  answerSubmitWith: (failure) =>
    server.use(
      http.post(
        'https://api.openai.com/v1/videos',
        () =>
          HttpResponse.json(
            { error: { message: 'refused', type: 'invalid_request_error', param: null, code: null } },
            failure,
          ),
        { once: true },
      ),
    ),
  request: { prompt: 'conformance clip of a calm sea', width: 1280, height: 720, durationSeconds: 4 },
});
