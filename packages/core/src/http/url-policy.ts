import { DownloadError } from '../errors/index.js';
import { describeUrl } from './describe-url.js';
import { classifyHost } from './ip-ranges.js';

/** Relaxations of the download URL policy. Both are off by default. */
export interface UrlPolicyOptions {
  /**
   * Allow loopback hosts (`127.0.0.0/8`, `::1`, `localhost`), over http as well as https.
   * For tests and local servers; private network ranges stay refused.
   */
  allowLoopback?: boolean | undefined;
  /** Allow plain http to any host the policy otherwise accepts. */
  allowHttp?: boolean | undefined;
}

/**
 * Checks a vendor-supplied download URL against the download policy and returns it parsed.
 *
 * Only `https:` is accepted (`http:` only for loopback hosts with `allowLoopback`, or anywhere with
 * `allowHttp`). Other schemes (`javascript:`, `data:`, `file:`, ...), URLs carrying user info, and
 * IP literals in loopback, private, link-local or unspecified ranges are refused, so a hostile or
 * compromised vendor response cannot point the download at the local network or the machine itself.
 * DNS names are not resolved: a name that resolves to a private address is not caught here.
 *
 * @throws {DownloadError} with code `url_refused`.
 *
 * @example
 * ```ts
 * checkDownloadUrl('https://cdn.example.com/video.mp4'); // ok
 * checkDownloadUrl('http://127.0.0.1:8080/v.mp4', { allowLoopback: true }); // ok
 * checkDownloadUrl('https://169.254.169.254/latest'); // throws DownloadError (url_refused)
 * ```
 */
export function checkDownloadUrl(url: string | URL, options: UrlPolicyOptions = {}): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refused('it is not a valid absolute URL');
  }
  const { protocol } = parsed;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw refused(`the ${protocol} scheme is not allowed; only https is`);
  }
  if (parsed.username || parsed.password) {
    throw refused(`${describeUrl(parsed)} carries user info; credentials in URLs are not allowed`);
  }
  const kind = classifyHost(parsed.hostname);
  if (kind === 'private') {
    throw refused(`${describeUrl(parsed)} points at a private, link-local or unspecified address`);
  }
  if (kind === 'loopback' && !options.allowLoopback) {
    throw refused(
      `${describeUrl(parsed)} points at this machine; pass allowLoopbackDownloads: true (generateVideo, resumeVideo, downloadGeneration) to allow it`,
    );
  }
  if (protocol === 'http:' && !options.allowHttp && kind !== 'loopback') {
    throw refused(`${describeUrl(parsed)} is not https`);
  }
  return parsed;
}

/**
 * Whether `url` is on exactly `origin` (scheme, host and port). Decides whether a `VideoSource`'s
 * credential headers may be sent. Unparsable values and opaque (`null`) origins never match.
 */
export function sameOrigin(url: string | URL, origin: string | URL | undefined): boolean {
  if (origin === undefined) return false;
  try {
    const a = new URL(url).origin;
    const b = new URL(origin).origin;
    return a !== 'null' && a === b;
  } catch {
    return false;
  }
}

function refused(reason: string): DownloadError {
  return new DownloadError(`Refused to download the video: ${reason}.`, {
    code: 'url_refused',
    retryable: false,
  });
}
