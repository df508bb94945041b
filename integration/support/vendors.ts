// One harness per remote provider: starts its loopback fake (with faults) and builds the provider
// pointed at it, so a test can say "sora2 with a reset mid-poll" without knowing each fake's options.
import { existsSync, readdirSync } from 'node:fs';
import type { GenerateVideoOptions, VideoProvider } from '@video-gen/core';
import { createAzureSora } from '@video-gen/provider-azure-sora';
import { createLocal } from '@video-gen/provider-local';
import { createRunway } from '@video-gen/provider-runway';
import { createSora } from '@video-gen/provider-sora';
import { createVeo3 } from '@video-gen/provider-veo3';
import {
  azureSoraFaults,
  type GoogleVeoLoopbackOptions,
  openAiSoraFaults,
  type RunwayLoopbackOptions,
  startAzureSoraServer,
  startGoogleVeoLoopbackServer,
  startOpenAiSoraServer,
  startRunwayLoopback,
  type TransportFault,
  type VideosApiFault,
  type VideosApiLoopbackOptions,
  type VideosApiMockOptions,
} from '@video-gen/testing/loopback';

export type VendorId = 'sora2' | 'azure-sora' | 'veo3' | 'runway';
export const VENDORS: readonly VendorId[] = ['sora2', 'azure-sora', 'veo3', 'runway'];

/** A vendor-neutral fault, mapped to each fake's own options. */
export type Fault =
  | 'none'
  | 'rate-limit' // 429 + Retry-After: 2 on the create (longer than core's 1 s default pause, so only an honoured header explains the wait)
  | 'server-errors' // 500, 502, 503 in a row on status calls
  | 'reset-poll' // the connection reset under a status call
  | 'cut-download' // the video body cut halfway by a reset
  | 'slow-download' // the video body in slow pieces, every time
  | 'html-download' // a 200 text/html page instead of the video, once
  | 'expired-url' // the download URL expired once
  | 'job-failed'
  | 'moderation'
  | 'credits'
  | 'bad-key';

/** A running fake plus a provider pointed at it. */
export interface Harness {
  readonly vendor: VendorId | 'local';
  readonly provider: VideoProvider;
  /** The server's origin (`http://127.0.0.1:<port>`). */
  readonly origin: string;
  /** What to pass to generateVideo besides prompt and outPath. */
  readonly options: Partial<GenerateVideoOptions>;
  /** The credential the provider sends: a sentinel that must never show in errors or journals. */
  readonly secret: string;
  /** The provider's factory config, as JSON, for a child process to build the same provider. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Create (submit) requests the fake received, accepted or not. */
  creates(): number;
  /** Status requests the fake received. */
  polls(): number;
  /** Every request the fake received, as `METHOD /path`. */
  log(): string[];
  /** The headers of every request the fake received, in order, names lower-cased. */
  headers(): Readonly<Record<string, string>>[];
  close(): Promise<void>;
}

/** Short waits everywhere, so faults cost milliseconds, not seconds. */
export const FAST = {
  poll: { initialIntervalMs: 5, maxIntervalMs: 20 },
  retry: { retries: 4, minDelayMs: 5, maxDelayMs: 20 },
  ledger: false as const,
  // Sora 2 is retired: the suites drive it through the documented opt-in.
  allowRetiredModels: true,
} satisfies Partial<GenerateVideoOptions>;

// Sentinels: long and unique, so any leak into a message or a file is found by a plain search.
const SORA_KEY = 'sk-SENTINEL-sora-3f9c2a7e5b1d4c6a8e0f';
const AZURE_KEY = 'SENTINEL-azure-7d1e4b9a2c6f8e0a3b5d';
const VEO_TOKEN = 'ya29.SENTINEL-veo-5a8c1e3f7b9d2a4c6e0f';
const RUNWAY_KEY = 'key_SENTINEL-runway-9e2b4d6f8a0c1e3a5b7d';

/** Rewrites Cloud Storage URLs to the loopback Veo fake, which serves `/download/storage/...` itself. */
export function storageRewritingFetch(origin: string): typeof globalThis.fetch {
  const rewrite = (url: string) =>
    url.startsWith('https://storage.googleapis.com/')
      ? `${origin}${url.slice('https://storage.googleapis.com'.length)}`
      : url;
  return (input, init) =>
    input instanceof Request
      ? globalThis.fetch(new Request(rewrite(input.url), input), init)
      : globalThis.fetch(rewrite(String(input)), init);
}

