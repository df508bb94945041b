import { describe, expect, it } from 'vitest';
import { deriveScene } from './scene.js';

describe('deriveScene', () => {
  it('derives the same scene from the same prompt and seed', () => {
    expect(deriveScene('waves at dusk', 42)).toEqual(deriveScene('waves at dusk', 42));
    expect(deriveScene('waves at dusk', undefined)).toEqual(deriveScene('waves at dusk', undefined));
  });

  it('derives a different scene from another seed or prompt', () => {
    expect(deriveScene('waves at dusk', 43)).not.toEqual(deriveScene('waves at dusk', 42));
    expect(deriveScene('waves at dawn', 42)).not.toEqual(deriveScene('waves at dusk', 42));
    expect(deriveScene('waves at dusk', 0)).not.toEqual(deriveScene('waves at dusk', undefined));
  });

  it('uses every pattern across seeds, with values the filters accept', () => {
    const scenes = Array.from({ length: 100 }, (_, seed) => deriveScene('a prompt', seed));

    expect(new Set(scenes.map((s) => s.pattern.kind))).toEqual(
      new Set(['testsrc2', 'mandelbrot', 'life', 'cellauto', 'plasma']),
    );
    for (const scene of scenes) {
      for (const wave of scene.background) expect(wave.amplitude).toBeLessThanOrEqual(120);
      expect(scene.opacity).toBeGreaterThanOrEqual(0.45);
      expect(scene.opacity).toBeLessThanOrEqual(0.85);
      expect(scene.toneHz).toBeGreaterThanOrEqual(220);
      expect(scene.toneHz).toBeLessThanOrEqual(880);
    }
  });
});
