import { redact } from '../log/redact.js';
import { VideoGenError, type VideoGenErrorOptions } from './video-gen-error.js';

/** Options for {@link ApiRequestError} and its subclasses. */
export interface ApiRequestErrorOptions extends VideoGenErrorOptions {
  /** The HTTP status, when the vendor answered. */
  status?: number | undefined;
  /** The vendor's request id, for support tickets. */
  requestId?: string | undefined;
  /** A short, redacted excerpt of the vendor's error body. */
  body?: string | undefined;
  /** Overrides the error code. */
  code?: string | undefined;
}

/** A vendor API call failed. `status`, `requestId` and a redacted `body` excerpt say how. */
export class ApiRequestError extends VideoGenError {
  static override readonly errorName: string = 'ApiRequestError';
  /** The HTTP status, when the vendor answered. */
  readonly status: number | undefined;
  /** The vendor's request id, for support tickets. */
  readonly requestId: string | undefined;
  /** A short, redacted excerpt of the vendor's error body. */
  readonly body: string | undefined;
  constructor(message: string, options: ApiRequestErrorOptions = {}) {
    super(message, options.code ?? 'api_request_failed', {
      ...options,
      retryable: options.retryable ?? isRetryableStatus(options.status),
    });
    this.status = options.status;
    // A gateway may echo a credential in its request-id header: redacted like the message.
    this.requestId = options.requestId === undefined ? undefined : redact(options.requestId);
    this.body = options.body === undefined ? undefined : redact(options.body).slice(0, 500);
  }
}

/** Statuses worth another try: timeouts, conflicts, rate limits and server errors. */
export function isRetryableStatus(status: number | undefined): boolean {
  if (status === undefined) return true;
  return status === 408 || status === 409 || status === 425 || status === 429 || status >= 500;
}

/** The vendor refused the credentials (401/403). Not retried. */
export class AuthenticationError extends ApiRequestError {
  static override readonly errorName: string = 'AuthenticationError';
  constructor(message: string, options: ApiRequestErrorOptions = {}) {
    super(message, { ...options, code: options.code ?? 'authentication_failed', retryable: false });
  }
}

/** The vendor rate-limited the call (429). Retried after `retryAfterMs`. */
export class RateLimitError extends ApiRequestError {
  static override readonly errorName: string = 'RateLimitError';
  /** How long the vendor asked to wait, when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: ApiRequestErrorOptions & { retryAfterMs?: number | undefined } = {}) {
    super(message, {
      ...options,
      status: options.status ?? 429,
      code: options.code ?? 'rate_limited',
      retryable: true,
    });
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The account has no credits or quota left (402, or the vendor's own code). Not retried. */
export class InsufficientCreditsError extends ApiRequestError {
  static override readonly errorName: string = 'InsufficientCreditsError';
  constructor(message: string, options: ApiRequestErrorOptions = {}) {
    super(message, { ...options, code: options.code ?? 'insufficient_credits', retryable: false });
  }
}

/** The vendor refused the prompt or an image on content-policy grounds. Not retried. */
export class ContentPolicyError extends ApiRequestError {
  static override readonly errorName: string = 'ContentPolicyError';
  constructor(message: string, options: ApiRequestErrorOptions = {}) {
    super(message, { ...options, code: options.code ?? 'content_policy', retryable: false });
  }
}
