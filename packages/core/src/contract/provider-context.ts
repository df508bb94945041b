import type { Logger } from '../log/logger.js';
import type { VideoWebhook } from './video-webhook.js';

/** What core hands a provider on every call. */
export interface ProviderContext {
  /** Aborted when the caller cancels. Pass it to every request. */
  readonly signal: AbortSignal;
  /** The library logger; messages are redacted. */
  readonly logger: Logger;
  /** The `fetch` to use for HTTP outside a vendor SDK (injectable for tests and proxies). */
  readonly fetch: typeof globalThis.fetch;
  /**
   * The caller's `webhook` (see `GenerateVideoOptions.webhook`), handed only to providers that
   * declare `webhooks: true`, and only for a job submitted in this call (never on a resume).
   */
  readonly webhook?: VideoWebhook;
}
