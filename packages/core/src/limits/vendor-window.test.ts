import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimitError } from '../errors/api-request-error.js';
import { RequestLimiter } from './request-limiter.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A vendor that refuses a call (429, Retry-After `retryAfterMs`) when `limit` calls started in the last `windowMs`. */
function slidingWindowVendor(limit: number, windowMs: number, retryAfterMs: number) {
  const accepted: number[] = [];
  const refusals: number[] = [];
  const call = async () => {
    const now = Date.now();
    while (accepted.length > 0 && accepted[0]! <= now - windowMs) accepted.shift();
    if (accepted.length >= limit) {
      refusals.push(now);
      throw new RateLimitError('Too many requests', { retryAfterMs, provider: 'test' });
    }
    accepted.push(now);
    await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { call, refusals };
}

/** Runs `calls` calls through `limiter`, each retried after a 429 like core's retry loop does. */
async function runAll(
  limiter: RequestLimiter,
  vendor: () => Promise<void>,
  calls: number,
): Promise<number[]> {
  const done: number[] = [];
  await Promise.all(
    Array.from({ length: calls }, async () => {
      for (;;) {
        try {
          await limiter.run(vendor);
          done.push(Date.now());
          return;
        } catch (error) {
          if (!RateLimitError.isInstance(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs));
        }
      }
    }),
  );
  return done;
}

describe('RequestLimiter learning a sliding window', () => {
  it('keeps to a vendor of 40 calls per 100 ms: no 429 once learned, and the window used in full', async () => {
    vi.useFakeTimers();
    const vendor = slidingWindowVendor(40, 100, 50);
    const limiter = new RequestLimiter({ maxConcurrentRequests: 16 });
    const t0 = Date.now();
    const running = runAll(limiter, vendor.call, 2000);
    await vi.advanceTimersByTimeAsync(10_000);
    const done = await running;

    const end = Math.max(...done);
    // 2000 calls at 400/s take 5 s at best; learning costs a few pauses at the start.
    expect(end - t0).toBeLessThan(5_000 / 0.92);
    // After the first second, the limiter stays inside the vendor's window.
    expect(vendor.refusals.filter((at) => at - t0 > 1_000)).toEqual([]);
  });

  it('against a vendor of 10 calls per 1 s answering Retry-After 1 s, learns it as well', async () => {
    vi.useFakeTimers();
    const vendor = slidingWindowVendor(10, 1_000, 1_000);
    const limiter = new RequestLimiter({});
    const t0 = Date.now();
    const running = runAll(limiter, vendor.call, 400);
    await vi.advanceTimersByTimeAsync(90_000);
    const done = await running;

    // Learning a window this long costs a few one-second pauses; then no 429, at the vendor's rate.
    const learned = t0 + 16_000;
    expect(vendor.refusals.filter((at) => at > learned)).toEqual([]);
    const after = done.filter((at) => at > learned);
    expect(after.length).toBeGreaterThan(150);
    const perSecond = (after.length - 1) / ((Math.max(...after) - Math.min(...after)) / 1000);
    expect(perSecond).toBeGreaterThan(9);
  });
});
