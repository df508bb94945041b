/**
 * Bytes for people: `812 B`, `12.3 kB`, `4.56 MB`, `1.20 GB` (decimal units, as file managers show).
 *
 * @example
 * ```ts
 * formatBytes(12_345); // '12.3 kB'
 * ```
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 'B';
  for (const next of units) {
    if (value < 1000) break;
    value /= 1000;
    unit = next;
  }
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ${unit}`;
}

/**
 * Elapsed time for people: `0.4 s`, `12.0 s`, `3 min 05 s`.
 *
 * @example
 * ```ts
 * formatElapsed(185_000); // '3 min 05 s'
 * ```
 */
export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const secondsLeft = String(totalSeconds % 60).padStart(2, '0');
  return `${minutes} min ${secondsLeft} s`;
}

/** A percentage from a 0–1 fraction: `42%`. */
export function formatPercent(fraction: number): string {
  return `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
}
