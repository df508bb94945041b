/**
 * How long a server asked the client to wait, in milliseconds, from `retry-after-ms` (OpenAI and
 * Azure send it) or `Retry-After` as delay-seconds or an HTTP date. Returns `undefined` when
 * neither header is present or parsable; a date in the past gives `0`.
 *
 * @example
 * ```ts
 * parseRetryAfter(new Headers({ 'retry-after': '2' })); // 2000
 * ```
 */
export function parseRetryAfter(headers: Headers): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(Number(ms));
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  // HTTP dates always spell out the day and month; bare numbers like `-1` would parse as years.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - Date.now());
}
