import type { VideosApiFault, VideosApiOutcome, VideosApiStep } from './videos-api-fake.js';

/** What every Videos API mock (msw or loopback, OpenAI or Azure) can be told. */
export interface VideosApiMockOptions {
  /** What successive status calls report before the final state. Default: queued 0, in_progress 33, in_progress 66. */
  readonly steps?: readonly VideosApiStep[];
  /** How jobs end: `completed` (default) or `{ failed: { code, message } }`. */
  readonly outcome?: VideosApiOutcome;
  /** Error answers to inject, such as `openAiSoraFaults.rateLimited()`. */
  readonly faults?: readonly VideosApiFault[];
  /** The MP4 served by `/content`. Default: `tinyMp4()`. */
  readonly video?: Uint8Array;
  /** Answer `/content` with a 302 to this URL (serve the URL yourself). */
  readonly contentRedirect?: string;
}

/** Options of the OpenAI Sora mocks. */
export interface OpenAiSoraMockOptions extends VideosApiMockOptions {
  /** The API base URL (msw only; the loopback server serves `/v1` on its own origin). Default `https://api.openai.com/v1`. */
  readonly baseURL?: string;
  /** The key accepted as `Authorization: Bearer`. Default `sk-test-openai-key`. */
  readonly apiKey?: string;
}

/** The fake's behaviour options, picked from mock options. */
export function behaviour(options: VideosApiMockOptions): VideosApiMockOptions {
  return {
    ...(options.steps ? { steps: options.steps } : {}),
    ...(options.outcome ? { outcome: options.outcome } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.video ? { video: options.video } : {}),
    ...(options.contentRedirect ? { contentRedirect: options.contentRedirect } : {}),
  };
}
