import type { KyInstance, Options as KyOptions } from 'ky';
import { lazyResponse } from './lazy-response.js';
import { loadKy } from './load-ky.js';

/** Options of one {@link HttpClient} request: `fetch`'s options plus a JSON body and status handling. */
export interface HttpRequestOptions extends RequestInit {
  /** A value sent as the JSON body, with `content-type: application/json`. */
  json?: unknown;
  /** Query parameters added to the URL. */
  searchParams?: string | URLSearchParams | Record<string, string | number | boolean>;
  /** Which statuses throw (map the error with {@link toApiError}). Default: every non-2xx status. */
  throwHttpErrors?: boolean | ((status: number) => boolean);
  /** Time allowed for this request in milliseconds, or `false` for none. Default: the client's. */
  timeout?: number | false;
}

/** The answer to one {@link HttpClient} request: the `Response`, with shortcuts to read its body. */
export interface HttpResponsePromise extends Promise<Response> {
  json<T = unknown>(): Promise<T>;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
  blob(): Promise<Blob>;
}

/**
 * The HTTP client {@link createHttpClient} returns (a `ky` instance underneath). Declared here, not
 * as ky's own type, so the type declarations never reference ky, which ships only ESM: a
 * CommonJS TypeScript project type-checks them with `skipLibCheck: false`.
 */
export interface HttpClient {
  get(url: string | URL, options?: HttpRequestOptions): HttpResponsePromise;
  post(url: string | URL, options?: HttpRequestOptions): HttpResponsePromise;
  put(url: string | URL, options?: HttpRequestOptions): HttpResponsePromise;
  patch(url: string | URL, options?: HttpRequestOptions): HttpResponsePromise;
  delete(url: string | URL, options?: HttpRequestOptions): HttpResponsePromise;
  head(url: string | URL, options?: HttpRequestOptions): HttpResponsePromise;
}

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
  const defaults: KyOptions = {
    // Looked up per call rather than captured, so a fetch patched after creation (msw) is used.
    fetch: (input, init) => (injected ?? globalThis.fetch)(input, init),
    ...(options.headers ? { headers: { ...options.headers } } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: 0,
    throwHttpErrors: true,
  };
  // ky is loaded with the first request, not with core: importing it costs tens of milliseconds.
  let instance: Promise<KyInstance> | undefined;
  const method =
    (name: HttpMethod) =>
    (url: string | URL, request?: HttpRequestOptions): HttpResponsePromise => {
      instance ??= loadKy().then((ky) => ky.create(defaults));
      return lazyResponse(instance.then((ky) => () => ky[name](url, request as KyOptions)));
    };
  return {
    get: method('get'),
    post: method('post'),
    put: method('put'),
    patch: method('patch'),
    delete: method('delete'),
    head: method('head'),
  };
}

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head';
