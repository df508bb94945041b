import { describe, expect, it } from 'vitest';
import {
  ApiRequestError,
  AuthenticationError,
  ContentPolicyError,
  InsufficientCreditsError,
  JobTimeoutError,
  RateLimitError,
  registerSecret,
  ValidationError,
  VideoGenError,
} from '../src/index.js';

describe('error hierarchy', () => {
  it('isInstance follows the class hierarchy', () => {
    const error = new RateLimitError('slow down', { retryAfterMs: 2000, provider: 'sora2' });
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(ApiRequestError.isInstance(error)).toBe(true);
    expect(VideoGenError.isInstance(error)).toBe(true);
    expect(AuthenticationError.isInstance(error)).toBe(false);
    expect(ValidationError.isInstance(new Error('plain'))).toBe(false);
    expect(error).toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryable: true,
      retryAfterMs: 2000,
      provider: 'sora2',
    });
  });

  it('isInstance recognises an error from another copy of the package', () => {
    // A structural stand-in for the same class loaded from a duplicated node_modules copy.
    const foreign = Object.assign(new Error('from a copy'), {
      [Symbol.for('video-gen.error')]: ['ContentPolicyError', 'ApiRequestError', 'VideoGenError'],
    });
    expect(ContentPolicyError.isInstance(foreign)).toBe(true);
    expect(ApiRequestError.isInstance(foreign)).toBe(true);
    expect(InsufficientCreditsError.isInstance(foreign)).toBe(false);
  });

  it.each([
    [new AuthenticationError('x'), false],
    [new InsufficientCreditsError('x', { status: 402 }), false],
    [new ContentPolicyError('x'), false],
    [new ApiRequestError('x', { status: 400 }), false],
    [new ApiRequestError('x', { status: 408 }), true],
    [new ApiRequestError('x', { status: 502 }), true],
    [new ApiRequestError('x'), true],
  ])('%o retryable is %s', (error, retryable) => {
    expect(error.retryable).toBe(retryable);
  });

  it('keeps secrets out of messages and bodies', () => {
    const key = 'sk-test-SENTINEL-errors-0123456789';
    registerSecret(key);
    const error = new ApiRequestError(`Incorrect API key provided: ${key}`, {
      status: 401,
      body: `{"error":"${key}"}`,
    });
    expect(error.message).not.toContain(key);
    expect(error.body).not.toContain(key);
    expect(error.message).toContain('[REDACTED]');
  });

  it('JobTimeoutError carries the job and the journal to resume from', () => {
    const job = { provider: 'fake', model: 'm', id: 'j1', createdAt: '2026-01-01T00:00:00Z' };
    const error = new JobTimeoutError('late', { job, journalPath: '/tmp/x.mp4.job.json' });
    expect(error).toMatchObject({ code: 'job_timeout', job, journalPath: '/tmp/x.mp4.job.json' });
  });
});
