import { InputFileError } from '../errors/input-file-error.js';
import { describeUrl } from '../http/describe-url.js';
import { classifyHost } from '../http/ip-ranges.js';

/** Where an image URL came from and what it may point at. */
export interface ImageUrlPolicyOptions {
  /** The option that held the URL, for messages: `firstFrame`, `images[0]`, ... */
  readonly field?: string | undefined;
  /** Allow loopback hosts, over http as well: the same opt-in as `allowLoopbackDownloads`. */
  readonly allowLoopback?: boolean | undefined;
}

/**
 * Checks an image URL the vendor will fetch against the download URL policy and returns it
 * parsed (its normalised `href` is what should be sent, so the vendor reads the host that was
 * checked). A vendor fetching a URL on our behalf must not be pointed at private networks or
 * cloud metadata endpoints: `https:` only; no user info; no IP literal in a loopback, private,
 * link-local, unique-local, carrier-grade NAT, multicast or unspecified range, however it is
 * spelled (`2130706433`, `0x7f.1`, `[::ffff:127.0.0.1]`); no `localhost` name. Loopback hosts
 * (over http too) only with `allowLoopback`. DNS names are not resolved.
 *
 * @throws {InputFileError} `input_file_unsupported_url` for a scheme other than https,
 * `input_url_refused` for a refused host or credentials in the URL. Messages show the URL
 * without its query or user info.
 *
 * @example
 * ```ts
 * checkImageUrl('https://cdn.example.com/start.png', { field: 'firstFrame' }); // ok
 * checkImageUrl('https://169.254.169.254/latest', { field: 'firstFrame' }); // throws input_url_refused
 * ```
 */
export function checkImageUrl(url: string | URL, options: ImageUrlPolicyOptions = {}): URL {
  const field = options.field ?? 'image';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refused(field, 'it is not a valid absolute URL', '(invalid URL)', 'input_file_unsupported_url');
  }
  const shown = describeUrl(parsed);
  const kind = classifyHost(parsed.hostname);
  const loopbackAllowed = kind === 'loopback' && options.allowLoopback === true;
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopbackAllowed)) {
    throw refused(
      field,
      `${shown} is not https; image URLs must use https`,
      shown,
      'input_file_unsupported_url',
    );
  }
  if (parsed.username || parsed.password) {
    throw refused(field, `${shown} carries user info; credentials in URLs are not allowed`, shown);
  }
  if (kind === 'private') {
    throw refused(
      field,
      `${shown} points at a private, link-local or unspecified address, which the vendor must not be sent to`,
      shown,
    );
  }
  if (kind === 'loopback' && !loopbackAllowed) {
    throw refused(field, `${shown} points at this machine; pass allowLoopbackDownloads to allow it`, shown);
  }
  return parsed;
}

function refused(field: string, reason: string, shown: string, code = 'input_url_refused'): InputFileError {
  return new InputFileError(`Refused the image URL in ${field}: ${reason}.`, shown, { code });
}
