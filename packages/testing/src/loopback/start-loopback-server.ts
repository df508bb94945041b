import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the loopback server received, with its body read. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Every request received so far, in order. */
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Handles one request; the body is already read. */
export type LoopbackHandler = (
  request: RecordedRequest,
  response: ServerResponse,
  raw: IncomingMessage,
) => void | Promise<void>;

/**
 * Starts a real HTTP server on 127.0.0.1 (a free port), for tests and runtime checks that must not
 * depend on msw: Bun and Deno runs, fault injection, a provider pointed at it through `baseURL`.
 *
 * @example
 * ```ts
 * const server = await startLoopbackServer((request, response) => {
 *   response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"task-1"}');
 * });
 * // ... createRunway({ baseURL: server.url }) ...
 * await server.close();
 * ```
 */
export async function startLoopbackServer(handler: LoopbackHandler): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (raw, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(chunk as Buffer);
    const request: RecordedRequest = {
      method: raw.method ?? 'GET',
      url: raw.url ?? '/',
      headers: raw.headers,
      body: Buffer.concat(chunks),
    };
    requests.push(request);
    try {
      await handler(request, response, raw);
    } catch (error) {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
