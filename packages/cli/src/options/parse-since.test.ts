import { describe, expect, it } from 'vitest';
import { parseSince } from './parse-since.js';

describe('parseSince', () => {
  const now = Date.parse('2026-11-25T12:00:00.000Z');

  it('takes dates and times', () => {
    expect(parseSince('2026-11-01', now)).toBe('2026-11-01T00:00:00.000Z');
    expect(parseSince('2026-11-01T08:30:00Z', now)).toBe('2026-11-01T08:30:00.000Z');
  });

  it('takes spans back from now', () => {
    expect(parseSince('30m', now)).toBe('2026-11-25T11:30:00.000Z');
    expect(parseSince('12h', now)).toBe('2026-11-25T00:00:00.000Z');
    expect(parseSince('7d', now)).toBe('2026-11-18T12:00:00.000Z');
    expect(parseSince('2W', now)).toBe('2026-11-11T12:00:00.000Z');
  });

  it('refuses anything else with an example', () => {
    for (const value of ['yesterday', '7', '2026-13-45', '']) {
      expect(() => parseSince(value, now)).toThrow(/--since takes a date \(2026-11-01/);
    }
  });
});
