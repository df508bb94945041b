import {
  ApiRequestError,
  AuthenticationError,
  ContentPolicyError,
  GenerationFailedError,
  generateVideo,
  InsufficientCreditsError,
  RateLimitError,
} from '@video-gen/core';
import { openAiSoraFaults, openAiSoraHandlers } from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSora } from './sora-provider.js';
import { context, FAST, outPath, request } from './test-support.js';

const KEY = 'sk-test-openai-key';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function mock(options: Parameters<typeof openAiSoraHandlers>[0] = {}) {
  const handlers = openAiSoraHandlers(options);
  server.use(...handlers.handlers);
  return handlers;
}

async function submitError(options: Parameters<typeof openAiSoraHandlers>[0], apiKey = KEY): Promise<Error> {
  mock(options);
  return createSora({ apiKey })
    .submit(request(), context())
    .then(
      () => {
        throw new Error('expected the submit to fail');
      },
      (error: Error) => error,
    );
}

describe('createSora: error mapping', () => {
  it('maps 401 invalid_api_key to a non-retryable AuthenticationError that never quotes the key', async () => {
    const error = await submitError({}, 'sk-wrong-key-0123456789');
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, retryable: false, provider: 'sora2' });
    expect(error.message).toContain('invalid_api_key');
    expect(error.message).not.toContain('sk-wrong-key-0123456789');
    expect((error.cause as Error).constructor.name).toBe('AuthenticationError');
  });

  it('maps 403 to an AuthenticationError about permission', async () => {
    const error = await submitError({ faults: [openAiSoraFaults.forbidden()] });
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 403, code: 'permission_denied', retryable: false });
    expect(error.message).toContain('must be verified');
  });

  it('maps 429 rate_limit_exceeded to a RateLimitError with retryAfterMs from retry-after', async () => {
    const error = await submitError({ faults: [openAiSoraFaults.rateLimited(2)] });
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 2000, retryable: true });
  });

  it('maps 429 insufficient_quota to a non-retryable InsufficientCreditsError', async () => {
    const error = await submitError({ faults: [openAiSoraFaults.insufficientQuota()] });
    expect(InsufficientCreditsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, retryable: false });
  });

  it('maps 400 moderation_blocked to a ContentPolicyError', async () => {
    const error = await submitError({ faults: [openAiSoraFaults.moderationBlocked()] });
    expect(ContentPolicyError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(error.message).toContain('blocked by our moderation system');
  });

  it('maps another 400 to a non-retryable ApiRequestError with the vendor message and a body excerpt', async () => {
    const error = await submitError({
      faults: [openAiSoraFaults.invalidValue('seconds', "Invalid value: '5'.")],
    });
    expect(ApiRequestError.isInstance(error)).toBe(true);
    expect(ContentPolicyError.isInstance(error)).toBe(false);
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(error.message).toContain("Invalid value: '5'.");
    expect((error as ApiRequestError).body).toContain('invalid_value');
    expect((error as ApiRequestError).requestId).toMatch(/^req_/);
  });

  it('maps 5xx to a retryable ApiRequestError', async () => {
    const error = await submitError({ faults: [openAiSoraFaults.serverError('create')] });
    expect(ApiRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 500, retryable: true });
  });

  it('maps a connection failure to a retryable ApiRequestError', async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const error = await createSora({ apiKey: KEY, fetch: failing })
      .submit(request(), context())
      .catch((e: Error) => e);
    expect(ApiRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'network_error', retryable: true, status: undefined });
  });

  it('reports a job the API no longer has (404) as failed, so core drops its journal', async () => {
    mock();
    const job = {
      provider: 'sora2',
      model: 'sora-2',
      id: 'video_missing',
      createdAt: new Date().toISOString(),
    };
    const status = await createSora({ apiKey: KEY }).status(job, context());
    expect(status.state).toBe('failed');
    const error = (status as { error: Error }).error;
    expect(GenerationFailedError.isInstance(error)).toBe(true);
    expect(error.message).toContain('has no video video_missing (404)');
    expect(ApiRequestError.isInstance(error.cause)).toBe(true);
  });

  it('lets core retry a 429 after its retry-after and submit once more, with SDK retries off', async () => {
    const api = mock({ faults: [openAiSoraFaults.rateLimited(0, 'create', 1)] });
    const result = await generateVideo({
      ...FAST,
      provider: createSora({ apiKey: KEY }),
      prompt: 'waves',
      outPath: outPath(),
    });
    expect(result.bytes).toBeGreaterThan(0);
    const posts = api.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    // The SDK's own retry would have sent x-stainless-retry-count 1; core's retry is a fresh call.
    expect(posts.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '0']);
  });

  it('does not retry a 401 through generateVideo, and removes the journal', async () => {
    const api = mock({ faults: [openAiSoraFaults.unauthorized()] });
    const error = await generateVideo({
      ...FAST,
      provider: createSora({ apiKey: KEY }),
      prompt: 'waves',
      outPath: outPath(),
    }).catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(api.requests).toHaveLength(1);
  });
});
