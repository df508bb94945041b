/**
 * A URL made safe for error messages: origin and path only. Signed download URLs carry their
 * signature in the query (and Gemini API URLs a `key=`), so the query and any user info are dropped.
 */
export function describeUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return '(invalid URL)';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `a ${parsed.protocol} URL`;
  const path = parsed.pathname.length > 120 ? `${parsed.pathname.slice(0, 120)}…` : parsed.pathname;
  return `${parsed.origin}${path}${parsed.search ? '?…' : ''}`;
}
