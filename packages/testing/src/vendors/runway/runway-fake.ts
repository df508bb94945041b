import { tinyMp4 } from '../../fixtures/tiny-mp4.js';
import { isPartnerModel, partnerCredits, validatePartnerCreate } from './partner-model-rules.js';
import { validateVideoToVideo, videoToVideoCredits } from './video-to-video-rules.js';

/**
 * One answer of `GET /v1/tasks/{id}` in a task's life; the last step repeats.
 *
 * @example
 * ```ts
 * const refused: RunwayTaskStep[] = [{ status: 'RUNNING', progress: 0.2 }, { status: 'FAILED', failure: 'Flagged', failureCode: 'SAFETY.INPUT.TEXT' }];
 * ```
 */
export type RunwayTaskStep =
  | { readonly status: 'PENDING' | 'THROTTLED' }
  | { readonly status: 'RUNNING'; readonly progress: number }
  | { readonly status: 'SUCCEEDED' }
  | { readonly status: 'FAILED'; readonly failure: string; readonly failureCode?: string }
  | { readonly status: 'CANCELLED' };

/**
 * Faults the fake Runway API can be told to produce.
 *
 * @example
 * ```ts
 * const failures: RunwayFailures = { rateLimit: { times: 1, retryAfterSeconds: 2 }, expiredOutputs: 1 };
 * ```
 */
export interface RunwayFailures {
  /** Every API call answers `401` (a revoked or wrong key). */
  readonly unauthorized?: boolean;
  /** The first `times` creates answer `429` with `Retry-After: retryAfterSeconds`. */
  readonly rateLimit?: { readonly times: number; readonly retryAfterSeconds: number };
  /** Creates answer `400` with Runway's "not enough credits" text. */
  readonly insufficientCredits?: boolean;
  /** The first `times` task fetches answer `502`; or a list of statuses (`[500, 502, 503]`) answered in turn. */
  readonly serverErrors?: number | readonly number[];
  /** The first `times` output downloads answer `403` (the signed URL expired); a task fetch mints a fresh URL. */
  readonly expiredOutputs?: number;
}

/**
 * Options of the fake Runway API (`runwayHandlers`, `startRunwayLoopback`).
 *
 * @example
 * ```ts
 * const options: RunwayFakeOptions = { apiKey: 'test-key', sequence: [{ status: 'THROTTLED' }, { status: 'SUCCEEDED' }] };
 * ```
 */
export interface RunwayFakeOptions {
  /** The API origin. Default `https://api.dev.runwayml.com`. */
  readonly baseURL?: string;
  /** Where output videos are served (another origin, as Runway's signed CDN URLs are). Default `https://dnznrvs05pmza.cloudfront.net`. */
  readonly outputOrigin?: string;
  /** Where uploads are posted (Runway's presigned storage). Default `https://runway-uploads.s3.amazonaws.com`. */
  readonly uploadOrigin?: string;
  /** The only key accepted; any bearer token when absent. */
  readonly apiKey?: string;
  /** The video served for every succeeded task. Default: a tiny real MP4 (`tinyMp4()`). */
  readonly video?: Uint8Array;
  /** The answers of successive task fetches. Default PENDING, RUNNING (0.4), SUCCEEDED. */
  readonly sequence?: readonly RunwayTaskStep[];
  /** Faults to inject. */
  readonly failures?: RunwayFailures;
  /**
   * The output URL a succeeded task reports instead of the one the fake serves (a hostile or broken
   * vendor answer: `javascript:...`, a private-network address).
   */
  readonly outputUrl?: string;
}

/**
 * A request the fake received, with its body parsed (JSON, or the multipart fields of an upload).
 *
 * @example
 * ```ts
 * const [create]: RunwayRecordedRequest[] = runway.apiRequests('POST', '/v1/image_to_video');
 * expect(create.headers['x-runway-version']).toBe('2024-11-06');
 * ```
 */
export interface RunwayRecordedRequest {
  readonly method: string;
  /** The full URL. */
  readonly url: string;
  /** The path, such as `/v1/tasks/<id>`. */
  readonly path: string;
  /** Headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, the multipart fields (`file` as its byte length), or undefined. */
  readonly body: unknown;
}

