import { DownloadError } from '../errors/index.js';
import { describeUrl } from './describe-url.js';
import { discardBody } from './discard-body.js';
import type { HttpClient } from './http-client.js';
import { isKyHttpError } from './ky-errors.js';
import { toApiError } from './to-api-error.js';
import { checkDownloadUrl, sameOrigin } from './url-policy.js';

/** Options for {@link openDownload}. */
export interface OpenDownloadOptions {
  client: HttpClient;
  /** Credential headers, sent only to `credentialOrigin`. */
  credentials?: Readonly<Record<string, string>> | undefined;
  credentialOrigin?: string | undefined;
  /** Non-secret headers sent on every hop (`Range`, `Accept-Encoding`). */
  headers: Readonly<Record<string, string>>;
  signal?: AbortSignal | undefined;
  allowLoopback?: boolean | undefined;
  provider?: string | undefined;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Requests a download URL and follows its redirects by hand, so that every hop is checked against
 * the URL policy and credentials go only where they belong: they are sent while every hop so far
 * has stayed on `credentialOrigin`, and never again once a redirect has left it (an origin we do
 * not trust must not be able to bounce us back with the vendor's key attached).
 *
 * Resolves with the first non-redirect 2xx or 416 response, body unread. HTTP errors are mapped
 * with {@link toApiError}, except that a 404 or 410, or a 403 from a URL sent without credentials
 * (a signed URL), is a non-retryable DownloadError `url_expired`: asking the provider again gives a fresh URL.
 */
export async function openDownload(url: string, options: OpenDownloadOptions): Promise<Response> {
  const { client, signal } = options;
  let current = url;
  let onCredentialOrigin = true;
  for (let hop = 0; ; hop++) {
    const target = checkDownloadUrl(current, { allowLoopback: options.allowLoopback });
    onCredentialOrigin &&= options.credentials !== undefined && sameOrigin(target, options.credentialOrigin);
    const headers = { ...options.headers, ...(onCredentialOrigin ? options.credentials : {}) };
    let response: Response;
    try {
      response = await client.get(target, {
        headers,
        redirect: 'manual',
        // Redirects come back as responses to follow here; 416 is how a finished resume is answered.
        throwHttpErrors: (status) => status >= 400 && status !== 416,
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      signal?.throwIfAborted();
      throw mapHttpFailure(error, onCredentialOrigin, target, options.provider);
    }
    if (response.type === 'opaqueredirect') {
      throw new DownloadError(
        `${describeUrl(target)} redirects, and this runtime cannot follow redirects by hand.`,
        {
          code: 'redirect_unsupported',
          provider: options.provider,
        },
      );
    }
    if (!REDIRECT_STATUSES.has(response.status)) {
      if (response.status >= 300 && response.status < 400) {
        await discardBody(response);
        throw new DownloadError(`Unexpected HTTP ${response.status} from ${describeUrl(target)}.`, {
          code: 'unexpected_status',
          provider: options.provider,
        });
      }
      return response;
    }
    const location = response.headers.get('location');
    await discardBody(response);
    if (!location) {
      throw new DownloadError(`HTTP ${response.status} from ${describeUrl(target)} has no Location header.`, {
        code: 'unexpected_status',
        provider: options.provider,
      });
    }
    if (hop >= MAX_REDIRECTS) {
      throw new DownloadError(`The video URL redirected more than ${MAX_REDIRECTS} times.`, {
        code: 'too_many_redirects',
        provider: options.provider,
      });
    }
    current = new URL(location, target).href;
  }
}

function mapHttpFailure(
  error: unknown,
  sentCredentials: boolean,
  url: URL,
  provider: string | undefined,
): Error {
  const mapped = toApiError(error, provider);
  if (!isKyHttpError(error)) return mapped;
  const status = error.response.status;
  if (status === 404 || status === 410 || (status === 403 && !sentCredentials)) {
    return new DownloadError(
      `The video URL ${describeUrl(url)} answered HTTP ${status}: it has probably expired. Ask the provider for a fresh one.`,
      { code: 'url_expired', retryable: false, provider, cause: mapped },
    );
  }
  return mapped;
}
