import type { ModelInfo } from '@video-gen/core';
import { describe, expect, it } from 'vitest';
import { groupImages } from './group-images.js';

// A Veo-like model: a first frame and up to 3 reference images.
const model = {
  images: {
    firstFrame: true,
    lastFrame: true,
    maxReferenceImages: 3,
    mediaTypes: ['image/png'],
    imagesAs: 'first-frame-then-references',
  },
} as unknown as ModelInfo;

describe('groupImages (the Python CLI rule)', () => {
  it('gives each image to the clip whose prompt file name shares its keyword', () => {
    const clips = [
      { prompt: 'x', file: '/p/fr_foyer1.txt' },
      { prompt: 'y', file: '/p/fr_garden2.txt' },
    ];
    const result = groupImages(['/i/foyer1.png', '/i/garden2.png', '/i/foyer1_b.png'], clips, model);

    expect(result.rule).toBe('keywords');
    expect(result.perClip).toEqual([['/i/foyer1.png', '/i/foyer1_b.png'], ['/i/garden2.png']]);
  });

  it('matches inline prompts by their words, loosely on a numbered stem when nothing matches exactly', () => {
    const clips = [
      { prompt: 'the foyer at night', file: undefined },
      { prompt: 'a garden at dawn', file: undefined },
    ];
    const result = groupImages(['/i/garden3.png'], clips, model);

    expect(result.perClip).toEqual([[], ['/i/garden3.png']]);
  });

  it('gives every clip every image when no file name matches', () => {
    const clips = [
      { prompt: 'one', file: undefined },
      { prompt: 'two', file: undefined },
    ];
    const result = groupImages(['/i/a.png', '/i/b.png'], clips, model);

    expect(result.rule).toBe('all');
    expect(result.perClip).toEqual([
      ['/i/a.png', '/i/b.png'],
      ['/i/a.png', '/i/b.png'],
    ]);
  });

  it("caps each clip at the model's limit and reports what was left out", () => {
    const clips = [
      { prompt: 'one', file: undefined },
      { prompt: 'two', file: undefined },
    ];
    const images = ['/i/1.png', '/i/2.png', '/i/3.png', '/i/4.png', '/i/5.png'];
    const result = groupImages(images, clips, model);

    expect(result.perClip[0]).toHaveLength(4); // first frame + 3 references
    expect(result.perClip[1]).toHaveLength(3); // references only: the first frame is chained
    expect(result.dropped).toEqual([
      [1, '/i/5.png'],
      [2, '/i/4.png'],
      [2, '/i/5.png'],
    ]);
  });

  it('gives later clips no references when the model cannot combine references with a frame', () => {
    const veoLike = {
      images: { ...model.images, referenceImagesExcludeFrames: true },
    } as unknown as ModelInfo;
    const clips = [
      { prompt: 'one', file: undefined },
      { prompt: 'two', file: undefined },
    ];
    const result = groupImages(['/i/1.png', '/i/2.png'], clips, veoLike);

    expect(result.perClip).toEqual([['/i/1.png'], []]);
  });
});
