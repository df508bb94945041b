import {
  ApiRequestError,
  AuthenticationError,
  ContentPolicyError,
  GenerationFailedError,
  type JobRef,
  RateLimitError,
  redact,
  VideoGenError,
} from '@video-gen/core';

/** The parts of a Google error body (`{ error: { code, message, status } }`) that are used. */
interface GoogleErrorBody {
  readonly code?: number;
  readonly message?: string;
  readonly status?: string;
}

/** Whether `error` looks like the SDK's `ApiError` (checked by shape: the SDK may be duplicated). */
function isSdkApiError(error: unknown): error is Error & { status: number } {
  return (
    error instanceof Error &&
    error.name === 'ApiError' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

/** The SDK puts the JSON error body, stringified, in `message`. */
function parseBody(message: string): GoogleErrorBody | undefined {
  try {
    const parsed = JSON.parse(message) as { error?: unknown };
    const inner = parsed?.error;
    return typeof inner === 'object' && inner !== null ? (inner as GoogleErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Maps what a `@google/genai` call threw into a core error: 401/403 (UNAUTHENTICATED,
 * PERMISSION_DENIED) → AuthenticationError, 429 (RESOURCE_EXHAUSTED) → RateLimitError (retryable,
 * with `retryAfterMs` when the caller saw a Retry-After: the SDK's ApiError drops headers),
 * other statuses → ApiRequestError (4xx not retryable, 5xx retryable). Network failures are
 * retryable ApiRequestErrors; core errors and aborts pass through. Messages are redacted.
 */
export function toVeo3Error(
  error: unknown,
  operation: string,
  secrets: readonly string[] = [],
  retryAfterMs?: number,
): unknown {
  if (VideoGenError.isInstance(error)) return error;
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return error;
  if (isSdkApiError(error)) {
    const body = parseBody(error.message);
    const status = error.status;
    const vendorStatus = body?.status ? ` ${body.status}` : '';
    const detail = redact(body?.message ?? error.message, [...secrets]).slice(0, 300);
    const message = `veo3 ${operation} failed with HTTP ${status}${vendorStatus}: ${detail}`;
    const options = { provider: 'veo3', status, body: redact(error.message, [...secrets]) };
    if (status === 401 || status === 403) return new AuthenticationError(message, options);
    if (status === 429) return new RateLimitError(message, { ...options, retryAfterMs });
    return new ApiRequestError(message, options);
  }
  if (error instanceof TypeError) {
    // fetch rejects with a TypeError when no response came back: worth another try.
    return new ApiRequestError(
      `veo3 ${operation} failed before a response: ${redact(error.message, [...secrets])}`,
      {
        provider: 'veo3',
        code: 'network_error',
        retryable: true,
        cause: error,
      },
    );
  }
  return error;
}

/**
 * The error for a finished operation that carries `error: { code, message }`.
 */
export function operationFailed(
  job: JobRef,
  error: { code?: number | undefined; message?: string | undefined },
): GenerationFailedError {
  const code = error.code === undefined ? '' : ` (code ${error.code})`;
  return new GenerationFailedError(
    `Veo operation ${job.id} failed${code}: ${error.message ?? 'no reason given'}`,
    {
      provider: 'veo3',
      job,
    },
  );
}

/**
 * The error for a finished operation whose videos were all removed by Google's responsible-AI
 * filters: a content-policy refusal with the vendor's reasons.
 */
export function raiFiltered(job: JobRef, count: number, reasons: readonly string[]): ContentPolicyError {
  const why = reasons.length > 0 ? reasons.join('; ') : 'no reason given';
  return new ContentPolicyError(
    `Veo filtered ${count} video${count === 1 ? '' : 's'} of operation ${job.id} on responsible-AI grounds: ${why}`,
    {
      provider: 'veo3',
      job,
      body: JSON.stringify({ raiMediaFilteredCount: count, raiMediaFilteredReasons: reasons }),
    },
  );
}
