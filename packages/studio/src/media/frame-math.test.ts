import { describe, expect, it } from 'vitest';
import { frameDifference } from './frame-cache.js';
import { parseRange } from './send-file.js';

describe('frameDifference', () => {
  it('is 0 for identical frames and 100 for black against white', () => {
    const black = new Uint8Array(64 * 36);
    const white = new Uint8Array(64 * 36).fill(255);
    expect(frameDifference(black, black)).toBe(0);
    expect(frameDifference(black, white)).toBe(100);
  });

  it('is the mean absolute difference, as a percentage', () => {
    expect(
      frameDifference(new Uint8Array([0, 255, 100, 100]), new Uint8Array([51, 204, 100, 100])),
    ).toBeCloseTo(10, 5);
  });
});

describe('parseRange', () => {
  it('reads the forms a video element sends', () => {
    expect(parseRange('bytes=0-', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=100-199', 1000)).toEqual({ start: 100, end: 199 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
  });

  it('says unsatisfiable for a range outside the file, and ignores what it cannot read', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=500-100', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-9', 1000)).toBeUndefined();
    expect(parseRange('items=0-1', 1000)).toBeUndefined();
    expect(parseRange(undefined, 1000)).toBeUndefined();
  });
});
