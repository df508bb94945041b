import type { Logger } from '../log/logger.js';

/** What core hands a provider on every call. */
export interface ProviderContext {
  /** Aborted when the caller cancels. Pass it to every request. */
  readonly signal: AbortSignal;
  /** The library logger; messages are redacted. */
  readonly logger: Logger;
  /** The `fetch` to use for HTTP outside a vendor SDK (injectable for tests and proxies). */
  readonly fetch: typeof globalThis.fetch;
}
