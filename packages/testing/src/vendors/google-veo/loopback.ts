import { Buffer } from 'node:buffer';
import { startLoopbackServer } from '../../loopback/start-loopback-server.js';
import {
  resetConnection,
  sendAnswer,
  type TransportFault,
  transportFaultPicker,
} from '../../loopback/transport-faults.js';
import {
  createFakeVeo,
  type FakeVeo,
  type GoogleVeoFailurePoint,
  type GoogleVeoMockOptions,
} from './fake-veo.js';

/** Options only the loopback Veo server takes (msw cannot break a connection). */
export interface GoogleVeoLoopbackOptions extends GoogleVeoMockOptions {
  /** Connection resets, cut or slow bodies, HTML pages, by call: `submit`, `poll`, `download`. */
  readonly transportFaults?: readonly TransportFault<GoogleVeoFailurePoint>[];
}

/** The call a request is, from its path (Vertex and legacy routes). */
function pointOf(url: string): GoogleVeoFailurePoint | undefined {
  const pathname = decodeURIComponent(url.split('?')[0] ?? '');
  if (pathname.endsWith(':predictLongRunning')) return 'submit';
  if (pathname.endsWith(':fetchPredictOperation') || /\/operations\/[^/]+$/.test(pathname)) return 'poll';
  if (pathname.includes('/download/storage/') || pathname.endsWith(':download')) return 'download';
  return undefined;
}

export type { FakeVeo, GoogleVeoMockOptions, GoogleVeoRecordedRequest } from './fake-veo.js';

/** A running loopback Veo server. */
export interface GoogleVeoLoopbackServer {
  /** `http://127.0.0.1:<port>`: pass it as the provider's `baseURL`. */
  readonly url: string;
  /** The fake behind it: `fake.requests` records every call. */
  readonly fake: FakeVeo;
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server on 127.0.0.1 that speaks Veo's Vertex AI wire (the same fake as
 * `googleVeoHandlers`), for runtime checks under Node, Bun and Deno without msw. Point the
 * provider at it with `baseURL: server.url`; it serves the video inline (base64).
 *
 * @example
 * ```ts
 * const server = await startGoogleVeoLoopbackServer({ pollsBeforeDone: 1 });
 * const veo = createVeo3({ project: 'test-project', location: 'us-central1', accessToken: 'test-access-token', baseURL: server.url });
 * // ... generateVideo({ provider: veo, ... })
 * await server.close();
 * ```
 */
export async function startGoogleVeoLoopbackServer(
  options: GoogleVeoLoopbackOptions = {},
): Promise<GoogleVeoLoopbackServer> {
  const fake = createFakeVeo(options);
  const faults = transportFaultPicker(options.transportFaults);
  const server = await startLoopbackServer(async (request, response, raw) => {
    const fault = faults.take(pointOf(request.url));
    if (fault?.kind === 'reset') {
      resetConnection(raw);
      return;
    }
    const text = request.body.toString('utf8');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const answer = fake.handle({
      method: request.method,
      url: `http://127.0.0.1${request.url}`,
      headers,
      body,
    });
    const reply = answer.bytes
      ? {
          status: answer.status,
          headers: { ...answer.headers },
          body: new Uint8Array(Buffer.from(answer.bytes)),
        }
      : {
          status: answer.status,
          headers: { 'content-type': 'application/json; charset=UTF-8', ...answer.headers },
          body: new TextEncoder().encode(JSON.stringify(answer.json)),
        };
    await sendAnswer(response, raw, reply, fault);
  });
  return { url: server.url, fake, close: () => server.close() };
}
