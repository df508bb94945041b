import { Buffer } from 'node:buffer';
import { startLoopbackServer } from '../../loopback/start-loopback-server.js';
import { createFakeVeo, type FakeVeo, type GoogleVeoMockOptions } from './fake-veo.js';

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
  options: GoogleVeoMockOptions = {},
): Promise<GoogleVeoLoopbackServer> {
  const fake = createFakeVeo(options);
  const server = await startLoopbackServer((request, response) => {
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
    if (answer.bytes) {
      response.writeHead(answer.status, { ...answer.headers }).end(Buffer.from(answer.bytes));
    } else {
      response
        .writeHead(answer.status, { 'content-type': 'application/json; charset=UTF-8', ...answer.headers })
        .end(JSON.stringify(answer.json));
    }
  });
  return { url: server.url, fake, close: () => server.close() };
}
