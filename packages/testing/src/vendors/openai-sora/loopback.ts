import { startLoopbackServer } from '../../loopback/start-loopback-server.js';
import { behaviour, type OpenAiSoraMockOptions } from './mock-options.js';
import { createVideosApiFake, type RecordedVideosRequest, type VideosApiFake } from './videos-api-fake.js';

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
): Promise<VideosApiLoopbackServer> {
  const server = await startLoopbackServer(async (recorded, response) => {
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
    response.writeHead(answer.status, out);
    response.end(body);
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
  options: Omit<OpenAiSoraMockOptions, 'baseURL'> = {},
): Promise<VideosApiLoopbackServer> {
  const fake = createVideosApiFake({
    flavor: 'openai',
    pathPrefix: '/v1',
    auth: [{ scheme: 'bearer', token: options.apiKey ?? 'sk-test-openai-key' }],
    ...behaviour(options),
  });
  return serveVideosApiFake(fake, '/v1');
}
