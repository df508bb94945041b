import { Buffer } from 'node:buffer';
import { tinyMp4 } from '../../fixtures/tiny-mp4.js';

/**
 * Which wire the fake speaks: Vertex AI at a project's endpoint (`enterprise`), Vertex AI express
 * mode, or the legacy Gemini Developer API (`gemini-legacy`).
 */
export type GoogleVeoMode = 'enterprise' | 'express' | 'gemini-legacy';

/** Where a failure is injected. */
export type GoogleVeoFailurePoint = 'submit' | 'poll' | 'download';

/** An HTTP failure the fake answers with, in Google's error shape. */
export interface GoogleVeoFailure {
  readonly on: GoogleVeoFailurePoint;
  /** 400, 401, 403, 404, 429, 500, 503 ... */
  readonly status: number;
  /** How many calls fail before it behaves again. Default: every call. */
  readonly times?: number;
  /** The vendor's message. */
  readonly message?: string;
  /** A 429's `Retry-After`, in seconds. Default 0. */
  readonly retryAfterSeconds?: number;
}

/** Options of the fake Veo service (msw handlers and loopback server alike). */
export interface GoogleVeoMockOptions {
  /** Default `enterprise`. */
  readonly mode?: GoogleVeoMode;
  /** Default `test-project`. */
  readonly project?: string;
  /** Default `us-central1`. */
  readonly location?: string;
  /** The bearer token enterprise calls must carry. Default `test-access-token`. */
  readonly accessToken?: string;
  /** The `x-goog-api-key` express and legacy calls must carry. Default `test-api-key`. */
  readonly apiKey?: string;
  /** Polls answered "not done" before the operation is done. Default 2. */
  readonly pollsBeforeDone?: number;
  /** How the operation ends. Default `inline` (the video as base64). */
  readonly outcome?: 'inline' | 'gcs' | 'operation-error' | 'rai-filtered' | 'no-videos';
  /** The video served. Default: `tinyMp4()`. */
  readonly video?: Uint8Array;
  /** A path the API root sits under (a gateway's `/vertex`), stripped before routing. Default none. */
  readonly basePath?: string;
  /** HTTP failures to inject. */
  readonly failures?: readonly GoogleVeoFailure[];
  /** The `error` of a failed operation. Default `{ code: 13, message: 'Internal error encountered.' }`. */
  readonly operationError?: { readonly code: number; readonly message: string };
  /** The reasons of a filtered operation. */
  readonly raiReasons?: readonly string[];
}

/** A request the fake received, with its JSON body parsed. */
export interface GoogleVeoRecordedRequest {
  readonly method: string;
  /** The full URL. */
  readonly url: string;
  /** The path, decoded (`/v1beta1/projects/p/locations/l/publishers/google/models/m:predictLongRunning`). */
  readonly path: string;
  /** What the request was: `submit`, `poll`, `download` or `unknown`. */
  readonly kind: GoogleVeoFailurePoint | 'unknown';
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, or undefined. */
  readonly body: unknown;
}

/** A response of the fake, for the msw or loopback adapter to send. */
export interface GoogleVeoResponse {
  readonly status: number;
  readonly json?: unknown;
  readonly bytes?: Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
}

const DEFAULT_RAI_REASON =
  'Unable to show generated videos that contain children. Try rephrasing the prompt. Support codes: 58061214';

const GRPC_STATUS: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const DEFAULT_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Request contains an invalid argument.',
  401: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  403: "Permission 'aiplatform.endpoints.predict' denied on resource.",
  404: 'Operation not found.',
  429: 'Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model.',
  500: 'Internal error encountered.',
  503: 'The service is currently unavailable.',
};

/**
 * Google's HTTP error body: `{ error: { code, message, status } }`.
 *
 * @example
 * ```ts
 * googleErrorBody(429); // { error: { code: 429, message: 'Quota exceeded ...', status: 'RESOURCE_EXHAUSTED' } }
 * ```
 */
