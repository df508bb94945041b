import type { HTTPError, NetworkError, TimeoutError } from 'ky';

// ky's own guards (`isHTTPError` …) would load ky with core. They match an error by its class or
// by its `name` (so copies from another realm count); the name, with the fields read here, is
// enough, and keeps ky out of core's import.

const hasRequest = (error: unknown, name: string): boolean =>
  error instanceof Error &&
  error.name === name &&
  typeof (error as { request?: unknown }).request === 'object';

/** ky's `HTTPError`: a response with a status that throws. */
export function isKyHttpError(error: unknown): error is HTTPError {
  return hasRequest(error, 'HTTPError') && typeof (error as { response?: unknown }).response === 'object';
}

/** ky's `TimeoutError`: no response headers within the timeout. */
export function isKyTimeoutError(error: unknown): error is TimeoutError {
  return hasRequest(error, 'TimeoutError');
}

/** ky's `NetworkError`: the request failed before any response. */
export function isKyNetworkError(error: unknown): error is NetworkError {
  return hasRequest(error, 'NetworkError');
}
