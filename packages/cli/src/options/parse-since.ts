import { InvalidArgumentError } from 'commander';

const UNIT_MS: Readonly<Record<string, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * Parses `--since`: a date or time (`2026-11-01`, `2026-11-01T12:00:00Z`), or a span back from
 * `now` (`30m`, `12h`, `7d`, `2w`). Returns the moment as an ISO string.
 *
 * @example
 * ```ts
 * parseSince('7d'); // seven days ago
 * parseSince('2026-11-01'); // '2026-11-01T00:00:00.000Z'
 * ```
 */
export function parseSince(value: string, now: number = Date.now()): string {
  const trimmed = value.trim();
  const span = /^(\d+)\s*([mhdw])$/i.exec(trimmed);
  if (span) {
    const [, amount, unit] = span;
    return new Date(now - Number(amount) * (UNIT_MS[unit!.toLowerCase()] ?? 0)).toISOString();
  }
  const time = /^\d{4}-\d{2}-\d{2}/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new InvalidArgumentError(
      '--since takes a date (2026-11-01, 2026-11-01T12:00:00Z) or a span back from now (30m, 12h, 7d, 2w).',
    );
  }
  return new Date(time).toISOString();
}
