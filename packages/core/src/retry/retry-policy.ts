import { RateLimitError } from '../errors/api-request-error.js';
import { RetryExhaustedError } from '../errors/job-errors.js';
import { VideoGenError } from '../errors/video-gen-error.js';
import { sleep } from './sleep.js';

/** How failed calls are retried. */
export interface RetryPolicy {
  /** Attempts after the first. Default 4. */
  readonly retries: number;
  /** The first backoff delay. Default 1000 ms. */
  readonly minDelayMs: number;
  /** The longest backoff delay (a vendor's Retry-After may ask for longer, up to `maxRetryAfterMs`). Default 30 s. */
  readonly maxDelayMs: number;
  /** The longest Retry-After honoured; longer ones end the retries. Default 5 minutes. */
  readonly maxRetryAfterMs: number;
  /**
   * Rate-limit answers (429) waited out before giving up, counted apart from `retries`: a vendor
   * asking to slow down is not a failure, and a burst of parallel jobs can meet many. Default 30.
   */
  readonly rateLimitRetries: number;
}

/** The default retry policy: 4 retries, exponential backoff from 1 s to 30 s with full jitter. */
export const defaultRetryPolicy: RetryPolicy = {
  retries: 4,
  minDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 5 * 60_000,
  rateLimitRetries: 30,
};

/**
 * Whether an error is worth another attempt: network failures, 408/409/429/5xx; never 400, 401,
 * 402, 403, content-policy refusals or validation errors.
 */
export function isRetryable(error: unknown): boolean {
  if (VideoGenError.isInstance(error)) return error.retryable;
  if (!(error instanceof Error)) return false;
  // fetch reports a reset or refused connection as a TypeError whose cause holds the socket error.
  if (error.name === 'TypeError' && /fetch|network|socket|terminated/i.test(error.message)) return true;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && NETWORK_ERROR_CODES.test(code);
}

const NETWORK_ERROR_CODES =
  /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_\w+)$/;

/** The backoff before attempt `attempt` (1-based), honouring a rate limit's Retry-After. */
export function backoffDelay(
  attempt: number,
  error: unknown,
  policy: RetryPolicy,
  random = Math.random,
): number {
  if (RateLimitError.isInstance(error) && error.retryAfterMs !== undefined) {
    return error.retryAfterMs;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** (attempt - 1));
  // Full jitter: spread retries of many clients over the whole window.
  return Math.round(policy.minDelayMs / 2 + random() * (ceiling - policy.minDelayMs / 2));
}

/** Options for {@link withRetry}. */
export interface WithRetryOptions {
  readonly policy?: Partial<RetryPolicy>;
  readonly signal?: AbortSignal;
  /** What the call is, for messages: `submit`, `status`, `download`. */
  readonly operation: string;
  readonly provider?: string;
  /** Called before each wait. */
  readonly onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

/**
 * Runs `call`, retrying retryable failures with exponential backoff and jitter. A non-retryable
 * failure is thrown as is; when retries run out, a {@link RetryExhaustedError} carries the last cause.
 */
export async function withRetry<T>(
  call: (attempt: number) => Promise<T>,
  options: WithRetryOptions,
): Promise<T> {
  const policy = { ...defaultRetryPolicy, ...options.policy };
  let failures = 0;
  let rateLimits = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      if (options.signal?.aborted || !isRetryable(error)) throw error;
      const rateLimited = RateLimitError.isInstance(error);
      if (rateLimited) rateLimits++;
      else failures++;
      const delayMs = backoffDelay(rateLimited ? rateLimits : failures, error, policy);
      const exhausted = rateLimited ? rateLimits > policy.rateLimitRetries : failures > policy.retries;
      if (exhausted || delayMs > policy.maxRetryAfterMs) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new RetryExhaustedError(
          `${options.operation} failed after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${reason}`,
          attempt,
          { cause: error, provider: options.provider },
        );
      }
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, options.signal);
    }
  }
}
