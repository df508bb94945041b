import { HttpResponse, http, type RequestHandler } from 'msw';
import {
  createFakeVeo,
  escapeRegExp,
  type FakeVeo,
  type GoogleVeoMockOptions,
  type GoogleVeoResponse,
  vertexHost,
} from './fake-veo.js';

export {
  createFakeVeo,
  type FakeVeo,
  type GoogleVeoFailure,
  type GoogleVeoFailurePoint,
  type GoogleVeoMockOptions,
  type GoogleVeoMode,
  type GoogleVeoRecordedRequest,
  type GoogleVeoResponse,
  googleErrorBody,
  vertexHost,
} from './fake-veo.js';

/** Options of {@link googleVeoHandlers}. */
export interface GoogleVeoHandlersOptions extends GoogleVeoMockOptions {
  /** The API root the provider is pointed at (`baseURL`). Default: the Vertex host for the mode and location. */
  readonly baseUrl?: string;
}

/** What {@link googleVeoHandlers} returns. */
export interface GoogleVeoHandlers {
  /** Pass these to `setupServer(...)` or `server.use(...)`. */
  readonly handlers: RequestHandler[];
  /** The fake behind them: `fake.requests` records every call. */
  readonly fake: FakeVeo;
}

function toResponse(answer: GoogleVeoResponse): Response {
  if (answer.bytes) {
    return new HttpResponse(answer.bytes, { status: answer.status, headers: { ...answer.headers } });
  }
  return HttpResponse.json(answer.json as never, { status: answer.status, headers: { ...answer.headers } });
}

/**
 * msw handlers for Veo on Vertex AI (`@google/genai` 3.3 wire): `POST
 * https://{location}-aiplatform.googleapis.com/v1beta1/projects/{project}/locations/{location}/publishers/google/models/{model}:predictLongRunning`
 * (express mode: `https://aiplatform.googleapis.com/v1beta1/publishers/google/models/{model}:predictLongRunning`),
 * `POST .../{model}:fetchPredictOperation` with `{ operationName }`, and the Cloud Storage media URL
 * for `gs://` results; with `mode: 'gemini-legacy'`, the Gemini Developer API wire
 * (`https://generativelanguage.googleapis.com/v1beta/models/{model}:predictLongRunning`, `GET
 * /v1beta/{operation}`, file download URIs). Credentials are checked (`Authorization: Bearer
 * test-access-token`, or `x-goog-api-key: test-api-key` in express and legacy modes); failures are
 * injected with `failures`.
 *
 * @example
 * ```ts
 * const veo = googleVeoHandlers({ project: 'p', location: 'us-central1', pollsBeforeDone: 2 });
 * const server = setupServer(...veo.handlers);
 * server.listen();
 * // ... run the provider with { project: 'p', location: 'us-central1', accessToken: 'test-access-token' }
 * expect(veo.fake.requestsOf('submit')).toHaveLength(1);
 * ```
 */
export function googleVeoHandlers(options: GoogleVeoHandlersOptions = {}): GoogleVeoHandlers {
  const base = (
    options.baseUrl ?? vertexHost(options.mode ?? 'enterprise', options.location ?? 'us-central1')
  ).replace(/\/+$/, '');
  const fake = createFakeVeo({ ...options, basePath: new URL(base).pathname });
  const resolver = async ({ request }: { request: Request }) => {
    const text = request.method === 'GET' ? '' : await request.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const headers = Object.fromEntries(
      [...request.headers].map(([name, value]) => [name.toLowerCase(), value]),
    );
    return toResponse(fake.handle({ method: request.method, url: request.url, headers, body }));
  };
  return {
    handlers: [
      http.all(new RegExp(`^${escapeRegExp(base)}/`), resolver),
      http.get(/^https:\/\/storage\.googleapis\.com\/download\/storage\/v1\//, resolver),
    ],
    fake,
  };
}