/** A fake Runway API: answers web `Request`s the way the real one does, and records them. */
export interface RunwayFake {
  /** Answers a request, or `undefined` when it is not for one of the fake's origins. */
  handle(request: Request): Promise<Response | undefined>;
  /** Every request received, in order. */
  readonly requests: RunwayRecordedRequest[];
  /** Requests to the API origin whose method and path match. */
  apiRequests(method?: string, pathPrefix?: string): RunwayRecordedRequest[];
  readonly baseURL: string;
  readonly outputOrigin: string;
  readonly uploadOrigin: string;
}

/** The API version every call must name. */
const RUNWAY_API_VERSION = '2024-11-06';

/** Runway's data URI limit for images (5 MB of encoded URI). */
const DATA_URI_LIMIT = 5 * 1024 * 1024;

interface ModelRules {
  readonly ratios: readonly string[];
  readonly textRatios?: readonly string[];
  readonly durations: readonly number[];
  readonly durationRequired: boolean;
  readonly textToVideo: boolean;
  readonly lastFrame: boolean;
  readonly creditsPerSecond: number;
  /** False for models whose params have no `seed` (an unrecognized key, as the API answers). */
  readonly seed?: boolean;
}

const GEN4_RATIOS = ['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672'];
const VEO_RATIOS = ['1280:720', '720:1280', '1080:1920', '1920:1080'];
// Read from @runwayml/sdk 4.20's ImageToVideoCreateParams / TextToVideoCreateParams.
const MODELS: Readonly<Record<string, ModelRules>> = {
  gen4_turbo: {
    ratios: GEN4_RATIOS,
    durations: [5, 10],
    durationRequired: false,
    textToVideo: false,
    lastFrame: false,
    creditsPerSecond: 5,
  },
  'gen4.5': {
    ratios: GEN4_RATIOS,
    textRatios: ['1280:720', '720:1280'],
    durations: [2, 3, 4, 5, 6, 7, 8, 9, 10],
    durationRequired: true,
    textToVideo: true,
    lastFrame: false,
    creditsPerSecond: 12,
  },
  'veo3.1': {
    ratios: VEO_RATIOS,
    durations: [4, 6, 8],
    durationRequired: false,
    textToVideo: true,
    lastFrame: true,
    creditsPerSecond: 40,
  },
  'veo3.1_fast': {
    ratios: VEO_RATIOS,
    durations: [4, 6, 8],
    durationRequired: false,
    textToVideo: true,
    lastFrame: true,
    creditsPerSecond: 15,
  },
  // "a whole number from 3 to 10"; first frame only / first and last (SDK 4.20.1).
  gemini_omni_flash: {
    ratios: ['1280:720', '720:1280'],
    durations: [3, 4, 5, 6, 7, 8, 9, 10],
    durationRequired: false,
    textToVideo: true,
    lastFrame: false,
    creditsPerSecond: 20,
    seed: false,
  },
  'gemini_omni_flash_1.1': {
    ratios: [
      '640:360',
      '360:640',
      '1280:720',
      '720:1280',
      '1920:1080',
      '1080:1920',
      '3840:2160',
      '2160:3840',
    ],
    durations: [3, 4, 5, 6, 7, 8, 9, 10],
    durationRequired: false,
    textToVideo: true,
    lastFrame: true,
    creditsPerSecond: 25,
    seed: false,
  },
};

const DEFAULT_SEQUENCE: readonly RunwayTaskStep[] = [
  { status: 'PENDING' },
  { status: 'RUNNING', progress: 0.4 },
  { status: 'SUCCEEDED' },
];

interface Task {
  readonly id: string;
  readonly createdAt: string;
  readonly credits: number;
  polls: number;
  cancelled: boolean;
  finished: boolean;
  outputVersion: number;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name.toLowerCase()] = value;
  });
  return record;
}

async function readBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('multipart/form-data')) {
    const form = await request.formData();
    const fields: Record<string, unknown> = {};
    for (const [name, value] of form.entries()) {
      fields[name] = typeof value === 'string' ? value : { size: value.size, name: value.name };
    }
    return fields;
  }
  const text = await request.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Checks an image input the way Runway does: https URL, an uploaded runway:// URI, or a data URI within 5 MB. */
