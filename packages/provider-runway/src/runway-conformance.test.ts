import { describeProviderConformance, solidPng } from '@video-gen/testing';
import { runwayHandlers } from '@video-gen/testing/msw';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { createRunway } from './runway-provider.js';

const API_KEY = 'rw_conformance_key_0123456789';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
let baseURL = '';

describeProviderConformance('runway', {
  createProvider: () => createRunway({ apiKey: API_KEY, baseURL, pollIntervalMs: 0 }),
  // gen4_turbo, the default model, is image-to-video only.
  request: { prompt: 'A conformance clip of a calm sea', firstFrame: solidPng(64, 36) },
  beforeEach: () => {
    // A fresh fake per test; output URLs are on an https CDN origin, as Runway's are.
    const runway = runwayHandlers({ apiKey: API_KEY });
    baseURL = runway.baseURL;
    server.use(...runway.handlers);
  },
  afterEach: () => server.resetHandlers(),
  // Runway's error body: { error: string }.
  answerSubmitWith: (failure) =>
    server.use(
      http.post(`${baseURL}/v1/image_to_video`, () => HttpResponse.json({ error: 'refused' }, failure), {
        once: true,
      }),
    ),
});
