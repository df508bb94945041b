import type { IncomingHttpHeaders } from 'node:http';
import { type LoopbackServer, startLoopbackServer } from '../../loopback/start-loopback-server.js';
import {
  resetConnection,
  sendAnswer,
  type TransportFault,
  transportFaultPicker,
} from '../../loopback/transport-faults.js';
import {
  createRunwayFake,
  type RunwayFake,
  type RunwayFakeOptions,
  type RunwayRecordedRequest,
} from './runway-fake.js';

export type { RunwayFailures, RunwayRecordedRequest, RunwayTaskStep } from './runway-fake.js';

/**
 * Options of {@link startRunwayLoopback}: those of the msw handlers, minus the origins (all are the server's).
 *
 * @example
 * ```ts
 * const options: RunwayLoopbackOptions = { apiKey: 'test', failures: { expiredOutputs: 1 } };
 * ```
 */
export type RunwayLoopbackOptions = Omit<RunwayFakeOptions, 'baseURL' | 'outputOrigin' | 'uploadOrigin'> & {
  /** Connection resets, cut or slow bodies, HTML pages, by call: `create`, `task` (fetch), `output` (video download). */
  readonly transportFaults?: readonly TransportFault<RunwayCall>[];
};

/** The calls transport faults can hit. */
export type RunwayCall = 'create' | 'task' | 'output';

function callOf(method: string, url: string): RunwayCall | undefined {
  const pathname = url.split('?')[0] ?? '';
  if (method === 'POST' && /^\/v1\/(image_to_video|text_to_video)$/.test(pathname)) return 'create';
  if (method === 'GET' && pathname.startsWith('/v1/tasks/')) return 'task';
  if (method === 'GET' && pathname.startsWith('/outputs/')) return 'output';
  return undefined;
}

/**
 * A running fake Runway API on a real loopback HTTP server.
 *
 * @example
 * ```ts
 * const server: RunwayLoopback = await startRunwayLoopback();
 * server.apiRequests('POST'); // the creates it received
 * await server.close();
 * ```
 */
export interface RunwayLoopback {
  /** `http://127.0.0.1:<port>`: pass it as `baseURL`. Output videos are served from it too, so downloads need `allowLoopbackDownloads`. */
  readonly url: string;
  /** Every request received, parsed as the msw handlers record them. */
  readonly requests: RunwayRecordedRequest[];
  /** Requests to the API, filtered by method and path prefix. */
  apiRequests: RunwayFake['apiRequests'];
  close(): Promise<void>;
}

function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/**
 * Starts the fake Runway API of the msw handlers on a real HTTP server on 127.0.0.1, without msw:
 * for Bun and Deno runs and runtime checks. Same routes, headers, task sequence and faults.
 *
 * @example
 * ```ts
 * const server = await startRunwayLoopback();
 * await generateVideo({
 *   provider: createRunway({ apiKey: 'test', baseURL: server.url }),
 *   prompt: 'waves', model: 'veo3.1', allowLoopbackDownloads: true,
 * });
 * await server.close();
 * ```
 */
export async function startRunwayLoopback(options: RunwayLoopbackOptions = {}): Promise<RunwayLoopback> {
  let fake: RunwayFake | undefined;
  const faults = transportFaultPicker(options.transportFaults);
  const server: LoopbackServer = await startLoopbackServer(async (recorded, response, raw) => {
    const fault = faults.take(callOf(recorded.method, recorded.url));
    if (fault?.kind === 'reset') {
      resetConnection(raw);
      return;
    }
    const init: RequestInit = { method: recorded.method, headers: toHeaders(recorded.headers) };
    if (recorded.body.byteLength > 0) init.body = new Uint8Array(recorded.body);
    const answer = await fake!.handle(new Request(`${server.url}${recorded.url}`, init));
    if (!answer) {
      response.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = new Uint8Array(await answer.arrayBuffer());
    await sendAnswer(response, raw, { status: answer.status, headers, body }, fault);
  });
  const { transportFaults: _transport, ...fakeOptions } = options;
  fake = createRunwayFake({
    ...fakeOptions,
    baseURL: server.url,
    outputOrigin: server.url,
    uploadOrigin: server.url,
  });
  return {
    url: server.url,
    requests: fake.requests,
    apiRequests: fake.apiRequests,
    close: () => server.close(),
  };
}
