import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRetryAfter } from './retry-after.js';

describe('parseRetryAfter', () => {
  afterEach(() => vi.useRealTimers());

  it('reads delay-seconds', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '3' }))).toBe(3000);
    expect(parseRetryAfter(new Headers({ 'retry-after': '0.5' }))).toBe(500);
  });

  it('prefers retry-after-ms', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '3', 'retry-after-ms': '1250' }))).toBe(1250);
  });

  it('reads an HTTP date', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-01-01T00:00:00Z'));
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:10 GMT' }))).toBe(10_000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Tue, 31 Dec 2024 00:00:00 GMT' }))).toBe(0);
  });

  it('ignores missing and malformed values', () => {
    expect(parseRetryAfter(new Headers())).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after': '-1' }))).toBeUndefined();
  });
});
