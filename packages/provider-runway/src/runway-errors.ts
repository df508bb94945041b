import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  RunwayMLError,
} from '@runwayml/sdk';
import {
  ApiRequestError,
  AuthenticationError,
  InsufficientCreditsError,
  parseRetryAfter,
  plainBodyText,
  RateLimitError,
  VideoGenError,
} from '@video-gen/core';

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid'];

/** Runway's error body: `{ error: "...", issues?: [...] }`. */
function vendorText(body: unknown): { text: string | undefined; issues: unknown } {
  if (typeof body !== 'object' || body === null) return { text: undefined, issues: undefined };
  const record = body as { error?: unknown; message?: unknown; issues?: unknown };
  const text =
    typeof record.error === 'string'
      ? record.error
      : typeof record.message === 'string'
        ? record.message
        : undefined;
  return { text, issues: record.issues };
}

/** A one-line summary of zod-like issues (`ratio: must be one of ...`). */
function describeIssues(issues: unknown): string {
  if (!Array.isArray(issues) || issues.length === 0) return '';
  const parts = issues.slice(0, 5).map((issue) => {
    if (typeof issue !== 'object' || issue === null) return String(issue);
    const { path, message } = issue as { path?: unknown; message?: unknown };
    const where = Array.isArray(path) && path.length > 0 ? `${path.join('.')}: ` : '';
    return `${where}${typeof message === 'string' ? message : JSON.stringify(issue)}`;
  });
  return ` (${parts.join('; ')}${issues.length > 5 ? '; …' : ''})`;
}

function safeJson(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * Maps an error of a Runway SDK call into core's errors: 401/403 → AuthenticationError, 429 →
 * RateLimitError (with Retry-After), 402 or a 400 about credits → InsufficientCreditsError, any
 * other status → ApiRequestError with the vendor's `error` text and `issues` (retryable for
 * 408/409/429/5xx only), connection failures and timeouts → a retryable ApiRequestError. The SDK
 * error is kept as `cause`: it holds the response, never the request headers, so no key travels
 * with it; messages are redacted by core as well.
 *
 * Core errors and aborts come back unchanged.
 */
export function toRunwayError(error: unknown, operation: string): unknown {
  if (VideoGenError.isInstance(error) || error instanceof APIUserAbortError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new ApiRequestError(`Runway ${operation} timed out.`, {
      provider: 'runway',
      code: 'timeout',
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof APIConnectionError) {
    const reason = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return new ApiRequestError(`Runway ${operation} failed before a response${reason}`, {
      provider: 'runway',
      code: 'network_error',
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    const headers = error.headers instanceof Headers ? error.headers : new Headers();
    const requestId = REQUEST_ID_HEADERS.map((name) => headers.get(name)).find(Boolean) ?? undefined;
    const { text, issues } = vendorText(error.error);
    const detail = `${text ?? plainBodyText(error.error, error.message)}${describeIssues(issues)}`;
    const message = `Runway ${operation} failed with HTTP ${status}${requestId ? ` (request id ${requestId})` : ''}: ${detail}`;
    const options = { provider: 'runway', status, requestId, body: safeJson(error.error), cause: error };
    if (status === 401 || status === 403) {
      return new AuthenticationError(
        `${message}. Check RUNWAYML_API_SECRET (or the apiKey you passed).`,
        options,
      );
    }
    if (status === 429)
      return new RateLimitError(message, { ...options, retryAfterMs: parseRetryAfter(headers) });
    if (status === 402 || (status === 400 && /credit/i.test(text ?? ''))) {
      return new InsufficientCreditsError(
        `${message}. Add credits to the Runway organisation and run it again.`,
        options,
      );
    }
    return new ApiRequestError(message, options);
  }
  if (error instanceof RunwayMLError) {
    return new ApiRequestError(`Runway ${operation} failed: ${error.message}`, {
      provider: 'runway',
      retryable: false,
      cause: error,
    });
  }
  return error;
}
