import { createFal } from '@ai-sdk/fal';
import { describeProviderConformance } from '@video-gen/testing';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { type AiSdkModelEntry, fromAiSdk } from '../src/index.js';
import { FAL_KEY, FAL_QUEUE, falFake } from './fal-fake.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

// The second is image-to-video only: the suite checks it is refused without a first frame.
const MODELS: AiSdkModelEntry[] = [
  { id: 'luma-dream-machine/ray-2', durations: [5, 9] },
  {
    id: 'kling-video/v2.1/master/image-to-video',
    durations: [5, 10],
    images: { firstFrameRequired: true },
  },
];

describeProviderConformance('fromAiSdk(@ai-sdk/fal)', {
  createProvider: () => {
    const fal = createFal({ apiKey: FAL_KEY });
    return fromAiSdk((id) => fal.video(id), {
      id: 'fal',
      models: MODELS.map((m) => ({ ...m, images: { ...m.images } })),
    });
  },
  request: { prompt: 'A conformance clip of a calm sea', model: 'luma-dream-machine/ray-2' },
  beforeEach: () => {
    server.use(...falFake({ pendingPolls: 3 }).handlers);
  },
  afterEach: () => server.resetHandlers(),
  // fal's error body as @ai-sdk/fal parses it: { error: { message, code } }.
  answerSubmitWith: (failure) =>
    server.use(
      http.post(
        `${FAL_QUEUE}/fal-ai/*`,
        () => HttpResponse.json({ error: { message: 'refused', code: failure.status } }, failure),
        { once: true },
      ),
    ),
});