export function googleErrorBody(status: number, message?: string) {
  return {
    error: {
      code: status,
      message: message ?? DEFAULT_MESSAGES[status] ?? 'Error.',
      status: GRPC_STATUS[status] ?? 'UNKNOWN',
    },
  };
}

/**
 * The host a client uses for a mode and location, as `@google/genai` 3.3 picks it (and the Gemini
 * Developer API host for the legacy mode).
 *
 * @example
 * ```ts
 * vertexHost('enterprise', 'us-central1'); // https://us-central1-aiplatform.googleapis.com
 * ```
 */
export function vertexHost(mode: GoogleVeoMode, location: string): string {
  if (mode === 'gemini-legacy') return 'https://generativelanguage.googleapis.com';
  if (mode === 'express' || location === 'global') return 'https://aiplatform.googleapis.com';
  if (location === 'us' || location === 'eu') return `https://aiplatform.${location}.rep.googleapis.com`;
  return `https://${location}-aiplatform.googleapis.com`;
}

/**
 * A fake of Veo, as plain functions over requests. On Vertex AI: `predictLongRunning` starts an
 * operation, `fetchPredictOperation` answers "not done" `pollsBeforeDone` times and then done
 * (inline base64 video, a `gs://` URI served by the Cloud Storage media URL, an operation error,
 * or every video RAI-filtered). In `gemini-legacy` mode: the Gemini Developer API's
 * `predictLongRunning`, `GET /v1beta/{operation}` and `files/{id}:download` URIs. Credentials,
 * paths and failures are checked and injected as the real services do. The msw handlers and the
 * loopback server both drive it.
 *
 * @example
 * ```ts
 * const fake = createFakeVeo({ pollsBeforeDone: 1 });
 * const response = fake.handle({ method: 'POST', url, headers, body });
 * ```
 */
