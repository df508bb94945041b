import { ValidationError } from '@video-gen/core';
import { describe, expect, it } from 'vitest';
import { distributeImages } from './distribute-images.js';

describe('distributeImages', () => {
  it('gives every clip no images when none are given', () => {
    expect(distributeImages(undefined, 3)).toEqual([[], [], []]);
  });

  it('gives one flat list to every clip', () => {
    expect(distributeImages(['style.png', 'hero.png'], 2)).toEqual([
      ['style.png', 'hero.png'],
      ['style.png', 'hero.png'],
    ]);
  });

  it('gives each clip its own list when one list per clip is given', () => {
    expect(distributeImages([['start.png'], [], ['ref.png']], 3)).toEqual([['start.png'], [], ['ref.png']]);
  });

  it('refuses a per-clip list of the wrong length with a ValidationError', () => {
    let error: unknown;
    try {
      distributeImages([['start.png'], []], 3);
    } catch (e) {
      error = e;
    }

    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'images_per_clip_length' });
    expect((error as Error).message).toContain('2 per-clip lists for 3 clips');
  });

  it('refuses a list that mixes images and lists', () => {
    expect(() => distributeImages(['a.png', ['b.png']] as never, 2)).toThrow(/mixes images and lists/);
  });
});