function imageIssue(uri: unknown, uploaded: ReadonlySet<string>): string | undefined {
  if (typeof uri !== 'string') return 'must be a string';
  if (uri.startsWith('https://')) return undefined;
  if (uri.startsWith('runway://')) return uploaded.has(uri) ? undefined : 'unknown upload';
  if (/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/.test(uri)) {
    return uri.length > DATA_URI_LIMIT ? 'data URI is larger than 5MB' : undefined;
  }
  return 'must be an HTTPS URL, a runway:// URI or a base64 image data URI';
}

function validateCreate(
  endpoint: 'image_to_video' | 'text_to_video',
  body: Record<string, unknown>,
  uploaded: ReadonlySet<string>,
): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  const rules = typeof body.model === 'string' ? MODELS[body.model] : undefined;
  if (!rules) return [{ path: ['model'], message: `Invalid model ${JSON.stringify(body.model)}` }];
  if (endpoint === 'text_to_video' && !rules.textToVideo) {
    issues.push({ path: ['model'], message: `${String(body.model)} does not support text_to_video` });
  }
  const text = body.promptText;
  if (text !== undefined && (typeof text !== 'string' || text.length === 0 || text.length > 1000)) {
    issues.push({ path: ['promptText'], message: 'must be 1 to 1000 characters' });
  }
  if (endpoint === 'text_to_video' && typeof text !== 'string') {
    issues.push({ path: ['promptText'], message: 'Required' });
  }
  const ratios = endpoint === 'text_to_video' ? (rules.textRatios ?? rules.ratios) : rules.ratios;
  if (!ratios.includes(String(body.ratio))) {
    issues.push({ path: ['ratio'], message: `must be one of ${ratios.join(', ')}` });
  }
  if (
    body.duration === undefined ? rules.durationRequired : !rules.durations.includes(Number(body.duration))
  ) {
    issues.push({ path: ['duration'], message: `must be one of ${rules.durations.join(', ')}` });
  }
  if (body.seed !== undefined && rules.seed === false) {
    issues.push({ path: ['seed'], message: 'Unrecognized key' });
  } else if (body.seed !== undefined && !(Number.isInteger(body.seed) && Number(body.seed) >= 0)) {
    issues.push({ path: ['seed'], message: 'must be a non-negative integer' });
  }
  if (endpoint === 'image_to_video') {
    const image = body.promptImage;
    if (Array.isArray(image)) {
      const positions = image.map((entry: { position?: unknown }) => entry?.position);
      if (!positions.includes('first'))
        issues.push({ path: ['promptImage'], message: 'needs a first frame' });
      if (!rules.lastFrame && positions.some((p) => p !== 'first')) {
        issues.push({ path: ['promptImage'], message: 'only position "first" is allowed' });
      }
      image.forEach((entry: { uri?: unknown }, index) => {
        const problem = imageIssue(entry?.uri, uploaded);
        if (problem) issues.push({ path: ['promptImage', String(index), 'uri'], message: problem });
      });
    } else {
      const problem = imageIssue(image, uploaded);
      if (problem) issues.push({ path: ['promptImage'], message: problem });
    }
  } else if (body.promptImage !== undefined) {
    issues.push({ path: ['promptImage'], message: 'Unrecognized key' });
  }
  return issues;
}

/**
 * A fake Runway API (../shared/providers/runway.md, @runwayml/sdk 4.20) that answers web `Request`s:
 * creates (`POST /v1/image_to_video`, `/v1/text_to_video`, `/v1/video_to_video`) validated per
 * model (the partner models' unknown keys refused), task fetches
 * through PENDING → RUNNING → SUCCEEDED with an output URL it also serves, `DELETE /v1/tasks/{id}`,
 * ephemeral uploads, and the faults in {@link RunwayFailures}. Every API call must carry
 * `Authorization: Bearer …` and `X-Runway-Version: 2024-11-06`. Shared by the msw handlers and the
 * loopback server.
 *
 * @example
 * ```ts
 * const fake = createRunwayFake({ failures: { expiredOutputs: 1 } });
 * const response = await fake.handle(new Request('https://api.dev.runwayml.com/v1/tasks/x'));
 * ```
 */
