import {
  ApiRequestError,
  AuthenticationError,
  InsufficientCreditsError,
  RateLimitError,
  VideoGenError,
} from '../errors/index.js';
import { redact } from '../log/redact.js';
import { describeUrl } from './describe-url.js';
import { isKyHttpError, isKyNetworkError, isKyTimeoutError } from './ky-errors.js';
import { parseRetryAfter } from './retry-after.js';
import { secretHeaderValues } from './secret-headers.js';

const REQUEST_ID_HEADERS = [
  'x-request-id',
  'request-id',
  'x-goog-request-id',
  'apim-request-id',
  'x-ms-request-id',
];
const BODY_EXCERPT_CHARS = 500;
const MESSAGE_EXCERPT_CHARS = 200;

/**
 * Maps a failure of a {@link createHttpClient} call into a core error:
 * 401/403 → `AuthenticationError`, 402 → `InsufficientCreditsError`, 429 → `RateLimitError` (with
 * `retryAfterMs`), any other status → `ApiRequestError` with the status, the vendor's request id and a
 * redacted body excerpt (at most 500 characters); network failures and timeouts → a retryable
 * `ApiRequestError` without a status.
 *
 * Video-gen errors and aborts (`AbortError`, or whatever the signal was aborted with) come back
 * unchanged, as do other unrecognised errors. The ky error is not kept as `cause`: its request
 * holds the headers that were sent, and logging the cause chain would print them.
 */
export function toApiError(error: unknown, provider?: string): Error {
  if (VideoGenError.isInstance(error)) return error;
  const label = provider ?? 'HTTP';
  if (isKyHttpError(error)) {
    const { response, request } = error;
    const secrets = secretHeaderValues(request.headers);
    const status = response.status;
    const rawRequestId = REQUEST_ID_HEADERS.map((h) => response.headers.get(h)).find((v) => v);
    // A gateway may echo the credential it received as the request id.
    const requestId = rawRequestId ? redact(rawRequestId, secrets) : undefined;
    const body = excerpt(error.data, secrets);
    const detail = body
      ? `: ${vendorMessage(error.data, secrets) ?? body.slice(0, MESSAGE_EXCERPT_CHARS)}`
      : '';
    const where = `${request.method} ${describeUrl(request.url)}`;
    const message = `${label} request failed with HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''} (${where}${requestId ? `, request id ${requestId}` : ''})${detail}`;
    const options = { provider, status, requestId, body };
    if (status === 401 || status === 403) return new AuthenticationError(message, options);
    if (status === 402) return new InsufficientCreditsError(message, options);
    if (status === 429)
      return new RateLimitError(message, { ...options, retryAfterMs: parseRetryAfter(response.headers) });
    return new ApiRequestError(message, options);
  }
  if (isKyTimeoutError(error)) {
    return new ApiRequestError(`${label} request timed out (${describeUrl(error.request.url)})`, {
      provider,
      code: 'timeout',
      retryable: true,
    });
  }
  if (isKyNetworkError(error)) {
    const reason = error.cause instanceof Error ? `: ${redact(error.cause.message)}` : '';
    return new ApiRequestError(
      `${label} request failed before a response (${describeUrl(error.request.url)})${reason}`,
      {
        provider,
        code: 'network_error',
        retryable: true,
        cause: error.cause,
      },
    );
  }
  if (error instanceof Error) return error;
  return new ApiRequestError(`${label} request failed: ${redact(String(error))}`, {
    provider,
    retryable: false,
  });
}

/** The error body as text, redacted and cut to {@link BODY_EXCERPT_CHARS}. */
function excerpt(data: unknown, secrets: string[]): string | undefined {
  if (data === undefined || data === null || data === '') return undefined;
  const text = typeof data === 'string' ? data : safeStringify(data);
  const clean = redact(text, secrets).replace(/\s+/g, ' ').trim();
  return clean.length > BODY_EXCERPT_CHARS ? `${clean.slice(0, BODY_EXCERPT_CHARS)}…` : clean;
}

/** The human message vendors put in their JSON error bodies (`{ error: { message } }` and kin). */
function vendorMessage(data: unknown, secrets: string[]): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const nested = record.error;
  const candidate =
    (typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>).message : nested) ??
    record.message ??
    record.detail;
  if (typeof candidate !== 'string' || !candidate) return undefined;
  return redact(candidate, secrets).slice(0, MESSAGE_EXCERPT_CHARS);
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
