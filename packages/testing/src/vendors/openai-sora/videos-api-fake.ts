// A runtime-neutral fake of the Videos API (OpenAI's `/v1/videos`, Azure's `/openai/v1/videos`),
// written against web-standard Request/Response so msw handlers and loopback servers share it.
import { tinyMp4 } from '../../fixtures/tiny-mp4.js';

/** Credentials the fake accepts. */
export type VideosApiAuth =
  | { readonly scheme: 'bearer'; readonly token: string }
  | { readonly scheme: 'api-key'; readonly key: string };

/** Which call a fault answers. */
export type VideosApiOperation = 'create' | 'retrieve' | 'content' | 'delete' | 'remix';

/** An injected error answer. */
export interface VideosApiFault {
  /** The call that answers with it; every call when absent. */
  readonly on?: VideosApiOperation;
  readonly status: number;
  /** The JSON body. */
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** How many times it answers before calls go through again. Default: every time. */
  readonly times?: number;
}

/** One state a job reports on a status call, before its final state. */
export interface VideosApiStep {
  readonly status: 'queued' | 'in_progress';
  readonly progress: number;
}

/** How a job ends. */
export type VideosApiOutcome =
  | 'completed'
  | { readonly failed: { readonly code: string; readonly message: string } };

/** Options of the fake. */
export interface VideosApiFakeOptions {
  /** Error bodies in OpenAI's or Azure's style. */
  readonly flavor: 'openai' | 'azure';
  /** The path before `/videos`: `/v1` (OpenAI) or `/openai/v1` (Azure). */
  readonly pathPrefix: string;
  /** Accepted credentials. A request with none of them, or with both an `api-key` and an `Authorization` header, gets 401. */
  readonly auth: readonly VideosApiAuth[];
  /** Azure: the deployment the `model` field must name; anything else is 404 DeploymentNotFound. */
  readonly deployment?: string;
  /** What successive status calls report before the final state. Default: queued 0, in_progress 33, in_progress 66. */
  readonly steps?: readonly VideosApiStep[];
  /** How every job ends. Default `completed`. */
  readonly outcome?: VideosApiOutcome;
  /** The MP4 served by `/content`. Default: {@link tinyMp4}. */
  readonly video?: Uint8Array;
  /** Errors to answer with, first match wins. */
  readonly faults?: readonly VideosApiFault[];
  /** Answer `/content` (variant video) with a 302 to this URL instead of the bytes, as a storage-backed deployment may. */
  readonly contentRedirect?: string;
}

/** A file part of a multipart request. */
export interface RecordedFilePart {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** A request the fake received, parsed. */
export interface RecordedVideosRequest {
  readonly method: string;
  /** The path, without the query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The `content-type` of the body, without parameters. */
  readonly contentType: string | undefined;
  /** Text fields of a multipart body. */
  readonly fields: Readonly<Record<string, string>>;
  /** File parts of a multipart body. */
  readonly files: Readonly<Record<string, RecordedFilePart>>;
  /** A JSON body. */
  readonly json: unknown;
}

/** A video job held by the fake. */
export interface FakeVideo {
  readonly id: string;
  readonly model: string;
  readonly prompt: string;
  readonly seconds: string;
  readonly size: string;
  readonly createdAt: number;
  readonly remixedFrom: string | null;
  /** Status calls answered so far. */
  polls: number;
}

/** The fake: a request handler plus what it saw. */
export interface VideosApiFake {
  /** Answers one request. */
  handle(request: Request): Promise<Response>;
  /** Every request received, in order. */
  readonly requests: RecordedVideosRequest[];
  /** Jobs by id. */
  readonly videos: Map<string, FakeVideo>;
  /** Forgets requests and jobs, and re-arms the faults. */
  reset(): void;
}

const SIZES = ['720x1280', '1280x720', '1024x1792', '1792x1024'];
const PRO_ONLY = ['1024x1792', '1792x1024'];
const SECONDS = ['4', '8', '12'];
const DEFAULT_STEPS: readonly VideosApiStep[] = [
  { status: 'queued', progress: 0 },
  { status: 'in_progress', progress: 33 },
  { status: 'in_progress', progress: 66 },
];
// A 1x1 lossless WebP: the thumbnail variant.
const THUMBNAIL = Uint8Array.from(atob('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=='), (c) =>
  c.charCodeAt(0),
);

function jsonAnswer(
  requestIdHeader: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', [requestIdHeader]: `req_${randomHex(8)}`, ...headers },
  });
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** The pixel size of a PNG, from its IHDR chunk; undefined for other formats. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24 || bytes[0] !== 0x89 || bytes[1] !== 0x50) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function record(request: Request, url: URL): Promise<RecordedVideosRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const contentType = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  const fields: Record<string, string> = {};
  const files: Record<string, RecordedFilePart> = {};
  let body: unknown;
  if (contentType === 'multipart/form-data') {
    const form = await request.formData();
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') fields[name] = value;
      else {
        files[name] = {
          filename: value.name,
          contentType: value.type,
          bytes: new Uint8Array(await value.arrayBuffer()),
        };
      }
    }
  } else if (contentType === 'application/json') {
    body = await request.json();
  }
  return {
    method: request.method.toUpperCase(),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams.entries()),
    headers,
    contentType,
    fields,
    files,
    json: body,
  };
}

