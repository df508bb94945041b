import {
  ApiRequestError,
  AuthenticationError,
  ContentPolicyError,
  InsufficientCreditsError,
  parseRetryAfter,
  plainBodyText,
  RateLimitError,
  VideoGenError,
} from '@video-gen/core';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/** What an error message says about the call that failed. */
export interface VideosApiCall {
  /** The provider id, such as `sora2`. */
  readonly provider: string;
  /** A human name for the vendor, such as `OpenAI Sora`. */
  readonly label: string;
  /** What was being done, such as `submit` or `status of video_123`. */
  readonly operation: string;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'apim-request-id', 'x-ms-request-id'];

/**
 * Codes with which the Videos API (OpenAI and Azure) refuses a prompt or an image on content
 * grounds: `moderation_blocked`, Azure's `content_filter` and `ResponsibleAIPolicyViolation`, and kin.
 *
 * @example
 * ```ts
 * isContentPolicyCode('moderation_blocked'); // true
 * ```
 */
export function isContentPolicyCode(code: string | null | undefined): boolean {
  return (
    typeof code === 'string' &&
    /moderation|content[_ ]?filter|content[_ ]?policy|responsibleaipolicy|safety|prompt_blocked/i.test(code)
  );
}

/** The vendor's error object (`{ error: { code, message, innererror? } }`'s inner part). */
export interface VendorErrorBody {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly type?: unknown;
  readonly param?: unknown;
  readonly innererror?: { readonly code?: unknown } | null;
}

/**
 * The SDK error's body (the inner `error` object), when the vendor sent a JSON one; `{}` otherwise.
 *
 * @example
 * ```ts
 * if (error instanceof APIError && vendorErrorBody(error).code === 'DeploymentNotFound') { ... }
 * ```
 */
export function vendorErrorBody(error: APIError): VendorErrorBody {
  const body = error.error;
  return typeof body === 'object' && body !== null ? (body as VendorErrorBody) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Maps an error of the openai SDK (or anything thrown during a Videos API call) into video-gen's
 * errors: 401/403 → AuthenticationError; 429 `insufficient_quota` → InsufficientCreditsError,
 * other 429 → RateLimitError with `retryAfterMs` (`retry-after-ms` / `retry-after`); 400/422 with a
 * moderation or content-filter code (also Azure's `innererror.code`) → ContentPolicyError; other
 * statuses → ApiRequestError (retryable for 408/409/429/5xx); connection failures and timeouts →
 * retryable ApiRequestError. The SDK error is kept as `cause`; messages never carry a key.
 * video-gen errors and aborts come back unchanged.
 *
 * @example
 * ```ts
 * try { await client.videos.create(params); }
 * catch (error) { throw toVideosApiError(error, { provider: 'sora2', label: 'OpenAI Sora', operation: 'submit' }); }
 * ```
 */
export function toVideosApiError(error: unknown, call: VideosApiCall): unknown {
  if (VideoGenError.isInstance(error) || error instanceof APIUserAbortError) return error;
  const { provider, label, operation } = call;
  if (error instanceof APIConnectionTimeoutError) {
    return new ApiRequestError(`${label} ${operation} timed out.`, {
      provider,
      code: 'timeout',
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof APIConnectionError) {
    const reason = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return new ApiRequestError(`${label} ${operation} failed before a response${reason}`, {
      provider,
      code: 'network_error',
      retryable: true,
      cause: error,
    });
  }
  if (!(error instanceof APIError) || error.status === undefined) return error;

  const status = error.status;
  const body = vendorErrorBody(error);
  const code = text(body.code);
  const innerCode = text(body.innererror?.code);
  const requestId =
    REQUEST_ID_HEADERS.map((name) => error.headers?.get(name)).find((value) => value) ?? undefined;
  const vendorMessage = text(body.message) ?? plainBodyText(error.error, error.message);
  const codes = [code, innerCode].filter((c) => c !== undefined).join(', ');
  const message = `${label} ${operation} failed with HTTP ${status}${codes ? ` (${codes})` : ''}: ${vendorMessage}${requestId ? ` [request id ${requestId}]` : ''}`;
  const options = {
    provider,
    status,
    requestId,
    body: JSON.stringify(error.error ?? null),
    cause: error,
  };

  if (status === 401) return new AuthenticationError(message, options);
  if (status === 403) {
    return new AuthenticationError(`${message} (the credentials lack permission for this resource)`, {
      ...options,
      code: 'permission_denied',
    });
  }
  if (status === 429) {
    if (code === 'insufficient_quota' || innerCode === 'insufficient_quota') {
      return new InsufficientCreditsError(message, options);
    }
    return new RateLimitError(message, {
      ...options,
      retryAfterMs: error.headers ? parseRetryAfter(error.headers) : undefined,
    });
  }
  if ((status === 400 || status === 422) && (isContentPolicyCode(code) || isContentPolicyCode(innerCode))) {
    return new ContentPolicyError(message, options);
  }
  return new ApiRequestError(message, options);
}
