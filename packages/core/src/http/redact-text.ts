/** Header names whose values are secrets: scrubbed from any text an error carries. */
export const SECRET_HEADER_NAMES: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'api-key',
  'x-api-key',
  'x-goog-api-key',
  'cookie',
];

const PATTERNS: readonly [RegExp, string][] = [
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [
    /((?:api[-_]?key|x-goog-api-key|authorization|access[-_]?token|secret|password|token)["']?\s*[:=]\s*["']?)[^"'\s,&}]+/gi,
    '$1[redacted]',
  ],
  [/([?&]key=)[^&\s"']+/gi, '$1[redacted]'],
  [/\bsk-[A-Za-z0-9_-]{8,}/g, 'sk-[redacted]'],
  [/\bAIza[0-9A-Za-z_-]{20,}/g, '[redacted]'],
];

/**
 * Removes secrets from text taken from a vendor (an error body): the exact `secrets` given (the
 * header values this request sent, which a careless server may echo back) and anything shaped
 * like a bearer token, API key or `key=` query parameter.
 */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values would redact ordinary words; real credentials are long.
    if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** The values of secret headers in `headers`, and of their bearer tokens alone, for {@link redactText}. */
export function secretHeaderValues(
  headers: Headers | Readonly<Record<string, string>> | undefined,
): string[] {
  if (!headers) return [];
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  const values: string[] = [];
  for (const [name, value] of entries) {
    if (!SECRET_HEADER_NAMES.includes(name.toLowerCase())) continue;
    values.push(value);
    const token = /^\s*\S+\s+(\S+)\s*$/.exec(value)?.[1];
    if (token) values.push(token);
  }
  return values;
}