export function createFakeVeo(options: GoogleVeoMockOptions = {}) {
  const mode = options.mode ?? 'enterprise';
  const project = options.project ?? 'test-project';
  const location = options.location ?? 'us-central1';
  const accessToken = options.accessToken ?? 'test-access-token';
  const apiKey = options.apiKey ?? 'test-api-key';
  const pollsBeforeDone = options.pollsBeforeDone ?? 2;
  const outcome = options.outcome ?? 'inline';
  const failures = (options.failures ?? []).map((failure) => ({
    ...failure,
    left: failure.times ?? Number.POSITIVE_INFINITY,
  }));
  const requests: GoogleVeoRecordedRequest[] = [];
  const operations = new Map<string, { polls: number; sampleCount: number; model: string }>();
  let video: Uint8Array | undefined = options.video;
  let counter = 0;
  const videoBytes = () => {
    video ??= new Uint8Array(tinyMp4());
    return video;
  };

  const legacy = mode === 'gemini-legacy';
  const prefix = mode === 'enterprise' ? `projects/${project}/locations/${location}/` : '';
  const submitPath = legacy
    ? /^\/v1beta\/models\/([A-Za-z0-9._-]+):predictLongRunning$/
    : new RegExp(
        `^/v1beta1/${escapeRegExp(prefix)}publishers/google/models/([A-Za-z0-9._-]+):predictLongRunning$`,
      );
  const pollPath = legacy
    ? /^\/v1beta\/(models\/[A-Za-z0-9._-]+\/operations\/[A-Za-z0-9._-]+)$/
    : new RegExp(
        `^/v1beta1/${escapeRegExp(prefix)}publishers/google/models/([A-Za-z0-9._-]+):fetchPredictOperation$`,
      );
  const downloadPath = legacy
    ? /^\/v1beta\/files\/([A-Za-z0-9-]+):download$/
    : /^\/download\/storage\/v1\/b\/([^/]+)\/o\/([^/]+)$/;
  const methods = { submit: 'POST', poll: legacy ? 'GET' : 'POST', download: 'GET' } as const;

  const authorized = (headers: Readonly<Record<string, string>>, kind: GoogleVeoFailurePoint) =>
    mode === 'enterprise' || (mode === 'express' && kind === 'download')
      ? headers.authorization === `Bearer ${accessToken}`
      : headers['x-goog-api-key'] === apiKey;

  const injected = (point: GoogleVeoFailurePoint): GoogleVeoResponse | undefined => {
    const failure = failures.find((candidate) => candidate.on === point && candidate.left > 0);
    if (!failure) return undefined;
    failure.left--;
    return {
      status: failure.status,
      json: googleErrorBody(failure.status, failure.message),
      ...(failure.status === 429
        ? { headers: { 'retry-after': String(failure.retryAfterSeconds ?? 0) } }
        : {}),
    };
  };

  const doneResponse = (name: string, sampleCount: number, apiRoot: string) =>
    legacy ? legacyDone(name, sampleCount, apiRoot) : vertexDone(name, sampleCount);

  // The Gemini API nests the result in `generateVideoResponse` and serves each video as a file URI.
  const legacyDone = (name: string, sampleCount: number, apiRoot: string) => {
    if (outcome === 'operation-error') {
      return {
        name,
        done: true,
        error: options.operationError ?? { code: 13, message: 'Internal error encountered.' },
      };
    }
    const filtered = outcome === 'rai-filtered';
    const samples =
      filtered || outcome === 'no-videos'
        ? []
        : Array.from({ length: sampleCount }, (_, index) => ({
            video: { uri: `${apiRoot}/v1beta/files/${counter}-sample-${index}:download?alt=media` },
          }));
    return {
      name,
      done: true,
      response: {
        '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse',
        generateVideoResponse: {
          ...(samples.length > 0 ? { generatedSamples: samples } : {}),
          ...(filtered
            ? {
                raiMediaFilteredCount: sampleCount,
                raiMediaFilteredReasons: options.raiReasons ?? [DEFAULT_RAI_REASON],
              }
            : {}),
        },
      },
    };
  };

  const vertexDone = (name: string, sampleCount: number) => {
    if (outcome === 'operation-error') {
      return {
        name,
        done: true,
        error: options.operationError ?? { code: 13, message: 'Internal error encountered.' },
      };
    }
    const type = 'type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse';
    if (outcome === 'rai-filtered' || outcome === 'no-videos') {
      const filtered = outcome === 'rai-filtered';
      return {
        name,
        done: true,
        response: {
          '@type': type,
          raiMediaFilteredCount: filtered ? sampleCount : 0,
          ...(filtered
            ? {
                raiMediaFilteredReasons: options.raiReasons ?? [
                  'Unable to show generated videos that contain children. Try rephrasing the prompt. Support codes: 58061214',
                ],
              }
            : {}),
        },
      };
    }
    const base64 = Buffer.from(videoBytes()).toString('base64');
    const videos = Array.from({ length: sampleCount }, (_, index) =>
      outcome === 'gcs'
        ? { gcsUri: `gs://veo-test-bucket/output/${counter}/sample_${index}.mp4`, mimeType: 'video/mp4' }
        : { bytesBase64Encoded: base64, mimeType: 'video/mp4' },
    );
    return { name, done: true, response: { '@type': type, videos, raiMediaFilteredCount: 0 } };
  };

  return {
    /** Every request received, in order. */
    requests,
    /** The requests of one kind. */
    requestsOf(kind: GoogleVeoRecordedRequest['kind']): GoogleVeoRecordedRequest[] {
      return requests.filter((request) => request.kind === kind);
    },
    /** Answers one request. */
    handle(request: {
      method: string;
      url: string;
      headers: Readonly<Record<string, string>>;
      body: unknown;
    }): GoogleVeoResponse {
      const url = new URL(request.url);
      const basePath = (options.basePath ?? '').replace(/\/+$/, '');
      const fullPath = decodeURIComponent(url.pathname);
      const path =
        basePath && fullPath.startsWith(`${basePath}/`) ? fullPath.slice(basePath.length) : fullPath;
      const kind: GoogleVeoRecordedRequest['kind'] = submitPath.test(path)
        ? 'submit'
        : pollPath.test(path)
          ? 'poll'
          : downloadPath.test(legacy ? path : url.pathname)
            ? 'download'
            : 'unknown';
      requests.push({
        method: request.method,
        url: request.url,
        path,
        kind,
        headers: request.headers,
        body: request.body,
      });
      if (kind === 'unknown' || request.method !== methods[kind]) {
        return { status: 404, json: googleErrorBody(404, `No route for ${request.method} ${path}`) };
      }
      if (!authorized(request.headers, kind)) return { status: 401, json: googleErrorBody(401) };
      const failure = injected(kind);
      if (failure) return failure;

      if (kind === 'submit') {
        const model = submitPath.exec(path)![1]!;
        const body = request.body as {
          instances?: { prompt?: unknown }[];
          parameters?: { sampleCount?: number };
        };
        if (!Array.isArray(body?.instances) || typeof body.instances[0]?.prompt !== 'string') {
          return { status: 400, json: googleErrorBody(400, 'instances[0].prompt is required.') };
        }
        const videoProblem = extensionIssue(model, body.instances[0] as Record<string, unknown>);
        if (videoProblem) return { status: 400, json: googleErrorBody(400, videoProblem) };
        counter++;
        const id = `${String(counter).padStart(4, '0')}-5f0c1e2a-veo`;
        const name = legacy
          ? `models/${model}/operations/${id}`
          : `${prefix}publishers/google/models/${model}/operations/${id}`;
        operations.set(name, { polls: 0, sampleCount: body.parameters?.sampleCount ?? 1, model });
        return { status: 200, json: { name } };
      }
      if (kind === 'poll') {
        const name = legacy
          ? pollPath.exec(path)![1]
          : (request.body as { operationName?: unknown } | undefined)?.operationName;
        const operation = typeof name === 'string' ? operations.get(name) : undefined;
        // Vertex polls at the operation's own model resource: `{resource}:fetchPredictOperation`.
        const resource = legacy ? name : path.slice('/v1beta1/'.length, -':fetchPredictOperation'.length);
        if (
          !operation ||
          typeof name !== 'string' ||
          typeof resource !== 'string' ||
          !name.startsWith(resource)
        ) {
          return { status: 404, json: googleErrorBody(404) };
        }
        operation.polls++;
        if (operation.polls <= pollsBeforeDone) return { status: 200, json: { name } };
        return { status: 200, json: doneResponse(name, operation.sampleCount, `${url.origin}${basePath}`) };
      }
      if (url.searchParams.get('alt') !== 'media')
        return { status: 400, json: googleErrorBody(400, 'alt=media is required.') };
      const bytes = videoBytes();
      return {
        status: 200,
        bytes,
        headers: { 'content-type': 'video/mp4', 'content-length': String(bytes.byteLength) },
      };
    },
  };
}

/** The fake a {@link createFakeVeo} call returns. */
export type FakeVeo = ReturnType<typeof createFakeVeo>;

/** Escapes text for use inside a RegExp (internal). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What Vertex says about `instances[0].video` (Veo 3.1 extension): only Veo 3.1 models extend,
 * not together with an image, and the video is `gcsUri` or `bytesBase64Encoded` with a `mimeType`.
 */
function extensionIssue(model: string, instance: Record<string, unknown>): string | undefined {
  const video = instance.video as Record<string, unknown> | undefined;
  if (video === undefined) return undefined;
  if (!model.startsWith('veo-3.1-')) return `Video extension is not supported by ${model}.`;
  if (instance.image !== undefined) return 'instances[0].image and instances[0].video cannot both be set.';
  const hasUri = typeof video.gcsUri === 'string' && video.gcsUri.startsWith('gs://');
  const hasBytes = typeof video.bytesBase64Encoded === 'string' && video.bytesBase64Encoded.length > 0;
  if (hasUri === hasBytes) return 'instances[0].video must set exactly one of gcsUri or bytesBase64Encoded.';
  if (typeof video.mimeType !== 'string') return 'instances[0].video.mimeType is required.';
  return undefined;
}
