import { startLoopbackServer } from '../../loopback/start-loopback-server.js';
import {
  resetConnection,
  sendAnswer,
  type TransportFault,
  transportFaultPicker,
} from '../../loopback/transport-faults.js';
import { behaviour, type OpenAiSoraMockOptions } from './mock-options.js';
import {
  createVideosApiFake,
  type RecordedVideosRequest,
  type VideosApiFake,
  type VideosApiOperation,
} from './videos-api-fake.js';

export type { TransportFault, TransportFaultKind } from '../../loopback/transport-faults.js';
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

/** Options only the loopback Videos API servers take (msw cannot break a connection). */
export interface VideosApiLoopbackOptions {
  /** Connection resets, cut or slow bodies, HTML pages, by call: `create`, `retrieve`, `content`. */
  readonly transportFaults?: readonly TransportFault<VideosApiOperation>[];
}

/** The call a request is, from its method and path under `pathPrefix`. */
function operationOf(method: string, url: string, pathPrefix: string): VideosApiOperation | undefined {
  const pathname = url.split('?')[0] ?? '';
  if (!pathname.startsWith(`${pathPrefix}/videos`)) return undefined;
  const [, id, action] = pathname.slice(pathPrefix.length + '/videos'.length).split('/');
  if (!id) return method === 'POST' ? 'create' : undefined;
  if (action === undefined) return method === 'GET' ? 'retrieve' : method === 'DELETE' ? 'delete' : undefined;
  if (action === 'content' && method === 'GET') return 'content';
  if (action === 'remix' && method === 'POST') return 'remix';
  return undefined;
}

/** A running loopback Videos API. */
export interface VideosApiLoopbackServer {
  /** The API base URL to configure the provider with (`baseURL: server.url`). */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Every request received, parsed. */
  readonly requests: RecordedVideosRequest[];
  close(): Promise<void>;
}

/** Serves a Videos API fake on a real loopback HTTP server. */
export async function serveVideosApiFake(
  fake: VideosApiFake,
  pathPrefix: string,
  options: VideosApiLoopbackOptions = {},
): Promise<VideosApiLoopbackServer> {
  const faults = transportFaultPicker(options.transportFaults);
  const server = await startLoopbackServer(async (recorded, response, raw) => {
    const fault = faults.take(operationOf(recorded.method, recorded.url, pathPrefix));
    if (fault?.kind === 'reset') {
      resetConnection(raw);
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(recorded.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
    const hasBody = recorded.method !== 'GET' && recorded.method !== 'HEAD' && recorded.body.length > 0;
    const request = new Request(`http://${headers.get('host') ?? '127.0.0.1'}${recorded.url}`, {
      method: recorded.method,
      headers,
      ...(hasBody ? { body: new Uint8Array(recorded.body) } : {}),
    });
    const answer = await fake.handle(request);
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      out[name] = value;
    });
    const body = new Uint8Array(await answer.arrayBuffer());
    await sendAnswer(response, raw, { status: answer.status, headers: out, body }, fault);
  });
  return {
    url: `${server.url}${pathPrefix}`,
    origin: server.url,
    requests: fake.requests,
    close: () => server.close(),
  };
}

/**
 * Starts a loopback HTTP server reproducing OpenAI's Videos API under `/v1` (the same fake as
 * `openAiSoraHandlers`, without msw): for Bun and Deno runs and fault tests. Point the provider at
 * it with `baseURL: server.url`.
 *
 * @example
 * ```ts
 * import { startOpenAiSoraServer } from '@video-gen/testing/loopback';
 * const server = await startOpenAiSoraServer({ apiKey: 'sk-test' });
 * const provider = createSora({ apiKey: 'sk-test', baseURL: server.url });
 * // ...
 * await server.close();
 * ```
 */
export function startOpenAiSoraServer(
  options: Omit<OpenAiSoraMockOptions, 'baseURL'> & VideosApiLoopbackOptions = {},
): Promise<VideosApiLoopbackServer> {
  const fake = createVideosApiFake({
    flavor: 'openai',
    pathPrefix: '/v1',
    auth: [{ scheme: 'bearer', token: options.apiKey ?? 'sk-test-openai-key' }],
    ...behaviour(options),
  });
  return serveVideosApiFake(fake, '/v1', options);
}
