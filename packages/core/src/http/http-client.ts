import type { KyInstance } from 'ky';
import * as kyModule from 'ky';

// ky ships only ESM. The CommonJS build loads it with require(esm), which hands back the module
// namespace wrapped once more, so the default export sits one level deeper there.
const ky: KyInstance =
  typeof kyModule.default === 'function'
    ? kyModule.default
    : (kyModule.default as unknown as { default: KyInstance }).default;

/** A configured `ky` instance, as {@link createHttpClient} returns it. */
export type HttpClient = KyInstance;

/** Options for {@link createHttpClient}. */
export interface HttpClientOptions {
  /** The `fetch` to use; `globalThis.fetch` (looked up on each call) by default. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Headers sent with every request, such as an API key. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Time allowed for the response headers of each request, in milliseconds. Default 60 000. */
  timeoutMs?: number | undefined;
  /** Resolves relative request URLs, such as a vendor's API root. */
  baseUrl?: string | undefined;
}

/** Vendor calls such as a submit can take a while to answer; ky's own default of 10 s is too short. */
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Creates the HTTP client providers and core use outside vendor SDKs: a `ky` instance with an
 * injectable `fetch`, that throws on non-2xx statuses and never retries on its own (core's retry
 * policy decides, so retries are not multiplied). Map its failures with {@link toApiError}.
 *
 * @example
 * ```ts
 * const http = createHttpClient({ fetch: ctx.fetch, headers: { authorization: `Bearer ${key}` } });
 * try { return await http.get('https://api.example.com/v1/jobs/1', { signal: ctx.signal }).json(); }
 * catch (error) { throw toApiError(error, 'example'); }
 * ```
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const injected = options.fetch;
  return ky.create({
    // Looked up per call rather than captured, so a fetch patched after creation (msw) is used.
    fetch: (input, init) => (injected ?? globalThis.fetch)(input, init),
    ...(options.headers ? { headers: { ...options.headers } } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: 0,
    throwHttpErrors: true,
  });
}