function videosApiFaults(
  fault: Fault,
  flavor: 'openai' | 'azure',
): VideosApiMockOptions & VideosApiLoopbackOptions {
  const faults = flavor === 'openai' ? openAiSoraFaults : azureSoraFaults;
  const serverError = (status: number): VideosApiFault => ({
    on: 'retrieve',
    times: 1,
    status,
    body: { error: { message: `HTTP ${status} from the gateway`, type: 'server_error', code: null } },
  });
  switch (fault) {
    case 'rate-limit':
      return { faults: [faults.rateLimited(2, 'create', 1)] };
    case 'server-errors':
      return { faults: [serverError(500), serverError(502), serverError(503)] };
    case 'reset-poll':
      return { transportFaults: [{ on: 'retrieve', kind: 'reset' }] };
    case 'cut-download':
      return { transportFaults: [{ on: 'content', kind: 'cut-body' }] };
    case 'slow-download':
      return { transportFaults: [{ on: 'content', kind: 'slow-body', times: Number.POSITIVE_INFINITY }] };
    case 'html-download':
      return { transportFaults: [{ on: 'content', kind: 'html' }] };
    case 'expired-url':
      // The content of a finished video is gone (past `expires_at`): answered once.
      return {
        faults: [
          {
            on: 'content',
            times: 1,
            status: 404,
            body: {
              error: {
                message: 'The video content has expired.',
                type: 'invalid_request_error',
                code: 'video_expired',
              },
            },
          },
        ],
      };
    case 'job-failed':
      return { outcome: { failed: { code: 'internal_error', message: 'The render crashed.' } } };
    case 'moderation':
      return {
        outcome: {
          failed: {
            code: flavor === 'openai' ? 'moderation_blocked' : 'content_filter',
            message: 'Blocked by moderation.',
          },
        },
      };
    case 'credits':
      return { faults: [faults.insufficientQuota('create')] };
    default:
      return {};
  }
}

async function soraHarness(
  fault: Fault,
  extra: VideosApiLoopbackOptions & VideosApiMockOptions,
  key = SORA_KEY,
) {
  const server = await startOpenAiSoraServer({
    apiKey: fault === 'bad-key' ? 'sk-the-right-key' : key,
    ...videosApiFaults(fault, 'openai'),
    ...extra,
  });
  const config = { apiKey: key, baseURL: server.url };
  return videosApiHarness('sora2', server, createSora(config), config, '/v1', key);
}

async function azureHarness(
  fault: Fault,
  extra: VideosApiLoopbackOptions & VideosApiMockOptions,
  key = AZURE_KEY,
  auth: 'api-key' | 'entra' = 'api-key',
) {
  // Entra: `key` is the token an `azureADTokenProvider` returns, sent as `Authorization: Bearer`.
  const entra = auth === 'entra';
  const right = fault === 'bad-key' ? (entra ? 'the-right-entra-token' : 'the-right-azure-key') : key;
  const server = await startAzureSoraServer({
    ...(entra ? { bearerToken: right } : { apiKey: right }),
    deployment: 'my-sora-2',
    ...videosApiFaults(fault, 'azure'),
    ...extra,
  });
  const config = entra
    ? { baseURL: server.url, azureADTokenProvider: async () => key, deployment: 'my-sora-2' }
    : { baseURL: server.url, apiKey: key, deployment: 'my-sora-2' };
  return videosApiHarness('azure-sora', server, createAzureSora(config), config, '/openai/v1', key);
}

function videosApiHarness(
  vendor: VendorId,
  server: Awaited<ReturnType<typeof startOpenAiSoraServer>>,
  provider: VideoProvider,
  config: Record<string, unknown>,
  prefix: string,
  secret: string,
): Harness {
  return {
    vendor,
    provider,
    config,
    secret,
    origin: server.origin,
    options: { width: 1280, height: 720, durationSeconds: 4, allowLoopbackDownloads: true, ...FAST },
    creates: () => server.requests.filter((r) => r.method === 'POST' && r.path === `${prefix}/videos`).length,
    polls: () => server.requests.filter((r) => r.method === 'GET' && /\/videos\/[^/]+$/.test(r.path)).length,
    log: () => server.requests.map((r) => `${r.method} ${r.path}`),
    headers: () => server.requests.map((r) => r.headers),
    close: () => server.close(),
  };
}

