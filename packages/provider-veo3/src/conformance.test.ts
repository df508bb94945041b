import { describeProviderConformance } from '@video-gen/testing';
import { HttpResponse, http } from 'msw';
import { enterpriseConfig, mswServer, useVeo } from './test-helpers.js';
import { createVeo3 } from './veo3-provider.js';

const server = mswServer();

describeProviderConformance('veo3', {
  createProvider: () => createVeo3(enterpriseConfig),
  beforeEach: () => {
    useVeo(server, { pollsBeforeDone: 2 });
  },
  // Google's error body: { error: { code, message, status } }.
  answerSubmitWith: (failure) =>
    server.use(
      http.post(
        /:predictLongRunning$/,
        () =>
          HttpResponse.json(
            {
              error: {
                code: failure.status,
                message: 'refused',
                status: failure.status === 401 ? 'UNAUTHENTICATED' : 'RESOURCE_EXHAUSTED',
              },
            },
            failure,
          ),
        { once: true },
      ),
    ),
  request: { prompt: 'conformance clip of a calm sea', width: 1280, height: 720, durationSeconds: 8 },
});