export function createRunwayFake(options: RunwayFakeOptions = {}): RunwayFake {
  const baseURL = new URL(options.baseURL ?? 'https://api.dev.runwayml.com').origin;
  const outputOrigin = new URL(options.outputOrigin ?? 'https://dnznrvs05pmza.cloudfront.net').origin;
  const uploadOrigin = new URL(options.uploadOrigin ?? 'https://runway-uploads.s3.amazonaws.com').origin;
  const sequence = options.sequence?.length ? options.sequence : DEFAULT_SEQUENCE;
  const failures = options.failures ?? {};
  let video = options.video;
  const requests: RunwayRecordedRequest[] = [];
  const tasks = new Map<string, Task>();
  const pendingUploads = new Map<string, string>();
  const uploaded = new Set<string>();
  const expiredUrls = new Set<string>();
  let rateLimited = 0;
  let serverErrors = 0;
  let expiredServed = 0;
  let uploadCount = 0;

  const taskJson = (task: Task): Record<string, unknown> => {
    const base = { id: task.id, createdAt: task.createdAt };
    if (task.cancelled) return { ...base, status: 'CANCELLED', cost: { credits: 0 } };
    const step = sequence[Math.min(task.polls, sequence.length - 1)]!;
    task.polls++;
    switch (step.status) {
      case 'PENDING':
      case 'THROTTLED':
        return { ...base, status: step.status, estimatedCost: { credits: task.credits } };
      case 'RUNNING':
        return {
          ...base,
          status: 'RUNNING',
          progress: step.progress,
          estimatedCost: { credits: task.credits },
        };
      case 'SUCCEEDED': {
        task.finished = true;
        // Each fetch signs a fresh URL, as Runway's CDN URLs are.
        task.outputVersion++;
        const output = options.outputUrl ?? `${outputOrigin}/outputs/${task.id}/${task.outputVersion}.mp4`;
        return { ...base, status: 'SUCCEEDED', cost: { credits: task.credits }, output: [output] };
      }
      case 'FAILED':
        task.finished = true;
        return {
          ...base,
          status: 'FAILED',
          cost: { credits: 0 },
          failure: step.failure,
          ...(step.failureCode === undefined ? {} : { failureCode: step.failureCode }),
        };
      case 'CANCELLED':
        return { ...base, status: 'CANCELLED', cost: { credits: 0 } };
    }
  };

  const startTask = (credits: number): Response => {
    const task: Task = {
      id: crypto.randomUUID(),
      createdAt: new Date().toISOString(),
      credits,
      polls: 0,
      cancelled: false,
      finished: false,
      outputVersion: 0,
    };
    tasks.set(task.id, task);
    return json(200, { id: task.id, estimatedCost: { credits: task.credits } });
  };

  const api = async (request: Request, path: string, body: unknown): Promise<Response> => {
    const auth = request.headers.get('authorization') ?? '';
    const token = /^Bearer (\S+)$/.exec(auth)?.[1];
    if (!token || failures.unauthorized || (options.apiKey !== undefined && token !== options.apiKey)) {
      return json(401, { error: 'Invalid API key provided.' });
    }
    if (request.headers.get('x-runway-version') !== RUNWAY_API_VERSION) {
      return json(400, {
        error: `The X-Runway-Version header must be set to a supported version (${RUNWAY_API_VERSION}).`,
      });
    }
    const create = /^\/v1\/(image_to_video|text_to_video|video_to_video)$/.exec(path);
    if (create && request.method === 'POST') {
      if (failures.rateLimit && rateLimited < failures.rateLimit.times) {
        rateLimited++;
        return json(
          429,
          { error: 'You have exceeded the rate limit.' },
          {
            'retry-after': String(failures.rateLimit.retryAfterSeconds),
          },
        );
      }
      if (failures.insufficientCredits) {
        return json(400, { error: 'You do not have enough credits to run this task.' });
      }
      const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      if (create[1] === 'video_to_video') {
        const videoIssues = validateVideoToVideo(fields, uploaded);
        if (videoIssues.length > 0)
          return json(400, { error: 'Validation of body failed', issues: videoIssues });
        return startTask(videoToVideoCredits(fields));
      }
      const endpoint = create[1] as 'image_to_video' | 'text_to_video';
      if (isPartnerModel(fields.model)) {
        const partnerIssues = validatePartnerCreate(endpoint, fields, (uri) => imageIssue(uri, uploaded));
        if (partnerIssues.length > 0)
          return json(400, { error: 'Validation of body failed', issues: partnerIssues });
        return startTask(partnerCredits(fields));
      }
      const issues = validateCreate(endpoint, fields, uploaded);
      if (issues.length > 0) return json(400, { error: 'Validation of body failed', issues });
      const rules = MODELS[String(fields.model)]!;
      return startTask(Number(fields.duration ?? rules.durations.at(-1)) * rules.creditsPerSecond);
    }
    const taskPath = /^\/v1\/tasks\/([^/]+)$/.exec(path);
    if (taskPath) {
      const task = tasks.get(decodeURIComponent(taskPath[1]!));
      if (request.method === 'GET') {
        const errors =
          typeof failures.serverErrors === 'number'
            ? Array.from({ length: failures.serverErrors }, () => 502)
            : (failures.serverErrors ?? []);
        const status = errors[serverErrors];
        if (status !== undefined) {
          serverErrors++;
          return json(status, { error: status === 502 ? 'Bad gateway' : 'Internal server error' });
        }
        if (!task) return json(404, { error: 'Task not found' });
        return json(200, taskJson(task));
      }
      if (request.method === 'DELETE') {
        if (!task) return json(404, { error: 'Task not found' });
        // A running task is cancelled; a finished one is deleted.
        if (task.finished) tasks.delete(task.id);
        else task.cancelled = true;
        return new Response(null, { status: 204 });
      }
    }
    if (path === '/v1/uploads' && request.method === 'POST') {
      const fields = (body ?? {}) as { filename?: unknown; type?: unknown };
      if (typeof fields.filename !== 'string' || fields.type !== 'ephemeral') {
        return json(400, { error: 'Validation of body failed', issues: [{ path: ['type'] }] });
      }
      uploadCount++;
      const key = `uploads/${uploadCount}/${fields.filename}`;
      const runwayUri = `runway://uploads/${uploadCount}/${encodeURIComponent(fields.filename)}`;
      pendingUploads.set(key, runwayUri);
      return json(200, {
        uploadUrl: `${uploadOrigin}/storage/${uploadCount}`,
        fields: { key, policy: 'eyJleHBpcmF0aW9uIjoiMjA5OS0wMS0wMVQwMDowMDowMFoifQ==' },
        runwayUri,
      });
    }
    return json(404, { error: `No route for ${request.method} ${path}` });
  };

  const handle = async (request: Request): Promise<Response | undefined> => {
    const url = new URL(request.url);
    if (![baseURL, outputOrigin, uploadOrigin].includes(url.origin)) return undefined;
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await readBody(request);
    requests.push({
      method: request.method,
      url: request.url,
      path: url.pathname,
      headers: headerRecord(request.headers),
      body,
    });
    if (url.origin === outputOrigin && url.pathname.startsWith('/outputs/') && request.method === 'GET') {
      const [, , id] = url.pathname.split('/');
      if (!id || !tasks.has(id)) return json(404, { error: 'Not found' });
      if (expiredUrls.has(url.href) || (failures.expiredOutputs ?? 0) > expiredServed) {
        if (!expiredUrls.has(url.href)) expiredServed++;
        expiredUrls.add(url.href);
        return new Response(
          '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
          {
            status: 403,
            headers: { 'content-type': 'application/xml' },
          },
        );
      }
      video ??= tinyMp4();
      return new Response(new Uint8Array(video), {
        status: 200,
        headers: { 'content-type': 'video/mp4', 'content-length': String(video.byteLength) },
      });
    }
    if (url.origin === uploadOrigin && url.pathname.startsWith('/storage/') && request.method === 'POST') {
      const fields = (body ?? {}) as { key?: unknown; file?: unknown };
      const runwayUri = typeof fields.key === 'string' ? pendingUploads.get(fields.key) : undefined;
      if (!runwayUri || typeof fields.file !== 'object' || fields.file === null) {
        return new Response('<Error><Code>InvalidArgument</Code></Error>', { status: 400 });
      }
      uploaded.add(runwayUri);
      return new Response(null, { status: 204 });
    }
    if (url.origin === baseURL && url.pathname.startsWith('/v1/')) return api(request, url.pathname, body);
    return json(404, { error: 'Not found' });
  };

  return {
    handle,
    requests,
    apiRequests: (method, pathPrefix) =>
      requests.filter(
        (r) =>
          r.url.startsWith(`${baseURL}/v1/`) &&
          (method === undefined || r.method === method) &&
          (pathPrefix === undefined || r.path.startsWith(pathPrefix)),
      ),
    baseURL,
    outputOrigin,
    uploadOrigin,
  };
}
