import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiRequestError,
  AuthenticationError,
  InsufficientCreditsError,
  RateLimitError,
  ValidationError,
} from '../errors/index.js';
import { createHttpClient } from './http-client.js';
import { type LoopbackServer, startLoopbackServer } from './test-support/loopback-server.js';
import { toApiError } from './to-api-error.js';

const SENTINEL = 'sk-SENTINEL-0123456789abcdef';

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    const status = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('status') ?? 200);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': 'req_123' };
    if (status === 429) headers['retry-after'] = '7';
    res.writeHead(status, headers);
    // A careless server echoing the credentials it received, plus a long tail.
    res.end(
      JSON.stringify({
        error: { message: `bad thing; you sent ${req.headers.authorization}` },
        pad: 'x'.repeat(2000),
      }),
    );
  });
});
afterAll(() => server.close());

async function failWith(status: number): Promise<Error> {
  const http = createHttpClient({ headers: { authorization: `Bearer ${SENTINEL}` } });
  try {
    await http.get(`${server.origin}/v1/jobs?status=${status}&key=QUERYSECRET`).json();
  } catch (error) {
    return toApiError(error, 'acme');
  }
  throw new Error('expected a failure');
}

function expectNoSecrets(error: Error): void {
  const everything = `${error.message} ${(error as ApiRequestError).body ?? ''} ${inspect(error, { depth: 10 })}`;
  expect(everything).not.toContain(SENTINEL);
  expect(everything).not.toContain('QUERYSECRET');
}

describe('toApiError', () => {
  it('maps 401 and 403 to AuthenticationError', async () => {
    for (const status of [401, 403]) {
      const error = await failWith(status);
      expect(AuthenticationError.isInstance(error)).toBe(true);
      expect((error as AuthenticationError).retryable).toBe(false);
      expectNoSecrets(error);
    }
  });

  it('maps 402 to InsufficientCreditsError', async () => {
    expect(InsufficientCreditsError.isInstance(await failWith(402))).toBe(true);
  });

  it('maps 429 to RateLimitError with retryAfterMs', async () => {
    const error = (await failWith(429)) as RateLimitError;
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.retryAfterMs).toBe(7000);
    expect(error.retryable).toBe(true);
  });

  it('maps other statuses to ApiRequestError with status, request id and a short redacted body', async () => {
    const error = (await failWith(500)) as ApiRequestError;
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error.status).toBe(500);
    expect(error.requestId).toBe('req_123');
    expect(error.retryable).toBe(true);
    expect(error.provider).toBe('acme');
    expect(error.body?.length).toBeLessThanOrEqual(501);
    expect(error.body).toContain('bad thing');
    expect(error.message).toContain('HTTP 500');
    expect(error.message).toContain('req_123');
    expect(error.message).toContain('bad thing');
    expectNoSecrets(error);
    expect(((await failWith(400)) as ApiRequestError).retryable).toBe(false);
  });

  it('maps network failures to a retryable ApiRequestError without status', async () => {
    const closed = await startLoopbackServer(() => {});
    const url = `${closed.origin}/x`;
    await closed.close();
    let error: unknown;
    try {
      await createHttpClient({ headers: { authorization: `Bearer ${SENTINEL}` } }).get(url);
    } catch (caught) {
      error = toApiError(caught);
    }
    expect(ApiRequestError.isInstance(error)).toBe(true);
    expect((error as ApiRequestError).status).toBeUndefined();
    expect((error as ApiRequestError).retryable).toBe(true);
    expect((error as ApiRequestError).code).toBe('network_error');
    expectNoSecrets(error as Error);
  });

  it('maps a timeout to a retryable ApiRequestError', async () => {
    const slow = await startLoopbackServer(() => {});
    try {
      const error = await createHttpClient({ timeoutMs: 50 })
        .get(`${slow.origin}/slow`)
        .then(
          () => undefined,
          (caught: unknown) => toApiError(caught),
        );
      expect((error as ApiRequestError).code).toBe('timeout');
      expect((error as ApiRequestError).retryable).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it('passes video-gen errors and aborts through', () => {
    const validation = new ValidationError('nope');
    expect(toApiError(validation)).toBe(validation);
    const abort = new DOMException('stop', 'AbortError');
    expect(toApiError(abort)).toBe(abort);
  });

  it('uses an injected fetch', async () => {
    const calls: string[] = [];
    const http = createHttpClient({
      fetch: async (input) => {
        calls.push(input instanceof Request ? input.url : String(input));
        return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
      },
    });
    expect(await http.get('https://api.example.com/v1/ping').json()).toEqual({ ok: true });
    expect(calls).toEqual(['https://api.example.com/v1/ping']);
  });
});
