import { http } from 'msw';
import {
  createRunwayFake,
  type RunwayFailures,
  type RunwayFake,
  type RunwayFakeOptions,
  type RunwayRecordedRequest,
  type RunwayTaskStep,
} from './runway-fake.js';

export type { RunwayFailures, RunwayFakeOptions, RunwayRecordedRequest, RunwayTaskStep };

/**
 * What {@link runwayHandlers} returns: the msw handlers and the fake behind them.
 *
 * @example
 * ```ts
 * const runway: RunwayHandlers = runwayHandlers();
 * server.use(...runway.handlers);
 * runway.apiRequests('GET', '/v1/tasks/'); // every poll, with headers and body
 * ```
 */
export interface RunwayHandlers {
  /** Pass them to `setupServer(...)` or `server.use(...)`. */
  readonly handlers: ReturnType<typeof http.all>[];
  /** Every request received (API, uploads, output downloads), in order. */
  readonly requests: RunwayRecordedRequest[];
  /** Requests to the API origin, filtered by method and path prefix. */
  apiRequests: RunwayFake['apiRequests'];
  /** The API origin served (pass it as `baseURL`). */
  readonly baseURL: string;
  /** The origin output videos are served from (an https CDN origin, distinct from the API). */
  readonly outputOrigin: string;
  /** The origin uploads are posted to. */
  readonly uploadOrigin: string;
}

/**
 * msw handlers that reproduce the Runway API (../shared/providers/runway.md, @runwayml/sdk 4.20):
 * `POST /v1/image_to_video` and `/v1/text_to_video` (validated per model), `GET` and `DELETE
 * /v1/tasks/{id}` (PENDING → RUNNING → SUCCEEDED by default), `POST /v1/uploads` and the multipart
 * upload, and the output video on its own https origin. Every API call must carry
 * `Authorization: Bearer …` and `X-Runway-Version: 2024-11-06`. Faults: `failures` (401, 429 with
 * Retry-After, 400 credits, 502s, expired output URLs) and `sequence` (FAILED with a SAFETY code,
 * THROTTLED, CANCELLED, ...).
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { runwayHandlers } from '@video-gen/testing/msw';
 *
 * const runway = runwayHandlers({ failures: { expiredOutputs: 1 } });
 * const server = setupServer(...runway.handlers);
 * server.listen({ onUnhandledFrame: 'error' });
 * // ... createRunway({ apiKey: 'test-key', baseURL: runway.baseURL }) ...
 * expect(runway.apiRequests('POST', '/v1/image_to_video')).toHaveLength(1);
 * ```
 */
export function runwayHandlers(options: RunwayFakeOptions = {}): RunwayHandlers {
  const fake = createRunwayFake(options);
  const serve = async ({ request }: { request: Request }) => fake.handle(request);
  return {
    handlers: [
      http.all(`${fake.baseURL}/*`, serve),
      http.all(`${fake.outputOrigin}/*`, serve),
      http.all(`${fake.uploadOrigin}/*`, serve),
    ],
    requests: fake.requests,
    apiRequests: fake.apiRequests,
    baseURL: fake.baseURL,
    outputOrigin: fake.outputOrigin,
    uploadOrigin: fake.uploadOrigin,
  };
}