function veoFaults(fault: Fault): GoogleVeoLoopbackOptions {
  switch (fault) {
    case 'rate-limit':
      return { failures: [{ on: 'submit', status: 429, times: 1, retryAfterSeconds: 2 }] };
    case 'server-errors':
      return {
        failures: [
          { on: 'poll', status: 500, times: 1 },
          { on: 'poll', status: 502, times: 1 },
          { on: 'poll', status: 503, times: 1 },
        ],
      };
    case 'reset-poll':
      return { transportFaults: [{ on: 'poll', kind: 'reset' }] };
    // Download faults need a download: the video in Cloud Storage (gs://), not inline.
    case 'cut-download':
      return { outcome: 'gcs', transportFaults: [{ on: 'download', kind: 'cut-body' }] };
    case 'slow-download':
      return {
        outcome: 'gcs',
        transportFaults: [{ on: 'download', kind: 'slow-body', times: Number.POSITIVE_INFINITY }],
      };
    case 'html-download':
      return { outcome: 'gcs', transportFaults: [{ on: 'download', kind: 'html' }] };
    case 'expired-url':
      return { outcome: 'gcs', failures: [{ on: 'download', status: 404, times: 1 }] };
    case 'job-failed':
      return { outcome: 'operation-error' };
    case 'moderation':
      return { outcome: 'rai-filtered' };
    case 'credits':
      // Google has no credit balance: a project without billing answers 403 PERMISSION_DENIED.
      return {
        failures: [
          {
            on: 'submit',
            status: 403,
            message: 'This API method requires billing to be enabled. Please enable billing on project.',
          },
        ],
      };
    default:
      return {};
  }
}

async function veoHarness(
  fault: Fault,
  extra: GoogleVeoLoopbackOptions,
  secret = VEO_TOKEN,
  mode: 'enterprise' | 'express' = 'enterprise',
) {
  // Express mode: an API key in `x-goog-api-key`, no project (and no Cloud Storage reads).
  const express = mode === 'express';
  const right = fault === 'bad-key' ? (express ? 'the-right-express-key' : 'ya29.the-right-token') : secret;
  const server = await startGoogleVeoLoopbackServer({
    project: 'it-project',
    location: 'us-central1',
    ...(express ? { mode, apiKey: right } : { accessToken: right }),
    pollsBeforeDone: 2,
    ...veoFaults(fault),
    ...extra,
  });
  const config: Record<string, unknown> = express
    ? { mode, apiKey: secret, baseURL: server.url }
    : { project: 'it-project', location: 'us-central1', accessToken: secret, baseURL: server.url };
  return {
    vendor: 'veo3' as const,
    provider: createVeo3(config),
    config,
    secret,
    origin: server.url,
    options: {
      model: 'veo-3.1-fast-generate-001',
      durationSeconds: 4,
      fetch: storageRewritingFetch(server.url),
      allowLoopbackDownloads: true,
      ...FAST,
    },
    creates: () => server.fake.requestsOf('submit').length,
    polls: () => server.fake.requestsOf('poll').length,
    log: () => server.fake.requests.map((r) => `${r.method} ${r.path}`),
    headers: () => server.fake.requests.map((r) => r.headers),
    close: () => server.close(),
  } satisfies Harness;
}

