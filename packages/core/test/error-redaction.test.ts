import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../src/http/http-client.js';
import { type LoopbackServer, startLoopbackServer } from '../src/http/test-support/loopback-server.js';
import { toApiError } from '../src/http/to-api-error.js';
import {
  ApiRequestError,
  InputFileError,
  JobTimeoutError,
  registerSecret,
  VideoGenError,
} from '../src/index.js';
import { clearSecrets } from '../src/log/secrets.js';

// Shaped like no known credential pattern: only registration (or the headers sent) can reveal it.
const SENTINEL = 'gw-SENTINEL-key-0123456789abcdef';

/** Every way an error is commonly printed or shipped. */
function everyRendering(error: Error): string[] {
  return [
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    String(error),
    `${error}`,
    error.message,
    error.stack ?? '',
  ];
}

afterEach(() => clearSecrets());

describe('secrets in error fields', () => {
  it('redacts a registered key that a gateway echoed as the request id, in every rendering', () => {
    registerSecret(SENTINEL);
    const error = new ApiRequestError(`upstream failed (request id ${SENTINEL})`, {
      provider: 'acme',
      status: 502,
      requestId: SENTINEL,
      body: `{"echo":"${SENTINEL}"}`,
    });

    expect(error.requestId).toBe('[REDACTED]');
    for (const text of everyRendering(error)) expect(text).not.toContain(SENTINEL);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'ApiRequestError',
      code: 'api_request_failed',
      status: 502,
      requestId: '[REDACTED]',
    });
  });

  it('redacts the string fields of every error class, even a secret registered after construction', () => {
    const errors: Error[] = [
      new InputFileError('image unreadable', `https://cdn.example/${SENTINEL}.png`),
      new JobTimeoutError('timed out', { journalPath: `/tmp/${SENTINEL}/out.mp4.job.json` }),
      Object.assign(new VideoGenError('custom', 'custom_code'), { detail: `token ${SENTINEL}` }),
    ];
    registerSecret(SENTINEL);
    for (const error of errors) {
      for (const text of everyRendering(error)) expect(text).not.toContain(SENTINEL);
    }
  });

  it('keeps the usual inspect output: class name, message and fields', () => {
    const error = new ApiRequestError('boom', { provider: 'acme', status: 500, requestId: 'req_1' });
    const text = inspect(error);
    expect(text).toMatch(/^ApiRequestError: boom\n\s+at /);
    expect(text).toContain("requestId: 'req_1'");
    expect(text).toContain('status: 500');
    expect(ApiRequestError.isInstance(error)).toBe(true);
  });
});

describe('a request id echoing the credential sent', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer((req, res) => {
      res.writeHead(500, {
        'content-type': 'application/json',
        'x-request-id': String(req.headers['x-api-key']),
      });
      res.end('{"error":{"message":"upstream failed"}}');
    });
  });
  afterAll(() => server.close());

  it('never puts the unregistered key sent in x-api-key into the error', async () => {
    const http = createHttpClient({ headers: { 'x-api-key': SENTINEL } });
    const error = await http
      .get(`${server.origin}/v1/jobs`)
      .json()
      .then(
        () => undefined,
        (caught: unknown) => toApiError(caught, 'acme'),
      );

    expect(ApiRequestError.isInstance(error)).toBe(true);
    expect((error as ApiRequestError).requestId).toBe('[REDACTED]');
    for (const text of everyRendering(error as Error)) expect(text).not.toContain(SENTINEL);
  });
});
