import { type HttpHandler, http } from 'msw';
import { behaviour, type OpenAiSoraMockOptions } from './mock-options.js';
import {
  createVideosApiFake,
  type FakeVideo,
  type RecordedVideosRequest,
  type VideosApiFake,
} from './videos-api-fake.js';

export { openAiSoraFaults } from './faults.js';
export type { OpenAiSoraMockOptions, VideosApiMockOptions } from './mock-options.js';
export type {
  FakeVideo,
  RecordedFilePart,
  RecordedVideosRequest,
  VideosApiAuth,
  VideosApiFake,
  VideosApiFault,
  VideosApiOperation,
  VideosApiOutcome,
  VideosApiStep,
} from './videos-api-fake.js';

/** A mocked vendor: msw handlers plus what they saw. */
export interface VideosApiMock {
  /** Pass to `setupServer(...mock.handlers)` or `server.use(...mock.handlers)`. */
  readonly handlers: HttpHandler[];
  /** Every request received, parsed (multipart fields and files, JSON bodies, headers). */
  readonly requests: RecordedVideosRequest[];
  /** Jobs by id. */
  readonly videos: Map<string, FakeVideo>;
  /** Forgets requests and jobs, and re-arms the faults. */
  reset(): void;
}

/** msw handlers serving every method under `${base}/videos`, answered by a Videos API fake. */
export function videosApiHandlers(base: string, fake: VideosApiFake): VideosApiMock {
  const root = base.replace(/\/+$/, '');
  const answer = ({ request }: { request: Request }) => fake.handle(request);
  return {
    handlers: [http.all(`${root}/videos`, answer), http.all(`${root}/videos/*`, answer)],
    requests: fake.requests,
    videos: fake.videos,
    reset: () => fake.reset(),
  };
}

/**
 * msw handlers reproducing OpenAI's Videos API (`https://api.openai.com/v1/videos...`): they check
 * `Authorization: Bearer <apiKey>`, take the multipart create, walk each job through queued →
 * in_progress (progress) → completed (or `outcome`) over successive GETs, serve a real MP4 at
 * `/content`, delete and remix, and answer injected faults with OpenAI's error bodies.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { openAiSoraFaults, openAiSoraHandlers } from '@video-gen/testing/msw';
 *
 * const mock = openAiSoraHandlers({ faults: [openAiSoraFaults.rateLimited(2)] });
 * const server = setupServer(...mock.handlers);
 * server.listen({ onUnhandledFrame: 'error' });
 * // ... generateVideo({ provider: createSora({ apiKey: 'sk-test-openai-key' }), ... })
 * expect(mock.requests[0]?.fields.seconds).toBe('4');
 * ```
 */
export function openAiSoraHandlers(options: OpenAiSoraMockOptions = {}): VideosApiMock {
  const baseURL = options.baseURL ?? 'https://api.openai.com/v1';
  const fake = createVideosApiFake({
    flavor: 'openai',
    pathPrefix: new URL(baseURL).pathname.replace(/\/+$/, ''),
    auth: [{ scheme: 'bearer', token: options.apiKey ?? 'sk-test-openai-key' }],
    ...behaviour(options),
  });
  return videosApiHandlers(baseURL, fake);
}
