import type { VideosApiFault, VideosApiOperation } from './videos-api-fake.js';

/**
 * OpenAI's error answers, to inject into the Sora mocks (`faults: [openAiSoraFaults.rateLimited()]`).
 *
 * @example
 * ```ts
 * const mock = openAiSoraHandlers({ faults: [openAiSoraFaults.insufficientQuota()] });
 * ```
 */
export const openAiSoraFaults = {
  /** 401 `invalid_api_key`. */
  unauthorized: (on?: VideosApiOperation): VideosApiFault => ({
    ...(on ? { on } : {}),
    status: 401,
    body: {
      error: {
        message:
          'Incorrect API key provided: sk-wrong***. You can find your API key at https://platform.openai.com/account/api-keys.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    },
  }),
  /** 403: the organization may not use the model (unverified organization, region). */
  forbidden: (on: VideosApiOperation = 'create'): VideosApiFault => ({
    on,
    status: 403,
    body: {
      error: {
        message: 'Your organization must be verified to use the model `sora-2`.',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    },
  }),
  /** 429 `rate_limit_exceeded` with `retry-after` (seconds), answered `times` times. */
  rateLimited: (retryAfterSeconds = 2, on: VideosApiOperation = 'create', times = 1): VideosApiFault => ({
    on,
    times,
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      error: {
        message: 'Rate limit reached for videos per minute. Please try again later.',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    },
  }),
  /** 429 `insufficient_quota`: billing, not retryable. */
  insufficientQuota: (on: VideosApiOperation = 'create'): VideosApiFault => ({
    on,
    status: 429,
    body: {
      error: {
        message: 'You exceeded your current quota, please check your plan and billing details.',
        type: 'insufficient_quota',
        param: null,
        code: 'insufficient_quota',
      },
    },
  }),
  /** 400 `moderation_blocked` on create: the prompt or image was refused. */
  moderationBlocked: (): VideosApiFault => ({
    on: 'create',
    status: 400,
    body: {
      error: {
        message: 'Your request was blocked by our moderation system.',
        type: 'invalid_request_error',
        param: null,
        code: 'moderation_blocked',
      },
    },
  }),
  /** 400 `invalid_value` for a parameter. */
  invalidValue: (param: string, message: string): VideosApiFault => ({
    on: 'create',
    status: 400,
    body: { error: { message, type: 'invalid_request_error', param, code: 'invalid_value' } },
  }),
  /** 500, answered `times` times. */
  serverError: (on?: VideosApiOperation, times = 1): VideosApiFault => ({
    ...(on ? { on } : {}),
    times,
    status: 500,
    body: {
      error: {
        message: 'The server had an error while processing your request.',
        type: 'server_error',
        param: null,
        code: null,
      },
    },
  }),
};
