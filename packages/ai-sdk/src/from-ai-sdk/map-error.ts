import { APICallError } from '@ai-sdk/provider';
import {
  ApiRequestError,
  AuthenticationError,
  ContentPolicyError,
  InsufficientCreditsError,
  isRetryableStatus,
  parseRetryAfter,
  RateLimitError,
  ValidationError,
  VideoGenError,
} from '@video-gen/core';
import { classifyFailure, type FailureKind } from './classify-failure.js';

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

const INPUT_ERRORS = new Set([
  'AI_InvalidArgumentError',
  'AI_TypeValidationError',
  'AI_UnsupportedFunctionalityError',
]);

/**
 * Maps what an AI SDK model threw into a core error: an `APICallError` by its status (401/403,
 * 402, 429 with Retry-After, a refusal by its message, any other status with the SDK's own
 * retryable verdict), the SDK's argument errors into a ValidationError, aborts unchanged. The SDK
 * error is not kept as `cause`: it holds the request body, images included.
 */
export function mapAiSdkError(
  error: unknown,
  provider: string,
  classify: (message: string) => FailureKind = classifyFailure,
): unknown {
  if (VideoGenError.isInstance(error)) return error;
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return error;
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const options = {
      provider,
      status,
      body: error.responseBody,
      requestId:
        header(error.responseHeaders, 'x-request-id') ?? header(error.responseHeaders, 'x-fal-request-id'),
    };
    const message = `${provider}: ${error.message}${status === undefined ? '' : ` (HTTP ${status})`}`;
    if (status === 401 || status === 403) return new AuthenticationError(message, options);
    if (status === 402) return new InsufficientCreditsError(message, options);
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(new Headers(error.responseHeaders ?? {}));
      return new RateLimitError(message, { ...options, retryAfterMs });
    }
    if (
      status !== undefined &&
      status < 500 &&
      classify(`${error.message} ${error.responseBody ?? ''}`) === 'content_policy'
    ) {
      return new ContentPolicyError(message, options);
    }
    return new ApiRequestError(message, {
      ...options,
      retryable: status === undefined ? error.isRetryable : isRetryableStatus(status) || error.isRetryable,
    });
  }
  if (error instanceof Error && INPUT_ERRORS.has(error.name)) {
    return new ValidationError(`${provider}: ${error.message}`, {
      provider,
      issues: [{ field: 'providerOptions', message: error.message }],
    });
  }
  if (error instanceof Error) {
    const message = `${provider}: ${error.message}`;
    // A model may throw where its vendor filtered the output (Vertex: "No videos … raiMediaFilteredCount").
    if (classify(error.message) === 'content_policy') return new ContentPolicyError(message, { provider });
    return new VideoGenError(message, 'ai_sdk_error', { provider, retryable: false });
  }
  return error;
}