/**
 * Creates a fake Videos API that keeps jobs in memory: `POST /videos` (multipart, validated like
 * the real one: seconds, size, pro-only sizes, an `input_reference` PNG of exactly `size`),
 * `GET /videos/{id}` walking through `steps` to the `outcome`, `GET /videos/{id}/content` with a
 * real MP4, `DELETE /videos/{id}`, `POST /videos/{id}/remix`. Credentials and injected faults are
 * checked first; error bodies follow the vendor's shape.
 *
 * @example
 * ```ts
 * const fake = createVideosApiFake({ flavor: 'openai', pathPrefix: '/v1', auth: [{ scheme: 'bearer', token: 'sk-test' }] });
 * const response = await fake.handle(new Request('https://api.openai.com/v1/videos/video_1'));
 * ```
 */
export function createVideosApiFake(options: VideosApiFakeOptions): VideosApiFake {
  const requests: RecordedVideosRequest[] = [];
  const videos = new Map<string, FakeVideo>();
  let faultUses = new Map<VideosApiFault, number>();
  const steps = options.steps ?? DEFAULT_STEPS;
  const azure = options.flavor === 'azure';
  // Each vendor names its request id header its own way.
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    jsonAnswer(azure ? 'apim-request-id' : 'x-request-id', status, body, headers);

  const error = (
    status: number,
    code: string | null,
    message: string,
    param: string | null = null,
    extra: object = {},
  ) =>
    json(
      status,
      azure
        ? { error: { code, message, param, type: null, ...extra } }
        : { error: { message, type: 'invalid_request_error', param, code, ...extra } },
    );

  const unauthorized = (why: string) =>
    azure
      ? json(401, {
          error: {
            code: '401',
            message: `Access denied due to invalid subscription key or wrong API endpoint (${why}). Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.`,
          },
        })
      : json(401, {
          error: {
            message: `Incorrect API key provided (${why}). You can find your API key at https://platform.openai.com/account/api-keys.`,
            type: 'invalid_request_error',
            param: null,
            code: 'invalid_api_key',
          },
        });

  const authorize = (seen: RecordedVideosRequest): Response | undefined => {
    const apiKey = seen.headers['api-key'];
    const authorization = seen.headers.authorization;
    if (apiKey !== undefined && authorization !== undefined)
      return unauthorized('both api-key and Authorization sent');
    const ok = options.auth.some((auth) =>
      auth.scheme === 'bearer' ? authorization === `Bearer ${auth.token}` : apiKey === auth.key,
    );
    return ok
      ? undefined
      : unauthorized(
          apiKey === undefined && authorization === undefined ? 'no credentials' : 'wrong credentials',
        );
  };

  const fault = (operation: VideosApiOperation): Response | undefined => {
    for (const candidate of options.faults ?? []) {
      if (candidate.on !== undefined && candidate.on !== operation) continue;
      const used = faultUses.get(candidate) ?? 0;
      if (candidate.times !== undefined && used >= candidate.times) continue;
      faultUses.set(candidate, used + 1);
      return json(candidate.status, candidate.body, { ...candidate.headers });
    }
    return undefined;
  };

  const videoObject = (video: FakeVideo, view: { status: string; progress: number }) => {
    const done = view.status === 'completed' || view.status === 'failed';
    const outcome = options.outcome ?? 'completed';
    return {
      id: video.id,
      object: 'video',
      created_at: video.createdAt,
      completed_at: done ? video.createdAt + 60 : null,
      expires_at: view.status === 'completed' ? video.createdAt + 86_400 : null,
      status: view.status,
      progress: view.progress,
      model: video.model,
      seconds: video.seconds,
      size: video.size,
      prompt: video.prompt,
      remixed_from_video_id: video.remixedFrom,
      error: view.status === 'failed' && outcome !== 'completed' ? outcome.failed : null,
    };
  };

  /** The state a job reports after `polls` status calls. */
  const stateOf = (video: FakeVideo): { status: string; progress: number } => {
    const step = steps[video.polls - 1];
    if (video.polls === 0) return steps[0] ?? { status: 'queued', progress: 0 };
    if (step) return step;
    return (options.outcome ?? 'completed') === 'completed'
      ? { status: 'completed', progress: 100 }
      : { status: 'failed', progress: steps.at(-1)?.progress ?? 0 };
  };

  const notFound = (id: string) =>
    azure
      ? error(404, 'NotFound', `Video with id '${id}' not found.`)
      : error(404, null, `Video with id '${id}' not found.`, 'video_id');

  const newVideo = (
    model: string,
    prompt: string,
    seconds: string,
    size: string,
    remixedFrom: string | null,
  ) => {
    const video: FakeVideo = {
      id: `video_${randomHex(12)}`,
      model,
      prompt,
      seconds,
      size,
      createdAt: Math.floor(Date.now() / 1000),
      remixedFrom,
      polls: 0,
    };
    videos.set(video.id, video);
    return video;
  };

  const create = (seen: RecordedVideosRequest): Response => {
    if (seen.contentType !== 'multipart/form-data') {
      return error(
        400,
        'invalid_request_error',
        `Expected multipart/form-data, got ${seen.contentType ?? 'no body'}.`,
      );
    }
    const { prompt, model = 'sora-2', seconds = '4', size = '720x1280' } = seen.fields;
    if (!prompt)
      return error(400, 'missing_required_parameter', "Missing required parameter: 'prompt'.", 'prompt');
    if (options.deployment !== undefined && model !== options.deployment) {
      return json(404, {
        error: {
          code: 'DeploymentNotFound',
          message:
            'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
        },
      });
    }
    if (!SECONDS.includes(seconds)) {
      return error(
        400,
        'invalid_value',
        `Invalid value: '${seconds}'. Supported values are: '4', '8', and '12'.`,
        'seconds',
      );
    }
    if (!SIZES.includes(size) || (!azure && PRO_ONLY.includes(size) && !model.startsWith('sora-2-pro'))) {
      return error(
        400,
        'invalid_value',
        `Invalid value: '${size}'. Supported values for ${model} are: ${SIZES.filter((s) => model.startsWith('sora-2-pro') || !PRO_ONLY.includes(s)).join(', ')}.`,
        'size',
      );
    }
    const reference = seen.files.input_reference;
    if (reference) {
      if (!['image/png', 'image/jpeg', 'image/webp'].includes(reference.contentType)) {
        return error(
          400,
          'invalid_value',
          `Unsupported input_reference type ${reference.contentType}.`,
          'input_reference',
        );
      }
      const dims = pngSize(reference.bytes);
      if (dims && `${dims.width}x${dims.height}` !== size) {
        return error(
          400,
          'invalid_value',
          `Inpaint image must match the requested width and height (${dims.width}x${dims.height} vs ${size}).`,
          'input_reference',
        );
      }
    }
    const video = newVideo(model, prompt, seconds, size, null);
    return json(200, videoObject(video, { status: 'queued', progress: 0 }));
  };

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const seen = await record(request, url);
    requests.push(seen);
    const denied = authorize(seen);
    if (denied) return denied;
    const rest = url.pathname.startsWith(`${options.pathPrefix}/videos`)
      ? url.pathname.slice(options.pathPrefix.length + '/videos'.length)
      : undefined;
    if (rest === undefined) return error(404, 'not_found', `No route for ${url.pathname}.`);
    const [, id, action] = rest.split('/').map(decodeURIComponent);
    const method = seen.method;

    if (!id && method === 'POST') return fault('create') ?? create(seen);
    if (!id) return error(405, 'method_not_allowed', `${method} ${url.pathname} is not supported here.`);
    const operation: VideosApiOperation | undefined =
      action === undefined
        ? method === 'GET'
          ? 'retrieve'
          : method === 'DELETE'
            ? 'delete'
            : undefined
        : action === 'content' && method === 'GET'
          ? 'content'
          : action === 'remix' && method === 'POST'
            ? 'remix'
            : undefined;
    if (!operation)
      return error(405, 'method_not_allowed', `${method} ${url.pathname} is not supported here.`);
    const injected = fault(operation);
    if (injected) return injected;
    const video = videos.get(id);
    if (!video) return notFound(id);

    switch (operation) {
      case 'retrieve': {
        video.polls++;
        return json(200, videoObject(video, stateOf(video)));
      }
      case 'delete': {
        videos.delete(id);
        return json(200, { id, object: 'video.deleted', deleted: true });
      }
      case 'content': {
        if (stateOf(video).status !== 'completed') {
          return error(404, 'video_not_ready', `Video ${id} is not ready: it has not completed.`);
        }
        const variant = seen.query.variant ?? 'video';
        if (variant === 'thumbnail') {
          return new Response(THUMBNAIL, {
            headers: { 'content-type': 'image/webp', 'content-length': String(THUMBNAIL.length) },
          });
        }
        if (variant !== 'video')
          return error(400, 'invalid_value', `Unsupported variant '${variant}'.`, 'variant');
        if (options.contentRedirect) {
          return new Response(null, { status: 302, headers: { location: options.contentRedirect } });
        }
        const body = new Uint8Array(options.video ?? tinyMp4());
        return new Response(body, {
          headers: { 'content-type': 'video/mp4', 'content-length': String(body.length) },
        });
      }
      case 'remix': {
        if (stateOf(video).status !== 'completed') {
          return error(
            400,
            'invalid_request_error',
            `Video ${id} must be completed before it can be remixed.`,
          );
        }
        const prompt = (seen.json as { prompt?: unknown } | undefined)?.prompt;
        if (typeof prompt !== 'string' || !prompt) {
          return error(400, 'missing_required_parameter', "Missing required parameter: 'prompt'.", 'prompt');
        }
        const remix = newVideo(video.model, prompt, video.seconds, video.size, video.id);
        return json(200, videoObject(remix, { status: 'queued', progress: 0 }));
      }
    }
  };

  return {
    handle,
    requests,
    videos,
    reset() {
      requests.length = 0;
      videos.clear();
      faultUses = new Map();
    },
  };
}