function runwayFaults(fault: Fault): RunwayLoopbackOptions {
  switch (fault) {
    case 'rate-limit':
      return { failures: { rateLimit: { times: 1, retryAfterSeconds: 2 } } };
    case 'server-errors':
      return { failures: { serverErrors: [500, 502, 503] } };
    case 'reset-poll':
      return { transportFaults: [{ on: 'task', kind: 'reset' }] };
    case 'cut-download':
      return { transportFaults: [{ on: 'output', kind: 'cut-body' }] };
    case 'slow-download':
      return { transportFaults: [{ on: 'output', kind: 'slow-body', times: Number.POSITIVE_INFINITY }] };
    case 'html-download':
      return { transportFaults: [{ on: 'output', kind: 'html' }] };
    case 'expired-url':
      return { failures: { expiredOutputs: 1 } };
    case 'job-failed':
      return {
        sequence: [
          { status: 'RUNNING', progress: 0.5 },
          {
            status: 'FAILED',
            failure: 'An internal error occurred.',
            failureCode: 'INTERNAL.BAD_OUTPUT.CODE01',
          },
        ],
      };
    case 'moderation':
      return {
        sequence: [
          { status: 'RUNNING', progress: 0.1 },
          { status: 'FAILED', failure: 'The prompt was flagged.', failureCode: 'SAFETY.INPUT.TEXT' },
        ],
      };
    case 'credits':
      return { failures: { insufficientCredits: true } };
    default:
      return {};
  }
}

async function runwayHarness(fault: Fault, extra: RunwayLoopbackOptions, key = RUNWAY_KEY) {
  const server = await startRunwayLoopback({
    apiKey: fault === 'bad-key' ? 'the-right-runway-key' : key,
    ...runwayFaults(fault),
    ...extra,
  });
  const config = { apiKey: key, baseURL: server.url, pollIntervalMs: 0 };
  return {
    vendor: 'runway' as const,
    provider: createRunway(config),
    config,
    secret: key,
    origin: server.url,
    options: {
      model: 'veo3.1',
      durationSeconds: 4,
      width: 1280,
      height: 720,
      allowLoopbackDownloads: true,
      ...FAST,
    },
    creates: () =>
      server.apiRequests('POST', '/v1/text_to_video').length +
      server.apiRequests('POST', '/v1/image_to_video').length,
    polls: () => server.apiRequests('GET', '/v1/tasks/').length,
    log: () => server.requests.map((r) => `${r.method} ${r.path}`),
    headers: () => server.requests.map((r) => r.headers),
    close: () => server.close(),
  } satisfies Harness;
}

/** Extra fake options, per vendor (merged over the fault's). */
export interface ExtraOptions {
  readonly videosApi?: VideosApiLoopbackOptions & VideosApiMockOptions;
  readonly veo?: GoogleVeoLoopbackOptions;
  readonly runway?: RunwayLoopbackOptions;
  /** The credential the provider sends (and the fake accepts) instead of the default sentinel. */
  readonly secret?: string;
  /** Azure only: `entra` sends `secret` as a Microsoft Entra token from `azureADTokenProvider` instead of an `api-key`. */
  readonly azureAuth?: 'api-key' | 'entra';
  /** Veo only: `express` sends `secret` as an API key (`x-goog-api-key`) instead of an enterprise bearer token. */
  readonly veoMode?: 'enterprise' | 'express';
}

/** Starts `vendor`'s loopback fake with `fault` and a provider pointed at it. */
export function startVendor(
  vendor: VendorId,
  fault: Fault = 'none',
  extra: ExtraOptions = {},
): Promise<Harness> {
  switch (vendor) {
    case 'sora2':
      return soraHarness(fault, extra.videosApi ?? {}, extra.secret);
    case 'azure-sora':
      return azureHarness(fault, extra.videosApi ?? {}, extra.secret, extra.azureAuth);
    case 'veo3':
      return veoHarness(fault, extra.veo ?? {}, extra.secret, extra.veoMode);
    case 'runway':
      return runwayHarness(fault, extra.runway ?? {}, extra.secret);
  }
}

export type { TransportFault };

/**
 * The local provider (ffmpeg, no HTTP) as a harness: "creates" are the job folders in its
 * `jobsDir` (it honours idempotency keys, so a repeated submit finds the same folder).
 */
export function startLocal(jobsDir: string): Harness {
  const config = { jobsDir, preset: 'ultrafast', simulatedQueueMs: 150 };
  const jobs = () =>
    readdirSync(jobsDir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.'));
  return {
    vendor: 'local',
    provider: createLocal(config as Parameters<typeof createLocal>[0]),
    origin: '',
    config,
    secret: 'no-secret-local',
    options: { width: 160, height: 90, durationSeconds: 1, fps: 12, ...FAST },
    creates: () => (existsSync(jobsDir) ? jobs().length : 0),
    polls: () => 0,
    log: () => [],
    headers: () => [],
    close: async () => {},
  };
}
