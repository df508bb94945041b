import { describe, expect, it } from 'vitest';
import { buildRenderArgs, frameCount, type RenderSpec } from './render-args.js';
import { deriveScene } from './scene.js';

const spec = (overrides: Partial<RenderSpec> = {}): RenderSpec => ({
  scene: deriveScene('a prompt', 1),
  width: 320,
  height: 240,
  fps: 12,
  durationSeconds: 2,
  audio: false,
  firstFramePath: undefined,
  lastFramePath: undefined,
  outputPath: '/jobs/j/video.partial.mp4',
  progressPath: '/jobs/j/progress.txt',
  preset: 'veryfast',
  ...overrides,
});

/** The value after `flag`. */
const after = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('buildRenderArgs', () => {
  it('encodes H.264 yuv420p for exactly the duration, reproducibly, with faststart', () => {
    const args = buildRenderArgs(spec());

    expect(after(args, '-c:v')).toBe('libx264');
    expect(after(args, '-pix_fmt')).toBe('yuv420p');
    expect(after(args, '-t')).toBe('2');
    expect(after(args, '-threads')).toBe('1');
    expect(after(args, '-fflags')).toBe('+bitexact');
    expect(after(args, '-flags:v')).toBe('+bitexact');
    expect(after(args, '-map_metadata')).toBe('-1');
    expect(after(args, '-movflags')).toBe('+faststart');
    expect(after(args, '-preset')).toBe('veryfast');
    expect(after(args, '-progress')).toBe('/jobs/j/progress.txt');
    expect(args.at(-1)).toBe('/jobs/j/video.partial.mp4');
  });

  it('draws every source at the requested size and frame rate', () => {
    const graph = after(buildRenderArgs(spec({ width: 640, height: 360, fps: 25 })), '-filter_complex')!;

    expect(graph).toContain('scale=640:360');
    expect(graph).toMatch(/nullsrc=s=80x45:r=25/);
    expect(graph).toContain('[video]');
  });

  it('adds the tone only when audio is on', () => {
    const scene = deriveScene('a prompt', 1);

    expect(buildRenderArgs(spec({ scene }))).not.toContain('[audio]');
    const args = buildRenderArgs(spec({ scene, audio: true }));
    expect(after(args, '-filter_complex')).toContain(
      `sine=frequency=${scene.toneHz}:sample_rate=48000:duration=2`,
    );
    expect(after(args, '-c:a')).toBe('aac');
  });

  it('overlays the first frame fading out from t=0 and the last frame fading in to the end, first on top', () => {
    const args = buildRenderArgs(
      spec({ firstFramePath: '/jobs/j/first-frame.png', lastFramePath: '/jobs/j/last-frame.png' }),
    );
    const graph = after(args, '-filter_complex')!;

    expect(args.filter((_, i) => args[i - 1] === '-i')).toEqual([
      '/jobs/j/last-frame.png',
      '/jobs/j/first-frame.png',
    ]);
    // 24 frames: the last is at 23/12 s; fading in over the second before it, done half a frame early.
    expect(graph).toContain('fade=t=in:st=0.916667:d=0.958333:alpha=1[last]');
    expect(graph).toContain('fade=t=out:st=0:d=1:alpha=1[first]');
    expect(graph.indexOf('[withfirst]')).toBeGreaterThan(graph.indexOf('[withlast]'));
  });

  it('puts a last frame on a one-frame clip without a fade', () => {
    const graph = after(
      buildRenderArgs(spec({ fps: 1, durationSeconds: 1, lastFramePath: '/l.png' })),
      '-filter_complex',
    )!;

    expect(graph).not.toContain('fade=t=in');
    expect(graph).toContain("overlay=format=yuv420:enable='gte(t,0)'");
  });
});

describe('frameCount', () => {
  it('is fps × duration', () => {
    expect(frameCount(12, 2)).toBe(24);
    expect(frameCount(1, 1)).toBe(1);
    expect(frameCount(60, 60)).toBe(3600);
  });
});
