import { registeredSecrets } from './secrets.js';

export { registerSecret } from './secrets.js';

/** What every secret is replaced with. */
export const REDACTED = '[REDACTED]';

/**
 * Patterns for credentials we can recognise without being told about them. Each keeps its
 * prefix (group 1) so the log still says *what* was redacted.
 */
const PATTERNS: readonly RegExp[] = [
  // Header values, in raw text ("Authorization: Bearer x"), JSON ('"x-api-key":"x"') or forms
  // ("api-key=x"). The value runs to the end of the line, a quote or a separator.
  /(\b(?:proxy-authorization|authorization|x-goog-api-key|x-api-key|api-key|ocp-apim-subscription-key)["']?\s*[:=]\s*["']?)[^"'\r\n,;}&]+/gi,
  // Bearer/Basic tokens wherever they appear, e.g. inside an error message.
  /(\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]+/gi,
  // Credential query parameters: Gemini's key=, Azure SAS sig=, OAuth tokens...
  /(\b(?:key|api_key|apikey|sig|token|access_token|id_token|refresh_token|client_secret|password)=)[^&#\s"'<>]+/gi,
  // OpenAI (and look-alike) keys: sk-..., sk-proj-...
  /(\b)sk-[A-Za-z0-9_-]{16,}/g,
  // Google API keys.
  /(\b)AIza[0-9A-Za-z_-]{35}/g,
];

/**
 * Replaces secrets in `text` with `[REDACTED]`: registered secret values, `Bearer` tokens,
 * `Authorization`/`api-key`/`x-goog-api-key`/`x-api-key` header values, `key=`/`sig=`/`token=`
 * style query parameters and OpenAI-style `sk-...` keys. `extraSecrets` adds values known only to
 * the caller (the headers a request just sent, which a careless server may echo back).
 *
 * @example
 * ```ts
 * redact('GET https://host/v1/models?key=AIza...&alt=json'); // 'GET https://host/v1/models?key=[REDACTED]&alt=json'
 * redact('Authorization: Bearer sk-abc...'); // 'Authorization: [REDACTED]'
 * ```
 */
export function redact(text: string, extraSecrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of [...registeredSecrets(), ...extraSecrets]) {
    // Very short values would redact ordinary words; real credentials are long.
    if (secret.length >= 8 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (_match, prefix: string) => `${prefix}${REDACTED}`);
  }
  return out;
}

/** Field names whose values are secrets whatever they look like (compared lower-case, without `-`/`_`). */
const SECRET_KEY_SUFFIXES = [
  'apikey',
  'token',
  'secret',
  'password',
  'passwd',
  'authorization',
  'cookie',
  'signature',
  'credential',
  'credentials',
  'privatekey',
  'accesskey',
  'secretkey',
  'subscriptionkey',
];
const SECRET_KEYS_EXACT = new Set(['key', 'sig', 'auth']);

/** Whether an object key names a secret: `apiKey`, `x-goog-api-key`, `accessToken`, `password`... */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[-_\s]/g, '');
  return SECRET_KEYS_EXACT.has(k) || SECRET_KEY_SUFFIXES.some((suffix) => k.endsWith(suffix));
}

/** Deeper structures are summarised: log fields are diagnostics, not dumps. */
const MAX_DEPTH = 8;

/**
 * Deep-redacts a value for logging: strings go through {@link redact}; values under secret-named
 * keys (`apiKey`, `authorization`, `token`, `secret`, `password`, ...) become `[REDACTED]`;
 * `Headers`, `Map`, `URL` and `Error` values are turned into plain JSON-friendly data first.
 * Never throws and never mutates its input.
 *
 * @example
 * ```ts
 * redactValue({ headers: { Authorization: 'Bearer x' }, url: 'https://h/?key=abc' });
 * // { headers: { Authorization: '[REDACTED]' }, url: 'https://h/?key=[REDACTED]' }
 * ```
 */
export function redactValue(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  switch (typeof value) {
    case 'string':
      return redact(value);
    case 'bigint':
      return value.toString();
    case 'function':
      return `[Function ${value.name || 'anonymous'}]`;
    case 'symbol':
      return value.toString();
    case 'object':
      break;
    default:
      return value; // number, boolean, undefined
  }
  if (value === null) return null;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Object]';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof URL) return redact(value.href);
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, seen));
    return walkEntries(toEntries(value), depth, seen);
  } finally {
    // Only ancestors count as circular; the same object twice side by side is fine.
    seen.delete(value);
  }
}

/** The key/value pairs to log for an object: header collections and errors need help. */
function toEntries(value: object): [string, unknown][] {
  if (typeof Headers !== 'undefined' && value instanceof Headers) return [...value.entries()];
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [String(k), v]);
  if (value instanceof Error) {
    // An Error's own fields (message, stack) are not enumerable; JSON would log `{}`.
    const entries: [string, unknown][] = [
      ['name', value.name],
      ['message', value.message],
    ];
    for (const [k, v] of Object.entries(value)) entries.push([k, v]);
    if (value.stack) entries.push(['stack', value.stack]);
    if (value.cause !== undefined) entries.push(['cause', value.cause]);
    return entries;
  }
  return Object.entries(value);
}

function walkEntries(
  entries: [string, unknown][],
  depth: number,
  seen: WeakSet<object>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of entries) {
    // Booleans and numbers under a secret-ish name (`hasApiKey: true`) carry no secret.
    const hides = isSecretKey(key) && (typeof v === 'string' || (typeof v === 'object' && v !== null));
    out[key] = hides ? REDACTED : walk(v, depth + 1, seen);
  }
  return out;
}
