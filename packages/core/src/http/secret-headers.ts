/** Header names whose values are secrets: scrubbed from any text an error carries. */
export const SECRET_HEADER_NAMES: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'api-key',
  'x-api-key',
  'x-goog-api-key',
  'cookie',
];

/** The values of secret headers in `headers`, and of their bearer tokens alone, to redact from what the server answered. */
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
