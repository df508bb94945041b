import { RateLimitError } from '../errors/api-request-error.js';
import type { RequestLimiter } from './request-limiter.js';

/**
 * Runs one vendor call through the provider's limiter. A rate-limit answer pauses every caller of
 * that provider for the vendor's Retry-After, so a burst of parallel jobs backs off together
 * instead of each one hammering the vendor into more 429s.
 */
export async function vendorCall<T>(
  limiter: RequestLimiter,
  call: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  try {
    return await limiter.run(call, signal);
  } catch (error) {
    if (RateLimitError.isInstance(error)) limiter.pause(error.retryAfterMs ?? 1_000);
    throw error;
  }
}
