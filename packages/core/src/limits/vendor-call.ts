import type { RequestLimiter, VendorCallOptions } from './request-limiter.js';

/**
 * Runs one vendor call through the provider's limiter. A rate-limit answer pauses every caller of
 * that provider for the vendor's Retry-After, so a burst of parallel jobs backs off together
 * instead of each one hammering the vendor into more 429s (see {@link RequestLimiter.run}).
 */
export function vendorCall<T>(
  limiter: RequestLimiter,
  call: () => Promise<T>,
  signal?: AbortSignal,
  options?: VendorCallOptions,
): Promise<T> {
  return limiter.run(call, signal, options);
}
