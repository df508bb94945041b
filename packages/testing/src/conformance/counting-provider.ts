import type { VideoProvider } from '@video-gen/core';

/** How often each provider method was called. */
export interface CallCounts {
  submit: number;
  status: number;
  download: number;
  cancel: number;
}

/**
 * Wraps a provider so every call is counted: the conformance suite uses it to prove that a
 * refused request made no paid call and that a resume did not submit again.
 *
 * @example
 * ```ts
 * const { provider, calls } = countingProvider(createLocal());
 * await generateVideo({ provider, prompt: 'waves' });
 * expect(calls.submit).toBe(1);
 * ```
 */
export function countingProvider(inner: VideoProvider): { provider: VideoProvider; calls: CallCounts } {
  const calls: CallCounts = { submit: 0, status: 0, download: 0, cancel: 0 };
  const provider: VideoProvider = {
    id: inner.id,
    models: inner.models,
    ...(inner.parseProviderOptions
      ? { parseProviderOptions: (options) => inner.parseProviderOptions!(options) }
      : {}),
    ...(inner.check ? { check: (request) => inner.check!(request) } : {}),
    submit: (request, ctx) => {
      calls.submit++;
      return inner.submit(request, ctx);
    },
    status: (job, ctx) => {
      calls.status++;
      return inner.status(job, ctx);
    },
    download: (job, ctx) => {
      calls.download++;
      return inner.download(job, ctx);
    },
    ...(inner.release ? { release: (job, ctx) => inner.release!(job, ctx) } : {}),
    ...(inner.cancel
      ? {
          cancel: (job, ctx) => {
            calls.cancel++;
            return inner.cancel!(job, ctx);
          },
        }
      : {}),
  };
  return { provider, calls };
}
