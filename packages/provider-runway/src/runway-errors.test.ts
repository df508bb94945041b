import { ApiRequestError, type ResolvedRequest } from '@video-gen/core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { runwayModels } from './runway-models.js';
import { API_KEY, rejection, testProvider, useMswServer } from './test-support.js';

const { server, mockRunway } = useMswServer();
const ctx = () => ({
  signal: AbortSignal.timeout(10_000),
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  fetch: globalThis.fetch,
});
const request: ResolvedRequest = {
  prompt: 'A field of sunflowers',
  model: runwayModels.find((m) => m.id === 'gen4.5')!,
  width: 1280,
  height: 720,
  fps: 24,
  durationSeconds: 5,
  seed: undefined,
  negativePrompt: undefined,
  audio: undefined,
  firstFrame: undefined,
  lastFrame: undefined,
  referenceImages: [],
  providerOptions: {},
  idempotencyKey: 'key',
};

/** Submits once against a create endpoint that answers with `response`. */
async function submitAgainst(response: () => Response): Promise<ApiRequestError> {
  const runway = mockRunway();
  server.use(http.post(`${runway.baseURL}/v1/text_to_video`, response));
  const error = await rejection(testProvider(runway).submit(request, ctx()));
  expect(ApiRequestError.isInstance(error), String(error)).toBe(true);
  return error as ApiRequestError;
}

describe('runway error mapping', () => {
  it('a 400 validation answer is a non-retryable ApiRequestError with the vendor text and issues', async () => {
    const error = await submitAgainst(() =>
      HttpResponse.json(
        {
          error: 'Validation of body failed',
          issues: [{ path: ['ratio'], message: 'Invalid enum value' }],
        },
        { status: 400, headers: { 'x-request-id': 'req_123' } },
      ),
    );
    expect(error.name).toBe('ApiRequestError');
    expect(error).toMatchObject({ status: 400, retryable: false, requestId: 'req_123', provider: 'runway' });
    expect(error.message).toBe(
      'Runway POST /v1/text_to_video failed with HTTP 400 (request id req_123): Validation of body failed (ratio: Invalid enum value)',
    );
    expect(error.body).toContain('Invalid enum value');
    expect((error.cause as { status?: number }).status).toBe(400);
  });

  it('a 5xx answer is retryable', async () => {
    const error = await submitAgainst(() =>
      HttpResponse.json({ error: 'Service unavailable' }, { status: 503 }),
    );
    expect(error).toMatchObject({ status: 503, retryable: true });
  });

  it('a 402 is InsufficientCredits, a 403 is an AuthenticationError', async () => {
    const credits = await submitAgainst(() =>
      HttpResponse.json({ error: 'Payment required' }, { status: 402 }),
    );
    expect(credits.name).toBe('InsufficientCreditsError');
    const forbidden = await submitAgainst(() => HttpResponse.json({ error: 'Forbidden' }, { status: 403 }));
    expect(forbidden.name).toBe('AuthenticationError');
  });

  it('a connection failure is a retryable network error', async () => {
    const error = await submitAgainst(() => HttpResponse.error());
    expect(error).toMatchObject({ code: 'network_error', retryable: true, status: undefined });
    expect(error.message).toMatch(/^Runway POST \/v1\/text_to_video failed before a response/);
  });

  it('a vendor body that echoes the key is redacted from the message and body', async () => {
    const error = await submitAgainst(() =>
      HttpResponse.json({ error: `Key ${API_KEY} is not allowed here` }, { status: 400 }),
    );
    expect(error.message).not.toContain(API_KEY);
    expect(error.body).not.toContain(API_KEY);
    expect(error.message).toContain('[REDACTED]');
  });
});
