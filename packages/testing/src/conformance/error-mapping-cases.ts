import {
  AuthenticationError,
  type GenerateVideoOptions,
  generateVideo,
  RateLimitError,
  type VideoProvider,
} from '@video-gen/core';
import { expect, it } from 'vitest';

/** A vendor error answer the suite asks the plugin's mock to give to one submit. */
export interface SubmitFailure {
  /** 401 (bad credentials) or 429 (slow down). */
  readonly status: 401 | 429;
  /** Response headers to send, such as `retry-after`. */
  readonly headers: Readonly<Record<string, string>>;
}

/** The Retry-After the 429 case sends, in seconds: long enough to tell apart from core's own backoff. */
const RETRY_AFTER_SECONDS = 1;

/** A provider whose submits are recorded: when each started and what each threw. */
function recordingSubmits(inner: VideoProvider): {
  provider: VideoProvider;
  submits: { startedAt: number; error?: unknown }[];
} {
  const submits: { startedAt: number; error?: unknown }[] = [];
  const provider: VideoProvider = {
    ...inner,
    submit: async (request, ctx) => {
      const entry: { startedAt: number; error?: unknown } = { startedAt: Date.now() };
      submits.push(entry);
      try {
        return await inner.submit(request, ctx);
      } catch (error) {
        entry.error = error;
        throw error;
      }
    },
  };
  return { provider, submits };
}

/**
 * Registers the error-mapping cases: a 401 is an `AuthenticationError` and never retried; a 429 is
 * a `RateLimitError` whose `retryAfterMs` comes from Retry-After, and core waits that long before
 * submitting again. `answerSubmitWith` makes the plugin's mock answer the next submit, only that
 * one, with the given status and headers.
 */
export function describeErrorMappingCases(options: {
  readonly createProvider: () => VideoProvider | Promise<VideoProvider>;
  readonly answerSubmitWith: (failure: SubmitFailure) => void | Promise<void>;
  readonly request: () => Omit<GenerateVideoOptions, 'provider'>;
  readonly outPath: () => string;
  readonly timeoutMs: number;
}): void {
  it('maps a 401 on submit to an AuthenticationError and does not retry it', async () => {
    const { provider, submits } = recordingSubmits(await options.createProvider());
    await options.answerSubmitWith({ status: 401, headers: {} });
    const error = await generateVideo({ ...options.request(), provider, outPath: options.outPath() }).catch(
      (e: unknown) => e,
    );
    expect(
      AuthenticationError.isInstance(error),
      `a 401 must be an AuthenticationError, got ${String(error)}`,
    ).toBe(true);
    expect((error as AuthenticationError).retryable).toBe(false);
    expect(submits, 'a 401 must not be retried').toHaveLength(1);
  });

  it(
    'maps a 429 on submit to a RateLimitError with Retry-After, and core waits that long before the next submit',
    async () => {
      const { provider, submits } = recordingSubmits(await options.createProvider());
      await options.answerSubmitWith({
        status: 429,
        headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
      });
      const result = await generateVideo({ ...options.request(), provider, outPath: options.outPath() });
      expect(result.bytes).toBeGreaterThan(0);
      expect(submits, 'one 429, then one successful submit').toHaveLength(2);
      const first = submits[0]!.error;
      expect(RateLimitError.isInstance(first), `a 429 must be a RateLimitError, got ${String(first)}`).toBe(
        true,
      );
      expect((first as RateLimitError).retryAfterMs).toBe(RETRY_AFTER_SECONDS * 1000);
      // Some slack for timer granularity; core's own backoff in this suite is at most 100 ms.
      expect(submits[1]!.startedAt - submits[0]!.startedAt).toBeGreaterThanOrEqual(
        RETRY_AFTER_SECONDS * 1000 - 50,
      );
    },
    options.timeoutMs,
  );
}
