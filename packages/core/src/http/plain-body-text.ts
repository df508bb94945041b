/**
 * What an error response without a usable `message` says, for a provider's error mapper: plain
 * text, an HTML page, a JSON value or nothing, folded to one line of at most 200 characters, so a
 * message never reads "HTTP 404: HTTP 404". `fallback` is the SDK error's own message (a leading
 * status code is dropped), used when there is no body at all.
 *
 * @example
 * ```ts
 * // A Stainless SDK error (openai, @runwayml/sdk): `error.error` is the parsed body.
 * plainBodyText(error.error, error.message); // "<html><body>Bad gateway</body></html>"
 * ```
 */
export function plainBodyText(body: unknown, fallback: string): string {
  const raw =
    body === undefined || body === null
      ? fallback.replace(/^\d{3}\s*/, '')
      : typeof body === 'string'
        ? body
        : JSON.stringify(body);
  const clean = raw.replace(/\s+/g, ' ').trim();
  if (!clean || clean === 'status code (no body)' || clean === '{}')
    return 'the response carried no error message';
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}
